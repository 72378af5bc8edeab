"""What every command shares: the global options, exit codes and the one error mapping.

Only the CLI prints and chooses exit codes; the library raises the exceptions of
:mod:`praktyki.errors` and this module turns each into one line on stderr and a code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import json
import logging
import os
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn, ParamSpec, TypeVar

import click

from praktyki.errors import ConfigError, LockHeld, PraktykiError, StorageError

__all__ = [
    "DEFAULT_DB",
    "Common",
    "ExitCode",
    "fail",
    "global_options",
    "handle_errors",
    "interruptible",
    "one_line_usage_errors",
    "require_parent",
    "with_common",
]

DEFAULT_DB = Path("data/praktyki.db")

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])

log = logging.getLogger("praktyki.cli")


class ExitCode(enum.IntEnum):
    """Exit codes of the public contract (README, CONTRACT.md)."""

    OK = 0
    SOME_FAILED = 1  # finished; some pages failed, each failure recorded
    USAGE = 2  # bad usage or input
    LOCKED = 3  # another run holds the database lock
    INTERRUPTED = 4  # SIGINT/SIGTERM; the run is resumable
    INTERNAL = 5  # storage or internal failure; details in the log


def fail(message: str, code: ExitCode) -> NoReturn:
    """Print one line to stderr and exit: the only way commands report errors."""
    click.echo(f"praktyki: error: {message}", err=True)
    sys.exit(int(code))


@contextlib.contextmanager
def one_line_usage_errors() -> Iterator[None]:
    """click's own usage errors (unknown option, missing argument, bad value) as one line and
    exit 2, like every other message, instead of click's usage block. A bare group or command
    that needs arguments still prints its help (click's ``NoArgsIsHelpError``)."""
    try:
        yield
    except click.exceptions.NoArgsIsHelpError:
        raise
    except click.UsageError as exc:
        # click may wrap hints over lines, and ends sentences with a full stop
        message = " ".join(exc.format_message().split()).rstrip(".")
        if exc.ctx is not None:
            message += f" (see '{exc.ctx.command_path} --help')"
        fail(message, ExitCode.USAGE)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn exceptions into one-line messages and contract exit codes."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except LockHeld as exc:
            fail(str(exc), ExitCode.LOCKED)
        except ConfigError as exc:
            fail(str(exc), ExitCode.USAGE)
        except StorageError as exc:
            fail(_with_details(f"storage: {exc}", exc), ExitCode.INTERNAL)
        except PraktykiError as exc:  # a fetch or parse error nothing below could handle
            fail(_with_details(str(exc), exc), ExitCode.INTERNAL)
        except KeyboardInterrupt:
            fail("interrupted", ExitCode.INTERRUPTED)
        except BrokenPipeError:
            _stdout_closed()
        except Exception as exc:  # a bug: one line here, the traceback in the log
            message = f"internal error: {type(exc).__name__}: {exc}"
            fail(_with_details(message, exc), ExitCode.INTERNAL)

    return wrapper


#: Exit status of a command whose reader closed stdout (``| head``): what a shell reports for
#: a tool killed by SIGPIPE (128 + 13), as ``seq``, ``grep`` or ``cat`` would give.
EXIT_STDOUT_CLOSED = 141


def _stdout_closed() -> NoReturn:
    """The reader of stdout went away: stop quietly (no message, no traceback)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # the interpreter's last flush must not fail again
    sys.exit(EXIT_STDOUT_CLOSED)


def _with_details(message: str, exc: BaseException) -> str:
    """Exit 5's "details in the log": with ``--log-format json`` the traceback goes into the
    log (one JSON line with a ``traceback`` field); in text the one line on stderr stays one
    line and names a file holding the traceback."""
    if _json_logging():
        log.error(message, exc_info=exc)
        return message
    try:
        fd, name = tempfile.mkstemp(prefix="praktyki-error-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("".join(traceback.format_exception(exc)))
    except OSError:
        return message
    return f"{message} (traceback in {name})"


def _json_logging() -> bool:
    handlers = logging.getLogger("praktyki").handlers
    return any(isinstance(handler.formatter, _JsonFormatter) for handler in handlers)


def require_parent(path: Path, option: str) -> None:
    """A file the command will create must go in an existing folder: a typo in a path
    silently making directories is worse than one line and exit 2."""
    parent = path.parent
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        raise ConfigError(f"{option} {path}: folder {parent} {what} (create it first)")


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGTERM raises ``KeyboardInterrupt`` within the block, as SIGINT does, so a command
    stopped before (or after) its crawl's own handlers are in place still ends with one line
    and exit 4 instead of dying mid-write (the crawl itself stops cleanly, see
    :mod:`praktyki.crawl.stopping`)."""

    def raise_interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclasses.dataclass(frozen=True)
class Common:
    """The global options, wherever they were given (before or after the command name)."""

    db_path: Path = DEFAULT_DB
    quiet: bool = False
    log_format: str = "text"


_KEYS = ("db_path", "quiet", "log_format")


def global_options(func: F) -> F:
    """``--db``, ``--quiet`` and ``--log-format``: declared here once, accepted by the group
    and by every command."""
    options = [
        click.option(
            "--db",
            "db_path",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help=f"SQLite database to read and write, in an existing folder [default: "
            f"{DEFAULT_DB}, its folder made when missing].",
        ),
        click.option(
            "--quiet", is_flag=True, default=None, help="Warnings and errors only; no progress."
        ),
        click.option(
            "--log-format",
            type=click.Choice(["text", "json"]),
            default=None,
            help="Format of log lines on stderr [default: text].",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def with_common(func: Callable[..., R]) -> Callable[..., R]:
    """Give a command the global options and pass them, merged with the group's, as
    ``common``; logging is configured from them."""

    @global_options
    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, *args: Any, **kwargs: Any) -> R:
        here = {key: kwargs.pop(key) for key in _KEYS}
        group = ctx.find_object(dict) or {}
        values = {key: here[key] if here[key] is not None else group.get(key) for key in _KEYS}
        common = Common(**{key: value for key, value in values.items() if value is not None})
        _configure_logging(common.quiet, common.log_format)
        if values["db_path"] is not None:  # the default's folder (data/) is made when missing
            try:
                require_parent(common.db_path, "--db")
            except ConfigError as exc:
                fail(str(exc), ExitCode.USAGE)
        return func(*args, common=common, **kwargs)

    return wrapper


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        payload.update(getattr(record, "fields", {}))
        if record.exc_info:
            payload["traceback"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


def _configure_logging(quiet: bool, log_format: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(_JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("praktyki")
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else logging.INFO)
