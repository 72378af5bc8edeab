"""Hostile HTTP servers on 127.0.0.1 for the fetcher's tests (test-only).

One asyncio server; the path picks the behaviour:

``/ok``        a small HTML page
``/hang``      never answers
``/drip``      headers, then one body byte every 50 ms (a "slowloris" in reverse)
``/reset``     closes the connection without an answer
``/bomb``      a gzip body that inflates to 64 MiB
``/huge``      a 64 MiB body streamed with no Content-Length
``/to?u=URL``  302 to URL (redirect tricks: other loopback hosts, link-local, userinfo)
``/loop``      302 to itself via ``/loop2``
``/pdf``       a PDF labelled ``text/html``
``/noise``     random bytes labelled ``text/html``
``/octet``     an HTML page labelled ``application/octet-stream``
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import random
from urllib.parse import parse_qs, urlsplit

from tests.scraper_http import LoopbackBase, running

PAGE = (
    "<html><body><h1>Aktualności</h1><p>"
    + "Ośrodek prowadzi zajęcia dla seniorów z gminy, także w soboty. " * 5
    + "</p></body></html>"
).encode()
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n"
NOISE = random.Random(7).randbytes(8192)
MiB = 1024 * 1024
BOMB = gzip.compress(bytes(64 * MiB), compresslevel=9)


class HostileServer(LoopbackBase):
    """See the module docstring; ``requests`` counts requests per path."""

    async def _one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        head = await reader.readuntil(b"\r\n\r\n")
        parts = urlsplit(head.split(b" ", 2)[1].decode())
        path = parts.path
        self.requests[path] += 1
        if path == "/hang":
            await asyncio.sleep(3600)
        if path == "/reset":
            return False
        if path == "/drip":
            writer.write(_head(200, len(PAGE)))
            for index in range(len(PAGE)):
                writer.write(PAGE[index : index + 1])
                await writer.drain()
                await asyncio.sleep(0.05)
            return True
        if path == "/huge":
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
            chunk = b"<p>" + b"x" * (MiB - 3)
            for _ in range(64):
                writer.write(chunk)
                await writer.drain()
            return False
        if path in ("/to", "/loop", "/loop2"):
            target = parse_qs(parts.query).get("u", [""])[0] if path == "/to" else None
            location = target or ("/loop2" if path == "/loop" else "/loop")
            writer.write(_head(302, 0, extra=f"Location: {location}\r\n"))
            return True
        body, kind, extra = {
            "/bomb": (BOMB, "text/html", "Content-Encoding: gzip\r\n"),
            "/pdf": (PDF, "text/html", ""),
            "/noise": (NOISE, "text/html", ""),
            "/octet": (PAGE, "application/octet-stream", ""),
        }.get(path, (PAGE, "text/html; charset=utf-8", ""))
        writer.write(_head(200, len(body), kind, extra) + body)
        await writer.drain()
        return True


def _head(status: int, length: int, kind: str = "text/html", extra: str = "") -> bytes:
    reason = {200: "OK", 302: "Found"}[status]
    return (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\n"
        f"Content-Length: {length}\r\n{extra}\r\n"
    ).encode()


def serving() -> contextlib.AbstractAsyncContextManager[HostileServer]:
    return running(HostileServer())
