"""The contract's exit codes: each kind of failure leaves with its own code and one line."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from praktyki.cli import cli
from praktyki.cli.common import ExitCode, handle_errors
from praktyki.errors import (
    ConfigError,
    HTTPStatusError,
    LockHeld,
    PraktykiError,
    StorageError,
    TransportError,
)


def command_raising(exc: BaseException) -> click.Command:
    @click.command()
    @handle_errors
    def command() -> None:
        raise exc

    return command


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (ConfigError("bad option"), ExitCode.USAGE),
        (LockHeld("held by pid 1"), ExitCode.LOCKED),
        (KeyboardInterrupt(), ExitCode.INTERRUPTED),
        (StorageError("disk full"), ExitCode.INTERNAL),
        (TransportError("reset", url="http://127.0.0.1:9/"), ExitCode.INTERNAL),
        (HTTPStatusError("503", url="http://127.0.0.1:9/", status=503), ExitCode.INTERNAL),
        (PraktykiError("something"), ExitCode.INTERNAL),
        (RuntimeError("a bug"), ExitCode.INTERNAL),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else v.name,
)
def test_each_failure_has_its_exit_code_and_one_line(exc: BaseException, code: ExitCode) -> None:
    result = CliRunner().invoke(command_raising(exc), [])
    assert result.exit_code == code
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("praktyki: error: ")


def test_a_file_that_is_not_a_database_is_a_storage_failure(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database; " * 20)
    result = CliRunner().invoke(cli, ["search", "x", "--db", str(bad)])
    assert result.exit_code == ExitCode.INTERNAL
    assert "storage" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["search", "x"], ["export", "out"], ["export-warc", "a.warc"]])
def test_a_missing_database_is_bad_usage(tmp_path: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == ExitCode.USAGE
    assert "no database at" in result.stderr
    assert not (tmp_path / "absent.db").exists()
