"""Parsing saved pages from files (``praktyki parse``): no network, no database.

:func:`parse_files` checks its input first (every path a readable-looking file, the URL
well-formed: else :class:`~praktyki.errors.ConfigError`), then parses file by file; a file
that cannot be parsed gives a :class:`ParsedFile` with ``error`` instead of records, so one bad
page never costs the others their output. A file is read up to the fetcher's size cap
(:attr:`~praktyki.scraper.policy.Limits.max_body_bytes`, 10 MiB) and no further: a larger one
(or an endless one such as ``/dev/zero``) is not parsed, as a crawl would not have kept it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast
from urllib.parse import urlsplit

from praktyki.errors import ConfigError, PraktykiError
from praktyki.scraper.policy import Limits

__all__ = ["ParsedFile", "parse_files"]

log = logging.getLogger(__name__)

Kind = Literal["bdp", "ops", "auto"]


@dataclass(frozen=True)
class ParsedFile:
    """One input file: its records (as the contract's JSON objects), or why it gave none."""

    path: Path
    records: tuple[dict[str, object], ...] = ()
    error: str | None = None

    def json_objects(self) -> list[dict[str, object]]:
        """The ``parse --json`` lines of this file, each carrying ``path``."""
        if self.error is not None:
            return [{"path": str(self.path), "error": self.error}]
        return [{"path": str(self.path), **record} for record in self.records]


def parse_files(
    paths: Sequence[Path], *, kind: str = "auto", url: str | None = None
) -> Iterator[ParsedFile]:
    """Parse each file in order (``url``: where the pages were fetched from; default each
    file's ``file://`` URI). Bad input raises ConfigError before anything is parsed."""
    for path in paths:
        _check_file(path)
    if url is not None:
        _check_url(url)
    if kind not in ("bdp", "ops", "auto"):
        raise ConfigError(f"unknown kind {kind!r} (bdp, ops or auto)")
    return (_parse_file(path, cast(Kind, kind), url) for path in paths)


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise ConfigError(f"{path}: is a directory (give the saved page files)")
    if not path.exists():
        raise ConfigError(f"{path}: no such file")


def _check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError as exc:
        raise ConfigError(f"--url {url!r} is not a valid URL: {exc}") from exc
    if not parts.scheme or not parts.netloc:
        raise ConfigError(f"--url {url!r} is not an absolute URL")


def _parse_file(path: Path, kind: Kind, url: str | None) -> ParsedFile:
    from praktyki.parsers.dispatch import parse_page  # the CLI starts fast without it

    cap = Limits().max_body_bytes
    try:
        with path.open("rb") as file:
            body = file.read(cap + 1)
        if len(body) > cap:
            return ParsedFile(
                path, error=f"larger than {_size(cap)}, the page size cap: not parsed"
            )
        records = parse_page(body, url or path.resolve().as_uri(), kind=kind)
    except OSError as exc:
        return ParsedFile(path, error=f"cannot read {path}: {exc.strerror or exc}")
    except PraktykiError as exc:
        return ParsedFile(path, error=exc.reason)
    except Exception as exc:  # a parser bug must not cost the other pages their lines
        log.exception("parser failed on %s", path)
        return ParsedFile(path, error=f"internal error: {type(exc).__name__}: {exc}")
    return ParsedFile(path, records=tuple(record.to_json_dict() for record in records))


def _size(count: int) -> str:
    return f"{count / 2**20:g} MiB" if count >= 2**20 else f"{count} bytes"
