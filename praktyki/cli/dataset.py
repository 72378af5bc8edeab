"""Commands over an existing dataset: ``reparse``, ``export``, ``export-warc``, ``search``,
``serve`` (Datasette) and ``report`` (data quality)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from praktyki.cli.common import Common, handle_errors, require_parent, with_common
from praktyki.cli.output import report_summary
from praktyki.errors import ConfigError

if TYPE_CHECKING:  # pydantic and the schemas load only when a command runs (fast --help)
    from praktyki.schemas.quality import QualityReport

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
@click.option("--wacz", is_flag=True, help="Also package a WACZ (WARC, index, page list).")
@with_common
@handle_errors
def export_warc_command(file: Path, run_id: int | None, wacz: bool, common: Common) -> None:
    """Write the raw archive to a WARC/1.1 FILE as received (request, response and revisit
    records), a CDXJ index beside it and, with --wacz, a WACZ package for replay tools."""
    from praktyki import api

    require_parent(file, "export-warc")
    result = api.export_archive(common.db_path, file, run_id=run_id, wacz=wacz)
    if not common.quiet:
        click.echo(f"{result.records} WARC records written to {result.warc}")
        click.echo(f"{result.index_lines} index lines written to {result.index}")
        if result.wacz is not None:
            click.echo(f"WACZ with {result.pages} pages written to {result.wacz}")


@click.command("export")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    default="csv",
    show_default=True,
    help="One CSV (with header), JSON-lines or Parquet (typed) file per table.",
)
@click.option(
    "--table", "tables", multiple=True, help="Only this table (repeatable); updates the package."
)
@click.option(
    "--raw-csv",
    is_flag=True,
    help="CSV cells exactly as stored: no ' before cells starting with = + - @ (a spreadsheet "
    "may run them as formulas).",
)
@with_common
@handle_errors
def export_command(
    out_dir: Path, fmt: str, tables: tuple[str, ...], raw_csv: bool, common: Common
) -> None:
    """Export the dataset tables to OUT_DIR as flat files, with CODEBOOK.md and a Frictionless
    datapackage.json describing every field, key and source (the raw archive: see export-warc).
    Exporting some tables into a folder with a package updates that package."""
    from praktyki import api

    counts = api.export_tables(common.db_path, out_dir, fmt=fmt, tables=tables, raw_csv=raw_csv)
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

    rows = api.search(common.db_path, query, ops=in_ops, limit=limit)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            key = row["url"] if in_ops else f"{row['source']}/{row['practice_id']}"
            click.echo(f"{key}  {row['title']}")
    if not rows and not as_json:
        click.echo("0 results")


@click.command("serve")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8001,
    show_default=True,
    help="Port on 127.0.0.1.",
)
@with_common
@handle_errors
def serve_command(port: int, common: Common) -> None:
    """Open the dataset in Datasette on http://127.0.0.1:PORT/ until Ctrl-C: table and column
    descriptions from the codebook, crawl internals hidden, canned queries (practices by
    voivodeship and section, CAL practices, last run's changes), ?_search= folding Polish
    letters (wspolpraca finds współpraca)."""
    from praktyki import api

    if not common.quiet:
        click.echo(f"Datasette at http://127.0.0.1:{port}/ (Ctrl-C stops it)")
    api.serve_dataset(common.db_path, port=port)


@click.command("report")
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report as a static HTML page with charts (readable offline) to FILE.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report's numbers as JSON.")
@with_common
@handle_errors
def report_command(html_file: Path | None, as_json: bool, common: Common) -> None:
    """Data-quality report: coverage per source and field, unknown Metryka labels (with
    examples), failures by site and reason, records new / changed / removed per run."""
    from praktyki import api

    report = api.quality_report(common.db_path)
    if html_file is not None:
        _write_text(html_file, api.render_report_html(report))
    if as_json:
        click.echo(json.dumps(report.to_json_dict(), ensure_ascii=False, indent=2))
    elif not common.quiet:
        click.echo(_report_text(report, html_file))


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _report_text(report: QualityReport, html_file: Path | None) -> str:
    lines = []
    for source in report.coverage:
        low = [f"{f.field} {f.share:.0%}" for f in source.fields if f.share < 1]
        lines.append(
            f"{source.source} ({source.entity}, {source.records} records): "
            + (", ".join(low) if low else "every field filled")
        )
    lines.append(f"unknown Metryka labels: {len(report.unknown_labels)}")
    lines.append(f"failed pages: {sum(group.count for group in report.failures)}")
    lines.append(f"runs: {len(report.runs)}")
    if html_file is not None:
        lines.append(f"HTML report written to {html_file}")
    return "\n".join(lines)


COMMANDS = (
    reparse_command,
    export_command,
    export_warc_command,
    search_command,
    serve_command,
    report_command,
)
