"""The OPS site registry (``praktyki/data/ops_sites.toml``) as validated records.

Documented in ``docs/SITE_REGISTRY.md``. Start URLs are absolute http(s) URLs; ``source`` says
where the address was found (a page that shows it), so that an entry can be checked by a person.
"""

from __future__ import annotations

import re
from typing import Self
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field, field_validator

from praktyki.schemas.base import Record

__all__ = ["Registry", "SiteEntry", "SiteHints", "rebase_url"]

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SiteHints(Record):
    """CSS selectors used only when the generic extractor needs help on a site."""

    title: str | None = None
    body: str | None = None
    date: str | None = None


class SiteEntry(Record):
    """One site of the registry."""

    name: str
    start_urls: tuple[str, ...]
    source: str | None = None
    allowed_prefixes: tuple[str, ...] = ("/",)
    page_budget: int = Field(default=200, ge=1)
    max_depth: int = Field(default=5, ge=0)
    hints: SiteHints | None = None

    @field_validator("name")
    @classmethod
    def _name_is_a_slug(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError("must be lower-case letters, digits and hyphens")
        return value

    @field_validator("allowed_prefixes")
    @classmethod
    def _prefixes_are_paths(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value or any(not p.startswith("/") for p in value):
            raise ValueError("each prefix must be a path starting with '/'")
        return value

    @field_validator("start_urls")
    @classmethod
    def _start_urls_are_http(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("at least one URL")
        for url in value:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError(f"{url!r} is not an absolute http(s) URL")
        return value

    def rebased(self, base_url: str) -> Self:
        """This entry with every start URL moved to ``base_url``'s scheme and host (a mirror,
        a local copy): path and query stay."""
        return self.model_copy(
            update={"start_urls": tuple(rebase_url(u, base_url) for u in self.start_urls)}
        )


def rebase_url(url: str, base_url: str) -> str:
    """``url`` with the scheme and host of ``base_url`` (whose own path prefixes the path)."""
    base = urlsplit(base_url)
    parts = urlsplit(url)
    path = base.path.rstrip("/") + parts.path
    return urlunsplit((base.scheme, base.netloc, path, parts.query, parts.fragment))


class Registry(Record):
    """Every site of a registry file, names unique."""

    version: int = 1
    sites: tuple[SiteEntry, ...] = ()

    @field_validator("sites")
    @classmethod
    def _names_unique(cls, value: tuple[SiteEntry, ...]) -> tuple[SiteEntry, ...]:
        names = [s.name for s in value]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"duplicate site names: {', '.join(dupes)}")
        return value

    def get(self, name: str) -> SiteEntry | None:
        return next((s for s in self.sites if s.name == name), None)
