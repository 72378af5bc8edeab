"""The Frictionless ``datapackage.json`` of an export: resources, keys, licence, sources.

Every resource is a ``tabular-data-resource`` with a Table Schema: typed fields (see
:mod:`praktyki.store.export_fields`), the table's primary key and its foreign keys (only those
whose referenced table is in the package, so a package of one table still validates).
Exporting some tables into a folder that already holds a package updates that package: the
exported tables' resources are replaced, the others kept.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from praktyki import __version__
from praktyki.store.codebook import TableDoc
from praktyki.store.export_fields import FieldKind, TypedColumn, typed_column
from praktyki.store.schema import TABLES_V1

__all__ = ["PACKAGE_FILE", "build_package", "read_package", "resource_for", "write_package"]

PACKAGE_FILE = "datapackage.json"

# The content belongs to the institutions that published it; praktyki only restructures it.
LICENSES = [
    {
        "name": "other-at",
        "title": "Public-sector information published by Polish local-government units and "
        "their social-assistance centres; re-use subject to the Act on open data and re-use of "
        "public sector information (Dz.U. 2021 poz. 1641) and to each source site's terms; "
        "attribute the source sites.",
        "path": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20210001641",
    }
]

_CSV_NOTE = (
    " CSV: text cells starting with =, +, -, @, a tab or a carriage return carry one leading "
    "' (formula-injection guard, see CODEBOOK.md); export with --raw-csv for the values as stored."
)

_KEYS = {spec.name: spec for spec in TABLES_V1}


def resource_for(table: TableDoc, fmt: str, *, neutralized: bool) -> dict[str, Any]:
    """The resource describing ``table`` exported as ``fmt`` (csv, jsonl or parquet)."""
    columns = [typed_column(column) for column in table.columns]
    description = table.description + (_CSV_NOTE if fmt == "csv" and neutralized else "")
    resource: dict[str, Any] = {
        "name": table.name,
        "path": f"{table.name}.{fmt}",
        "profile": "tabular-data-resource",
        "format": fmt,
        "description": description,
        "schema": _schema(table.name, columns, parquet=fmt == "parquet"),
    }
    if fmt != "parquet":
        resource |= {"encoding": "utf-8"}
    if fmt == "csv":
        resource |= {"csvFormulaGuard": neutralized}
    if fmt == "jsonl":
        resource |= {"mediatype": "application/x-ndjson"}
    return resource


# Frictionless reads Parquet through pandas, which turns a NULL integer into NaN and a NULL
# timestamp into NaT; the validator compares str(cell) with the missing values.
_PANDAS_MISSING = {FieldKind.INTEGER: "nan", FieldKind.NUMBER: "nan", FieldKind.DATETIME: "NaT"}


def _field(column: TypedColumn, *, parquet: bool) -> dict[str, object]:
    field = column.frictionless()
    if parquet and column.kind in _PANDAS_MISSING:
        field["missingValues"] = ["", _PANDAS_MISSING[column.kind]]
    return field


def _schema(name: str, columns: Sequence[TypedColumn], *, parquet: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [_field(column, parquet=parquet) for column in columns]}
    spec = _KEYS.get(name)
    if spec is not None:
        schema["primaryKey"] = list(spec.pk)
        schema["foreignKeys"] = [
            {"fields": list(fields), "reference": {"resource": parent, "fields": list(refs)}}
            for fields, parent, refs in spec.foreign_keys
        ]
    return schema


def build_package(
    resources: Iterable[Mapping[str, Any]],
    *,
    order: Sequence[str],
    sources: Sequence[Mapping[str, str]],
    created: dt.datetime,
) -> dict[str, Any]:
    """The package over ``resources`` (in codebook ``order``), foreign keys trimmed to it."""
    by_name = {resource["name"]: dict(resource) for resource in resources}
    ordered = [by_name[name] for name in order if name in by_name]
    present = set(by_name)
    for resource in ordered:
        schema = resource["schema"]
        schema["foreignKeys"] = [
            fk for fk in schema.get("foreignKeys", []) if fk["reference"]["resource"] in present
        ]
        if not schema["foreignKeys"]:
            del schema["foreignKeys"]
    return {
        "profile": "tabular-data-package",
        "name": "praktyki",
        "title": "Polish local-government good practices (BDP, OPS sites)",
        "description": "Tables of the praktyki dataset; columns and provenance in CODEBOOK.md.",
        "created": created.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "created_by": f"praktyki {__version__}",
        "licenses": LICENSES,
        "sources": list(sources),
        "resources": ordered,
    }


def read_package(out_dir: Path) -> dict[str, Any] | None:
    """The package already in ``out_dir``, or None (no file, or not one of ours)."""
    path = out_dir / PACKAGE_FILE
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(package, dict) or package.get("name") != "praktyki":
        return None
    return package


def write_package(out_dir: Path, package: Mapping[str, Any]) -> None:
    text = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
    (out_dir / PACKAGE_FILE).write_text(text, encoding="utf-8")
