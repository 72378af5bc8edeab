"""Running the replica: in a background thread (tests, demo) or in the foreground (the CLI)."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable, Iterator, Sequence

from praktyki.errors import ConfigError
from praktyki_replica.faults import FaultPlan
from praktyki_replica.server import ReplicaServer, ReplicaStats, ServerLimits
from praktyki_replica.site import Site

__all__ = ["RunningReplica", "running_replica", "serve_until_signal"]

_START_TIMEOUT = 30.0  # building a large catalog plus binding sockets
_STOP_TIMEOUT = 30.0


class RunningReplica:
    """A :class:`ReplicaServer` on its own event loop in a daemon thread."""

    def __init__(self, server: ReplicaServer) -> None:
        self.server = server
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="praktyki-replica", daemon=True)

    @property
    def base_urls(self) -> dict[str, str]:
        return dict(self.server.base_urls)

    @property
    def sites(self) -> dict[str, Site]:
        return self.server.sites

    def base_url(self, site_name: str) -> str:
        return self.server.base_url(site_name)

    @property
    def stats(self) -> ReplicaStats:
        """A snapshot taken on the server's loop, so counters are read consistently."""
        if self._loop is None or not self._thread.is_alive() or self._loop.is_closed():
            return self.server.stats  # not running: nothing changes the counters any more
        future = asyncio.run_coroutine_threadsafe(self._snapshot(), self._loop)
        return future.result(timeout=_STOP_TIMEOUT)

    async def _snapshot(self) -> ReplicaStats:
        return self.server.stats

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(_START_TIMEOUT):
            raise ConfigError("the replica server did not start in time")
        if self._error is not None:
            self._thread.join()
            raise self._error

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(_STOP_TIMEOUT)

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            await self.server.start()
        except BaseException as exc:  # handed to the starting thread, which re-raises it
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await self.server.stop()


@contextlib.contextmanager
def running_replica(
    sites: Sequence[Site] | None = None,
    *,
    port: int = 0,
    faults: FaultPlan | None = None,
    practices: int = 60,
    seed: int = 0,
    limits: ServerLimits | None = None,
) -> Iterator[RunningReplica]:
    """Serve ``sites`` (default: the catalog's) on 127.0.0.1 for the ``with`` block."""
    if sites is None:
        from praktyki_replica.catalog import default_sites  # the catalog imports every site

        sites = default_sites(practices=practices, seed=seed)
    replica = RunningReplica(ReplicaServer(sites, port=port, faults=faults, limits=limits))
    replica.start()
    try:
        yield replica
    finally:
        replica.stop()


async def serve_until_signal(
    server: ReplicaServer, on_ready: Callable[[dict[str, str]], None]
) -> None:
    """Start ``server``, report its URLs, serve until SIGINT or SIGTERM, then stop cleanly."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await server.start()
        on_ready(dict(server.base_urls))
        await stop.wait()
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        await server.stop()
