"""praktyki's command line: a thin layer over the library.

Each command validates its options, makes one library call and maps praktyki's exceptions to a
one-line message and an exit code (see ``ExitCode``). Nothing else in the package prints.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from praktyki import __version__
from praktyki.errors import ConfigError, LockHeld, PraktykiError

__all__ = ["ExitCode", "main"]

DEFAULT_DB = Path("data/praktyki.db")

P = ParamSpec("P")
R = TypeVar("R")


class ExitCode(enum.IntEnum):
    """Exit codes of the public contract."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    LOCKED = 3


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        payload.update(getattr(record, "fields", {}))
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


def fail(message: str, code: ExitCode) -> None:
    """Print one line to stderr and exit: the only way commands report errors."""
    click.echo(f"praktyki: error: {message}", err=True)
    sys.exit(int(code))


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn praktyki's exceptions into one-line messages and contract exit codes."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except LockHeld as exc:
            fail(str(exc), ExitCode.LOCKED)
        except ConfigError as exc:
            fail(str(exc), ExitCode.USAGE)
        except PraktykiError as exc:
            fail(str(exc), ExitCode.USAGE)
        except KeyboardInterrupt:
            fail("interrupted", ExitCode.SOME_FAILED)
        raise AssertionError("unreachable")  # pragma: no cover

    return wrapper


@dataclasses.dataclass(frozen=True)
class Common:
    """Options every command accepts (before or after the command name)."""

    db_path: Path
    quiet: bool
    log_format: str


_COMMON_KEYS = ("db_path", "quiet", "log_format")


def common_options(func: Callable[..., R]) -> Callable[..., R]:
    """Add ``--db``, ``--quiet`` and ``--log-format`` to a command; pass them as ``common``."""

    @click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"SQLite database to read and write [default: {DEFAULT_DB}].",
    )
    @click.option("--quiet", is_flag=True, default=None, help="Warnings and errors only.")
    @click.option("--log-format", type=click.Choice(["text", "json"]), default=None)
    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, *args: Any, **kwargs: Any) -> R:
        parent = ctx.find_object(dict) or {}
        values = {key: kwargs.pop(key) for key in _COMMON_KEYS}
        common = Common(
            db_path=values["db_path"] or parent.get("db_path") or DEFAULT_DB,
            quiet=bool(values["quiet"] or parent.get("quiet")),
            log_format=values["log_format"] or parent.get("log_format") or "text",
        )
        _configure_logging(common.quiet, common.log_format)
        return func(*args, common=common, **kwargs)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="praktyki")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"SQLite database to read and write [default: {DEFAULT_DB}].",
)
@click.option("--quiet", is_flag=True, help="Warnings and errors only; no progress bar.")
@click.option(
    "--log-format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Format of log lines on stderr.",
)
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, quiet: bool, log_format: str) -> None:
    """Crawl Polish good-practice sites (BDP, OPS) into a normalized SQLite dataset.

    --db, --quiet and --log-format may also be given after any command name.
    """
    ctx.obj = {"db_path": db_path, "quiet": quiet, "log_format": log_format}


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point; click turns usage errors into exit code 2."""
    return cli.main(args=argv, prog_name="praktyki")
