"""In a real browser (headless Chromium): `praktyki serve` over loopback and the quality
report as a person opens them. Screenshots land in tests/artifacts/ (git-ignored) for review."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browse_support import browse_database
from browser import dump_dom, png_pixels, require_chromium, screenshot, visible_text
from click.testing import CliRunner

from praktyki.cli import cli

pytestmark = pytest.mark.slow

SCRIPT = str(Path(sys.executable).parent / "praktyki")
BAR_BLUE = (0x4C, 0x78, 0xA8)  # .bar in the report's CSS


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"praktyki serve exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("praktyki serve did not start listening")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return browse_database(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def served(db_path: Path) -> Iterator[str]:
    require_chromium()
    port = _free_port()
    process = subprocess.Popen(
        [SCRIPT, "--quiet", "serve", "--port", str(port), "--db", str(db_path)],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_practice_page_shows_its_contacts(served: str) -> None:
    url = f"{served}/praktyki/practices/bdp,77"
    text = visible_text(dump_dom(url))
    screenshot(url, "serve-practice")
    assert "Współpraca z organizacjami pozarządowymi" in text
    assert "Osoby kontaktowe" in text
    assert "Katarzyna Piórkowska" in text
    assert "pracownik socjalny" in text


@pytest.mark.parametrize(("query", "name"), [("wspolpraca", "folded"), ("współpraca", "polish")])
def test_searching_practices_finds_rows(served: str, query: str, name: str) -> None:
    url = f"{served}/praktyki/practices?_search={query}"
    text = visible_text(dump_dom(url))
    screenshot(url, f"serve-search-{name}")
    assert "1 row where search matches" in text
    assert "Współpraca z organizacjami pozarządowymi" in text


def test_the_home_page_lists_only_the_dataset(served: str) -> None:
    text = visible_text(dump_dom(f"{served}/praktyki"))
    assert "practices" in text
    assert "archive_responses" not in text
    assert "Practices by voivodeship" in text


def test_the_report_charts_are_drawn(db_path: Path, tmp_path: Path) -> None:
    require_chromium()
    html = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", "--html", str(html), "--db", str(db_path)])
    assert result.exit_code == 0
    url = html.as_uri()
    text = visible_text(dump_dom(url))
    shot = screenshot(url, "report", size="1000,900")
    assert "Coverage per field" in text
    assert "Sołectwa" in text  # Polish letters come through as UTF-8
    blue = sum(1 for pixel in png_pixels(shot) if pixel == BAR_BLUE)
    assert blue > 5_000  # the coverage bars are painted, not only present in the DOM
