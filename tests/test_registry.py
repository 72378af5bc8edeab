"""The OPS site registry: the shipped file, the format's rules and its error messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from praktyki.crawl.registry import default_registry_path, load_registry
from praktyki.errors import ConfigError
from praktyki.replica.ops_sites import build_ops_sites

GOOD = """
version = 1
[[site]]
name = "ops-x"
start_urls = ["https://ops.example-gmina.pl/"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_registry_names_every_replica_site() -> None:
    registry = load_registry(default_registry_path())
    assert sorted(s.replica or "" for s in registry.sites) == sorted(
        s.name for s in build_ops_sites()
    )


def test_replica_start_urls_resolve_against_the_running_base_url() -> None:
    entry = load_registry(default_registry_path()).get("mops-wp")
    assert entry is not None
    assert entry.resolve_start_urls("http://127.0.0.1:5123/") == (
        "http://127.0.0.1:5123/",
        "http://127.0.0.1:5123/aktualnosci/",
    )


def test_a_base_relative_entry_cannot_resolve_without_a_base_url() -> None:
    entry = load_registry(default_registry_path()).get("ops-gora")
    assert entry is not None
    with pytest.raises(ValueError, match="needs the base URL"):
        entry.resolve_start_urls()


def test_defaults_fill_an_absolute_entry(tmp_path: Path) -> None:
    entry = load_registry(write(tmp_path, GOOD)).sites[0]
    assert (entry.allowed_prefixes, entry.page_budget, entry.max_depth, entry.hints) == (
        ("/",),
        200,
        5,
        None,
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("version = 1\n[[site]\n", "not valid TOML"),
        ("version = 2\n", "unsupported registry version 2"),
        ("sites = []\n", "unknown top-level key(s): sites"),
        ("[site]\nname = 'a'\n", "'site' must be an array of tables"),
        (GOOD + "page_budget = 0\n", "site #1 'ops-x': page_budget: Input should be greater than"),
        (GOOD + "colour = 'red'\n", "site #1 'ops-x': colour: Extra inputs are not permitted"),
        (GOOD.replace("ops-x", "OPS X"), "site #1 'OPS X': name: must be lower-case"),
        (GOOD.replace("https://ops", "{base}"), "uses {base} but no replica is set"),
        (GOOD.replace("https://", "ftp://"), "is neither http(s) nor {base}-relative"),
        (GOOD + "allowed_prefixes = ['node']\n", "allowed_prefixes: each prefix must be a path"),
        (GOOD + "[site.hints]\nbody = 1\n", "hints.body: Input should be a valid string"),
        (GOOD + GOOD.replace("version = 1", ""), "duplicate site names: ops-x"),
        ("[[site]]\nstart_urls = ['http://a.example.pl/']\n", "site #1: name: Field required"),
    ],
    ids=[
        "broken-toml",
        "future-version",
        "unknown-top-level-key",
        "site-not-an-array",
        "zero-page-budget",
        "unknown-entry-key",
        "name-not-a-slug",
        "base-without-replica",
        "non-http-start-url",
        "prefix-not-a-path",
        "hint-not-a-string",
        "duplicate-names",
        "missing-name",
    ],
)
def test_a_bad_registry_is_a_config_error_naming_file_and_entry(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_registry(path)
    assert str(path) in info.value.reason
    assert reason in info.value.reason
    assert "\n" not in info.value.reason


def test_a_missing_registry_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="registry file not found"):
        load_registry(tmp_path / "absent.toml")
