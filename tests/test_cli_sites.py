"""``praktyki sites list`` and ``praktyki sites check``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from praktyki.cli import cli
from praktyki.crawl.site_registry import default_registry_path, load_registry


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_shows_every_shipped_site_with_its_source() -> None:
    code, out, _ = run_cli("sites", "list")
    shipped = load_registry(default_registry_path()).sites
    assert code == 0
    assert [line.split("\t") for line in out.splitlines()] == [
        [site.name, " ".join(site.start_urls), site.source] for site in shipped
    ]


def test_check_passes_the_shipped_registry() -> None:
    code, out, _ = run_cli("sites", "check", str(default_registry_path()))
    assert code == 0
    assert "valid" in out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "registry file not found"),
        ("[[site]\n", "not valid TOML"),
        ('[[site]]\nname = "a"\nstart_urls = ["{base}/"]\n', "not an absolute http(s) URL"),
        ('[[site]]\nname = "a"\nstart_urls = ["https://a.pl/"]\nreplica = "a"\n', "replica"),
    ],
    ids=["missing", "bad toml", "placeholder start URL", "replica key"],
)
def test_check_names_the_fault_in_one_line_and_exits_2(
    tmp_path: Path, content: str | None, reason: str
) -> None:
    path = tmp_path / "sites.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _, err = run_cli("sites", "check", str(path))
    assert code == 2
    assert reason in err
    assert str(path) in err
    assert len(err.strip().splitlines()) == 1


def test_check_of_a_directory_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, _, err = run_cli("sites", "check", str(tmp_path))
    assert (code, len(err.strip().splitlines())) == (2, 1)
    assert "is a directory" in err
