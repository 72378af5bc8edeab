"""The OPS replica as an extraction corpus: every article page's bytes beside its ground truth.

Pages are rendered in-process through ``OpsSite.handle`` (no server, no sockets), with the same
``Host`` a crawl of a replica on ``BASE_URL`` would send, so links and truth URLs agree.
``truth_pages`` gives the full expected records (the agreement test compares every field);
``pages`` gives what the body-text benchmark needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from praktyki.errors import ConfigError
from praktyki.schemas.ops import OpsPage
from praktyki_replica.ops_sites import OpsSite, build_ops_sites
from praktyki_replica.site import Request

__all__ = ["BASE_URL", "TruthPage", "pages", "truth_pages"]

BASE_URL = "http://127.0.0.1:8008"


@dataclass(frozen=True, slots=True)
class TruthPage:
    """One article page: what the server sends and the records a parser should give."""

    site: str
    url: str
    body: bytes
    content_type: str | None
    records: tuple[OpsPage, ...]  # one per article, in page order

    @property
    def expected_body(self) -> str:
        """The articles' bodies joined by a blank line (the benchmark's expected text)."""
        return "\n\n".join(record.body for record in self.records)


def truth_pages(seed: int = 0) -> Iterator[TruthPage]:
    """Every article page of every replica site, in site order."""
    for site in build_ops_sites(seed):
        yield from _site_pages(site)


def pages(seed: int = 0) -> Iterator[tuple[bytes, str, str | None, str]]:
    """``(body bytes, url, content_type, expected body)`` for every replica article page."""
    for page in truth_pages(seed):
        yield page.body, page.url, page.content_type, page.expected_body


def _site_pages(site: OpsSite) -> Iterator[TruthPage]:
    by_url: dict[str, list[OpsPage]] = {}
    for record in site.ground_truth(BASE_URL):
        by_url.setdefault(record.url, []).append(record)
    host = urlsplit(BASE_URL).netloc
    for url, records in by_url.items():
        parts = urlsplit(url)
        resource = site.handle(Request("GET", parts.path, parts.query, {"host": host}))
        if resource.status != 200:
            # the replica's own data is inconsistent: a truth page it cannot serve
            raise ConfigError(f"{site.name}: article page answered {resource.status}", url=url)
        yield TruthPage(site.name, url, resource.body, resource.content_type, tuple(records))
