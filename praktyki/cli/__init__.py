"""praktyki's command line: a thin layer over :mod:`praktyki.api`.

One module per command group (``crawl``, ``dataset``, ``parse``, ``sites``); ``demo`` and
``serve-replica`` come from the ``praktyki.commands`` entry-point group, which the
``praktyki_replica`` package (a development and demo tool, not runtime) registers. Each
command validates its options, makes one library call, prints what it returns and maps
exceptions to one line and an exit code (:class:`ExitCode`). Nothing heavy is imported until a
command runs, so ``--version`` and ``--help`` are fast.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from praktyki import __version__
from praktyki.cli.common import ExitCode, global_options, one_line_usage_errors
from praktyki.cli.crawl import crawl_group
from praktyki.cli.dataset import COMMANDS as DATASET_COMMANDS
from praktyki.cli.parse import parse_command
from praktyki.cli.sites import sites_group

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = ["ExitCode", "cli", "main"]

#: Extra commands: ``name = "module:command"`` in this entry-point group.
COMMAND_GROUP = "praktyki.commands"


class _Group(click.Group):
    """The top-level group: built-in commands, plus those registered in the
    ``praktyki.commands`` entry-point group, imported only when named or listed. Usage errors
    of any command below it end as one line and exit 2 (parsing of a command's own options
    happens within the group's ``invoke``)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with one_line_usage_errors():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with one_line_usage_errors():
            return super().invoke(ctx)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_plugin_commands()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in _plugin_commands():
            command = _plugin_commands()[cmd_name].load()
            self.add_command(command, cmd_name)
        return command


@functools.cache
def _plugin_commands() -> dict[str, EntryPoint]:
    from importlib.metadata import entry_points  # ~30 ms: only when a plugin may be named

    return {entry.name: entry for entry in entry_points(group=COMMAND_GROUP)}


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="praktyki")
@global_options
@click.pass_context
def cli(
    ctx: click.Context, db_path: Path | None, quiet: bool | None, log_format: str | None
) -> None:
    """Crawl Polish good-practice sites (BDP, OPS) into a normalized SQLite dataset.

    --db, --quiet and --log-format may also be given after any command name.
    """
    ctx.obj = {"db_path": db_path, "quiet": quiet, "log_format": log_format}


for _command in (crawl_group, *DATASET_COMMANDS, parse_command, sites_group):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point; click turns usage errors into exit code 2."""
    return cli.main(args=argv, prog_name="praktyki")
