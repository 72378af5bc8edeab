"""A hung or dripping page costs its own request-time budget once, never the run.

One replica site, one practice page that never answers, one that sends a byte at a time, one
that is a PDF under a page URL: the crawl stores every other practice, records each of the
three with its reason, and does not fetch the slow ones again in its extra passes.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from crawl_support import FAST, SHORT_LIMITS, expected_practice, query, stored_practice

from praktyki.crawl.service import crawl_bdp
from praktyki_replica import parse_fault_spec
from praktyki_replica.bdp_site import BdpSite

PRACTICES = 8


@pytest.mark.slow
def test_hanging_dripping_and_binary_pages_cost_only_themselves(
    tmp_path: Path,
    replica_factory,  # type: ignore[no-untyped-def]
) -> None:
    site = BdpSite(practices=PRACTICES)
    ids = site.practice_ids()
    targets = {
        kind: "/index.php?p1={0.p1}&p2={0.p2}&art={0.art}".format(site.spec(ids[index]))
        for kind, index in (("hang", 1), ("drip", 3), ("binary", 5))
    }
    spec = ",".join(f"{kind}@{target}" for kind, target in targets.items())
    plan = dataclasses.replace(parse_fault_spec(spec), hang_seconds=60.0, drip_seconds=0.05)
    base_url = replica_factory([site], faults=plan).base_url("bdp")
    db = tmp_path / "p.db"

    summary = crawl_bdp(db, base_url, FAST.replace(limits=SHORT_LIMITS))

    assert (summary.new, summary.exit_code) == (PRACTICES - 3, 1)
    skipped = {site.spec(ids[index]).practice_id for index in (1, 3, 5)}
    for truth in site.ground_truth(base_url):
        if truth.practice_id not in skipped:
            assert stored_practice(db, str(truth.practice_id)) == expected_practice(truth)
    rows = dict(
        (
            kind,
            query(db, "SELECT attempts, last_error FROM frontier WHERE url = ?", (base_url + t,)),
        )
        for kind, t in targets.items()
    )
    assert rows["hang"][0][0] == 1  # claimed once: no extra pass spent the budget again
    assert rows["hang"][0][1].startswith("OutOfTime: no complete answer within its 1.2s")
    assert rows["drip"][0] == rows["hang"][0]
    binary = base_url + targets["binary"]
    assert rows["binary"][0][1] is None  # fetched and archived as received ...
    reasons = query(db, "SELECT reason FROM crawl_failures WHERE url = ?", (binary,))
    assert reasons == [("NotHtml: not an HTML page: a PDF document",)]  # ... never loaded
