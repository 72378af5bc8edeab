"""A tiny HTTP/1.1 server on 127.0.0.1 for the scraper's loopback tests (test-only).

Paths pick a behaviour; ``?n=K`` makes the first K requests to that path misbehave and the
rest answer normally. It counts connections and requests so tests can see keep-alive.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator
from typing import TypeVar
from urllib.parse import parse_qs, urlsplit

BODY = b"<html><body>" + b"Zazolc gesla jazn. " * 200 + b"</body></html>"


class LoopbackBase:
    """One asyncio server on 127.0.0.1 that answers each request with :meth:`_one` (keep-alive
    while it returns True); counts connections and requests per path. Subclasses pick the
    behaviours (here and in tests/hostile/hostile_http.py)."""

    def __init__(self) -> None:
        self.connections = 0
        self.requests: Counter[str] = Counter()
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()  # handlers still hanging on /hang
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 1)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            while await self._one(reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # client went away, or stop() cancelled an idle keep-alive connection
        finally:
            writer.close()

    async def _one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        raise NotImplementedError


class LoopbackServer(LoopbackBase):
    """Behaviours: ``/ok``, ``/truncated`` (Content-Length larger than the body sent, then
    close), ``/reset`` (close without answering), ``/hang`` (never answer)."""

    async def _one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        head = await reader.readuntil(b"\r\n\r\n")
        target = head.split(b" ", 2)[1].decode()
        parts = urlsplit(target)
        self.requests[parts.path] += 1
        misbehave = self.requests[parts.path] <= int(parse_qs(parts.query).get("n", ["1"])[0])
        if parts.path == "/reset" and misbehave:
            return False
        if parts.path == "/hang" and misbehave:
            await asyncio.sleep(3600)
        length = len(BODY) + (100 if parts.path == "/truncated" and misbehave else 0)
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {length}\r\n\r\n".encode()
            + BODY
        )
        await writer.drain()
        return not (parts.path == "/truncated" and misbehave)


Server = TypeVar("Server", bound=LoopbackBase)


@contextlib.asynccontextmanager
async def running(server: Server) -> AsyncIterator[Server]:
    """Start ``server`` on a free loopback port; stop it on leaving."""
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def serving() -> contextlib.AbstractAsyncContextManager[LoopbackServer]:
    return running(LoopbackServer())


async def no_sleep(seconds: float) -> None:
    """The fetcher's ``sleep``: retries and politeness pauses take no time in tests."""
