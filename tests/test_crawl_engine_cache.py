"""The engine's 304 fast path: links of an unchanged page come from the link cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from crawl_support import FAST, query

from praktyki.crawl import bdp_strategy as bdp_module
from praktyki.crawl.service import crawl_bdp
from praktyki_replica.bdp_site import BdpSite

PRACTICES = 12

pytestmark = pytest.mark.slow


@pytest.fixture
def base_url(replica_factory) -> str:  # type: ignore[no-untyped-def]
    return replica_factory([BdpSite(practices=PRACTICES)]).base_url("bdp")


def frontier_of(db: Path, run_id: int) -> list[tuple[str, str, str]]:
    return query(
        db,
        "SELECT url, kind, state FROM frontier WHERE run_id = ? ORDER BY url",
        (run_id,),
    )


def test_a_refresh_queues_exactly_what_the_full_crawl_queued(tmp_path: Path, base_url: str) -> None:
    db = tmp_path / "p.db"
    first = crawl_bdp(db, base_url, FAST)
    second = crawl_bdp(db, base_url, FAST)
    assert second.not_modified > 2 * PRACTICES
    assert frontier_of(db, second.run_id) == frontier_of(db, first.run_id)


def test_a_304_reads_links_from_the_cache_not_the_archived_body(
    tmp_path: Path, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "p.db"
    crawl_bdp(db, base_url, FAST)
    parsed: list[str] = []
    original = bdp_module.parse_attachments

    def counting(body: bytes, url: str, content_type: str | None = None):  # type: ignore[no-untyped-def]
        parsed.append(url)
        return original(body, url, content_type)

    monkeypatch.setattr(bdp_module, "parse_attachments", counting)
    second = crawl_bdp(db, base_url, FAST)
    assert second.unchanged == PRACTICES
    assert parsed == []


def test_links_are_cached_per_body_and_discovery_version(tmp_path: Path, base_url: str) -> None:
    db = tmp_path / "p.db"
    crawl_bdp(db, base_url, FAST)
    crawl_bdp(db, base_url, FAST)
    versions = query(db, "SELECT DISTINCT version FROM crawl_links")
    assert versions == [(bdp_module.BdpStrategy.discovery_version,)]
    # one entry per conditionally fetched URL and body: the refresh added none
    assert query(db, "SELECT COUNT(*) FROM crawl_links") == query(
        db, "SELECT COUNT(DISTINCT url) FROM crawl_links"
    )


def test_a_stale_discovery_version_is_not_reused(
    tmp_path: Path, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "p.db"
    crawl_bdp(db, base_url, FAST)
    monkeypatch.setattr(bdp_module.BdpStrategy, "discovery_version", "bdp/test/2")
    second = crawl_bdp(db, base_url, FAST)
    assert second.unchanged == PRACTICES
    assert query(db, "SELECT COUNT(*) FROM crawl_links WHERE version = 'bdp/test/2'")[0][0] > 0
