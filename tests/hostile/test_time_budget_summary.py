"""The time budgets a crawl spent show in its summary: URLs out of time, deferred, paused hosts.

A hung page spends its request-time budget and is counted ``out_of_time``; a host that resets
every connection is paused after ``host_failures`` failures in a row, and the URLs it still had
are counted ``deferred`` (left for the next run), the host listed in ``paused_hosts``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from crawl_support import FAST, SHORT_LIMITS

from praktyki.crawl.service import crawl_bdp
from praktyki_replica import parse_fault_spec
from praktyki_replica.bdp_site import BdpSite

# Pausing a host after two failures in a row, so a resetting host is paused early.
SHORT = dataclasses.replace(SHORT_LIMITS, host_failures=2)


@pytest.mark.slow
def test_a_hung_page_is_counted_out_of_time(
    tmp_path: Path,
    replica_factory,  # type: ignore[no-untyped-def]
) -> None:
    site = BdpSite(practices=4)
    hung = "/index.php?p1={0.p1}&p2={0.p2}&art={0.art}".format(site.spec(site.practice_ids()[1]))
    plan = dataclasses.replace(parse_fault_spec(f"hang@{hung}"), hang_seconds=60.0)
    base_url = replica_factory([site], faults=plan).base_url("bdp")
    limits = dataclasses.replace(SHORT, host_failures=5)

    summary = crawl_bdp(tmp_path / "p.db", base_url, FAST.replace(limits=limits))

    assert (summary.out_of_time, summary.deferred, summary.paused_hosts) == (1, 0, ())


@pytest.mark.slow
def test_a_failing_host_is_paused_and_its_urls_deferred_in_the_json_summary(
    tmp_path: Path,
    replica_factory,  # type: ignore[no-untyped-def]
) -> None:
    replica = replica_factory([BdpSite(practices=2)], faults=parse_fault_spec("reset!"))
    base_url = replica.base_url("bdp")
    host = base_url.split("/")[2]

    summary = crawl_bdp(tmp_path / "p.db", base_url, FAST.replace(limits=SHORT))
    keys = summary.to_json_dict()

    assert keys["paused_hosts"] == [host]
    assert isinstance(keys["deferred"], int)
    assert keys["deferred"] >= 1
    assert keys["out_of_time"] == 0
