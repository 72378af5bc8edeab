"""The database lock: exclusive across processes, stale locks recovered."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from praktyki.errors import LockHeld, StorageError
from praktyki.store.lock import DatabaseLock, lock_path

HOLD = """
import sys
from praktyki.store.lock import DatabaseLock
lock = DatabaseLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock on tmp_path/praktyki.db until its stdin closes."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / "praktyki.db")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "locked\n"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            stream.close()


def test_lock_path_is_beside_the_database() -> None:
    assert lock_path("data/praktyki.db") == Path("data/praktyki.db.lock")


def test_lock_held_by_another_process(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    with pytest.raises(LockHeld) as info, DatabaseLock(tmp_path / "praktyki.db"):
        pass
    message = str(info.value)
    assert message.startswith(f"another praktyki run (pid {holder.pid}, since ")
    assert message.endswith(f") holds the lock on {tmp_path / 'praktyki.db'}")


def test_lock_of_a_killed_process_is_recovered(
    tmp_path: Path, holder: subprocess.Popen[str], caplog: pytest.LogCaptureFixture
) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert lock_path(tmp_path / "praktyki.db").exists()
    with caplog.at_level(logging.WARNING), DatabaseLock(tmp_path / "praktyki.db") as lock:
        assert lock.held
    assert f"pid {holder.pid}" in caplog.text


def test_leftover_lock_file_is_recovered(tmp_path: Path) -> None:
    lock_path(tmp_path / "praktyki.db").write_text("pid 999999, since 2020-01-01T00:00:00+00:00\n")
    with DatabaseLock(tmp_path / "praktyki.db") as lock:
        assert lock.held
        assert f"pid {os.getpid()}," in lock.path.read_text()


def test_release_removes_the_file_and_allows_relocking(tmp_path: Path) -> None:
    lock = DatabaseLock(tmp_path / "praktyki.db")
    with lock:
        pass
    assert not lock.path.exists()
    with DatabaseLock(tmp_path / "praktyki.db") as again:
        assert again.held


def test_second_lock_in_the_same_process_is_refused(tmp_path: Path) -> None:
    with DatabaseLock(tmp_path / "praktyki.db"), pytest.raises(LockHeld):
        DatabaseLock(tmp_path / "praktyki.db").acquire()


def test_acquiring_twice_is_an_error(tmp_path: Path) -> None:
    with DatabaseLock(tmp_path / "praktyki.db") as lock, pytest.raises(StorageError):
        lock.acquire()
