"""praktyki's public library API: what scripts and cron jobs may import and rely on.

from praktyki.api import crawl_bdp, CrawlSettings
summary = crawl_bdp("data/praktyki.db", "https://archiwum.dobrepraktyki.pl/",
                    CrawlSettings(rate=1, concurrency=4))
summary = crawl_ops("data/praktyki.db", ["https://gops.example-gmina.pl/"])
summary.changes   # every record the run added, changed or removed (as --json-summary)
summary.stop_reason  # None, or why it stopped early: "page_budget", "signal", "max_duration", …

Every ``praktyki`` command is one call into this module, which returns everything the command
prints. Names are imported on first use (PEP 562), so ``from praktyki.api import parse_files``
does not load the crawler, and the CLI starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from praktyki.crawl.bounds import Bounds
    from praktyki.crawl.engine import ProgressSink
    from praktyki.crawl.service import (
        DEFAULT_BDP_URL,
        crawl_bdp,
        crawl_bdp_async,
        crawl_ops,
        crawl_ops_async,
        reparse,
        resolve_ops_sites,
    )
    from praktyki.crawl.settings import CrawlSettings
    from praktyki.crawl.site_registry import load_registry, read_registry
    from praktyki.dataset import (
        export_archive,
        export_tables,
        quality_report,
        render_report_html,
        search,
        serve_dataset,
    )
    from praktyki.load import open_database, search_practices
    from praktyki.pages import ParsedFile, parse_files, render_files
    from praktyki.schemas.archive import ArchiveExport
    from praktyki.schemas.quality import QualityReport
    from praktyki.schemas.registry import Registry, SiteEntry
    from praktyki.schemas.run import RunChange, RunStatus, RunSummary
    from praktyki.store.read_export import read_export

_HOME = {
    "Bounds": "praktyki.crawl.bounds",
    "ProgressSink": "praktyki.crawl.engine",
    "load_registry": "praktyki.crawl.site_registry",
    "read_registry": "praktyki.crawl.site_registry",
    "DEFAULT_BDP_URL": "praktyki.crawl.service",
    "crawl_bdp": "praktyki.crawl.service",
    "crawl_bdp_async": "praktyki.crawl.service",
    "crawl_ops": "praktyki.crawl.service",
    "crawl_ops_async": "praktyki.crawl.service",
    "reparse": "praktyki.crawl.service",
    "resolve_ops_sites": "praktyki.crawl.service",
    "CrawlSettings": "praktyki.crawl.settings",
    "export_archive": "praktyki.dataset",
    "export_tables": "praktyki.dataset",
    "search": "praktyki.dataset",
    "serve_dataset": "praktyki.dataset",
    "quality_report": "praktyki.dataset",
    "render_report_html": "praktyki.dataset",
    "read_export": "praktyki.store.read_export",
    "QualityReport": "praktyki.schemas.quality",
    "open_database": "praktyki.load",
    "search_practices": "praktyki.load",
    "ParsedFile": "praktyki.pages",
    "parse_files": "praktyki.pages",
    "render_files": "praktyki.pages",
    "ArchiveExport": "praktyki.schemas.archive",
    "Registry": "praktyki.schemas.registry",
    "SiteEntry": "praktyki.schemas.registry",
    "RunChange": "praktyki.schemas.run",
    "RunStatus": "praktyki.schemas.run",
    "RunSummary": "praktyki.schemas.run",
}

__all__ = [
    "ArchiveExport",
    "Bounds",
    "CrawlSettings",
    "DEFAULT_BDP_URL",
    "ParsedFile",
    "QualityReport",
    "ProgressSink",
    "Registry",
    "RunChange",
    "RunStatus",
    "RunSummary",
    "SiteEntry",
    "crawl_bdp",
    "crawl_bdp_async",
    "crawl_ops",
    "crawl_ops_async",
    "export_archive",
    "export_tables",
    "load_registry",
    "open_database",
    "parse_files",
    "quality_report",
    "read_export",
    "read_registry",
    "render_files",
    "render_report_html",
    "reparse",
    "resolve_ops_sites",
    "search",
    "search_practices",
    "serve_dataset",
]


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
