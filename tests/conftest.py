"""Shared pytest configuration: the golden-file update flag and the replica fixtures."""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from typing import Any

import httpx
import pytest

from praktyki_replica import (
    FaultPlan,
    Request,
    Resource,
    RunningReplica,
    ServerLimits,
    Site,
    running_replica,
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite expected JSON golden files from the current parser output",
    )


@pytest.fixture(scope="session", autouse=True)
def _temporary_files_in_the_session_folder(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """Files the code under test puts in the temp folder (exit 5's traceback files) land in
    pytest's own folder, not in the machine's /tmp."""
    saved = tempfile.tempdir
    tempfile.tempdir = str(tmp_path_factory.mktemp("tmp"))
    yield
    tempfile.tempdir = saved


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client for the fetcher's loopback tests, closed after the test."""
    async with httpx.AsyncClient() as http:
        yield http


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


ReplicaFactory = Callable[..., RunningReplica]


@pytest.fixture
def replica_factory() -> Iterator[ReplicaFactory]:
    """Start ``running_replica(sites, faults=..., limits=...)`` on free ports; stop after the test.

    ``replica_factory(sites)`` (or ``sites=None`` for the catalog's defaults) returns the
    running replica: ``.base_urls``, ``.base_url(name)``, ``.sites``, ``.stats``.
    """
    with contextlib.ExitStack() as stack:

        def start(
            sites: Sequence[Site] | None = None,
            *,
            faults: FaultPlan | None = None,
            limits: ServerLimits | None = None,
            **kwargs: Any,
        ) -> RunningReplica:
            return stack.enter_context(
                running_replica(sites, faults=faults, limits=limits, **kwargs)
            )

        yield start


TOY_MODIFIED = dt.datetime(2024, 3, 1, 12, 0, 0, tzinfo=dt.UTC)
TOY_TEXT = "Zażółć gęślą jaźń — Łódź, Świętokrzyskie. "


class ToySite:
    """A tiny site for server tests: a few HTML pages, a PDF, robots.txt and 404s."""

    def __init__(self, name: str = "toy", page_bytes: int = 20_000) -> None:
        self._name = name
        self._paragraph = TOY_TEXT * max(1, page_bytes // len(TOY_TEXT.encode()))
        self.hits = 0

    @property
    def name(self) -> str:
        return self._name

    def handle(self, request: Request) -> Resource:
        self.hits += 1
        if request.path == "/robots.txt":
            return Resource(body=b"User-agent: *\nDisallow: /search\n", content_type="text/plain")
        if request.path == "/file.pdf":
            return Resource(body=b"%PDF-1.4\n" + bytes(4000), content_type="application/pdf")
        if request.path in ("/", "/page"):
            page = request.params.get("id", "0")
            html = (
                f"<!DOCTYPE html><html><head><title>{self._name} {page}</title></head><body>"
                f'<h1>Strona {page}</h1><a href="{request.base_url}/page?id={page}1">dalej</a>'
                f"<p>{self._paragraph}</p></body></html>"
            )
            return Resource(
                body=html.encode(), etag=f"{self._name}-{page}", last_modified=TOY_MODIFIED
            )
        if request.path == "/legacy":
            body = f"<html><body><p>{TOY_TEXT}</p></body></html>".encode("iso-8859-2", "replace")
            return Resource(body=body, content_type="text/html; charset=iso-8859-2")
        return Resource(status=404, body=b"<html><body>nie ma</body></html>")


@pytest.fixture
def toy_site() -> ToySite:
    return ToySite()


def free_port_run(count: int) -> int:
    """A first port such that ``count`` consecutive loopback ports are free now."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + count < 65535 and all(_free(first + i) for i in range(count)):
            return first
    raise RuntimeError("no run of free ports")


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True
