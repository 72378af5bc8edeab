"""Read an exported table back into pandas with the types its ``datapackage.json`` declares.

    from praktyki.store.read_export import read_export
    practices = read_export("out", "practices")   # any format the folder was exported in

Strings stay strings (phones ``+48…``, ids ``0123``), integers are nullable ``Int64``, dates
and date-times are ``datetime64`` (UTC-aware for the crawler's own stamps), whatever the file
format; CSV cells the formula guard prefixed with ``'`` are restored. pandas is an optional
dependency (``pip install 'praktyki[pandas]'``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from praktyki.errors import ConfigError
from praktyki.store.codebook import TABLES
from praktyki.store.export_fields import typed_column
from praktyki.store.export_package import read_package
from praktyki.store.export_write import unneutralize

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_export"]


def read_export(out_dir: Path | str, table: str) -> pd.DataFrame:
    """``table`` of the export in ``out_dir`` as a typed DataFrame (ConfigError if absent)."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ConfigError("read_export needs pandas: pip install 'praktyki[pandas]'") from exc
    folder = Path(out_dir)
    resource = _resource(folder, table)
    path = folder / str(resource["path"])
    fields: list[dict[str, Any]] = resource["schema"]["fields"]
    frame = _read(pd, path, str(resource["format"]), [f["name"] for f in fields])
    if resource.get("format") == "csv" and resource.get("csvFormulaGuard"):
        for field in fields:
            if field["type"] == "string":
                frame[field["name"]] = frame[field["name"]].map(_restore)
    utc = _utc_columns(table)
    for field in fields:
        frame[field["name"]] = _typed(pd, frame[field["name"]], field, field["name"] in utc)
    return frame


def _resource(folder: Path, table: str) -> dict[str, Any]:
    package = read_package(folder)
    if package is None:
        raise ConfigError(f"no praktyki datapackage.json in {folder}")
    for resource in package.get("resources", []):
        if resource.get("name") == table:
            return dict(resource)
    raise ConfigError(f"the export in {folder} has no table {table}")


def _read(pd: Any, path: Path, fmt: str, names: list[str]) -> Any:
    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    # an empty table's file holds only its header line (a JSON array)
    return pd.DataFrame([row for row in rows if isinstance(row, dict)], columns=names)


def _restore(value: object) -> object:
    return unneutralize(value) if isinstance(value, str) else value


def _utc_columns(table: str) -> set[str]:
    docs = next((doc for doc in TABLES if doc.name == table), None)
    columns = [typed_column(column) for column in docs.columns] if docs else []
    return {column.name for column in columns if column.utc}


def _typed(pd: Any, series: Any, field: dict[str, Any], utc: bool) -> Any:
    kind = field["type"]
    if kind in ("date", "datetime"):
        values = pd.to_datetime(series, format="ISO8601", utc=utc)
        return values.dt.normalize() if kind == "date" else values
    dtype = {"integer": "Int64", "number": "Float64"}.get(kind, pd.StringDtype())
    return series.astype(dtype)
