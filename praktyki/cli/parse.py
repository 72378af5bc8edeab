"""``praktyki parse``: saved pages to records, no network."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from praktyki.cli.common import Common, ExitCode, handle_errors, with_common

__all__ = ["parse_command"]


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per record, one per line.")
@click.option(
    "--kind",
    type=click.Choice(["bdp", "ops", "auto"]),
    default="auto",
    show_default=True,
    help="Which parser to use; auto picks by URL, then by the page's text.",
)
@click.option(
    "--url",
    default=None,
    help="URL the page was fetched from (resolves links, gives the practice id); "
    "default: the file's file:// URI.",
)
@with_common
@handle_errors
def parse_command(
    paths: tuple[Path, ...], as_json: bool, kind: str, url: str | None, common: Common
) -> None:
    """Parse saved pages (no network). With --json every line carries the "path" it came
    from; a page that cannot be parsed gets {"path", "error"} and the exit code is 1. A missing
    file, a directory or a malformed --url is bad input (exit 2)."""
    from praktyki import api

    failed = False
    for parsed in api.parse_files(paths, kind=kind, url=url):
        failed = failed or parsed.error is not None
        if as_json:
            for obj in parsed.json_objects():
                click.echo(json.dumps(obj, ensure_ascii=False))
        elif parsed.error is not None:
            click.echo(f"praktyki: error: {parsed.path}: {parsed.error}", err=True)
        else:
            from praktyki.render import render_record

            for record in parsed.records:
                click.echo(render_record(record))
    if failed:
        sys.exit(int(ExitCode.SOME_FAILED))
