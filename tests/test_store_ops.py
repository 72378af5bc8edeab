"""Loading OPS pages: several articles per URL, change detection, removal, institutions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from store_helpers import dump, new_database, new_run, rows

from praktyki.schemas.dataset import OpsBundle, Provenance
from praktyki.schemas.ops import Institution, OpsAttachment, OpsPage
from praktyki.store.fts import search_ops
from praktyki.store.ops_pages import load_ops_bundle, mark_ops_removed
from praktyki.store.practices import Change, ChangeKind

URL = "https://ops-gora.example.pl/cal-cis"
GORA = Institution(
    name="Ośrodek Pomocy Społecznej w Górze",
    street="ul. Poznańska 23",
    postal_code="56-200",
    locality="Góra",
    phones=("+48655432201",),
)


def article(index: int, **changes: Any) -> OpsPage:
    values: dict[str, Any] = {
        "url": URL,
        "site_name": "Ośrodek Pomocy Społecznej w Górze",
        "title": ["CIS - Centrum Interwencji Socjalnej", "CAL - Centrum Aktywności Lokalnej"][
            index
        ],
        "breadcrumb": ("Strona Główna", "CAL/CIS", "CAL/CIS Informacje"),
        "body": [
            "Centrum Interwencji Socjalnej stanowi dział Ośrodka Pomocy Społecznej.",
            "Centrum Aktywności Lokalnej jest to program promujący model działania.",
        ][index],
        "institution": GORA,
        "topics": [("CIS",), ("CAL",)][index],
        "article_index": index,
        "views": 100,
    }
    return OpsPage(**(values | changes))


def bundle(*pages: OpsPage, url: str = URL) -> OpsBundle:
    return OpsBundle(
        source="ops-gora",
        url=url,
        pages=pages,
        provenance=(
            Provenance(
                url=url,
                archive_id=3,
                fetched_at=dt.datetime(2024, 5, 2, 8, 0, tzinfo=dt.UTC),
                parser_version="1",
            ),
        ),
    )


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return new_database(tmp_path)


def test_two_articles_of_one_url_are_two_rows(db: Database) -> None:
    run = new_run(db, "ops")
    assert load_ops_bundle(db, bundle(article(0), article(1)), run_id=run) == Change(ChangeKind.NEW)
    assert rows(db, "SELECT url, article_index, title, status, archive_id FROM ops_pages") == [
        (URL, 0, "CIS - Centrum Interwencji Socjalnej", "active", 3),
        (URL, 1, "CAL - Centrum Aktywności Lokalnej", "active", 3),
    ]
    assert rows(db, "SELECT article_index, position, topic FROM ops_topics ORDER BY 1") == [
        (0, 0, "CIS"),
        (1, 0, "CAL"),
    ]
    assert rows(
        db, "SELECT name FROM ops_breadcrumbs WHERE article_index = 1 ORDER BY position"
    ) == [
        ("Strona Główna",),
        ("CAL/CIS",),
        ("CAL/CIS Informacje",),
    ]


def test_institution_row(db: Database) -> None:
    load_ops_bundle(db, bundle(article(0)), run_id=new_run(db, "ops"))
    assert rows(db, "SELECT * FROM institutions") == [
        (
            "ops-gora",
            "Ośrodek Pomocy Społecznej w Górze",
            "ul. Poznańska 23",
            "56-200",
            "Góra",
            '["+48655432201"]',
            "[]",
            URL,
            1,
            1,
        )
    ]


def test_same_bundle_again_changes_nothing_but_last_seen(db: Database) -> None:
    load_ops_bundle(db, bundle(article(0), article(1)), run_id=new_run(db, "ops"))
    before = dump(db, ignore=frozenset({"last_seen_run"}))
    second = new_run(db, "ops")
    change = load_ops_bundle(db, bundle(article(0), article(1)), run_id=second)
    assert change == Change(ChangeKind.UNCHANGED)
    after = dump(db, ignore=frozenset({"last_seen_run"}))
    assert {**after, "runs": before["runs"]} == before


def test_view_counter_is_not_a_change(db: Database) -> None:
    load_ops_bundle(db, bundle(article(0)), run_id=new_run(db, "ops"))
    change = load_ops_bundle(db, bundle(article(0, views=180)), run_id=new_run(db, "ops"))
    assert change.kind is ChangeKind.UNCHANGED
    assert rows(db, "SELECT views FROM ops_pages") == [(180,)]
    assert rows(db, "SELECT count(*) FROM history") == [(0,)]


def test_extractor_confidence_is_stored_and_is_not_a_change(db: Database) -> None:
    load_ops_bundle(db, bundle(article(0)), run_id=new_run(db, "ops"))
    change = load_ops_bundle(db, bundle(article(0, confidence=0.3)), run_id=new_run(db, "ops"))
    assert change.kind is ChangeKind.UNCHANGED
    assert rows(db, "SELECT confidence FROM ops_pages") == [(0.3,)]


def test_changed_article_body_and_attachments_get_history(db: Database) -> None:
    load_ops_bundle(db, bundle(article(0), article(1)), run_id=new_run(db, "ops"))
    second = new_run(db, "ops")
    files = (OpsAttachment(name="Regulamin", url="https://ops-gora.example.pl/r.pdf"),)
    changed = article(1, body="Nowy opis CAL.", attachments=files)
    change = load_ops_bundle(db, bundle(article(0), changed), run_id=second)
    assert change == Change(ChangeKind.CHANGED, ("body", "attachments"))
    assert rows(db, "SELECT key, field, new_value, run_id FROM history ORDER BY id") == [
        (f"{URL}#1", "body", "Nowy opis CAL.", second),
        (
            f"{URL}#1",
            "attachments",
            '[{"attachment_url":"https://ops-gora.example.pl/r.pdf","name":"Regulamin"}]',
            second,
        ),
    ]


def test_article_gone_from_page_is_marked_removed(db: Database) -> None:
    load_ops_bundle(db, bundle(article(0), article(1)), run_id=new_run(db, "ops"))
    second = new_run(db, "ops")
    change = load_ops_bundle(db, bundle(article(0)), run_id=second)
    assert change == Change(ChangeKind.CHANGED, ("articles",))
    assert rows(db, "SELECT article_index, status, removed_run FROM ops_pages ORDER BY 1") == [
        (0, "active", None),
        (1, "removed", second),
    ]


def test_page_no_longer_found_is_marked_removed(db: Database) -> None:
    other = "https://ops-gora.example.pl/kontakt"
    load_ops_bundle(db, bundle(article(0), article(1)), run_id=new_run(db, "ops"))
    load_ops_bundle(db, bundle(article(0), url=other), run_id=new_run(db, "ops"))
    third = new_run(db, "ops")
    assert mark_ops_removed(db, "ops-gora", {other}, run_id=third) == [URL]
    assert rows(db, "SELECT key, field, old_value, new_value FROM history ORDER BY id") == [
        (f"{URL}#0", "status", "active", "removed"),
        (f"{URL}#1", "status", "active", "removed"),
    ]


def test_institution_change_is_recorded(db: Database) -> None:
    load_ops_bundle(db, bundle(article(0)), run_id=new_run(db, "ops"))
    moved = GORA.model_copy(update={"street": "ul. Nowa 1"})
    second = new_run(db, "ops")
    load_ops_bundle(db, bundle(article(0, institution=moved)), run_id=second)
    assert rows(db, "SELECT entity, key, field, old_value, new_value, run_id FROM history") == [
        ("institution", "ops-gora", "street", "ul. Poznańska 23", "ul. Nowa 1", second)
    ]


def test_search_ops_is_folded(db: Database) -> None:
    load_ops_bundle(db, bundle(article(0), article(1)), run_id=new_run(db, "ops"))
    found = search_ops(db, "aktywnosci")
    assert [(row["url"], row["article_index"]) for row in found] == [(URL, 1)]
