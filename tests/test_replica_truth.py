"""The replica's ground truth as JSON lines is what the library's parsers read from its pages."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from praktyki.parsers.bdp import parse_practice
from praktyki_replica.bdp_site import BdpSite
from praktyki_replica.ops_sites import build_ops_sites
from praktyki_replica.site import Request, Site
from praktyki_replica.truth import export_ground_truth

BASE = "http://127.0.0.1:8000"


def fetch(site: Site, url: str) -> tuple[bytes, str]:
    parts = urlsplit(url)
    resource = site.handle(Request("GET", parts.path, parts.query, {"host": parts.netloc}))
    assert resource.status == 200, url
    return resource.body, resource.content_type


def export(sites: list[Site]) -> list[dict[str, object]]:
    out = io.StringIO()
    count = export_ground_truth(sites, {site.name: BASE for site in sites}, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == count
    return lines


def test_bdp_truth_export_matches_what_the_parser_reads() -> None:
    site = BdpSite(practices=120, seed=3)
    records = export([site])
    assert len(records) == 120
    for expected in records:
        body, content_type = fetch(site, str(expected["url"]))
        assert parse_practice(body, str(expected["url"]), content_type).to_json_dict() == expected


def test_ops_truth_export_holds_every_article_of_every_site() -> None:
    sites = build_ops_sites()
    expected = sum(len(site.ground_truth(BASE)) for site in sites)
    records = export(list(sites))
    assert len(records) == expected
    assert {record["kind"] for record in records} == {"ops_page"}


def test_sites_without_ground_truth_are_skipped(toy_site: Site) -> None:
    assert export([toy_site]) == []


@pytest.mark.slow
def test_serve_replica_writes_truth_before_announcing_urls(tmp_path: Path) -> None:
    truth = tmp_path / "truth.jsonl"
    command = [sys.executable, "-m", "praktyki", "serve-replica", "--practices", "10"]
    with subprocess.Popen(
        [*command, "--export-truth", str(truth)], stdout=subprocess.PIPE, text=True
    ) as server:
        try:
            assert server.stdout is not None
            name, bdp_url = server.stdout.readline().split()
            records = [json.loads(line) for line in truth.read_text("utf-8").splitlines()]
            practices = [r for r in records if r["kind"] == "bdp_practice"]
            assert name == "bdp"
            assert len(practices) == 10
            assert all(str(r["url"]).startswith(bdp_url) for r in practices)
            assert any(r["kind"] == "ops_page" for r in records)
            assert httpx.get(str(practices[0]["url"])).status_code == 200
        finally:
            server.terminate()
