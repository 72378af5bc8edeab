"""praktyki's command line: a thin layer over the library.

Each command validates its options, makes one library call and maps praktyki's exceptions to a
one-line message and an exit code (see ``ExitCode``). Nothing else in the package prints.
"""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import functools
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

import click

from praktyki import __version__
from praktyki.crawl.bdp import DEFAULT_BDP_URL
from praktyki.errors import ConfigError, LockHeld, PraktykiError
from praktyki.render import render_record

if TYPE_CHECKING:
    from praktyki.replica.site import Site

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


@cli.command("serve-replica")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Loopback address to bind; anything outside 127.0.0.0/8 is refused.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default=True,
    help="Port of the first (BDP) site; the others follow on N+1, N+2, ... 0 picks free ports.",
)
@click.option(
    "--practices",
    type=click.IntRange(min=0),
    default=60,
    show_default=True,
    help="Practices in the BDP replica.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Content and fault seed.")
@click.option(
    "--faults",
    "fault_spec",
    default="",
    metavar="SPEC",
    help="Faults to inject, e.g. 500:0.1,429:0.05,hang:0.02 (grammar below).",
)
@click.option(
    "--export-truth",
    "truth_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write every expected record (BDP practices, OPS articles) as JSON lines to this "
    "file once the sites listen, before the NAME BASE_URL lines are printed.",
)
@common_options
@handle_errors
def serve_replica(
    host: str,
    port: int,
    practices: int,
    seed: int,
    fault_spec: str,
    truth_path: Path | None,
    common: Common,
) -> None:
    """Serve the replica sites on 127.0.0.1 until SIGINT or SIGTERM.

    Prints one line per site, NAME BASE_URL, the BDP site first, as soon as the sites accept
    connections.

    \b
    Fault SPEC: RULE[,RULE...], RULE = KIND[:PROB][xN|!][@/TARGET]
      KIND     500 502 503 429 hang reset truncate oversize gzipbomb
               redirectloop offhost badcharset malformed
      :PROB    share of URLs picked (0..1, default 1), fixed by --seed, not by request order
      xN       a picked URL fails its first N requests, then works (default 1)
      !        a picked URL fails every request
      @/TARGET only this path (any query) or path?query (exact); every request unless xN
    /robots.txt is never faulted unless named with @/robots.txt.
    Example: --faults '500:0.1,503:0.05x2,reset:0.01!,500@/index.php?p1=1&p2=2&art=7'
    """
    from praktyki.replica import ReplicaServer, parse_fault_spec, serve_until_signal
    from praktyki.replica.server import check_loopback

    # validate everything cheap before building the sites' content
    plan = parse_fault_spec(fault_spec, seed=seed)
    check_loopback(host)
    from praktyki.replica.catalog import default_sites

    sites = default_sites(practices=practices, seed=seed)
    server = ReplicaServer(sites, host=host, port=port, faults=plan)

    def on_ready(base_urls: dict[str, str]) -> None:
        if truth_path is not None:
            _export_truth(sites, base_urls, truth_path)
        for name, url in base_urls.items():
            click.echo(f"{name} {url}")  # click.echo flushes: scripts wait for these lines

    asyncio.run(serve_until_signal(server, on_ready))


def _export_truth(sites: Sequence[Site], base_urls: dict[str, str], path: Path) -> None:
    from praktyki.replica.truth import export_ground_truth

    try:
        with path.open("w", encoding="utf-8") as out:
            export_ground_truth(sites, base_urls, out)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror}") from exc


# --- praktyki crawl, demo, reparse, export-warc -------------------------------------------


@cli.group("crawl")
def crawl_group() -> None:
    """Crawl a site into the database; a database that already holds data is refreshed
    incrementally (conditional GETs), and an interrupted run is resumed."""


def crawl_options(func: Callable[..., R]) -> Callable[..., R]:
    """The options every ``crawl`` subcommand takes (see the contract)."""
    from praktyki.scraper.policy import DEFAULT_USER_AGENT

    options = [
        click.option(
            "--rate",
            type=click.FloatRange(min=0),
            default=1.0,
            show_default=True,
            help="Requests per second per host; 0 = no limit (robots.txt is obeyed either way).",
        ),
        click.option(
            "--concurrency",
            type=click.IntRange(min=1),
            default=4,
            show_default=True,
            help="Requests in flight in total (at most 2 per host unless --rate 0).",
        ),
        click.option(
            "--user-agent",
            default=DEFAULT_USER_AGENT,
            show_default=True,
            help="User-Agent header (keep a contact URL in it).",
        ),
        click.option(
            "--max-pages",
            type=click.IntRange(min=1),
            default=None,
            help="Stop after fetching N pages (the run is partial: no removals).",
        ),
        click.option(
            "--json-summary",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Also write the run summary as one JSON object to FILE.",
        ),
        click.option(
            "--source",
            default=None,
            help="Dataset key of the site [default: bdp for dobrepraktyki.pl, else host:port].",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@crawl_group.command("bdp")
@click.argument("base_url", default=DEFAULT_BDP_URL)
@crawl_options
@common_options
@handle_errors
def crawl_bdp_command(
    base_url: str,
    rate: float,
    concurrency: int,
    user_agent: str,
    max_pages: int | None,
    json_summary: Path | None,
    source: str | None,
    common: Common,
) -> None:
    """Crawl a BDP-style site (default: the real archive) from its home page: menu, every
    section, listing, practice, tab and attachment. Exit 1 if some page stayed failed."""
    from praktyki.crawl.service import crawl_bdp
    from praktyki.crawl.settings import CrawlSettings

    settings = CrawlSettings(
        rate=rate,
        concurrency=concurrency,
        user_agent=user_agent,
        max_pages=max_pages,
        source=source,
        assembly_worker=True,
    )
    with _progress(common) as progress:
        summary = crawl_bdp(common.db_path, base_url, settings, progress=progress)
    _report(summary, common, json_summary)
    sys.exit(summary.exit_code or 0)


@crawl_group.command("ops")
@click.argument("urls", nargs=-1)
@click.option(
    "--sites",
    "sites_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Site registry (TOML, docs/SITE_REGISTRY.md) [default without URLs: the shipped one].",
)
@click.option(
    "--replica-base",
    "replica_bases",
    multiple=True,
    metavar="NAME=URL",
    help="Base URL of a running replica site, for registry entries with replica = NAME "
    "(repeatable; entries without one are skipped).",
)
@crawl_options
@common_options
@handle_errors
def crawl_ops_command(
    urls: tuple[str, ...],
    sites_file: Path | None,
    replica_bases: tuple[str, ...],
    rate: float,
    concurrency: int,
    user_agent: str,
    max_pages: int | None,
    json_summary: Path | None,
    source: str | None,
    common: Common,
) -> None:
    """Focused crawl of OPS sites: each URL's host is a site (default budget and depth), plus
    the sites of a registry (--sites; the shipped one when no URL is given). Breadth-first,
    topic pages first, never off-site, never calendar/print/sort variants. Exit 1 if some
    page stayed failed."""
    from praktyki.crawl.service import crawl_ops
    from praktyki.crawl.settings import CrawlSettings

    if source is not None:
        raise ConfigError("--source does not apply to crawl ops (each site's name is its source)")
    settings = CrawlSettings(
        rate=rate, concurrency=concurrency, user_agent=user_agent, max_pages=max_pages
    )
    bases = dict(_name_url(value) for value in replica_bases)
    with _progress(common) as progress:
        summary = crawl_ops(
            common.db_path,
            urls,
            sites_file=sites_file,
            settings=settings,
            progress=progress,
            replica_bases=bases,
        )
    _report(summary, common, json_summary)
    sys.exit(summary.exit_code or 0)


def _name_url(value: str) -> tuple[str, str]:
    name, sep, url = value.partition("=")
    if not sep or not name.strip() or not url.strip():
        raise ConfigError(f"--replica-base wants NAME=URL, got {value!r}")
    return name.strip(), url.strip()


@cli.command("demo")
@click.option(
    "--practices",
    type=click.IntRange(min=3),
    default=60,
    show_default=True,
    help="Practices in the BDP replica.",
)
@common_options
@handle_errors
def demo_command(practices: int, common: Common) -> None:
    """Serve the replica sites on 127.0.0.1, crawl them into the database (politeness off,
    robots.txt obeyed), print the summary and queries to try next."""
    from praktyki.crawl.demo import run_demo

    with _progress(common) as progress:
        result = run_demo(common.db_path, practices=practices, progress=progress)
    _report(result.bdp, common, None)
    if result.ops is not None:
        _report(result.ops, common, None)
    if not common.quiet:
        click.echo(_demo_queries(common.db_path))


def _demo_queries(db: Path) -> str:
    from praktyki.store.examples import BY_REGION, CAL_PAGES, CONTACTS

    lines = [
        "",
        "Try next:",
        f'  sqlite3 {db} "{BY_REGION}"',
        f'  sqlite-utils query {db} "{CONTACTS}" --table',
        f'  sqlite-utils query {db} "{CAL_PAGES}" --table',
        f"  datasette {db}",
    ]
    return "\n".join(lines)


@cli.command("reparse")
@common_options
@handle_errors
def reparse_command(common: Common) -> None:
    """Rebuild every dataset table from the raw archive (no network), replaying each
    finished crawl run in order: the result is what the crawls produced with today's parsers."""
    from praktyki.crawl.service import reparse

    summary = reparse(common.db_path)
    _report(summary, common, None)
    sys.exit(summary.exit_code or 0)


@cli.command("export-warc")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--run", "run_id", type=click.IntRange(min=1), default=None, help="Only run N.")
@click.option("--wacz", is_flag=True, help="Also package a WACZ (WARC, index, page list).")
@common_options
@handle_errors
def export_warc_command(file: Path, run_id: int | None, wacz: bool, common: Common) -> None:
    """Write the raw archive to a WARC/1.1 FILE as received (request, response and revisit
    records), a CDXJ index beside it and, with --wacz, a WACZ package for replay tools."""
    from praktyki.crawl.archive_export import export_archive

    result = export_archive(_existing_db(common), file, run_id=run_id, wacz=wacz)
    if not common.quiet:
        click.echo(f"{result.records} WARC records written to {result.warc}")
        click.echo(f"{result.index_lines} index lines written to {result.index}")
        if result.wacz is not None:
            click.echo(f"WACZ with {result.pages} pages written to {result.wacz}")


@cli.command("export")
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
@common_options
@handle_errors
def export_command(out_dir: Path, fmt: str, tables: tuple[str, ...], common: Common) -> None:
    """Export the dataset tables to OUT_DIR as flat files, with CODEBOOK.md and a Frictionless
    datapackage.json describing every field (the raw archive: see export-warc)."""
    from praktyki.store import open_database
    from praktyki.store.export import ExportFormat, export_dataset

    db = open_database(_existing_db(common))
    counts = export_dataset(db, out_dir, fmt=ExportFormat(fmt), tables=tables)
    if not common.quiet:
        for table, rows in counts.items():
            click.echo(f"{rows:>8}  {out_dir / f'{table}.{fmt}'}")


@cli.command("search")
@click.argument("query")
@click.option("--ops", "in_ops", is_flag=True, help="Search OPS articles instead of practices.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@common_options
@handle_errors
def search_command(query: str, in_ops: bool, limit: int, as_json: bool, common: Common) -> None:
    """Full-text search (Polish letters folded: "lodz" finds "Łódź"; FTS5 syntax: "phrase",
    prefix*, AND/OR/NOT) over practices' title, summary and full text, or OPS articles."""
    from praktyki.store import open_database, search_ops, search_practices

    db = open_database(_existing_db(common))
    rows = (search_ops if in_ops else search_practices)(db, query, limit=limit)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            key = row["url"] if in_ops else f"{row['source']}/{row['practice_id']}"
            click.echo(f"{key}  {row['title']}")


def _existing_db(common: Common) -> Path:
    if not common.db_path.exists():
        raise ConfigError(f"no database at {common.db_path} (run a crawl or praktyki demo first)")
    return common.db_path


def _progress(common: Common) -> Any:
    """A rich bar on a terminal, periodic log lines otherwise, nothing with --quiet."""
    import contextlib

    from praktyki.crawl.progress import BarProgress, LogProgress

    if common.quiet:
        return contextlib.nullcontext(None)
    if sys.stderr.isatty() and common.log_format == "text":
        return BarProgress(sys.stderr)
    return contextlib.nullcontext(LogProgress())


def _report(summary: Any, common: Common, json_summary: Path | None) -> None:
    """The summary and what changed on stdout (nothing with --quiet), and as JSON to
    ``json_summary`` (the contract's fields plus ``changes``, one object per record)."""
    data = summary.to_json_dict()
    changes = _changes(common.db_path, int(data["run_id"]))
    if json_summary is not None:
        try:
            json_summary.parent.mkdir(parents=True, exist_ok=True)
            payload = data | {"changes": [change.to_json_dict() for change in changes]}
            text = json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=2)
            json_summary.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write {json_summary}: {exc.strerror or exc}") from exc
    if common.quiet:
        return
    click.echo(
        f"run {data['run_id']} ({data['kind']}): {data['new']} new, {data['changed']} changed, "
        f"{data['removed']} removed, {data['unchanged']} unchanged, {data['failed']} failed"
    )
    click.echo(
        f"{data['requests']} requests ({data['not_modified']} not modified), "
        f"{int(data['bytes']) / 1024:.1f} KiB, {float(data['duration_s'] or 0):.1f} s"
    )
    _echo_changes([c for c in changes if c.change != "new"])


def _changes(db_path: Path, run_id: int) -> list[Any]:
    from praktyki.store import open_database
    from praktyki.store.report import run_changes

    db = open_database(db_path)
    try:
        return list(run_changes(db, run_id))
    finally:
        db.close()


_SHOWN_CHANGES = 10


def _echo_changes(changes: list[Any]) -> None:
    """Changed and removed records (new ones are only counted: a first crawl adds them all)."""
    for change in changes[:_SHOWN_CHANGES]:
        fields = f" ({', '.join(change.fields)})" if change.fields else ""
        click.echo(f"  {change.change:<8} {change.entity} {change.source}/{change.key}{fields}")
    if len(changes) > _SHOWN_CHANGES:
        click.echo(f"  … and {len(changes) - _SHOWN_CHANGES} more (see --json-summary)")


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point; click turns usage errors into exit code 2."""
    return cli.main(args=argv, prog_name="praktyki")


# --- praktyki parse -------------------------------------------------------------------------


@cli.command("parse")
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
@common_options
def parse_command(
    paths: tuple[Path, ...], as_json: bool, kind: str, url: str | None, common: Common
) -> None:
    """Parse saved pages (no network); exit code 1 if any page could not be parsed."""
    from praktyki.parsers.dispatch import Kind, parse_page  # the CLI starts fast without them

    failed = False
    for path in paths:
        try:
            page_url = url or path.resolve().as_uri()
            records = parse_page(_read_page(path), page_url, kind=cast(Kind, kind))
        except PraktykiError as exc:
            failed = True
            _emit_error(path, exc.reason, as_json)
            continue
        except Exception as exc:  # a parser bug must not cost the other pages their lines
            logging.getLogger("praktyki.cli").exception("parser failed on %s", path)
            failed = True
            _emit_error(path, f"internal error: {type(exc).__name__}: {exc}", as_json)
            continue
        for record in records:
            _emit_record(record.to_json_dict(), as_json)
    if failed:
        sys.exit(int(ExitCode.SOME_FAILED))


def _read_page(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _emit_error(path: Path, reason: str, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({"path": str(path), "error": reason}, ensure_ascii=False))
    else:
        click.echo(f"praktyki: error: {path}: {reason}", err=True)


def _emit_record(data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        click.echo(render_record(data))
