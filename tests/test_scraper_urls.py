"""Canonical URLs and the allowlist."""

from __future__ import annotations

import pytest

from praktyki.errors import ConfigError, OffAllowlist
from praktyki.scraper.urls import Allowlist, canonicalize, is_http_url

BDP_ALIASES = {
    "www.dobrepraktyki.pl": "archiwum.dobrepraktyki.pl",
    "dobrepraktyki.pl": "archiwum.dobrepraktyki.pl",
}
ARCH = "http://archiwum.dobrepraktyki.pl"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param(
            f"{ARCH}/index.php?art=123&s=2&p2=20&p1=6",
            f"{ARCH}/index.php?p1=6&p2=20&art=123&s=2",
            id="bdp-params-in-fixed-order",
        ),
        pytest.param(
            f"{ARCH}/index.php?p1=6&p2=20&art=123&s=1",
            f"{ARCH}/index.php?p1=6&p2=20&art=123",
            id="bdp-s1-is-the-page-without-s",
        ),
        pytest.param(
            f"{ARCH}/index.php?zz=1&p1=6&aa=2&art=5",
            f"{ARCH}/index.php?p1=6&art=5&aa=2&zz=1",
            id="bdp-other-params-after-sorted",
        ),
        pytest.param(
            "http://www.dobrepraktyki.pl/index.php?p1=111",
            f"{ARCH}/index.php?p1=111",
            id="www-alias-folded",
        ),
        pytest.param(
            "http://dobrepraktyki.pl/index.php?p1=111",
            f"{ARCH}/index.php?p1=111",
            id="bare-domain-alias-folded",
        ),
        pytest.param(
            f"{ARCH}/index.php?p1=6&art=5#metryka",
            f"{ARCH}/index.php?p1=6&art=5",
            id="fragment-dropped",
        ),
        pytest.param(
            f"{ARCH}/index.php?p1=6&PHPSESSID=abc&art=5&sid=9",
            f"{ARCH}/index.php?p1=6&art=5",
            id="session-params-dropped",
        ),
        pytest.param(
            "http://ops.pl/news?utm_source=fb&utm_medium=x&fbclid=1&gclid=2&id=7",
            "http://ops.pl/news?id=7",
            id="tracking-params-dropped",
        ),
        pytest.param(
            "http://ops.pl/a?_=1699999&nocache=1&rand=0.3&ts=17&id=7",
            "http://ops.pl/a?id=7",
            id="cache-busting-params-dropped",
        ),
        pytest.param("http://ops.pl/a?b=2&a=1&c=", "http://ops.pl/a?a=1&b=2&c=", id="query-sorted"),
        pytest.param("http://ops.pl/a?x=&flag", "http://ops.pl/a?flag&x=", id="blank-values-kept"),
        pytest.param(
            "http://ops.pl/a?t=2&t=1", "http://ops.pl/a?t=2&t=1", id="repeated-name-keeps-order"
        ),
        pytest.param("http://ops.pl/a?", "http://ops.pl/a", id="empty-query-dropped"),
        pytest.param(
            "HTTP://OPS.PL:80/Page", "http://ops.pl/Page", id="scheme-host-lower-path-kept"
        ),
        pytest.param("https://ops.pl:443/", "https://ops.pl/", id="https-default-port-dropped"),
        pytest.param("http://ops.pl:8080/", "http://ops.pl:8080/", id="other-port-kept"),
        pytest.param("http://ops.pl", "http://ops.pl/", id="empty-path-is-slash"),
        pytest.param("http://ops.pl/a/./b/../c", "http://ops.pl/a/c", id="dot-segments-resolved"),
        pytest.param("http://ops.pl/a/b/..", "http://ops.pl/a/", id="trailing-dotdot-keeps-slash"),
        pytest.param("http://ops.pl/a/", "http://ops.pl/a/", id="trailing-slash-kept"),
        pytest.param(
            "http://ops.pl/%7Euser", "http://ops.pl/~user", id="unreserved-escape-decoded"
        ),
        pytest.param("http://ops.pl/a%2fb", "http://ops.pl/a%2Fb", id="reserved-escape-uppercased"),
        pytest.param(
            "http://ops.pl/pomoc społeczna",
            "http://ops.pl/pomoc%20spo%C5%82eczna",
            id="space-and-non-ascii-escaped",
        ),
        pytest.param("http://ops.pl/?q=a+b", "http://ops.pl/?q=a+b", id="plus-kept-in-query"),
        pytest.param(
            "http://ops.pl/?q=%c5%82", "http://ops.pl/?q=%C5%82", id="query-escape-uppercased"
        ),
        pytest.param("http://ŁÓDŹ.pl/", "http://xn--d-uga0v4h.pl/", id="idn-host-lowered-punycode"),
        pytest.param("http://Ops.PL./", "http://ops.pl/", id="trailing-dot-of-host-dropped"),
        pytest.param("http://user:pw@ops.pl/", "http://ops.pl/", id="userinfo-dropped"),
        pytest.param(
            "http://ops.pl/kontakt/index.php?id=1&p=2",
            "http://ops.pl/kontakt/index.php?id=1&p=2",
            id="index-php-without-bdp-params-sorted-plainly",
        ),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url, aliases=BDP_ALIASES) == expected


def test_canonicalize_is_idempotent() -> None:
    url = "HTTP://www.dobrepraktyki.pl/./index.php?s=1&art=5&p1=6&utm_x=1#f"
    once = canonicalize(url, aliases=BDP_ALIASES)
    assert canonicalize(once, aliases=BDP_ALIASES) == once


def test_alias_target_with_scheme_folds_scheme() -> None:
    aliases = {"www.dobrepraktyki.pl": "https://archiwum.dobrepraktyki.pl"}
    url = "http://www.dobrepraktyki.pl/index.php?p1=111"
    assert (
        canonicalize(url, aliases=aliases) == "https://archiwum.dobrepraktyki.pl/index.php?p1=111"
    )


@pytest.mark.parametrize("url", ["mailto:a@b.pl", "/relative", "ftp://x.pl/", "#top", "http://"])
def test_canonicalize_refuses_non_http(url: str) -> None:
    with pytest.raises(ConfigError):
        canonicalize(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [("http://a.pl/", True), ("https://a.pl", True), ("javascript:void(0)", False), ("x", False)],
)
def test_is_http_url(url: str, expected: bool) -> None:
    assert is_http_url(url) is expected


ALLOW = Allowlist(["127.0.0.1:8080", "Archiwum.Dobrepraktyki.PL"])


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        pytest.param("http://127.0.0.1:8080/x", True, id="host-and-port"),
        pytest.param("http://127.0.0.1:8081/x", False, id="other-port"),
        pytest.param("http://127.0.0.1/x", False, id="default-port-is-not-8080"),
        pytest.param("http://archiwum.dobrepraktyki.pl/", True, id="host-case-insensitive"),
        pytest.param("http://archiwum.dobrepraktyki.pl:80/", True, id="explicit-default-port"),
        pytest.param("http://evil.example/", False, id="other-host"),
        pytest.param("http://dobrepraktyki.pl.evil.example/", False, id="suffix-trick"),
        pytest.param("ftp://127.0.0.1:8080/", False, id="not-http"),
    ],
)
def test_allowlist_allows(url: str, allowed: bool) -> None:
    assert ALLOW.allows(url) is allowed


def test_allowlist_check_raises_off_allowlist_with_url() -> None:
    with pytest.raises(OffAllowlist) as info:
        ALLOW.check("http://evil.example/x")
    assert info.value.url == "http://evil.example/x"


def test_allowlist_from_urls() -> None:
    allow = Allowlist.from_urls(["http://127.0.0.1:9000/index.php?p1=111"])
    assert allow.hosts == frozenset({"127.0.0.1:9000"})
