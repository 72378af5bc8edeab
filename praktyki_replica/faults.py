"""Deterministic fault injection for the replica server.

A fault plan is a comma-separated list of rules (``praktyki serve-replica --faults SPEC``)::

    SPEC  := RULE ("," RULE)*
    RULE  := KIND [":" PROB] ["x" N | "!"] ["@" TARGET]

``KIND``
    ``500``, ``502``, ``503`` (with Retry-After), ``429`` (with Retry-After), ``hang`` (no answer
    for a long but bounded time, then close), ``reset`` (abortive close, RST), ``truncate``
    (Content-Length larger than the bytes sent), ``oversize`` (tens of MB, streamed),
    ``gzipbomb`` (a small gzip body that inflates to hundreds of MB), ``redirectloop``
    (A -> B -> A), ``offhost`` (302 to ``http://offsite.invalid/``), ``badcharset`` (the header
    declares a charset the bytes are not in), ``malformed`` (the HTML cut, with broken tags),
    ``badlinks`` (the page whole, with links that urllib cannot read, e.g. ``http://[1]/``,
    added before ``</body>``), ``drip`` (the page sent one byte every ``drip_seconds``),
    ``binary`` (a PDF under the page's URL, labelled ``text/html``), ``trap`` (a crawler
    trap: every HTML page links new URLs -- a section ``?p1=N``, a subsection ``?p1=N&p2=N``,
    practices ``?p1=N&art=N`` and ``?p1=N&p2=N&art=N``, N new for every page -- and an
    unknown page answers 200 with such links instead of 404, so the site never ends).
``PROB``
    the share of URLs the rule picks, 0..1 (default 1). Whether a URL is picked depends only
    on (seed, kind, site, URL), never on the order in which URLs are requested.
``x N``
    a picked URL fails its first N requests, then is served normally (default N = 1: a
    transient fault that one retry cures).
``!``
    a picked URL fails every request (a persistent fault).
``@ TARGET``
    the rule applies to this request target only, on every request unless ``x N`` is given.
    A target with ``?`` matches the exact path and query; one without matches the path with
    any query. Targets cannot contain ``,``.

Examples: ``500:0.1,429:0.05,hang:0.02,reset:0.02,truncate:0.02`` (random-looking transient
faults); ``503:0.2x3`` (20% of URLs answer 503 three times); ``reset:0.01!`` (1% of URLs always
reset); ``500@/index.php?p1=1&p2=2&art=7`` (that practice always fails).

The first rule (in SPEC order) that fires on a request wins. ``/robots.txt`` is never faulted
unless a rule names it with ``@/robots.txt``.
"""

from __future__ import annotations

import enum
import hashlib
import re
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from praktyki.errors import ConfigError

__all__ = [
    "BINARY_BODY",
    "OFFHOST_URL",
    "FaultKind",
    "FaultPlan",
    "FaultRule",
    "gzip_bomb",
    "add_bad_links",
    "add_trap_links",
    "malform",
    "mislabel_charset",
    "oversize_chunks",
    "parse_fault_spec",
]

OFFHOST_URL = "http://offsite.invalid/"  # .invalid never resolves (RFC 6761)
ROBOTS_PATH = "/robots.txt"


class FaultKind(enum.StrEnum):
    HTTP_500 = "500"
    HTTP_502 = "502"
    HTTP_503 = "503"
    HTTP_429 = "429"
    HANG = "hang"
    RESET = "reset"
    TRUNCATE = "truncate"
    OVERSIZE = "oversize"
    GZIPBOMB = "gzipbomb"
    REDIRECTLOOP = "redirectloop"
    OFFHOST = "offhost"
    BADCHARSET = "badcharset"
    MALFORMED = "malformed"
    BADLINKS = "badlinks"
    DRIP = "drip"
    BINARY = "binary"
    TRAP = "trap"


PERSISTENT = -1  # FaultRule.attempts for "every request"


@dataclass(frozen=True, slots=True)
class FaultRule:
    """One rule of a plan; see the module docstring for its meaning."""

    kind: FaultKind
    probability: float = 1.0
    attempts: int = 1  # failing requests per picked URL; PERSISTENT = all
    target: str | None = None

    def matches_target(self, path: str, target: str) -> bool:
        if self.target is None:
            return path != ROBOTS_PATH
        return self.target == (target if "?" in self.target else path)

    def spec(self) -> str:
        text = self.kind.value
        if self.probability != 1.0:
            text += f":{self.probability:g}"
        if self.attempts == PERSISTENT:
            text += "" if self.target else "!"
        elif self.attempts != 1 or self.target:
            text += f"x{self.attempts}"
        return text + (f"@{self.target}" if self.target else "")


def _unit(*parts: object) -> float:
    """A uniform number in [0, 1) from the parts: stable across runs and platforms."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


@dataclass(frozen=True, slots=True)
class FaultPlan:
    """Rules plus the seed that makes their decisions reproducible, and the fault sizes."""

    rules: tuple[FaultRule, ...] = ()
    seed: int = 0
    retry_after: int = 1  # seconds, for 429 and 503
    hang_seconds: float = 30.0
    drip_seconds: float = 1.0  # between two bytes of a dripped body
    oversize_bytes: int = 32 * 1024 * 1024
    bomb_bytes: int = 256 * 1024 * 1024

    def decide(self, site: str, path: str, target: str, attempt: int) -> FaultKind | None:
        """The fault for the ``attempt``-th (0-based) request of ``target`` on ``site``."""
        for rule in self.rules:
            if not rule.matches_target(path, target):
                continue
            if rule.attempts != PERSISTENT and attempt >= rule.attempts:
                continue
            if rule.probability >= 1.0 or (
                _unit(self.seed, rule.kind.value, site, target) < rule.probability
            ):
                return rule.kind
        return None

    def spec(self) -> str:
        return ",".join(rule.spec() for rule in self.rules)


_RULE = re.compile(
    r"(?P<kind>[a-z]+|[0-9]+)(?::(?P<prob>[0-9.]+))?(?:x(?P<n>[0-9]+)|(?P<bang>!))?(?:@(?P<target>/\S*))?"
)


def _parse_rule(text: str) -> FaultRule:
    match = _RULE.fullmatch(text.strip())
    if match is None:
        raise ConfigError(f"bad fault rule {text.strip()!r}: expected KIND[:PROB][xN|!][@/PATH]")
    try:
        kind = FaultKind(match["kind"])
    except ValueError:
        known = ", ".join(k.value for k in FaultKind)
        raise ConfigError(f"unknown fault kind {match['kind']!r} (known: {known})") from None
    probability = 1.0
    if match["prob"] is not None:
        try:
            probability = float(match["prob"])
        except ValueError:
            raise ConfigError(f"bad fault probability in {text.strip()!r}") from None
        if not 0.0 <= probability <= 1.0:
            raise ConfigError(f"fault probability must be within 0..1 in {text.strip()!r}")
    if match["n"] is not None:
        attempts = int(match["n"])
        if attempts < 1:
            raise ConfigError(f"fault count must be at least 1 in {text.strip()!r}")
    elif match["bang"] or match["target"]:
        attempts = PERSISTENT
    else:
        attempts = 1
    return FaultRule(kind, probability, attempts, match["target"])


def parse_fault_spec(spec: str, seed: int = 0) -> FaultPlan:
    """Parse a SPEC (see the module docstring) into a plan; raises ``ConfigError``."""
    parts = [part for part in spec.split(",") if part.strip()]
    if not parts and spec.strip():
        raise ConfigError(f"bad fault spec {spec!r}")
    return FaultPlan(rules=tuple(_parse_rule(part) for part in parts), seed=seed)


# --- payloads ---------------------------------------------------------------------------------

# A minimal PDF, served under a page URL by the ``binary`` fault.
BINARY_BODY = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n%%EOF\n"

_bomb_lock = threading.Lock()
_bomb_cache: dict[int, bytes] = {}


def gzip_bomb(inflated_size: int) -> bytes:
    """A gzip stream of ``inflated_size`` zero bytes: built once per size, then cached.

    Zeros compress about 1000:1, so 256 MiB inflate from ~250 KB; it is compressed in 1 MiB
    steps so the inflated bytes never sit in memory.
    """
    with _bomb_lock:
        cached = _bomb_cache.get(inflated_size)
        if cached is None:
            compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip container
            block = bytes(1024 * 1024)
            parts = []
            remaining = inflated_size
            while remaining > 0:
                parts.append(compressor.compress(block[: min(remaining, len(block))]))
                remaining -= len(block)
            parts.append(compressor.flush())
            cached = _bomb_cache[inflated_size] = b"".join(parts)
        return cached


_FILLER = (
    b"<p>Lorem ipsum dolor sit amet, praktyki replica oversize body; "
    b"a crawler must stop reading long before the end.</p>\n"
) * 512


def oversize_chunks(size: int, chunk: int = 64 * 1024) -> Iterator[bytes]:
    """Exactly ``size`` bytes of HTML-ish filler, in chunks, never all in memory."""
    block = (_FILLER * (chunk // len(_FILLER) + 1))[:chunk]
    yield b"<!DOCTYPE html><html><body>\n"[:size]
    sent = min(size, 28)
    while sent < size:
        piece = block[: size - sent]
        sent += len(piece)
        yield piece


def _declared_charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1).lower() if match else None


def mislabel_charset(body: bytes, content_type: str) -> tuple[bytes, str]:
    """Bytes and a Content-Type whose charset the bytes are not in.

    Legacy-encoded bytes are relabelled UTF-8; UTF-8 (or undeclared) text is re-encoded to
    windows-1250 and still labelled UTF-8 -- the mix old Polish sites really serve.
    """
    declared = _declared_charset(content_type) or "utf-8"
    mime = content_type.split(";", 1)[0].strip() or "text/html"
    if declared.replace("_", "-") in ("utf-8", "utf8"):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return body, f"{mime}; charset=utf-8"
        body = text.encode("windows-1250", errors="xmlcharrefreplace")
    return body, f"{mime}; charset=utf-8"


#: Links that make :func:`urllib.parse.urljoin` / ``urlsplit`` raise ``ValueError``.
BAD_HREFS = ("http://[1]/", "http://[::1", "//[zz]/x", "http://h:99999/", "https://[:::]:x/")


def add_bad_links(body: bytes) -> bytes:
    """``body`` with a paragraph of malformed links before ``</body>`` (or at its end)."""
    links = " ".join(f'<a href="{href}">link {n}</a>' for n, href in enumerate(BAD_HREFS))
    block = f"<p>{links}</p>".encode("ascii")
    at = body.lower().rfind(b"</body>")
    return body + block if at < 0 else body[:at] + block + body[at:]


def add_trap_links(body: bytes, target: str) -> bytes:
    """``body`` with links to URLs no page linked before, numbered from ``target``'s hash."""
    n = 1000 + int(_unit("trap", target) * 1_000_000_000)
    hrefs = (
        (f"index.php?p1={n}", f"Dział {n}"),
        (f"index.php?p1={n}&amp;p2={n}", f"Kategoria {n}"),
        (f"index.php?p1={n}&amp;art={n}", f"Praktyka {n}"),
        (f"index.php?p1={n}&amp;p2={n}&amp;art={n + 1}", f"Praktyka {n + 1}"),
    )
    links = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in hrefs)
    block = f"<ul>{links}</ul>".encode()
    at = body.lower().rfind(b"</body>")
    return body + block if at < 0 else body[:at] + block + body[at:]


def malform(body: bytes) -> bytes:
    """The first two thirds of the page, ending inside a broken, never-closed tag."""
    return body[: len(body) * 2 // 3] + b'\n<div class="tresc"<p><b>Niedoko\xc5\x84czon<a href="'


@dataclass
class FaultCounters:
    """Per-URL request counters: the ``attempt`` of :meth:`FaultPlan.decide`."""

    seen: dict[tuple[str, str], int] = field(default_factory=dict)

    def next_attempt(self, site: str, target: str) -> int:
        key = (site, target)
        attempt = self.seen.get(key, 0)
        self.seen[key] = attempt + 1
        return attempt
