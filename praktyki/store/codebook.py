"""The codebook: every table and column described as data, rendered to docs/CODEBOOK.md.

Tests check that the codebook and a freshly created database agree both ways (every table and
column documented, nothing documented that does not exist) and that docs/CODEBOOK.md is the
current rendering (``pytest --update-golden`` rewrites it).
"""

from __future__ import annotations

from pathlib import Path

from praktyki.parsers.labels import FIELD_LABELS
from praktyki.store.codebook_crawl import CRAWL_TABLES, REVALIDATION
from praktyki.store.codebook_types import ColumnDoc, TableDoc
from praktyki.store.codebook_types import column as _c
from praktyki.store.db import SCHEMA_VERSION
from praktyki.store.fields import METRYKA_COLUMNS, SQL_TYPES
from praktyki.store.schema import PRACTICES as PRACTICES_V1

__all__ = ["TABLES", "ColumnDoc", "TableDoc", "render_markdown", "write_codebook"]


_SOURCE = _c("source", "TEXT", "Short key of the crawled site.", "", "bdp")
_PRACTICE_ID = _c(
    "practice_id", "TEXT", "The practice's `art` number.", "`art=` in the URL", "1234"
)
_POSITION = _c("position", "INTEGER", "Order on the page, from 0.", "", "0")
_OPS_URL = _c("url", "TEXT", "Canonical URL of the OPS page.", "", "https://ops.example.pl/cal")
_ARTICLE = _c(
    "article_index",
    "INTEGER",
    "Which article of the page, from 0 (a page may hold several).",
    "",
    "0",
)


def _lifecycle(what: str) -> tuple[ColumnDoc, ...]:
    return (
        _c(
            "status",
            "TEXT",
            f"`active` while the {what} is found; `removed` once a crawl no "
            "longer finds it (rows are never deleted).",
            "",
            "active",
        ),
        _c("first_seen_run", "INTEGER", "Run (runs.run_id) that first loaded it.", "", "1"),
        _c("last_seen_run", "INTEGER", "Latest run that saw it.", "", "3"),
        _c("removed_run", "INTEGER", "Run that found it gone; NULL while active.", "", ""),
        _c(
            "content_hash",
            "TEXT",
            "sha256 of the normalized content (provenance and URL "
            "excluded); change detection compares this.",
            "",
            "55dd…ae80",
        ),
        _c(
            "fetched_at",
            "TEXT",
            "ISO date-time (UTC) of the latest fetch behind the current content.",
            "",
            "2024-05-01T12:00:05+00:00",
        ),
        _c(
            "archive_id",
            "INTEGER",
            "Raw-archive record of the main page behind the current "
            "content (the scraper's archive table).",
            "",
            "7",
        ),
        _c("parser_version", "TEXT", "Version of the parser that produced the content.", "", "1"),
    )


def _values(name: str, what: str, label: str, example: str) -> TableDoc:
    return TableDoc(
        name,
        f"The practice's {what}, one row each, in page order.",
        "(source, practice_id, position)",
        (
            _SOURCE,
            _PRACTICE_ID,
            _POSITION,
            _c("value", "TEXT", f"One {what[:-1]}.", label, example),
        ),
    )


# The prose about each Metryka column: (meaning, label on the page, example). Names and types
# come from the model (praktyki.store.fields); a field without prose here is described from
# its labels in the parsers' vocabulary.
_METRYKA_PROSE: dict[str, tuple[str, str, str]] = {
    "date_added": (
        "Date the practice entered the BDP (ISO).",
        "Data wprowadzenia do BDP",
        "2010-03-14",
    ),
    "date_updated": ("Date of the last update (ISO).", "Data aktualizacji", "2013-07-09"),
    "unit_type": ("Kind of local government unit, as shown.", "Typ jednostki", "gmina wiejska"),
    "locality": ("Town or village.", "Miejscowość", "Długosiodło"),
    "county": ("County (powiat).", "Powiat", "wyszkowski"),
    "voivodeship": (
        "Lower-case canonical name of one of the 16 voivodeships.",
        "Województwo",
        "mazowieckie",
    ),
    "postal_code": ("Postal code.", "Kod pocztowy i Poczta", "07-210"),
    "post_office": ("Post office town.", "Kod pocztowy i Poczta", "Długosiodło"),
    "implementing_unit": (
        "Unit that implemented the practice.",
        "Jednostka wdrażająca",
        "Gminny Ośrodek Pomocy Społecznej",
    ),
    "street": ("Street address.", "Ulica", "ul. Kościuszki 2"),
    "population": (
        "Number of inhabitants (dots are thousands separators).",
        "Liczba mieszkańców",
        "8000",
    ),
}


def _metryka_column(name: str, storage: type) -> ColumnDoc:
    labels = FIELD_LABELS.get(name, ())
    fallback = (f"Metryka field `{name}`, as normalized by the parser.", " / ".join(labels), "")
    meaning, label, example = _METRYKA_PROSE.get(name, fallback)
    return _c(name, SQL_TYPES[storage], meaning, label, example)


# Columns of the version-1 table stand where it made them; a field added to the model later
# is appended to the table when the file is opened, so it is documented last.
_METRYKA = tuple(
    _metryka_column(name, storage)
    for name, storage in METRYKA_COLUMNS.items()
    if name in PRACTICES_V1.columns
)
_METRYKA_ADDED = tuple(
    _metryka_column(name, storage)
    for name, storage in METRYKA_COLUMNS.items()
    if name not in PRACTICES_V1.columns
)

TABLES: tuple[TableDoc, ...] = (
    TableDoc(
        "practices",
        "One row per BDP practice (all its tabs), current content.",
        "(source, practice_id)",
        (
            _SOURCE,
            _PRACTICE_ID,
            _c(
                "url",
                "TEXT",
                "URL of the summary tab it was last loaded from (not content: "
                "the same practice on another host is the same practice).",
                "",
                "https://archiwum.dobrepraktyki.pl/index.php?p1=2&p2=9&art=1234",
            ),
            _c("section", "TEXT", "Section.", "category line, before ' : '", "Usługi społeczne"),
            _c(
                "subsection", "TEXT", "Subsection.", "category line, after ' : '", "Pomoc społeczna"
            ),
            _c(
                "title",
                "TEXT",
                "Title, exactly as shown.",
                "heading under the category line",
                "Aktywne formy działań instytucji pomocy społecznej …",
            ),
            _c(
                "summary",
                "TEXT",
                "Summary; paragraphs separated by one blank line.",
                "Skrót i Metryka tab",
                "Zinstytucjonalizowana pomoc społeczna …",
            ),
            _c(
                "presentation",
                "TEXT",
                "Full text of the practice; NULL if never loaded.",
                "Pełna prezentacja tab (s=2)",
                "Opis sytuacji przed wdrożeniem …",
            ),
            *_METRYKA,
            *_lifecycle("practice"),
            *_METRYKA_ADDED,
        ),
    ),
    _values("practice_phones", "phones", "Telefon", "+48297412158"),
    _values("practice_emails", "emails", "Adres e@mail", "gops@dlugosiodlo.pl"),
    _values("practice_websites", "websites", "Witryna internetowa", "http://www.dlugosiodlo.pl"),
    TableDoc(
        "contacts",
        "Contact persons of a practice, one row per person, in page order.",
        "(source, practice_id, position)",
        (
            _SOURCE,
            _PRACTICE_ID,
            _POSITION,
            _c("name", "TEXT", "Person's name.", "Osoby kontaktowe", "Katarzyna Piórkowska"),
            _c("role", "TEXT", "Position or role.", "Osoby kontaktowe", "pracownik socjalny"),
            _c("phones", "TEXT", "JSON array of E.164 numbers.", "tel.", '["+48297412158"]'),
            _c(
                "emails",
                "TEXT",
                "JSON array of e-mail addresses.",
                "e@mail",
                '["gops@dlugosiodlo.pl"]',
            ),
        ),
    ),
    TableDoc(
        "attachments",
        "Files listed on a practice's attachments tab, in page order.",
        "(source, practice_id, position)",
        (
            _SOURCE,
            _PRACTICE_ID,
            _POSITION,
            _c("name", "TEXT", "File name or link text.", "Załączniki tab (s=3)", "Regulamin CAL"),
            _c("url", "TEXT", "Absolute URL of the file.", "", "https://…/regulamin.pdf"),
            _c("file_type", "TEXT", "File type, as shown or from the name.", "", "pdf"),
            _c("size_bytes", "INTEGER", "Size in bytes, when known.", "", "122880"),
            _c("size_text", "TEXT", "Size as shown.", "", "120 KB"),
        ),
    ),
    TableDoc(
        "metryka_raw",
        "Every label/value pair of the Metryka block exactly as shown, known or not.",
        "(source, practice_id, position)",
        (
            _SOURCE,
            _PRACTICE_ID,
            _POSITION,
            _c(
                "label",
                "TEXT",
                "Label as shown (without the colon).",
                "Metryka praktyki",
                "Kod pocztowy i Poczta",
            ),
            _c(
                "value",
                "TEXT",
                "Value as shown; lines joined by a newline.",
                "",
                "07-210 Długosiodło",
            ),
            _c(
                "field",
                "TEXT",
                "Canonical field(s) the pair feeds, comma-separated; NULL for an unknown label.",
                "",
                "postal_code,post_office",
            ),
        ),
    ),
    TableDoc(
        "sections",
        "BDP sections and subsections (subsection '' is the section itself), from the menu "
        "and from the practices' category lines.",
        "(source, section, subsection)",
        (
            _SOURCE,
            _c("section", "TEXT", "Section name.", "menu", "Usługi społeczne"),
            _c(
                "subsection",
                "TEXT",
                "Subsection name; '' for the section's own row.",
                "menu, '» Name'",
                "Pomoc społeczna",
            ),
            _c(
                "p1",
                "TEXT",
                "The site's section number; NULL until seen in the menu.",
                "`p1=` in menu links",
                "2",
            ),
            _c(
                "p2",
                "TEXT",
                "The site's subsection number; NULL if unknown.",
                "`p2=` in menu links",
                "9",
            ),
        ),
    ),
    TableDoc(
        "ops_pages",
        "One row per article of an OPS (social-assistance centre) page.",
        "(source, url, article_index)",
        (
            _c("source", "TEXT", "Short key of the OPS site.", "", "ops-gora"),
            _OPS_URL,
            _ARTICLE,
            _c(
                "site_name",
                "TEXT",
                "Name of the site verbatim as the site shows it (og:site_name, header or "
                "logo, <title>), not expanded; the centre itself is in institutions.",
                "page header",
                "Ośrodek Pomocy Społecznej w Górze",
            ),
            _c("title", "TEXT", "Article title.", "", "CAL - Centrum Aktywności Lokalnej"),
            _c("published_at", "TEXT", "Publication date-time (ISO), when shown.", "", ""),
            _c("modified_at", "TEXT", "Modification date-time (ISO), when shown.", "", ""),
            _c("author", "TEXT", "Author, when shown.", "Zamieścił / Dodano przez", ""),
            _c("editor", "TEXT", "Editor, when shown.", "", ""),
            _c(
                "views",
                "INTEGER",
                "View counter as last observed (not content: it changes on every visit).",
                "",
                "152",
            ),
            _c(
                "body",
                "TEXT",
                "Article text; paragraphs separated by a blank line.",
                "",
                "Centrum Aktywności Lokalnej jest to program …",
            ),
            *_lifecycle("article"),
            _c(
                "confidence",
                "REAL",
                "How sure the extractor was that body is the article: 1.0 when its rules found "
                "it; 0.3 when no article was found and the page's best block of prose was taken "
                "instead (filter on it to keep only sure articles). NULL for rows loaded before "
                "schema version 6 until their page is seen again.",
                "extractor",
                "1.0",
            ),
        ),
    ),
    TableDoc(
        "ops_topics",
        "Topic tags of an OPS article (e.g. CAL), in order.",
        "(source, url, article_index, position)",
        (
            _SOURCE,
            _OPS_URL,
            _ARTICLE,
            _POSITION,
            _c(
                "topic",
                "TEXT",
                "Topic tag from praktyki/data/topics.toml (spelling rules there): CAL, PAL, "
                "CIS, KIS, PIO, wolontariat, Klub Seniora.",
                "",
                "CAL",
            ),
        ),
    ),
    TableDoc(
        "ops_breadcrumbs",
        "The breadcrumb trail of an OPS article, from the home page down.",
        "(source, url, article_index, position)",
        (
            _SOURCE,
            _OPS_URL,
            _ARTICLE,
            _POSITION,
            _c("name", "TEXT", "One breadcrumb item.", "Jesteś tutaj", "CAL/CIS"),
        ),
    ),
    TableDoc(
        "ops_attachments",
        "Files linked from an OPS article, in order.",
        "(source, url, article_index, position)",
        (
            _SOURCE,
            _OPS_URL,
            _ARTICLE,
            _POSITION,
            _c("name", "TEXT", "Link text.", "", "Regulamin"),
            _c("attachment_url", "TEXT", "Absolute URL of the file.", "", "https://…/reg.pdf"),
        ),
    ),
    TableDoc(
        "institutions",
        "The centre behind an OPS site, from its contact block (latest page that has one).",
        "(source)",
        (
            _c("source", "TEXT", "Short key of the OPS site.", "", "ops-gora"),
            _c(
                "name",
                "TEXT",
                "Name of the centre.",
                "contact block",
                "Ośrodek Pomocy Społecznej w Górze",
            ),
            _c("street", "TEXT", "Street address.", "", "ul. Poznańska 23"),
            _c("postal_code", "TEXT", "Postal code.", "", "56-200"),
            _c("locality", "TEXT", "Town.", "", "Góra"),
            _c("phones", "TEXT", "JSON array of E.164 numbers.", "tel.", '["+48655432201"]'),
            _c("emails", "TEXT", "JSON array of e-mail addresses.", "", "[]"),
            _c("url", "TEXT", "Page the current values were taken from.", "", ""),
            _c("first_seen_run", "INTEGER", "Run that first saw the centre.", "", "1"),
            _c("last_seen_run", "INTEGER", "Latest run that saw it.", "", "3"),
        ),
    ),
    TableDoc(
        "history",
        "Every change to a stored record: one row per field, with the run that saw it. "
        "List fields (phones, contacts, attachments, metryka_raw, topics, …) are compared "
        "and stored as canonical JSON. `status` rows record removals and reappearances.",
        "(id)",
        (
            _c("id", "INTEGER", "Row number, in order of recording.", "", "1"),
            _SOURCE,
            _c("entity", "TEXT", "`practice`, `ops_page` or `institution`.", "", "practice"),
            _c(
                "key",
                "TEXT",
                "The record: practice_id; `url#article_index` for an OPS "
                "article; source for an institution.",
                "",
                "1234",
            ),
            _c("field", "TEXT", "Changed field (a column or a list field's name).", "", "title"),
            _c("old_value", "TEXT", "Value before (NULL if none).", "", "Stary tytuł"),
            _c("new_value", "TEXT", "Value after (NULL if none).", "", "Nowy tytuł"),
            _c("run_id", "INTEGER", "Run that saw the change.", "", "2"),
        ),
    ),
    TableDoc(
        "runs",
        "One row per crawl or reparse run; the counts are the --json-summary figures (the"
        " summary's `stop_reason`, `page_budget`, `dropped_links`, `out_of_time`, `deferred`"
        " and `paused_hosts` are not kept here).",
        "(run_id)",
        (
            _c("run_id", "INTEGER", "Run number.", "", "1"),
            _c("kind", "TEXT", "What ran: e.g. `bdp`, `ops`, `reparse`.", "", "bdp"),
            _c(
                "status",
                "TEXT",
                "`running`, `finished`, `failed` or `interrupted` (a signal or --max-duration: "
                "the next crawl of its source resumes it).",
                "",
                "finished",
            ),
            _c("started_at", "TEXT", "ISO date-time (UTC).", "", "2024-05-01T12:00:00+00:00"),
            _c("finished_at", "TEXT", "ISO date-time (UTC); NULL while running.", "", ""),
            _c("duration_s", "REAL", "Wall-clock seconds.", "", "12.5"),
            _c(
                "options", "TEXT", "JSON object of the run's effective options.", "", '{"rate":1.0}'
            ),
            _c("pid", "INTEGER", "Process id of the run.", "", "4242"),
            _c("requests", "INTEGER", "HTTP requests made.", "", "1500"),
            _c("bytes", "INTEGER", "Bytes received.", "", "52428800"),
            _c("not_modified", "INTEGER", "Responses 304 Not Modified.", "", "1200"),
            _c("new", "INTEGER", "Records loaded for the first time.", "", "3"),
            _c("changed", "INTEGER", "Records whose content changed.", "", "1"),
            _c("removed", "INTEGER", "Records marked removed.", "", "0"),
            _c("unchanged", "INTEGER", "Records seen again unchanged.", "", "450"),
            _c("failed", "INTEGER", "Pages that stayed failed.", "", "0"),
            _c("exit_code", "INTEGER", "Process exit code (contract).", "", "0"),
        ),
    ),
    TableDoc(
        "practices_fts",
        "FTS5 index over practices (external content: rowid = practices.rowid, text read from "
        "practices). Each value is indexed as shown plus, where folding changes it, folded "
        "(lower case, no diacritics, ł→l), so `współpraca`, `wspolpraca`, `Łódź` and `lodz` "
        "all match; Datasette's `?_search=` and `sqlite-utils search practices` use it. "
        "Rebuild with praktyki.store.search_index.rebuild_search_index, not FTS5's 'rebuild'.",
        "rowid = practices.rowid",
        (
            _c("title", "", "practices.title, indexed as shown and folded."),
            _c("summary", "", "practices.summary, likewise."),
            _c("presentation", "", "practices.presentation, likewise."),
        ),
    ),
    TableDoc(
        "ops_fts",
        "FTS5 index over OPS articles (rowid = ops_pages.rowid), folded like practices_fts.",
        "rowid = ops_pages.rowid",
        (
            _c("title", "", "ops_pages.title, indexed as shown and folded."),
            _c("body", "", "ops_pages.body, likewise."),
        ),
    ),
)


EXPORT_NOTES = [
    "## Exported files (`praktyki export`)",
    "",
    "One file per table above (not the FTS indexes) plus this codebook and a Frictionless "
    "`datapackage.json` (types, primary and foreign keys, licence, sources, creation time; "
    "`frictionless validate datapackage.json` checks a folder). Types: `date_added` and "
    "`date_updated` are dates; `fetched_at`, `started_at` and `finished_at` are UTC date-times; "
    "`published_at` and `modified_at` are the date-times the page shows (in Parquet: wall-clock "
    "time, without a zone); phones, ids and codes are strings; JSON-array columns are strings "
    "holding JSON.",
    "",
    "- **CSV** (UTF-8, header row). Formula guard (OWASP CSV injection): a text cell starting "
    "with `=`, `+`, `-`, `@`, a tab or a carriage return (after any leading `'`) gets one more "
    "`'` in front, so a spreadsheet shows it instead of running it; E.164 phones therefore read "
    "`'+48…` in CSV. `--raw-csv` writes the cells as stored; the resource's `csvFormulaGuard` "
    "says which. `praktyki.store.read_export.read_export(folder, table)` removes the guard.",
    "- **JSON lines**: one object per row, values exactly as stored; a table without rows is one "
    "line holding its column names as a JSON array (Frictionless' header row: an empty file "
    "cannot be validated).",
    "- **Parquet**: values exactly as stored, typed: `date32`, `timestamp[us, UTC]`, nullable "
    "`int64`, `double`, `string`.",
    "",
    "`read_export` (needs pandas: `pip install 'praktyki[pandas]'`) reads any of the three with "
    "the declared types: strings as `string`, integers as nullable `Int64`, dates and "
    "date-times as `datetime64`.",
    "",
]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown() -> str:
    """The codebook as Markdown (docs/CODEBOOK.md): the dataset, then the archive and crawl."""
    lines = [
        "# Codebook",
        "",
        "<!-- Generated from praktyki/store/codebook.py; do not edit by hand. -->",
        "",
        f"The dataset tables of the praktyki database (schema version {SCHEMA_VERSION} for the "
        "whole file, in "
        "`PRAGMA user_version`). Dates and date-times are ISO 8601 text; lists live in child "
        "tables keyed by their parent's key plus `position`. The same file holds the raw "
        "archive, the crawl frontier and the crawl bookkeeping, documented after the dataset.",
        "",
    ]
    lines += _render(TABLES)
    lines += EXPORT_NOTES
    lines += ["# Archive, frontier and crawl bookkeeping", "", REVALIDATION, ""]
    lines += _render(CRAWL_TABLES)
    return "\n".join(lines)


def _render(tables: tuple[TableDoc, ...]) -> list[str]:
    lines: list[str] = []
    for table in tables:
        lines += [f"## `{table.name}`", "", table.description, "", f"Key: {table.key}", ""]
        lines += ["| column | type | meaning | on the page | example |", "|---|---|---|---|---|"]
        for column in table.columns:
            cells = [f"`{column.name}`", column.type, column.meaning, column.label, column.example]
            lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
        lines.append("")
    return lines


def write_codebook(path: Path) -> None:
    path.write_text(render_markdown(), encoding="utf-8")
