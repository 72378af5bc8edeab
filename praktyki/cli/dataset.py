"""Commands over an existing dataset: ``reparse``, ``export``, ``export-warc``, ``search``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from praktyki.cli.common import Common, handle_errors, require_parent, with_common
from praktyki.cli.output import report_summary

__all__ = ["COMMANDS"]


@click.command("reparse")
@with_common
@handle_errors
def reparse_command(common: Common) -> None:
    """Rebuild every dataset table from the raw archive (no network), replaying each
    finished crawl run in order: the result is what the crawls produced with today's parsers."""
    from praktyki import api

    summary = api.reparse(common.db_path)
    report_summary(summary, common, None)
    sys.exit(summary.exit_code or 0)


@click.command("export-warc")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--run", "run_id", type=click.IntRange(min=1), default=None, help="Only run N.")
@with_common
@handle_errors
def export_warc_command(file: Path, run_id: int | None, common: Common) -> None:
    """Write the raw archive (every archived response) to a WARC/1.1 FILE (gzip members)."""
    from praktyki import api

    require_parent(file, "export-warc")
    count = api.export_archive(common.db_path, file, run_id=run_id)
    if not common.quiet:
        click.echo(f"{count} WARC records written to {file}")


@click.command("export")
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
    help="One CSV (with header) or JSON-lines file per table.",
)
@click.option("--table", "tables", multiple=True, help="Only this table (repeatable).")
@with_common
@handle_errors
def export_command(out_dir: Path, fmt: str, tables: tuple[str, ...], common: Common) -> None:
    """Export the dataset tables to OUT_DIR as flat files, with CODEBOOK.md and a Frictionless
    datapackage.json describing every field (the raw archive: see export-warc)."""
    from praktyki import api

    counts = api.export_tables(common.db_path, out_dir, fmt=fmt, tables=tables)
    if not common.quiet:
        for table, rows in counts.items():
            click.echo(f"{rows:>8}  {out_dir / f'{table}.{fmt}'}")


@click.command("search")
@click.argument("query")
@click.option("--ops", "in_ops", is_flag=True, help="Search OPS articles instead of practices.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@with_common
@handle_errors
def search_command(query: str, in_ops: bool, limit: int, as_json: bool, common: Common) -> None:
    """Full-text search (Polish letters folded: "lodz" finds "Łódź"; FTS5 syntax: "phrase",
    prefix*, AND/OR/NOT) over practices' title, summary and full text, or OPS articles."""
    from praktyki import api

    for row in api.search(common.db_path, query, ops=in_ops, limit=limit):
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            key = row["url"] if in_ops else f"{row['source']}/{row['practice_id']}"
            click.echo(f"{key}  {row['title']}")


COMMANDS = (reparse_command, export_command, export_warc_command, search_command)
