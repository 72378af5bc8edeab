"""Datasette metadata for the dataset, generated from the codebook, and its canned queries.

Every dataset table gets its codebook description and every column its meaning (plus where it
comes from on the page); units where a column has one; the raw archive, the frontier and the
crawl bookkeeping are hidden (every table of the file that is not a dataset table), as are the
FTS tables (Datasette hides those itself). The canned queries answer the common questions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from praktyki.store.codebook import TABLES
from praktyki.store.codebook_types import ColumnDoc, TableDoc
from praktyki.store.export_package import LICENSES
from praktyki.store.schema import FTS_TABLES

__all__ = ["CANNED_QUERIES", "datasette_metadata", "table_names"]

_UNITS = {("runs", "duration_s"): "s", ("runs", "bytes"): "B", ("attachments", "size_bytes"): "B"}
_LABELS = {"practices": "title", "ops_pages": "title", "runs": "kind", "institutions": "name"}
_FACETS = {
    "practices": ["voivodeship", "section", "status"],
    "ops_pages": ["source", "status"],
    "history": ["entity", "field"],
}
_SORT = {"practices": "practice_id", "runs": "run_id"}

_LAST_RUN = """
WITH last AS (SELECT max(run_id) AS run_id FROM runs WHERE kind != 'reparse')
SELECT 'practice' AS entity, p.source, p.practice_id AS key, p.title,
       CASE WHEN p.removed_run = last.run_id THEN 'removed' ELSE 'new' END AS change,
       NULL AS field, last.run_id AS run
FROM practices AS p, last WHERE p.first_seen_run = last.run_id OR p.removed_run = last.run_id
UNION ALL
SELECT 'ops_page', o.source, o.url || '#' || o.article_index, o.title,
       CASE WHEN o.removed_run = last.run_id THEN 'removed' ELSE 'new' END, NULL, last.run_id
FROM ops_pages AS o, last WHERE o.first_seen_run = last.run_id OR o.removed_run = last.run_id
UNION ALL
SELECT h.entity, h.source, h.key, NULL, 'changed', h.field, h.run_id
FROM history AS h, last WHERE h.run_id = last.run_id AND h.field != 'status'
ORDER BY change, entity, source, key
"""

CANNED_QUERIES: dict[str, dict[str, str]] = {
    "practices_by_voivodeship": {
        "title": "Practices by voivodeship",
        "description": "Active BDP practices per voivodeship (NULL: not given on the page).",
        "sql": "SELECT voivodeship, count(*) AS practices FROM practices "
        "WHERE status = 'active' GROUP BY voivodeship ORDER BY practices DESC, voivodeship",
    },
    "practices_by_section": {
        "title": "Practices by section",
        "description": "Active BDP practices per section and subsection.",
        "sql": "SELECT section, subsection, count(*) AS practices FROM practices "
        "WHERE status = 'active' GROUP BY section, subsection ORDER BY section, subsection",
    },
    "cal_practices": {
        "title": "CAL practices",
        "description": "Centrum Aktywności Lokalnej: OPS articles tagged CAL, and BDP practices "
        "whose text names the method (folded full-text search).",
        "sql": "SELECT 'ops' AS kind, o.source, o.title, o.url FROM ops_pages AS o "
        "JOIN ops_topics AS t USING (source, url, article_index) WHERE t.topic = 'CAL' "
        "UNION ALL SELECT 'bdp', p.source, p.title, p.url FROM practices AS p "
        "JOIN practices_fts AS f ON f.rowid = p.rowid "
        "WHERE practices_fts MATCH '\"centrum aktywnosci lokalnej\"' ORDER BY 1, 2, 3",
    },
    "last_run_changes": {
        "title": "What changed in the last run",
        "description": "Records the latest crawl added or removed, and every field it changed "
        "(from history).",
        "sql": _LAST_RUN.strip(),
    },
}


def _column_text(column: ColumnDoc) -> str:
    where = f" On the page: {column.label}." if column.label else ""
    return f"{column.meaning}{where}"


def _table(table: TableDoc) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": table.name.replace("_", " ").capitalize(),
        "description": f"{table.description} Key: {table.key}.",
        "columns": {column.name: _column_text(column) for column in table.columns},
    }
    units = {c: unit for (t, c), unit in _UNITS.items() if t == table.name}
    extra = {
        "units": units,
        "label_column": _LABELS.get(table.name),
        "facets": _FACETS.get(table.name),
        "sort": _SORT.get(table.name),
    }
    return meta | {key: value for key, value in extra.items() if value}


def datasette_metadata(database: str, table_names: Iterable[str]) -> dict[str, Any]:
    """Metadata for a database named ``database`` (the file's stem) holding ``table_names``."""
    dataset = {table.name: table for table in TABLES if table.name not in FTS_TABLES}
    tables: dict[str, Any] = {name: _table(table) for name, table in dataset.items()}
    for name in table_names:
        if (
            name not in dataset
            and name not in FTS_TABLES
            and not name.startswith(tuple(FTS_TABLES))
        ):
            tables[name] = {"hidden": True}
    licence = LICENSES[0]
    return {
        "title": "praktyki: Polish local-government good practices",
        "description": "BDP practices and OPS articles, crawled and normalized by praktyki. "
        "Search folds Polish letters: wspolpraca finds współpraca.",
        "license": "Public-sector information; re-use under Polish law and the sites' terms",
        "license_url": licence["path"],
        "source": "Baza Dobrych Praktyk (archiwum.dobrepraktyki.pl) and OPS sites",
        "source_url": "https://archiwum.dobrepraktyki.pl/",
        "databases": {
            database: {
                "title": "praktyki dataset",
                "description": "Tables documented in CODEBOOK.md; crawl internals hidden.",
                "tables": tables,
                "queries": CANNED_QUERIES,
            }
        },
    }


def table_names(db_path: Path) -> list[str]:
    """The tables of the file, read without writing to it."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
