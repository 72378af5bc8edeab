"""An ordered map over a process pool, for CPU-bound work on many small inputs.

``praktyki parse`` spends its time in pure Python (the line walker, the Metryka builder), so
threads would share one core; processes use them all. The work goes out in chunks (a process
round trip per item would cost more than parsing a small page) and comes back in input order,
chunk by chunk, as soon as each chunk and those before it are done; chunks shrink towards the
end, so that the processes finish together. At most a few chunks per process are in flight,
so memory stays flat however many inputs there are. Small inputs do not
pay for a pool: below ``min_items`` (or with ``jobs`` 1) the map runs here, in order.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from praktyki.errors import ParseError

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["available_cores", "ordered_map"]

A = TypeVar("A")
R = TypeVar("R")

#: Inputs below this run in this process: starting workers costs more than ~50 small pages.
MIN_ITEMS = 64
#: Chunks in flight per process: enough that no process waits for work, few enough that
#: results held for an earlier, slower chunk stay small.
_AHEAD = 3
#: Items per chunk at most: bounds the latency of the first output line.
_MAX_CHUNK = 32
#: Items per chunk at least (but the last): a round trip to a process costs about a page.
_MIN_CHUNK = 4


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # no sched_getaffinity (macOS, Windows)
        return os.cpu_count() or 1


def ordered_map(
    func: Callable[[A], R], items: Sequence[A], *, jobs: int, min_items: int = MIN_ITEMS
) -> Iterator[R]:
    """``map(func, items)`` over ``jobs`` processes, results in input order.

    ``func`` must be a picklable module-level function that handles its own errors: an
    exception it raises ends the map. A worker process that dies (a crash in C code, the OOM
    killer) raises :class:`~praktyki.errors.ParseError`.
    """
    if jobs <= 1 or len(items) < min_items:
        return map(func, items)
    return _pooled(func, items, jobs)


def _chunks(items: Sequence[A], jobs: int) -> Iterator[Sequence[A]]:
    """``items`` in chunks that shrink towards the end (guided self-scheduling): each is at
    most a quarter of a process's share of what is left, so the processes run out of work
    at nearly the same time. With equal chunks a process that drew the last, slow ones (a
    folder's pages need not cost alike: an OPS page costs a few BDP pages) kept the others
    waiting for up to a chunk's time at the end."""
    start = 0
    while start < len(items):
        size = max(_MIN_CHUNK, min(_MAX_CHUNK, (len(items) - start) // (jobs * 4)))
        yield items[start : start + size]
        start += size


def _pooled(func: Callable[[A], R], items: Sequence[A], jobs: int) -> Iterator[R]:
    # Imported here: ~15 ms of start-up that a few files parsed in this process never use.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunks = _chunks(items, jobs)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context(), initializer=_quiet_sigint
    ) as pool:
        pending: deque[Future[list[R]]] = deque(
            pool.submit(_run_chunk, func, chunk) for chunk in islice(chunks, jobs * _AHEAD)
        )
        try:
            while pending:
                results = pending.popleft().result()
                chunk = next(chunks, None)
                if chunk is not None:
                    pending.append(pool.submit(_run_chunk, func, chunk))
                yield from results
        except BrokenProcessPool as exc:
            raise ParseError(f"a parser process died: {exc}") from exc
        finally:
            for future in pending:  # the caller stopped early, or a chunk failed
                future.cancel()


def _run_chunk(func: Callable[[A], R], chunk: Sequence[A]) -> list[R]:
    return [func(item) for item in chunk]


def _quiet_sigint() -> None:
    # Ctrl-C reaches the whole process group: the parent reports it (exit 4) and stops the
    # pool; workers printing a traceback each would only bury that line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
