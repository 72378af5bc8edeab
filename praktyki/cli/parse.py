"""``praktyki parse``: saved pages to records, no network."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from praktyki.cli.common import Common, ExitCode, handle_errors, with_common

if TYPE_CHECKING:
    from praktyki.pages import ParsedFile

__all__ = ["parse_command"]

#: What one file gives: its error (None when it parsed) and the text for stdout.
Output = tuple[str | None, str]


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
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that parse in parallel (output stays in input order); "
    "default: the number of cores. A few files are parsed in this process.",
)
@with_common
@handle_errors
def parse_command(
    paths: tuple[Path, ...],
    as_json: bool,
    kind: str,
    url: str | None,
    jobs: int | None,
    common: Common,
) -> None:
    """Parse saved pages (no network). With --json every line carries the "path" it came
    from; a page that cannot be parsed gets {"path", "error"} and the exit code is 1. A missing
    file, a directory or a malformed --url is bad input (exit 2)."""
    from praktyki import api
    from praktyki.pool import available_cores

    render = _json_output if as_json else _text_output
    outputs = api.render_files(
        paths, render, kind=kind, url=url, jobs=jobs if jobs is not None else available_cores()
    )
    failed = False
    for path, (error, text) in zip(paths, outputs, strict=True):
        if error is not None:
            failed = True
            if not as_json:
                click.echo(f"praktyki: error: {path}: {error}", err=True)
        if text:
            click.echo(text, nl=False)
    if failed:
        sys.exit(int(ExitCode.SOME_FAILED))


def _json_output(parsed: ParsedFile) -> Output:
    return parsed.error, parsed.json_lines()


def _text_output(parsed: ParsedFile) -> Output:
    from praktyki.render import render_record

    return parsed.error, "".join(render_record(record) + "\n" for record in parsed.records)
