"""Fault plans: the SPEC grammar and deterministic, order-independent decisions (no network)."""

from __future__ import annotations

import zlib

import pytest

from praktyki.errors import ConfigError
from praktyki_replica import FaultKind, FaultPlan, FaultRule, parse_fault_spec
from praktyki_replica.faults import (
    PERSISTENT,
    gzip_bomb,
    malform,
    mislabel_charset,
    oversize_chunks,
)

K = FaultKind


@pytest.mark.parametrize(
    ("spec", "rules"),
    [
        ("500", [FaultRule(K.HTTP_500)]),
        ("500:0.1", [FaultRule(K.HTTP_500, 0.1)]),
        ("503:0.2x3", [FaultRule(K.HTTP_503, 0.2, 3)]),
        ("reset:0.01!", [FaultRule(K.RESET, 0.01, PERSISTENT)]),
        ("hangx2", [FaultRule(K.HANG, 1.0, 2)]),
        (
            "500@/index.php?p1=1&p2=2&art=7",
            [FaultRule(K.HTTP_500, 1.0, PERSISTENT, "/index.php?p1=1&p2=2&art=7")],
        ),
        ("429x1@/a", [FaultRule(K.HTTP_429, 1.0, 1, "/a")]),
        (
            "500:0.1,429:0.05,hang:0.02",
            [FaultRule(K.HTTP_500, 0.1), FaultRule(K.HTTP_429, 0.05), FaultRule(K.HANG, 0.02)],
        ),
        (" truncate:0.5 , oversize ", [FaultRule(K.TRUNCATE, 0.5), FaultRule(K.OVERSIZE)]),
        ("", []),
    ],
    ids=[
        "kind-alone",
        "probability",
        "first-n-requests",
        "persistent",
        "count-without-probability",
        "per-path-with-query",
        "per-path-first-request",
        "issue-example",
        "spaces",
        "empty",
    ],
)
def test_spec_grammar(spec: str, rules: list[FaultRule]) -> None:
    assert list(parse_fault_spec(spec).rules) == rules


@pytest.mark.parametrize(
    "spec",
    ["teapot", "500:1.5", "500:abc", "500x0", "500@relative", "500;0.1", ",", "500:0.1!x2"],
    ids=[
        "unknown-kind",
        "probability-over-1",
        "probability-not-a-number",
        "zero-count",
        "relative-target",
        "wrong-separator",
        "only-commas",
        "bang-and-count",
    ],
)
def test_bad_specs_are_config_errors(spec: str) -> None:
    with pytest.raises(ConfigError):
        parse_fault_spec(spec)


@pytest.mark.parametrize(
    "spec", ["500:0.1,429:0.05x2", "reset:0.01!", "500@/index.php?a=1", "hangx3@/x", "gzipbomb"]
)
def test_spec_round_trips(spec: str) -> None:
    assert parse_fault_spec(spec).spec() == spec


def decisions(plan: FaultPlan, targets: list[str], attempt: int = 0) -> dict[str, FaultKind | None]:
    return {t: plan.decide("site", t.partition("?")[0], t, attempt) for t in targets}


TARGETS = [f"/index.php?art={n}" for n in range(1000)]


def test_same_seed_same_decisions_in_any_order() -> None:
    plan = parse_fault_spec("500:0.1,429:0.05,reset:0.02", seed=7)
    forward = decisions(plan, TARGETS)
    backward = decisions(parse_fault_spec(plan.spec(), seed=7), list(reversed(TARGETS)))
    assert forward == backward


def test_another_seed_picks_other_urls() -> None:
    a = decisions(parse_fault_spec("500:0.1", seed=1), TARGETS)
    b = decisions(parse_fault_spec("500:0.1", seed=2), TARGETS)
    assert a != b


@pytest.mark.parametrize("probability", [0.05, 0.3, 0.8])
def test_probability_is_the_share_of_urls_picked(probability: float) -> None:
    picked = decisions(parse_fault_spec(f"502:{probability}"), TARGETS)
    share = sum(kind is not None for kind in picked.values()) / len(TARGETS)
    assert abs(share - probability) < 0.05


@pytest.mark.parametrize(
    ("spec", "faulted_attempts"),
    [
        ("500", [0]),
        ("500x3", [0, 1, 2]),
        ("500!", [0, 1, 2, 3, 4, 5]),
        ("500@/p", [0, 1, 2, 3, 4, 5]),
    ],
    ids=["transient", "first-three", "persistent", "per-path"],
)
def test_attempts_that_fail(spec: str, faulted_attempts: list[int]) -> None:
    plan = parse_fault_spec(spec)
    failing = [n for n in range(6) if plan.decide("s", "/p", "/p", n) is not None]
    assert failing == faulted_attempts


@pytest.mark.parametrize(
    ("rule_target", "path", "target", "hit"),
    [
        ("/p?a=1", "/p", "/p?a=1", True),
        ("/p?a=1", "/p", "/p?a=2", False),
        ("/p", "/p", "/p?a=2", True),
        ("/p", "/q", "/q", False),
    ],
    ids=["exact-query", "other-query", "path-any-query", "other-path"],
)
def test_per_path_matching(rule_target: str, path: str, target: str, hit: bool) -> None:
    plan = parse_fault_spec(f"500@{rule_target}")
    assert (plan.decide("s", path, target, 0) is not None) is hit


def test_robots_txt_is_exempt_unless_named() -> None:
    assert parse_fault_spec("500").decide("s", "/robots.txt", "/robots.txt", 0) is None
    named = parse_fault_spec("500@/robots.txt")
    assert named.decide("s", "/robots.txt", "/robots.txt", 0) is K.HTTP_500


def test_first_matching_rule_wins() -> None:
    plan = parse_fault_spec("429,500")
    assert plan.decide("s", "/", "/", 0) is K.HTTP_429


def test_gzip_bomb_inflates_to_its_size_and_is_cached() -> None:
    bomb = gzip_bomb(8 * 1024 * 1024)
    inflater = zlib.decompressobj(31)
    total = len(inflater.decompress(bomb))
    assert total == 8 * 1024 * 1024
    assert len(bomb) < 64 * 1024
    assert gzip_bomb(8 * 1024 * 1024) is bomb


def test_oversize_chunks_add_up_exactly() -> None:
    chunks = list(oversize_chunks(1_000_003, chunk=4096))
    assert sum(map(len, chunks)) == 1_000_003
    assert max(map(len, chunks)) <= 4096


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("Zażółć gęślą jaźń".encode(), "text/html; charset=utf-8"),
        ("Zażółć gęślą jaźń".encode(), "text/html"),
        ("Zażółć gęślą jaźń".encode("iso-8859-2"), "text/html; charset=ISO-8859-2"),
    ],
    ids=["utf-8-declared", "undeclared", "iso-8859-2-declared"],
)
def test_mislabelled_charset_does_not_decode(body: bytes, content_type: str) -> None:
    new_body, new_type = mislabel_charset(body, content_type)
    declared = new_type.split("charset=")[1]
    with pytest.raises(UnicodeDecodeError):
        new_body.decode(declared)


def test_malformed_html_is_cut_and_never_closed() -> None:
    page = b"<html><body>" + b"<p>tekst</p>" * 100 + b"</body></html>"
    broken = malform(page)
    assert b"</html>" not in broken
    assert broken.startswith(page[:100])
