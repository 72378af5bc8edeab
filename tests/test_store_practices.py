"""Loading BDP practices: exact rows, change detection, history, removal, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database
from store_helpers import (
    SEED_SUMMARY,
    SEED_URL,
    dump,
    new_database,
    new_run,
    rows,
    seed_bundle,
    seed_metryka,
)

from praktyki.errors import StorageError
from praktyki.schemas.bdp import Attachment, Contact, Menu, MenuSection, MenuSubsection
from praktyki.store.practices import Change, ChangeKind, load_practice, load_sections, mark_removed

TITLE = (
    "Aktywne formy działań instytucji pomocy społecznej przeciwdziałające wykluczeniu społecznemu."
)
KEY = ("bdp", "1234")


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return new_database(tmp_path)


def history(db: Database) -> list[tuple[object, ...]]:
    return rows(
        db, "SELECT entity, key, field, old_value, new_value, run_id FROM history ORDER BY id"
    )


def test_new_practice_row_is_exact(db: Database) -> None:
    run = new_run(db)
    assert load_practice(db, seed_bundle(), run_id=run) == Change(ChangeKind.NEW)
    row = db["practices"].get(KEY)
    assert {k: v for k, v in row.items() if k != "content_hash"} == {
        "source": "bdp",
        "practice_id": "1234",
        "url": SEED_URL,
        "section": "Usługi społeczne",
        "subsection": "Pomoc społeczna",
        "title": TITLE,
        "summary": SEED_SUMMARY,
        "presentation": "Opis sytuacji przed wdrożeniem\n\nŁódź i Świętokrzyskie.",
        "date_added": "2010-03-14",
        "date_updated": "2013-07-09",
        "unit_type": "gmina wiejska",
        "locality": "Długosiodło",
        "county": "wyszkowski",
        "voivodeship": "mazowieckie",
        "postal_code": "07-210",
        "post_office": "Długosiodło",
        "implementing_unit": "Gminny Ośrodek Pomocy Społecznej",
        "street": "ul. Kościuszki 2",
        "population": 8000,
        "status": "active",
        "first_seen_run": run,
        "last_seen_run": run,
        "removed_run": None,
        "fetched_at": "2024-05-01T12:00:05+00:00",
        "archive_id": 7,
        "parser_version": "1",
    }
    assert len(row["content_hash"]) == 64


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("practice_phones", [("bdp", "1234", 0, "+48297412158")]),
        ("practice_emails", [("bdp", "1234", 0, "gops@dlugosiodlo.pl")]),
        ("practice_websites", [("bdp", "1234", 0, "http://www.dlugosiodlo.pl")]),
        (
            "contacts",
            [
                (
                    "bdp",
                    "1234",
                    0,
                    "Katarzyna Piórkowska",
                    "pracownik socjalny",
                    '["+48297412158"]',
                    '["gops@dlugosiodlo.pl"]',
                )
            ],
        ),
        (
            "attachments",
            [
                (
                    "bdp",
                    "1234",
                    0,
                    "Regulamin CAL",
                    "https://archiwum.dobrepraktyki.pl/pliki/1234/regulamin.pdf",
                    "pdf",
                    122880,
                    "120 KB",
                )
            ],
        ),
        ("sections", [("bdp", "Usługi społeczne", "Pomoc społeczna", None, None)]),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_new_practice_child_rows_are_exact(
    db: Database, table: str, expected: list[tuple[object, ...]]
) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    assert rows(db, f"SELECT * FROM {table} ORDER BY rowid") == expected


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Data wprowadzenia do BDP", "date_added"),
        ("Kod pocztowy i Poczta", "postal_code,post_office"),
        ("Wirtyna internetowa", "websites"),
        ("Adres e@mail", "emails"),
        ("Osoby kontaktowe", "contacts"),
        ("Sołectwa", None),
    ],
)
def test_metryka_raw_keeps_every_pair_with_its_field(
    db: Database, label: str, field: str | None
) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    assert rows(db, "SELECT field FROM metryka_raw WHERE label = ?", (label,)) == [(field,)]
    assert db["metryka_raw"].count == 15


def test_same_bundle_again_is_unchanged_and_moves_only_last_seen_run(db: Database) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    before = dump(db, ignore=frozenset({"last_seen_run"}))
    second = new_run(db)
    assert load_practice(db, seed_bundle(), run_id=second) == Change(ChangeKind.UNCHANGED)
    assert dump(db, ignore=frozenset({"last_seen_run"})) == {
        **before,
        "runs": dump(db)["runs"],
    }
    assert db["practices"].get(KEY)["last_seen_run"] == second
    assert history(db) == []


def test_an_unchanged_practice_read_by_a_newer_parser_records_that_parser(db: Database) -> None:
    """Else a refresh takes the row for one an older parser read and re-parses it every run."""
    load_practice(db, seed_bundle(), run_id=new_run(db))
    bundle = seed_bundle()
    newer = tuple(item.model_copy(update={"parser_version": "2"}) for item in bundle.provenance)
    change = load_practice(db, bundle.model_copy(update={"provenance": newer}), run_id=new_run(db))
    assert change == Change(ChangeKind.UNCHANGED)
    assert db["practices"].get(KEY)["parser_version"] == "2"
    assert history(db) == []


def test_practice_seen_via_another_host_is_unchanged(db: Database) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    other = seed_bundle(url="http://www.dobrepraktyki.pl/index.php?p1=2&p2=9&art=1234")
    assert load_practice(db, other, run_id=new_run(db)).kind is ChangeKind.UNCHANGED
    assert db["practices"].get(KEY)["url"] == SEED_URL


def test_changed_title_writes_one_history_row(db: Database) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    second = new_run(db)
    change = load_practice(db, seed_bundle(title="Nowy tytuł"), run_id=second)
    assert change == Change(ChangeKind.CHANGED, ("title",))
    assert history(db) == [("practice", "1234", "title", TITLE, "Nowy tytuł", second)]
    assert db["practices"].get(KEY)["title"] == "Nowy tytuł"


def test_changed_scalar_and_list_fields_each_get_history(db: Database) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    second = new_run(db)
    metryka = seed_metryka(population=8100, phones=("+48297412158", "+48297412159"))
    change = load_practice(db, seed_bundle(metryka=metryka), run_id=second)
    assert change == Change(ChangeKind.CHANGED, ("population", "phones"))
    assert history(db) == [
        ("practice", "1234", "population", "8000", "8100", second),
        (
            "practice",
            "1234",
            "phones",
            '["+48297412158"]',
            '["+48297412158","+48297412159"]',
            second,
        ),
    ]


def test_changed_children_are_replaced(db: Database) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    contacts = (Contact(name="Jan Nowak", role="kierownik"), Contact(name="Anna Kowal"))
    attachments = (Attachment(name="Plan", url="https://x.pl/plan.doc"),)
    bundle = seed_bundle(metryka=seed_metryka(contacts=contacts), attachments=attachments)
    change = load_practice(db, bundle, run_id=new_run(db))
    assert change.fields == ("contacts", "attachments")
    assert rows(db, "SELECT position, name, role, phones FROM contacts ORDER BY position") == [
        (0, "Jan Nowak", "kierownik", "[]"),
        (1, "Anna Kowal", None, "[]"),
    ]
    assert rows(db, "SELECT name, url, file_type FROM attachments") == [
        ("Plan", "https://x.pl/plan.doc", None)
    ]


def test_change_and_back_again_restores_content_and_logs_both(db: Database) -> None:
    first = new_run(db)
    load_practice(db, seed_bundle(), run_id=first)
    original = dump(db, ignore=frozenset({"last_seen_run"}))["practice_phones"]
    load_practice(db, seed_bundle(metryka=seed_metryka(phones=())), run_id=new_run(db))
    third = new_run(db)
    assert load_practice(db, seed_bundle(), run_id=third).fields == ("phones",)
    assert dump(db)["practice_phones"] == original
    assert history(db)[-1] == ("practice", "1234", "phones", "[]", '["+48297412158"]', third)


def test_missing_practice_is_marked_removed_never_deleted(db: Database) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    load_practice(db, seed_bundle(practice_id="77", url=SEED_URL + "7"), run_id=new_run(db))
    third = new_run(db)
    assert mark_removed(db, "bdp", {"77"}, run_id=third) == ["1234"]
    assert rows(db, "SELECT practice_id, status, removed_run FROM practices ORDER BY 1") == [
        ("1234", "removed", third),
        ("77", "active", None),
    ]
    assert history(db) == [("practice", "1234", "status", "active", "removed", third)]


def test_mark_removed_ignores_other_sources_and_already_removed(db: Database) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    mark_removed(db, "bdp", set(), run_id=new_run(db))
    assert mark_removed(db, "bdp", set(), run_id=new_run(db)) == []
    assert mark_removed(db, "other", set(), run_id=new_run(db)) == []
    assert len(history(db)) == 1


def test_removed_practice_seen_again_is_active_with_status_history(db: Database) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    removal = new_run(db)
    mark_removed(db, "bdp", set(), run_id=removal)
    back = new_run(db)
    assert load_practice(db, seed_bundle(), run_id=back) == Change(ChangeKind.CHANGED, ("status",))
    row = db["practices"].get(KEY)
    assert (row["status"], row["removed_run"], row["last_seen_run"]) == ("active", None, back)
    assert history(db) == [
        ("practice", "1234", "status", "active", "removed", removal),
        ("practice", "1234", "status", "removed", "active", back),
    ]


def test_load_inside_outer_transaction_rolls_back_with_it(db: Database) -> None:
    run = new_run(db)

    def load_then_fail() -> None:
        with db.atomic():
            load_practice(db, seed_bundle(), run_id=run)
            raise RuntimeError("the orchestrator failed after loading")

    with pytest.raises(RuntimeError):
        load_then_fail()
    assert db["practices"].count == 0
    assert db["practices_fts"].count == 0


def test_practice_without_id_is_refused(db: Database) -> None:
    with pytest.raises(StorageError, match="practice_id"):
        load_practice(db, seed_bundle(practice_id=""), run_id=new_run(db))


def test_unknown_run_is_refused_by_foreign_key(db: Database) -> None:
    with pytest.raises(StorageError, match="FOREIGN KEY"):
        load_practice(db, seed_bundle(), run_id=999)
    assert db["practices"].count == 0


def test_menu_sections_fill_in_numbers_without_duplicates(db: Database) -> None:
    load_practice(db, seed_bundle(), run_id=new_run(db))
    menu = Menu(
        url="https://archiwum.dobrepraktyki.pl/index.php?p1=111",
        sections=(
            MenuSection(
                name="Usługi społeczne",
                url="https://archiwum.dobrepraktyki.pl/index.php?p1=2",
                p1="2",
                subsections=(MenuSubsection(name="Pomoc społeczna", url="u", p1="2", p2="9"),),
            ),
        ),
    )
    load_sections(db, "bdp", menu)
    load_sections(db, "bdp", menu)
    assert rows(db, "SELECT * FROM sections ORDER BY subsection") == [
        ("bdp", "Usługi społeczne", "", "2", None),
        ("bdp", "Usługi społeczne", "Pomoc społeczna", "2", "9"),
    ]
