"""``praktyki demo``: serve the replica sites on loopback and crawl them into a database."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from praktyki.api import CrawlSettings, ProgressSink, RunSummary, crawl_bdp, crawl_ops
from praktyki.errors import ConfigError
from praktyki_replica.registry import replica_registry
from praktyki_replica.runner import RunningReplica, running_replica

__all__ = ["DEMO_PORT", "DEMO_SOURCE", "DemoResult", "run_demo"]

log = logging.getLogger(__name__)

DEMO_SOURCE = "bdp-replica"
# Fixed so that demo URLs are stable between runs (the six sites use 8765-8770).
DEMO_PORT = 8765


@dataclass(frozen=True)
class DemoResult:
    """What ``praktyki demo`` did: the replica's URLs and each crawl's summary."""

    base_urls: dict[str, str]
    bdp: RunSummary
    ops: RunSummary | None = None


def run_demo(
    db_path: Path | str,
    *,
    practices: int = 60,
    concurrency: int = 8,
    port: int = DEMO_PORT,
    progress: ProgressSink | None = None,
    ops_progress: ProgressSink | None = None,
) -> DemoResult:
    """Serve the replica sites on 127.0.0.1 and crawl them politeness-off into ``db_path``.

    The sites listen on ``port``, ``port + 1``, ... so their URLs are the same from one demo to
    the next, and a second demo is an incremental refresh (304s, nothing changed). If those
    ports are taken, free ones are used and the log says why the refresh will look new.
    ``progress`` follows the BDP crawl, ``ops_progress`` the OPS one.
    """
    with _demo_replica(practices, port) as replica:
        base_urls = replica.base_urls
        settings = CrawlSettings(
            rate=0, concurrency=concurrency, source=DEMO_SOURCE, assembly_worker=True
        )
        bdp = crawl_bdp(db_path, base_urls["bdp"], settings, progress=progress)
        # The OPS replica sites, from a registry of the replica's own addresses.
        ops = crawl_ops(
            db_path,
            settings=settings.replace(source=None),
            registry=replica_registry(base_urls),
            progress=ops_progress,
        )
    return DemoResult(base_urls=base_urls, bdp=bdp, ops=ops)


@contextmanager
def _demo_replica(practices: int, port: int) -> Iterator[RunningReplica]:
    with ExitStack() as stack:
        try:
            replica = stack.enter_context(running_replica(practices=practices, port=port))
        except ConfigError as exc:
            log.warning("%s; serving the demo on free ports (URLs differ from earlier demos)", exc)
            replica = stack.enter_context(running_replica(practices=practices, port=0))
        yield replica
