"""``praktyki serve-replica``: option validation in-process, serving and SIGTERM in a subprocess."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from praktyki.cli import cli


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "0.0.0.0"], "loopback only"),
        (["--host", "192.168.1.10"], "loopback only"),
        (["--host", "example.org"], "loopback"),
        (["--faults", "teapot:0.1"], "unknown fault kind 'teapot'"),
        (["--faults", "500:2"], "within 0..1"),
        (["--faults", "500@relative"], "bad fault rule"),
    ],
    ids=["any-address", "lan-address", "hostname", "unknown-kind", "probability", "target"],
)
def test_bad_options_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["serve-replica", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_port_out_of_range_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["serve-replica", "--port", "70000"])
    assert result.exit_code == 2


def test_help_documents_the_fault_grammar() -> None:
    result = CliRunner().invoke(cli, ["serve-replica", "--help"])
    assert result.exit_code == 0
    for token in ["KIND[:PROB][xN|!][@/TARGET]", "gzipbomb", "redirectloop", "robots.txt"]:
        assert token in result.output


# The catalog's sites are written on other branches: the subprocess serves two toy sites
# through the real command by giving the catalog a different default.
SCRIPT = textwrap.dedent(
    """
    import sys
    import praktyki_replica.catalog as catalog
    from praktyki_replica import Request, Resource

    class Toy:
        def __init__(self, name):
            self.name = name
        def handle(self, request: Request) -> Resource:
            return Resource(body=f"<html>{self.name} {request.target}</html>".encode())

    catalog.default_sites = lambda practices, seed: [Toy("bdp"), Toy("ops-gora")]
    from praktyki.cli import main
    main(sys.argv[1:])
    """
)


def test_serves_until_sigterm_and_exits_0(tmp_path: Path) -> None:
    script = tmp_path / "serve.py"
    script.write_text(SCRIPT)
    with subprocess.Popen(
        [sys.executable, str(script), "serve-replica", "--faults", "500@/broken"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().split() for _ in range(2)]
        urls = dict(lines)
        ok = httpx.get(f"{urls['bdp']}/index.php?art=1", timeout=5)
        broken = httpx.get(f"{urls['ops-gora']}/broken", timeout=5)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=10)
    assert [name for name, _ in lines] == ["bdp", "ops-gora"]
    assert ok.text == "<html>bdp /index.php?art=1</html>"
    assert broken.status_code == 500
    assert proc.returncode == 0
    assert "Traceback" not in stderr
