"""The replica sites' ground truth as JSON lines: what a correct crawl and parse must produce."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Protocol, TextIO, runtime_checkable

from praktyki.schemas.base import Record
from praktyki_replica.site import Site

__all__ = ["KnowsTruth", "export_ground_truth"]


@runtime_checkable
class KnowsTruth(Protocol):
    """A site that knows the record a correct parser returns for each of its pages."""

    def ground_truth(self, base_url: str) -> Sequence[Record]: ...


def export_ground_truth(sites: Sequence[Site], base_urls: Mapping[str, str], out: TextIO) -> int:
    """Write one JSON object per expected record (sites in order); return the count.

    ``base_urls`` maps site names to where they are served, since records carry absolute URLs.
    Sites without ground truth are skipped.
    """
    count = 0
    for site in sites:
        if not isinstance(site, KnowsTruth):
            continue
        for record in site.ground_truth(base_urls[site.name]):
            out.write(json.dumps(record.to_json_dict(), ensure_ascii=False, sort_keys=True))
            out.write("\n")
            count += 1
    return count
