"""praktyki's public library API: what scripts and cron jobs may import and rely on.

from praktyki.api import crawl_bdp, CrawlSettings
summary = crawl_bdp("data/praktyki.db", "https://archiwum.dobrepraktyki.pl/",
                    CrawlSettings(rate=1, concurrency=4))
summary = crawl_ops("data/praktyki.db", ["https://gops.example-gmina.pl/"])
"""

from __future__ import annotations

from praktyki.crawl.demo import DemoResult, run_demo
from praktyki.crawl.service import (
    DEFAULT_BDP_URL,
    crawl_bdp,
    crawl_bdp_async,
    crawl_ops,
    crawl_ops_async,
    export_archive,
    reparse,
)
from praktyki.crawl.settings import CrawlSettings
from praktyki.dataset import export_dataset, quality_report, render_report_html, serve_dataset
from praktyki.load import open_database, search_practices
from praktyki.schemas.run import RunStatus, RunSummary
from praktyki.store.read_export import read_export

__all__ = [
    "DEFAULT_BDP_URL",
    "CrawlSettings",
    "DemoResult",
    "RunStatus",
    "RunSummary",
    "crawl_bdp",
    "crawl_bdp_async",
    "crawl_ops",
    "crawl_ops_async",
    "export_archive",
    "export_dataset",
    "open_database",
    "quality_report",
    "read_export",
    "render_report_html",
    "reparse",
    "run_demo",
    "search_practices",
    "serve_dataset",
]
