"""The site registry of the replica's OPS sites, built for the addresses they listen on.

The replica's ports are chosen when it starts, so its registry is not a shipped file: the
demo and the tests build it here from the running sites' base URLs (the shipped
``praktyki/data/ops_sites.toml`` lists real sites only).
"""

from __future__ import annotations

from collections.abc import Mapping

from praktyki.schemas.registry import Registry, SiteEntry, SiteHints

__all__ = ["REPLICA_SITE_NAMES", "replica_registry"]

#: name → (start paths, allowed prefixes, page budget, max depth, hints); the crawl settings a
#: person would write for each replica site (Janów's old table layout gets extractor hints).
_ENTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], int, int, SiteHints | None]] = {
    "ops-gora": (("/",), ("/",), 60, 4, None),
    "ops-janow": (
        ("/",),
        ("/index.php", "/"),
        150,
        3,
        SiteHints(title="td.tresc div.tytul", body="td.tresc", date="td.tresc div.data"),
    ),
    "mops-wp": (("/", "/aktualnosci/"), ("/",), 80, 4, None),
    "gops-drupal": (("/",), ("/node/", "/aktualnosci", "/"), 60, 4, None),
    "mopr-bip": (("/",), ("/artykul/", "/menu/", "/"), 80, 4, None),
}

REPLICA_SITE_NAMES = tuple(_ENTRIES)


def replica_registry(base_urls: Mapping[str, str]) -> Registry:
    """A registry of the replica OPS sites found in ``base_urls`` (name → base URL; other
    names, such as ``bdp``, are ignored)."""
    sites = []
    for name, (paths, prefixes, budget, depth, hints) in _ENTRIES.items():
        if name not in base_urls:
            continue
        base = base_urls[name].rstrip("/")
        sites.append(
            SiteEntry(
                name=name,
                start_urls=tuple(base + path for path in paths),
                source="praktyki_replica (the replica site of this name)",
                allowed_prefixes=prefixes,
                page_budget=budget,
                max_depth=depth,
                hints=hints,
            )
        )
    return Registry(sites=tuple(sites))
