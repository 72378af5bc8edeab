"""``praktyki export-warc``: the raw archive as a WARC file, its CDXJ index and a WACZ.

``export_archive(db, "crawl.warc.gz")`` writes ``crawl.warc.gz`` and ``crawl.cdxj`` beside it;
with ``wacz=True`` also ``crawl.wacz`` (the WARC, the index and the page list in one file that
ReplayWeb.page and pywb open). Bad input is a :class:`ConfigError` before anything is written:
no database, no such run, a folder that does not exist, a path that cannot be written.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from praktyki.errors import ConfigError, StorageError
from praktyki.schemas.archive import ArchiveExport
from praktyki.scraper.wacz import pages_of, write_cdxj, write_wacz
from praktyki.scraper.warc import export_warc
from praktyki.store import get_run, open_database
from praktyki.store.archive_pages import page_titles

__all__ = ["export_archive", "sibling"]

_WARC_SUFFIXES = (".warc.gz", ".warc")


def sibling(warc: Path, suffix: str) -> Path:
    """The file beside ``warc`` with its WARC suffix replaced: ``a.warc.gz`` → ``a.cdxj``."""
    name = warc.name
    for old in _WARC_SUFFIXES:
        if name.endswith(old) and len(name) > len(old):
            return warc.with_name(name[: -len(old)] + suffix)
    return warc.with_name(name + suffix)


def export_archive(
    db_path: Path | str, out: Path, *, run_id: int | None = None, wacz: bool = False
) -> ArchiveExport:
    """Write the raw archive (or run ``run_id`` of it) to the WARC file ``out``, its CDXJ index
    beside it and, with ``wacz``, a WACZ package beside them."""
    out = Path(out)
    index, package = sibling(out, ".cdxj"), sibling(out, ".wacz")
    for path in (out, index, *((package,) if wacz else ())):
        _check_writable(path)
    if not Path(db_path).exists():
        raise ConfigError(f"no database at {db_path} (run a crawl or praktyki demo first)")
    db = open_database(db_path)
    try:
        if run_id is not None:
            _check_run(db, run_id)
        counts = export_warc(db, out, run_id=run_id)
        lines = write_cdxj(out, index)
        result = ArchiveExport(
            warc=out,
            records=counts.records,
            record_types=counts.by_type,
            index=index,
            index_lines=lines,
        )
        if not wacz:
            return result
        pages = pages_of(index, page_titles(db))
        title = "praktyki crawl" + (f", run {run_id}" if run_id else "")
        write_wacz(package, out, index, pages, title=title)
        return result.model_copy(update={"wacz": package, "pages": len(pages)})
    finally:
        db.close()


def _check_run(db: sqlite_utils.Database, run_id: int) -> None:
    try:
        get_run(db, run_id)
    except StorageError as exc:
        raise ConfigError(f"no run {run_id} in the database") from exc


def _check_writable(path: Path) -> None:
    """A one-line reason now rather than a traceback after the export's work."""
    if path.is_dir():
        raise ConfigError(f"cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        raise ConfigError(f"cannot write {path}: folder {path.parent} does not exist")
    existed = path.exists()
    try:
        with path.open("ab"):
            pass
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if not existed:
        path.unlink()
