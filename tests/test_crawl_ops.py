"""The OPS focused crawl of the five replica sites over loopback into real SQLite files.

One crawl (module fixture) answers most questions; refresh, reparse, budget and bare-URL
crawls run on their own databases.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from crawl_support import FAST, RUN_COLUMNS, dump

from praktyki.crawl.service import crawl_ops, reparse
from praktyki.schemas.ops import OpsPage
from praktyki.schemas.run import RunSummary
from praktyki_replica import RunningReplica, running_replica
from praktyki_replica.ops_sites import VARIANT_PARAMS, OpsSite, build_ops_sites
from praktyki_replica.registry import replica_registry

SITES = build_ops_sites()
NAMES = [site.name for site in SITES]

_TOKEN = re.compile(r"\w+")


def rows(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def stored(db: Path, source: str) -> dict[tuple[str, int], dict[str, Any]]:
    """The site's active OPS records keyed by (url, article_index), fields as in OpsPage JSON."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        out = {}
        for row in conn.execute(
            "SELECT * FROM ops_pages WHERE source = ? AND status = 'active'", (source,)
        ):
            key = (row["url"], row["article_index"])
            topics = [
                t
                for (t,) in conn.execute(
                    "SELECT topic FROM ops_topics WHERE source = ? AND url = ? "
                    "AND article_index = ? ORDER BY position",
                    (source, *key),
                )
            ]
            out[key] = dict(row) | {"topics": topics}
        return out
    finally:
        conn.close()


def expected(record: OpsPage) -> dict[str, Any]:
    data = record.to_json_dict()
    return {
        "title": data["title"],
        "published_at": data["published_at"],
        "modified_at": data["modified_at"],
        "author": data["author"],
        "views": data["views"],
        "topics": list(data["topics"]),  # type: ignore[call-overload]
        "body": data["body"],
    }


def token_f1(got: str, want: str) -> float:
    a, b = Counter(_TOKEN.findall(got.lower())), Counter(_TOKEN.findall(want.lower()))
    common = sum((a & b).values())
    if not a or not b or not common:
        return float(a == b)
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


# -- fixtures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Crawled:
    db: Path
    replica: RunningReplica
    summary: RunSummary

    def base(self, name: str) -> str:
        return self.replica.base_url(name)

    def site(self, name: str) -> OpsSite:
        return next(site for site in SITES if site.name == name)


@pytest.fixture(scope="module")
def replica() -> Iterator[RunningReplica]:
    with running_replica(SITES) as running:
        yield running


@pytest.fixture(scope="module")
def crawled(replica: RunningReplica, tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    db = tmp_path_factory.mktemp("ops") / "p.db"
    summary = crawl_ops(db, settings=FAST, registry=replica_registry(replica.base_urls))
    return Crawled(db, replica, summary)


def archived_urls(db: Path) -> list[str]:
    return [url for (url,) in rows(db, "SELECT url FROM archive_responses")]


# -- the crawl -----------------------------------------------------------------------------


def test_the_crawl_finishes_without_failures(crawled: Crawled) -> None:
    summary = crawled.summary
    assert (summary.kind, summary.failed, summary.exit_code) == ("ops", 0, 0)
    assert summary.new == sum(len(site.article_urls(crawled.base(site.name))) for site in SITES)


@pytest.mark.parametrize("name", NAMES)
def test_every_topic_page_is_fetched(crawled: Crawled, name: str) -> None:
    topic_urls = crawled.site(name).topic_urls(crawled.base(name))
    assert topic_urls
    assert set(topic_urls) <= set(archived_urls(crawled.db))


def test_no_offsite_url_is_fetched(crawled: Crawled) -> None:
    hosts = {urlsplit(url).netloc for url in crawled.replica.base_urls.values()}
    assert {urlsplit(url).netloc for url in archived_urls(crawled.db)} <= hosts
    offsite = {link for site in SITES for link in site.offsite_links()}
    queued = {url for (url,) in rows(crawled.db, "SELECT url FROM frontier")}
    assert not offsite & queued


def test_no_calendar_or_sort_variant_is_fetched(crawled: Crawled) -> None:
    variants = [
        url
        for url in archived_urls(crawled.db)
        if any(name in VARIANT_PARAMS for name, _ in parse_qsl(urlsplit(url).query))
    ]
    assert variants == []


def test_no_printer_friendly_duplicate_is_fetched(crawled: Crawled) -> None:
    prints = {url for site in SITES for url in site.print_urls(crawled.base(site.name))}
    assert prints
    assert not prints & set(archived_urls(crawled.db))


@pytest.mark.parametrize("name", NAMES)
def test_each_article_is_stored_once(crawled: Crawled, name: str) -> None:
    truth = [(r.url, r.article_index) for r in crawled.site(name).ground_truth(crawled.base(name))]
    keys = [
        (url, index)
        for url, index in rows(
            crawled.db, "SELECT url, article_index FROM ops_pages WHERE source = ?", (name,)
        )
    ]
    assert sorted(keys) == sorted(truth)


def test_attachments_are_archived_not_parsed(crawled: Crawled) -> None:
    files = {
        a.url
        for site in SITES
        for r in site.ground_truth(crawled.base(site.name))
        for a in r.attachments
    }
    assert files
    fetched = rows(crawled.db, "SELECT url, kind, state FROM frontier WHERE kind = 'file'")
    assert {url for url, _, _ in fetched} == files
    assert {state for _, _, state in fetched} == {"done"}


# -- stored records against the ground truth -------------------------------------------------

FIELDS = ("title", "published_at", "modified_at", "author", "views", "topics")


def pairs(crawled: Crawled, name: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    got = stored(crawled.db, name)
    return [
        (got[(r.url, r.article_index)], expected(r))
        for r in crawled.site(name).ground_truth(crawled.base(name))
    ]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", NAMES)
def test_stored_field_equals_the_ground_truth(crawled: Crawled, name: str, field: str) -> None:
    mismatches = [
        (want["title"], got[field], want[field])
        for got, want in pairs(crawled, name)
        if got[field] != want[field]
    ]
    assert mismatches == []


@pytest.mark.parametrize("name", NAMES)
def test_stored_body_has_token_f1_of_at_least_0_9(crawled: Crawled, name: str) -> None:
    scores = {
        want["title"]: token_f1(got["body"], want["body"]) for got, want in pairs(crawled, name)
    }
    assert min(scores.values()) >= 0.9, scores


# -- refresh, reparse ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def refreshed(
    replica: RunningReplica, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, RunSummary, RunSummary]:
    db = tmp_path_factory.mktemp("ops-refresh") / "p.db"
    first = crawl_ops(db, settings=FAST, registry=replica_registry(replica.base_urls))
    second = crawl_ops(db, settings=FAST, registry=replica_registry(replica.base_urls))
    return db, first, second


@pytest.mark.slow
def test_a_second_crawl_is_all_304_and_changes_nothing(
    refreshed: tuple[Path, RunSummary, RunSummary],
) -> None:
    db, first, second = refreshed
    assert (second.new, second.changed, second.removed, second.failed) == (0, 0, 0, 0)
    assert second.unchanged == first.new
    pages = rows(
        db, "SELECT COUNT(*) FROM frontier WHERE run_id = ? AND status = 200", (second.run_id,)
    )
    assert pages == [(0,)]
    assert second.not_modified > 0
    assert rows(db, "SELECT COUNT(*) FROM history") == [(0,)]


@pytest.mark.slow
def test_reparse_rebuilds_the_same_ops_tables(
    refreshed: tuple[Path, RunSummary, RunSummary], tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    source, target = sqlite3.connect(refreshed[0]), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    before = dump(copy, exclude=RUN_COLUMNS)
    summary = reparse(copy)
    assert summary.failed == 0
    assert dump(copy, exclude=RUN_COLUMNS) == before


@pytest.mark.slow
def test_a_polite_crawl_stores_what_an_unlimited_one_stores(
    crawled: Crawled, tmp_path: Path
) -> None:
    """With a rate limit the frontier is claimed host by host (a few URLs per host in hand);
    what is fetched and stored must not depend on it."""
    db = tmp_path / "polite.db"
    polite = FAST.replace(rate=20)
    summary = crawl_ops(db, settings=polite, registry=replica_registry(crawled.replica.base_urls))
    assert (summary.new, summary.failed) == (crawled.summary.new, 0)
    assert sorted(archived_urls(db)) == sorted(archived_urls(crawled.db))
    assert dump(db, exclude=RUN_COLUMNS) == dump(crawled.db, exclude=RUN_COLUMNS)


# -- budget, bare URLs -------------------------------------------------------------------------


def registry_file(tmp_path: Path, budget: int) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(
        f'[[site]]\nname = "janow"\nstart_urls = ["https://ops-janow.invalid/"]\n'
        f"page_budget = {budget}\n",
        encoding="utf-8",
    )
    return path


def test_the_page_budget_caps_a_site_and_its_crawl_is_incomplete(
    replica: RunningReplica, tmp_path: Path
) -> None:
    db = tmp_path / "p.db"
    summary = crawl_ops(
        db,
        sites_file=registry_file(tmp_path, 8),
        settings=FAST,
        bases={"janow": replica.base_url("ops-janow")},
    )
    pages = rows(db, "SELECT COUNT(*) FROM frontier WHERE run_id = ?", (summary.run_id,))
    assert 1 < pages[0][0] <= 8
    assert rows(db, "SELECT complete FROM ops_run_sites") == [(0,)]


def test_the_budget_goes_to_topic_pages_first(replica: RunningReplica, tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    base = replica.base_url("ops-janow")
    site = next(s for s in SITES if s.name == "ops-janow")
    crawl_ops(
        db,
        sites_file=registry_file(tmp_path, 20),
        settings=FAST,
        bases={"janow": base},
    )
    # 20 of 55 pages: every topic page is among them
    assert set(site.topic_urls(base)) <= set(archived_urls(db))


def test_a_bare_url_is_a_site_named_by_its_host(replica: RunningReplica, tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    base = replica.base_url("gops-drupal")
    site = next(s for s in SITES if s.name == "gops-drupal")
    summary = crawl_ops(db, [base + "/"], settings=FAST)
    host = urlsplit(base).netloc
    assert summary.exit_code == 0
    keys = rows(db, "SELECT url, article_index FROM ops_pages WHERE source = ?", (host,))
    assert sorted(keys) == sorted((r.url, r.article_index) for r in site.ground_truth(base))
