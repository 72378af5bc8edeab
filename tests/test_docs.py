"""Every command has a working --help and is documented in the README."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from praktyki.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        if isinstance(command, click.Group):
            yield from command_paths(command, path)
        else:
            yield path


COMMANDS = list(command_paths(cli))


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_help_works(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_command_is_documented_in_readme(path: tuple[str, ...]) -> None:
    assert f"praktyki {' '.join(path)}" in README


@pytest.mark.parametrize(
    "command",
    [
        "python3 -m pip install uv && uv sync --locked && uv run praktyki demo",
        "python3 -m pip install uv && uv sync --locked --extra dev && uv run pytest",
    ],
)
def test_readme_gives_the_two_fresh_machine_commands(command: str) -> None:
    assert command in README


def test_ci_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "uv sync --locked --extra dev" in ci
    assert "uv run pytest" in ci
