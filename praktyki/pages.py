"""Parsing saved pages from files (``praktyki parse``): no network, no database.

:func:`parse_files` checks its input first (every path a readable-looking file, the URL
well-formed: else :class:`~praktyki.errors.ConfigError`), then parses file by file; a file
that cannot be parsed gives a :class:`ParsedFile` with ``error`` instead of records, so one bad
page never costs the others their output. A file is read up to the fetcher's size cap
(:attr:`~praktyki.scraper.policy.Limits.max_body_bytes`, 10 MiB) and no further: a larger one
(or an endless one such as ``/dev/zero``) is not parsed, as a crawl would not have kept it.
:func:`render_files` does the same over a process pool and hands back what a caller-given
function makes of each file (``parse --json``: its lines), so that only text crosses between
processes.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar, cast
from urllib.parse import urlsplit

from praktyki.errors import ConfigError, PraktykiError
from praktyki.pool import ordered_map
from praktyki.scraper.policy import Limits

__all__ = ["ParsedFile", "parse_files", "render_files"]

log = logging.getLogger(__name__)

Kind = Literal["bdp", "ops", "auto"]
T = TypeVar("T")

_READ_BLOCK = 1 << 16  # bytes per read past a file's stated size


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

    def json_lines(self) -> str:
        """``json_objects`` as ``parse --json`` prints them: one object a line, UTF-8 text."""
        return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in self.json_objects())


def parse_files(
    paths: Sequence[Path], *, kind: str = "auto", url: str | None = None
) -> Iterator[ParsedFile]:
    """Parse each file in order (``url``: where the pages were fetched from; default each
    file's ``file://`` URI). Bad input raises ConfigError before anything is parsed."""
    checked = _checked_kind(paths, kind, url)
    return (_parse_file(path, checked, url) for path in paths)


def render_files(
    paths: Sequence[Path],
    render: Callable[[ParsedFile], T],
    *,
    kind: str = "auto",
    url: str | None = None,
    jobs: int = 1,
) -> Iterator[T]:
    """``render`` of each file's :class:`ParsedFile`, in input order, parsed in ``jobs``
    processes (small inputs run here). ``render`` must be a module-level function, so that
    worker processes can be handed it; files are read in the workers. Bad input raises
    ConfigError before anything is parsed."""
    checked = _checked_kind(paths, kind, url)
    # Imported here, before any worker starts: forked workers inherit the parsers instead of
    # each importing them again (pydantic and the schemas: the largest part of start-up). The
    # OPS parser stays lazy (dispatch imports it for the first OPS page): imported here it
    # would save its ~35 ms per worker on a mixed folder, but not wall time (the workers
    # import it side by side), and cost a folder of BDP pages as much, in series.
    import praktyki.parsers.dispatch  # noqa: F401

    work = functools.partial(_parse_and_render, render, checked, url)
    return ordered_map(work, paths, jobs=jobs)


def _checked_kind(paths: Sequence[Path], kind: str, url: str | None) -> Kind:
    for path in paths:
        _check_file(path)
    if url is not None:
        _check_url(url)
    if kind not in ("bdp", "ops", "auto"):
        raise ConfigError(f"unknown kind {kind!r} (bdp, ops or auto)")
    return cast(Kind, kind)


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


def _parse_and_render(
    render: Callable[[ParsedFile], T], kind: Kind, url: str | None, path: Path
) -> T:
    return render(_parse_file(path, kind, url))


def _parse_file(path: Path, kind: Kind, url: str | None) -> ParsedFile:
    # the CLI starts fast without the parsers
    from praktyki.parsers.dispatch import parse_page, saved_from_url

    cap = Limits().max_body_bytes
    try:
        body = _read_capped(path, cap)
        if len(body) > cap:
            return ParsedFile(
                path, error=f"larger than {_size(cap)}, the page size cap: not parsed"
            )
        # The page's own "saved from" address wins over its file:// URI (parse_page), so the
        # URI (a realpath: a system call per directory) is made only for a page without one.
        page_url = url or saved_from_url(body) or path.resolve().as_uri()
        records = parse_page(body, page_url, kind=kind)
    except OSError as exc:
        return ParsedFile(path, error=f"cannot read {path}: {exc.strerror or exc}")
    except PraktykiError as exc:
        return ParsedFile(path, error=exc.reason)
    except Exception as exc:  # a parser bug must not cost the other pages their lines
        log.exception("parser failed on %s", path)
        return ParsedFile(path, error=f"internal error: {type(exc).__name__}: {exc}")
    return ParsedFile(path, records=tuple(record.to_json_dict() for record in records))


def _read_capped(path: Path, cap: int) -> bytes:
    """The first ``cap + 1`` bytes of ``path`` at most. A file is asked for its size plus one
    byte first: ``read(cap + 1)`` would allocate (and page in) a 10 MiB buffer for every 6 KiB
    page, a tenth of the time it takes to parse one; a special file (size 0, e.g. ``/dev/zero``)
    or a growing one is read on in blocks up to the cap."""
    chunks: list[bytes] = []
    left = cap + 1
    with path.open("rb", buffering=0) as file:
        want = min(os.fstat(file.fileno()).st_size + 1, left)
        while left > 0:
            chunk = file.read(want)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
            want = min(_READ_BLOCK, left)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _size(count: int) -> str:
    return f"{count / 2**20:g} MiB" if count >= 2**20 else f"{count} bytes"
