"""Canonical URLs and the host allowlist.

One page must have one key in the archive and the frontier, whatever link led to it.
:func:`canonicalize` makes that key:

- scheme and host lower-cased; an internationalized host written in IDNA (punycode) ASCII;
  the default port (80 for http, 443 for https) dropped; user info dropped;
- host aliases folded (``{"www.dobrepraktyki.pl": "archiwum.dobrepraktyki.pl"}``); an alias
  target may carry a scheme (``"https://archiwum.dobrepraktyki.pl"``) to fold the scheme too;
- the fragment dropped; dot segments resolved; an empty path written as ``/``;
- percent-encoding normalized: escapes of unreserved characters decoded, other escapes
  upper-cased, characters that must be escaped (spaces, non-ASCII) escaped as UTF-8;
- session, tracking and cache-busting parameters dropped (:data:`DROP_PARAMS`, ``utm_*``);
- BDP-style ``…/index.php`` URLs (a ``p1``, ``p2`` or ``art`` parameter): the query ordered
  ``p1, p2, art, s`` then the rest sorted, and ``s=1`` dropped (the summary tab is the page
  with no ``s``); any other URL: parameters sorted by name (stable, so repeated names keep
  their order), blank values kept as written (``a`` and ``a=`` stay distinct).

The query is never decoded and re-encoded as a whole (``+`` stays ``+``), so the server
sees exactly the bytes a browser following the link would send, only reordered.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

from praktyki.errors import ConfigError, OffAllowlist
from praktyki.parsers.hrefs import join_href

__all__ = [
    "DROP_PARAMS",
    "Allowlist",
    "canonical_link",
    "canonical_netloc",
    "canonicalize",
    "is_http_url",
    "origin",
]

#: Parameter names (compared lower-case) that never change what a page shows.
DROP_PARAMS: frozenset[str] = frozenset(
    {
        "phpsessid",
        "sid",
        "jsessionid",
        "aspsessionid",
        "sessionid",
        "session_id",
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "mc_cid",
        "mc_eid",
        "_",
        "nocache",
        "no_cache",
        "rand",
        "random",
        "ts",
        "timestamp",
        "cachebuster",
        "cb",
    }
)
_DROP_PREFIXES = ("utm_",)
_BDP_ORDER = ("p1", "p2", "art", "s")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_EMPTY: Mapping[str, str] = MappingProxyType({})

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = "!$&'()*+,;="
# Characters left as they are (beside escapes) in each component.
_PATH_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | set(":@/"))
_QUERY_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | set(":@/?"))
_HEX = re.compile(r"%([0-9A-Fa-f]{2})")


def is_http_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) URL with a host (``mailto:``, ``#x`` are not)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in _DEFAULT_PORTS and bool(parts.hostname)


def canonicalize(url: str, *, aliases: Mapping[str, str] = _EMPTY) -> str:
    """The canonical form of an absolute http(s) URL (see the module docstring).

    Raises :class:`ConfigError` for anything that is not an absolute http(s) URL; callers
    that canonicalize links found in pages filter with :func:`is_http_url` first.
    """
    if not is_http_url(url):
        raise ConfigError("not an absolute http(s) URL", url=url)
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    netloc = _netloc(scheme, parts.hostname or "", _port(parts, url))
    scheme, netloc = _fold_alias(scheme, netloc, aliases)
    path = _normalize_path(parts.path)
    query = _normalize_query(parts.query, bdp=_is_bdp(path, parts.query))
    return urlunsplit((scheme, netloc, path, query, ""))


def canonical_link(href: str, base: str, *, aliases: Mapping[str, str] = _EMPTY) -> str | None:
    """The canonical URL a link on a page at ``base`` leads to; None for no usable link.

    Anything a page may hold goes in (relative, malformed, ``mailto:``, ``http://[1]/``);
    only an absolute http(s) URL comes out, so one bad link never stops a crawl.
    """
    absolute = join_href(base, href)
    if absolute is None or not is_http_url(absolute):
        return None
    try:
        return canonicalize(absolute, aliases=aliases)
    except ConfigError:
        return None


def canonical_netloc(netloc_or_url: str) -> str:
    """``host[:port]`` as :func:`canonicalize` writes it (default port dropped, lower-case)."""
    text = netloc_or_url if "://" in netloc_or_url else f"http://{netloc_or_url}"
    parts = urlsplit(text)
    if not parts.hostname:
        raise ConfigError("no host", url=netloc_or_url)
    return _netloc(parts.scheme.lower(), parts.hostname, _port(parts, netloc_or_url))


def origin(url: str) -> str:
    """``scheme://host[:port]`` of a canonical URL (the scope of a robots.txt)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _port(parts: SplitResult, url: str) -> int | None:
    try:
        return parts.port
    except ValueError as exc:
        raise ConfigError("bad port", url=url) from exc


def _netloc(scheme: str, host: str, port: int | None) -> str:
    host = _ascii_host(host)
    if port is None or _DEFAULT_PORTS.get(scheme) == port:
        return host
    return f"{host}:{port}"


def _ascii_host(host: str) -> str:
    host = host.lower().rstrip(".")
    if host.isascii():
        return host
    try:
        # the idna codec (IDNA 2003 nameprep) lower-cases and maps before encoding
        return host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ConfigError(f"host {host!r} is not a valid domain name") from exc


def _fold_alias(scheme: str, netloc: str, aliases: Mapping[str, str]) -> tuple[str, str]:
    target = aliases.get(netloc)
    if target is None:
        return scheme, netloc
    if "://" in target:
        new_scheme = target.split("://", 1)[0].lower()
        return new_scheme, canonical_netloc(target)
    return scheme, canonical_netloc(target)


def _normalize_escapes(text: str, safe: frozenset[str]) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        match = _HEX.match(text, i) if char == "%" else None
        if match:
            decoded = chr(int(match.group(1), 16))
            out.append(decoded if decoded in _UNRESERVED else "%" + match.group(1).upper())
            i += 3
            continue
        if char in safe:
            out.append(char)
        else:
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8")))
        i += 1
    return "".join(out)


def _normalize_path(path: str) -> str:
    if not path:
        return "/"
    resolved = posixpath.normpath(path)
    # normpath keeps a leading "//" and drops a trailing "/": both matter to a server
    if resolved.startswith("//"):
        resolved = "/" + resolved.lstrip("/")
    if resolved == ".":
        resolved = "/"
    if path.endswith(("/", "/.", "/..")) and not resolved.endswith("/"):
        resolved += "/"
    return _normalize_escapes(resolved, _PATH_SAFE)


def _is_bdp(path: str, query: str) -> bool:
    if not path.lower().endswith("/index.php"):
        return False
    return any(_name(pair) in ("p1", "p2", "art") for pair in query.split("&"))


def _name(pair: str) -> str:
    return unquote(pair.split("=", 1)[0]).lower()


def _dropped(name: str) -> bool:
    return name in DROP_PARAMS or name.startswith(_DROP_PREFIXES)


def _normalize_query(query: str, *, bdp: bool) -> str:
    pairs = [_normalize_escapes(p, _QUERY_SAFE) for p in query.split("&") if p]
    pairs = [p for p in pairs if not _dropped(_name(p))]
    if bdp:
        pairs = [p for p in pairs if p.lower() != "s=1"]
        rank = {name: i for i, name in enumerate(_BDP_ORDER)}
        pairs.sort(key=lambda p: (rank.get(_name(p), len(rank)), p.split("=", 1)[0]))
    else:
        pairs.sort(key=lambda p: p.split("=", 1)[0])
    return "&".join(pairs)


class Allowlist:
    """The hosts (``host[:port]``, default port implied) a crawl may contact, and only http(s)."""

    def __init__(self, hosts: Iterable[str]) -> None:
        self.hosts: frozenset[str] = frozenset(canonical_netloc(h) for h in hosts)

    @classmethod
    def from_urls(cls, urls: Iterable[str]) -> Allowlist:
        """The allowlist of the hosts of ``urls`` (e.g. a crawl's seed URLs)."""
        return cls(canonical_netloc(u) for u in urls)

    def allows(self, url: str) -> bool:
        """Whether ``url`` is an http(s) URL on an allowed host."""
        if not is_http_url(url):
            return False
        try:
            return canonical_netloc(url) in self.hosts
        except (ConfigError, ValueError):
            return False

    def check(self, url: str) -> None:
        """Raise :class:`OffAllowlist` unless :meth:`allows`."""
        if not self.allows(url):
            raise OffAllowlist("host is not on the allowlist", url=url)

    def __repr__(self) -> str:
        return f"Allowlist({sorted(self.hosts)!r})"
