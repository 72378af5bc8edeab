"""The OPS site registry (``praktyki/data/ops_sites.toml``) as validated records.

Documented in ``docs/SITE_REGISTRY.md``. A start URL is either absolute (``https://ops.example.pl/``)
or relative to the ``{base}`` placeholder (``{base}/aktualnosci``), which the crawler fills in
with the base URL of the running replica named by ``replica`` (its port is chosen at start).
"""

from __future__ import annotations

import re
from typing import Self
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator

from praktyki.schemas.base import Record

__all__ = ["BASE_PLACEHOLDER", "Registry", "SiteEntry", "SiteHints"]

BASE_PLACEHOLDER = "{base}"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SiteHints(Record):
    """CSS selectors used only when the generic extractor needs help on a site."""

    title: str | None = None
    body: str | None = None
    date: str | None = None


class SiteEntry(Record):
    """One site of the registry."""

    name: str
    start_urls: tuple[str, ...] = (f"{BASE_PLACEHOLDER}/",)
    replica: str | None = None
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

    @model_validator(mode="after")
    def _start_urls_fit_the_kind(self) -> Self:
        if not self.start_urls:
            raise ValueError("start_urls: at least one URL")
        for url in self.start_urls:
            relative = url.startswith(BASE_PLACEHOLDER)
            if relative and self.replica is None:
                raise ValueError(
                    f"start_urls: {url!r} uses {BASE_PLACEHOLDER} but no replica is set"
                )
            if not relative and urlsplit(url).scheme not in ("http", "https"):
                raise ValueError(
                    f"start_urls: {url!r} is neither http(s) nor {BASE_PLACEHOLDER}-relative"
                )
        return self

    def resolve_start_urls(self, base_url: str | None = None) -> tuple[str, ...]:
        """Absolute start URLs; ``base_url`` (the replica's) fills ``{base}``."""
        if base_url is None and any(u.startswith(BASE_PLACEHOLDER) for u in self.start_urls):
            raise ValueError(f"site {self.name!r} needs the base URL of replica {self.replica!r}")
        base = (base_url or "").rstrip("/")
        return tuple(u.replace(BASE_PLACEHOLDER, base, 1) for u in self.start_urls)


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
