"""The replica's asyncio HTTP/1.1 server: one loopback listening socket per site.

Hand-written on asyncio streams because fault injection needs byte-level control (a wrong
Content-Length, an RST, a body that never ends). Per connection, requests are handled one at a
time in arrival order, which makes pipelining safe. The server adds everything a site should
not care about: Date, Server, Content-Length framing, gzip with ``Vary``, conditional GET (304),
HEAD, 405 for other methods, 400/414/431/505 for broken requests, idle and slow-client timeouts.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import ipaddress
import logging
import socket
import struct
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from praktyki import __version__
from praktyki.errors import ConfigError
from praktyki_replica.faults import (
    BINARY_BODY,
    OFFHOST_URL,
    FaultCounters,
    FaultKind,
    FaultPlan,
    add_bad_links,
    add_trap_links,
    gzip_bomb,
    malform,
    mislabel_charset,
    oversize_chunks,
)
from praktyki_replica.http import (
    MAX_LINE,
    BadRequest,
    RequestHead,
    accepts_gzip,
    format_etag,
    gzip_body,
    http_date,
    not_modified,
    read_request_head,
    response_head,
)
from praktyki_replica.site import Request, Resource, Site

__all__ = ["ReplicaServer", "ReplicaStats", "ServerLimits", "check_loopback"]

logger = logging.getLogger(__name__)

SERVER_HEADER = f"praktyki-replica/{__version__}"
LOOP_PREFIX = "/__replica/loop/"  # the two ends of the redirect-loop fault
_COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript")
_NO_BODY = frozenset({204, 304})


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """Timeouts and sizes that protect the server from slow or abusive clients."""

    idle_timeout: float = 15.0  # to receive a whole request head, counted from the last answer
    write_timeout: float = 120.0  # to write one response to a client that reads slowly
    max_request_body: int = 64 * 1024
    gzip_min_bytes: int = 256
    gzip_level: int = 6


@dataclass(frozen=True, slots=True)
class ReplicaStats:
    """A snapshot of what the server has done so far."""

    requests: dict[str, int]  # site name -> requests handled (faulted ones included)
    faults: dict[str, int]  # fault kind -> times injected
    connections: dict[str, int]  # site name -> TCP connections accepted


def check_loopback(host: str) -> str:
    """The IPv4 loopback address to bind for ``host``; ``ConfigError`` for anything else."""
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ConfigError(f"--host must be a loopback IPv4 address, got {host!r}") from None
    if address.version != 4 or not address.is_loopback:
        raise ConfigError(f"the replica binds to loopback only (127.0.0.0/8), got {host!r}")
    return host


class ReplicaServer:
    """Serves ``sites`` on 127.0.0.1 on ``port``, ``port + 1``, ... (0 = ephemeral ports)."""

    def __init__(
        self,
        sites: Sequence[Site],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        faults: FaultPlan | None = None,
        limits: ServerLimits | None = None,
    ) -> None:
        if not sites:
            raise ConfigError("the replica needs at least one site")
        names = [site.name for site in sites]
        if len(set(names)) != len(names):
            raise ConfigError(f"site names must be unique, got {names}")
        if not 0 <= port <= 65535:
            raise ConfigError(f"--port must be within 0..65535, got {port}")
        self._host = check_loopback(host)
        self._port = port
        self._sites = list(sites)
        self.faults = faults or FaultPlan()
        self.limits = limits or ServerLimits()
        self.base_urls: dict[str, str] = {}
        self._servers: list[asyncio.Server] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._stopping = False
        self._attempts = FaultCounters()
        self._requests: Counter[str] = Counter()
        self._faults: Counter[str] = Counter()
        self._connections: Counter[str] = Counter()

    @property
    def sites(self) -> dict[str, Site]:
        return {site.name: site for site in self._sites}

    @property
    def stats(self) -> ReplicaStats:
        return ReplicaStats(dict(self._requests), dict(self._faults), dict(self._connections))

    def base_url(self, site_name: str) -> str:
        try:
            return self.base_urls[site_name]
        except KeyError:
            raise ConfigError(f"no replica site named {site_name!r}") from None

    async def start(self) -> None:
        """Listen on one socket per site; returns once every socket accepts connections."""
        for index, site in enumerate(self._sites):
            # consecutive fixed ports keep every site's URLs stable across restarts
            port = self._port + index if self._port else 0
            handler = functools.partial(self._serve_connection, site)
            try:
                server = await asyncio.start_server(
                    handler, self._host, port, limit=2 * MAX_LINE, reuse_address=True
                )
            except OSError as exc:
                await self.stop()
                raise ConfigError(f"cannot listen on {self._host}:{port}: {exc}") from exc
            self._servers.append(server)
            bound = server.sockets[0].getsockname()[1]
            self.base_urls[site.name] = f"http://{self._host}:{bound}"
            logger.info("replica site %s at %s", site.name, self.base_urls[site.name])

    async def stop(self) -> None:
        """Stop listening, cancel open connections (hanging ones too) and wait for them."""
        self._stopping = True
        for server in self._servers:
            server.close()
        await asyncio.sleep(0)  # let accepted-but-unstarted handlers register and see _stopping
        while self._tasks:
            tasks = list(self._tasks)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        for server in self._servers:
            await server.wait_closed()
        self._servers.clear()

    # --- connections ----------------------------------------------------------------------

    async def _serve_connection(
        self, site: Site, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        if task is not None:  # always, asyncio runs connection handlers in tasks
            self._tasks.add(task)
        self._connections[site.name] += 1
        try:
            if not self._stopping:
                await self._connection_loop(site, reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, TimeoutError):
            pass  # the client went away or stalled: nobody to answer
        except asyncio.CancelledError:
            # stop() cancels idle keep-alive connections; ending quietly keeps asyncio's
            # stream callback from logging the cancelled handler as an error
            if not self._stopping:
                raise
        finally:
            if task is not None:
                self._tasks.discard(task)
            writer.close()
            # closing anyway: a reset, or a cancelled close during stop(), changes nothing
            with contextlib.suppress(ConnectionError, asyncio.CancelledError):
                await writer.wait_closed()

    async def _connection_loop(
        self, site: Site, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        while True:
            try:
                async with asyncio.timeout(self.limits.idle_timeout):
                    head = await read_request_head(reader)
                    if head is not None:
                        await self._read_body(head, reader)
            except BadRequest as exc:
                await self._send(writer, exc.status, _html(exc.reason), close=True)
                return
            if head is None:
                return
            keep_alive = await self._handle(site, head, writer)
            if not keep_alive:
                return

    async def _read_body(self, head: RequestHead, reader: asyncio.StreamReader) -> None:
        if "transfer-encoding" in head.headers:
            raise BadRequest(501, "request bodies with Transfer-Encoding are not supported")
        raw = head.headers.get("content-length")
        if raw is None:
            return
        if not raw.isdigit():
            raise BadRequest(400, "bad Content-Length")
        if int(raw) > self.limits.max_request_body:
            raise BadRequest(413, "request body too large")
        await reader.readexactly(int(raw))

    # --- requests -------------------------------------------------------------------------

    async def _handle(self, site: Site, head: RequestHead, writer: asyncio.StreamWriter) -> bool:
        """Answer one request; returns whether the connection stays open."""
        close = head.wants_close
        if head.method not in ("GET", "HEAD"):
            extra = [("Allow", "GET, HEAD")]
            await self._send(writer, 405, _html("method not allowed"), close=close, extra=extra)
            return not close
        self._requests[site.name] += 1
        if head.path.startswith(LOOP_PREFIX):
            return await self._loop_redirect(head, writer)
        attempt = self._attempts.next_attempt(site.name, head.target)
        kind = self.faults.decide(site.name, head.path, head.target, attempt)
        if kind is not None:
            self._faults[kind.value] += 1
            logger.debug("fault %s on %s %s", kind, site.name, head.target)
            return await self._inject(kind, site, head, writer)
        resource = self._resource(site, head, writer)
        return await self._respond(head, resource, writer)

    def _resource(
        self,
        site: Site,
        head: RequestHead,
        writer: asyncio.StreamWriter,
        *,
        conditional: bool = True,
    ) -> Resource:
        headers = head.headers
        if not conditional:
            # a fault that sends the body whatever the validators: the site must render it
            skip = ("if-none-match", "if-modified-since")
            headers = {k: v for k, v in headers.items() if k not in skip}
        if "host" not in headers:  # HTTP/1.0: sites build links from the Host header
            host, port = writer.get_extra_info("sockname")[:2]
            headers = {**headers, "host": f"{host}:{port}"}
        request = Request(head.method, head.path, head.query, headers)
        try:
            return site.handle(request)
        except Exception:
            # a bug in a site must not kill the connection loop: answer 500 and say where
            logger.exception("site %s failed on %s", site.name, head.target)
            return Resource(status=500, body=_html("site error"))

    async def _respond(
        self, head: RequestHead, res: Resource, writer: asyncio.StreamWriter
    ) -> bool:
        close = head.wants_close
        etag = format_etag(res.etag) if res.etag else None
        would_gzip = self._compressible(res) and accepts_gzip(
            head.headers.get("accept-encoding", "")
        )
        use_gzip = would_gzip and len(res.body) >= self.limits.gzip_min_bytes
        if res.status == 200 and not_modified(head, etag, res.last_modified):
            # a site may skip rendering a body the client has (empty here): the 304 names
            # the gzipped representation the client holds
            if (use_gzip or (would_gzip and not res.body)) and etag and etag.startswith('"'):
                etag = f"W/{etag}"
            headers = self._validators(res, etag)
            await self._send(writer, 304, b"", close=close, extra=headers, head_only=True)
            return not close
        if use_gzip and etag and etag.startswith('"'):
            etag = f"W/{etag}"  # another representation: no shared strong validator (as nginx)
        headers = self._validators(res, etag)
        body = res.body
        if use_gzip:
            body = gzip_body(body, self.limits.gzip_level)
            headers.append(("Content-Encoding", "gzip"))
        await self._send(
            writer,
            res.status,
            body,
            close=close,
            extra=headers,
            content_type=res.content_type,
            head_only=head.method == "HEAD",
        )
        return not close

    def _compressible(self, res: Resource) -> bool:
        if any(name.lower() == "content-encoding" for name, _ in res.headers):
            return False  # the site already encoded the body
        return res.content_type.startswith(_COMPRESSIBLE)

    def _validators(self, res: Resource, etag: str | None) -> list[tuple[str, str]]:
        """ETag, Last-Modified, Vary and the site's own headers, for 200 and 304 alike."""
        headers: list[tuple[str, str]] = []
        if etag:
            headers.append(("ETag", etag))
        if res.last_modified is not None:
            headers.append(("Last-Modified", http_date(res.last_modified)))
        if self._compressible(res):
            headers.append(("Vary", "Accept-Encoding"))
        headers.extend(res.headers)
        return headers

    async def _send(
        self,
        writer: asyncio.StreamWriter,
        status: int,
        body: bytes,
        *,
        close: bool,
        extra: Sequence[tuple[str, str]] = (),
        content_type: str = "text/html; charset=utf-8",
        head_only: bool = False,
        content_length: int | None = None,
    ) -> None:
        headers = [("Date", http_date()), ("Server", SERVER_HEADER)]
        if status not in _NO_BODY:
            headers.append(("Content-Type", content_type))
            length = len(body) if content_length is None else content_length
            headers.append(("Content-Length", str(length)))
        headers.extend(extra)
        if close:
            headers.append(("Connection", "close"))
        payload = response_head(status, headers)
        if not head_only and status not in _NO_BODY:
            payload += body
        writer.write(payload)
        async with asyncio.timeout(self.limits.write_timeout):
            await writer.drain()

    # --- faults ---------------------------------------------------------------------------

    async def _inject(
        self, kind: FaultKind, site: Site, head: RequestHead, writer: asyncio.StreamWriter
    ) -> bool:
        close = head.wants_close
        plan = self.faults
        head_only = head.method == "HEAD"
        match kind:
            case FaultKind.HTTP_500 | FaultKind.HTTP_502:
                status = int(kind.value)
                await self._send(writer, status, _html(f"injected {status}"), close=close)
            case FaultKind.HTTP_503 | FaultKind.HTTP_429:
                status = int(kind.value)
                extra = [("Retry-After", str(plan.retry_after))]
                await self._send(
                    writer, status, _html(f"injected {status}"), close=close, extra=extra
                )
            case FaultKind.HANG:
                await asyncio.sleep(plan.hang_seconds)  # cancelled by stop()
                return False
            case FaultKind.RESET:
                _abort(writer)
                return False
            case FaultKind.DRIP:
                body = self._resource(site, head, writer, conditional=False).body
                await self._send(writer, 200, b"", close=True, content_length=len(body))
                if not head_only:
                    await self._drip(writer, body, plan.drip_seconds)  # cancelled by stop()
                return False
            case FaultKind.BINARY:
                await self._send(writer, 200, BINARY_BODY, close=close, head_only=head_only)
            case FaultKind.TRUNCATE:
                body = self._resource(site, head, writer, conditional=False).body
                declared = len(body) if len(body) >= 2 else 1024
                await self._send(
                    writer,
                    200,
                    body[: len(body) // 2],
                    close=True,
                    content_length=declared,
                    head_only=head_only,
                )
                return False
            case FaultKind.OVERSIZE:
                await self._send(writer, 200, b"", close=close, content_length=plan.oversize_bytes)
                if not head_only:
                    await self._stream(writer, plan.oversize_bytes)
            case FaultKind.GZIPBOMB:
                bomb = await asyncio.to_thread(gzip_bomb, plan.bomb_bytes)
                extra = [("Content-Encoding", "gzip")]
                await self._send(writer, 200, bomb, close=close, extra=extra, head_only=head_only)
            case FaultKind.REDIRECTLOOP:
                location = f"{LOOP_PREFIX}a?from={quote(head.target, safe='')}"
                await self._send(
                    writer, 302, _html("moved"), close=close, extra=[("Location", location)]
                )
            case FaultKind.OFFHOST:
                location = OFFHOST_URL + head.target.lstrip("/")
                await self._send(
                    writer, 302, _html("moved"), close=close, extra=[("Location", location)]
                )
            case FaultKind.BADLINKS:
                res = self._resource(site, head, writer, conditional=False)
                if res.content_type.startswith("text/html"):
                    res = dataclasses.replace(
                        res, body=add_bad_links(res.body), etag=None, last_modified=None
                    )
                return await self._respond(head, res, writer)
            case FaultKind.TRAP:
                res = self._resource(site, head, writer, conditional=False)
                if res.content_type.startswith("text/html"):
                    body = add_trap_links(res.body, head.target)
                    status = 200 if res.status == 404 else res.status
                    res = dataclasses.replace(
                        res, status=status, body=body, etag=None, last_modified=None
                    )
                return await self._respond(head, res, writer)
            case FaultKind.BADCHARSET | FaultKind.MALFORMED:
                res = self._resource(site, head, writer, conditional=False)
                if kind is FaultKind.MALFORMED:
                    res = dataclasses.replace(
                        res, body=malform(res.body), etag=None, last_modified=None
                    )
                else:
                    body, ctype = mislabel_charset(res.body, res.content_type)
                    res = dataclasses.replace(
                        res, body=body, content_type=ctype, etag=None, last_modified=None
                    )
                return await self._respond(head, res, writer)
        return not close

    async def _drip(self, writer: asyncio.StreamWriter, body: bytes, seconds: float) -> None:
        for index in range(len(body)):
            writer.write(body[index : index + 1])
            await writer.drain()
            await asyncio.sleep(seconds)

    async def _stream(self, writer: asyncio.StreamWriter, size: int) -> None:
        for chunk in oversize_chunks(size):
            writer.write(chunk)
            async with asyncio.timeout(self.limits.write_timeout):
                await writer.drain()

    async def _loop_redirect(self, head: RequestHead, writer: asyncio.StreamWriter) -> bool:
        """``/__replica/loop/a`` -> ``/__replica/loop/b`` -> ``/__replica/loop/a`` -> ..."""
        other = "b" if head.path.endswith("/a") else "a"
        location = LOOP_PREFIX + other + (f"?{head.query}" if head.query else "")
        close = head.wants_close
        await self._send(writer, 302, _html("moved"), close=close, extra=[("Location", location)])
        return not close


def _html(message: str) -> bytes:
    return f"<!DOCTYPE html><html><body><h1>{message}</h1></body></html>\n".encode()


def _abort(writer: asyncio.StreamWriter) -> None:
    """Close with RST: SO_LINGER on with a zero timeout, then drop the connection."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
