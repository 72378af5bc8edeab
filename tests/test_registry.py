"""The OPS site registry: the shipped file, the format's rules and its error messages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from praktyki.crawl.site_registry import apply_bases, default_registry_path, load_registry
from praktyki.errors import ConfigError
from praktyki.schemas.registry import rebase_url
from praktyki_replica.registry import REPLICA_SITE_NAMES

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


def test_the_shipped_registry_lists_real_sites_each_with_its_source() -> None:
    registry = load_registry(default_registry_path())
    assert 10 <= len(registry.sites) <= 20
    for site in registry.sites:
        assert site.source is not None
        assert urlsplit(site.source).netloc == urlsplit(site.start_urls[0]).netloc


def test_the_shipped_registry_names_no_replica_or_loopback_site() -> None:
    hosts = {
        urlsplit(url).hostname
        for s in load_registry(default_registry_path()).sites
        for url in s.start_urls
    }
    assert not hosts & {"127.0.0.1", "localhost"}
    assert not {s.name for s in load_registry(default_registry_path()).sites} & set(
        REPLICA_SITE_NAMES
    )


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("https://ops.example.pl/", "http://127.0.0.1:5123", "http://127.0.0.1:5123/"),
        ("https://ops.example.pl/a?b=1", "http://127.0.0.1:5123/", "http://127.0.0.1:5123/a?b=1"),
        ("https://ops.example.pl/a", "http://mirror.example/ops", "http://mirror.example/ops/a"),
    ],
    ids=["root", "path and query kept", "base path prefixes"],
)
def test_rebase_url_takes_scheme_and_host_of_the_base(url: str, base: str, expected: str) -> None:
    assert rebase_url(url, base) == expected


def test_bases_move_only_the_named_sites(tmp_path: Path) -> None:
    text = GOOD + GOOD.replace("version = 1", "").replace("ops-x", "ops-y")
    registry = apply_bases(load_registry(write(tmp_path, text)), {"ops-y": "http://127.0.0.1:9"})
    assert [s.start_urls for s in registry.sites] == [
        ("https://ops.example-gmina.pl/",),
        ("http://127.0.0.1:9/",),
    ]


def test_a_base_for_an_unknown_site_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="names no site of the registry: nope"):
        apply_bases(load_registry(write(tmp_path, GOOD)), {"nope": "http://127.0.0.1:9"})


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
        (GOOD.replace("https://ops", "{base}"), "is not an absolute http(s) URL"),
        (GOOD.replace("https://", "ftp://"), "is not an absolute http(s) URL"),
        (GOOD + "replica = 'ops-gora'\n", "replica: Extra inputs are not permitted"),
        (GOOD + "allowed_prefixes = ['node']\n", "allowed_prefixes: each prefix must be a path"),
        (GOOD + "[site.hints]\nbody = 1\n", "hints.body: Input should be a valid string"),
        (GOOD + GOOD.replace("version = 1", ""), "duplicate site names: ops-x"),
        ("[[site]]\nstart_urls = ['http://a.example.pl/']\n", "site #1: name: Field required"),
        ("[[site]]\nname = 'a'\n", "site #1 'a': start_urls: Field required"),
    ],
    ids=[
        "broken-toml",
        "future-version",
        "unknown-top-level-key",
        "site-not-an-array",
        "zero-page-budget",
        "unknown-entry-key",
        "name-not-a-slug",
        "base-placeholder",
        "non-http-start-url",
        "replica-key-is-gone",
        "prefix-not-a-path",
        "hint-not-a-string",
        "duplicate-names",
        "missing-name",
        "missing-start-urls",
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
