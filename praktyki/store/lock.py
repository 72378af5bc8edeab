"""One writer at a time: an advisory ``flock`` on ``<database>.lock``.

``flock`` locks belong to the open file and vanish when the holding process dies (even by
``kill -9``), so a lock is never stale in the kernel; a leftover *file* from a dead holder is
simply locked again and overwritten (logged). The file holds ``pid`` and start time of the
holder, for the message another run prints. The file is removed on release while still
locked; a process that opened the old file meanwhile notices (different inode) and retries.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
from pathlib import Path
from types import TracebackType

from praktyki.errors import LockHeld, StorageError

__all__ = ["DatabaseLock", "lock_path"]

logger = logging.getLogger(__name__)

_ATTEMPTS = 5


def lock_path(db_path: Path | str) -> Path:
    """The lock file of a database: ``data/praktyki.db`` -> ``data/praktyki.db.lock``."""
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


class DatabaseLock:
    """``with DatabaseLock(db_path):``; raises :class:`LockHeld` at once if another run has it."""

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            raise StorageError(f"the lock on {self.db_path} is already held by this process")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the lock file {self.path}: {exc}") from exc
        for _ in range(_ATTEMPTS):
            fd = self._try_lock()
            if _is_current_file(fd, self.path):
                self._claim(fd)
                return
            # The previous holder removed the file between our open and our flock.
            os.close(fd)
        raise StorageError(f"could not take the lock {self.path}: it keeps being replaced")

    def _try_lock(self) -> int:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StorageError(f"cannot open the lock file {self.path}: {exc}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read(fd) or "pid unknown"
            os.close(fd)
            raise LockHeld(
                f"another praktyki run ({holder}) holds the lock on {self.db_path}"
            ) from None
        except OSError as exc:
            os.close(fd)
            raise StorageError(f"cannot lock {self.path}: {exc}") from exc
        return fd

    def _claim(self, fd: int) -> None:
        previous = _read(fd)
        if previous:
            logger.warning("recovered a stale lock on %s left by %s", self.db_path, previous)
        started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, since {started}\n".encode(), 0)
        os.fsync(fd)
        self._fd = fd

    def release(self) -> None:
        """Remove the lock file and unlock (idempotent)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            # Unlink while still locked, so no newcomer can lock the file we are dropping
            # and believe it is the current one (see _is_current_file).
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _read(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", errors="replace").strip()
    except OSError:
        return ""


def _is_current_file(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (opened.st_dev, opened.st_ino) == (on_disk.st_dev, on_disk.st_ino)
