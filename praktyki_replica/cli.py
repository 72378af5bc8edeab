"""``praktyki demo`` and ``praktyki serve-replica``: registered into the ``praktyki`` command
through the ``praktyki.commands`` entry points (pyproject.toml); the runtime package never
imports this one."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

import click

from praktyki.cli.common import Common, handle_errors, with_common
from praktyki.cli.output import progress_for, report_summary
from praktyki.errors import ConfigError
from praktyki_replica.site import Site

__all__ = ["demo_command", "serve_replica_command"]


@click.command("serve-replica")
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
@with_common
@handle_errors
def serve_replica_command(
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
               redirectloop offhost badcharset malformed badlinks drip binary trap
      :PROB    share of URLs picked (0..1, default 1), fixed by --seed, not by request order
      xN       a picked URL fails its first N requests, then works (default 1)
      !        a picked URL fails every request
      @/TARGET only this path (any query) or path?query (exact); every request unless xN
    /robots.txt is never faulted unless named with @/robots.txt.
    Example: --faults '500:0.1,503:0.05x2,reset:0.01!,500@/index.php?p1=1&p2=2&art=7'
    """
    from praktyki_replica.faults import parse_fault_spec
    from praktyki_replica.runner import serve_until_signal
    from praktyki_replica.server import ReplicaServer, check_loopback

    # validate everything cheap before building the sites' content
    plan = parse_fault_spec(fault_spec, seed=seed)
    check_loopback(host)
    from praktyki_replica.catalog import default_sites

    sites = default_sites(practices=practices, seed=seed)
    server = ReplicaServer(sites, host=host, port=port, faults=plan)

    def on_ready(base_urls: dict[str, str]) -> None:
        if truth_path is not None:
            _export_truth(sites, base_urls, truth_path)
        for name, url in base_urls.items():
            click.echo(f"{name} {url}")  # click.echo flushes: scripts wait for these lines

    asyncio.run(serve_until_signal(server, on_ready))


def _export_truth(sites: Sequence[Site], base_urls: dict[str, str], path: Path) -> None:
    from praktyki_replica.truth import export_ground_truth

    try:
        with path.open("w", encoding="utf-8") as out:
            export_ground_truth(sites, base_urls, out)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror}") from exc


@click.command("demo")
@click.option(
    "--practices",
    type=click.IntRange(min=3),
    default=60,
    show_default=True,
    help="Practices in the BDP replica.",
)
@with_common
@handle_errors
def demo_command(practices: int, common: Common) -> None:
    """Serve the replica sites on 127.0.0.1, crawl them into the database (politeness off,
    robots.txt obeyed), print the summary and queries to try next."""
    from praktyki_replica.demo import run_demo

    with progress_for(common) as progress:
        bdp, ops = (progress.phase("bdp"), progress.phase("ops")) if progress else (None, None)
        result = run_demo(common.db_path, practices=practices, progress=bdp, ops_progress=ops)
    report_summary(result.bdp, common, None)
    if result.ops is not None:
        report_summary(result.ops, common, None)
    if not common.quiet:
        click.echo(demo_queries(common.db_path))


def demo_queries(db: Path) -> str:
    """Queries to try on the demo's database."""
    from praktyki.store.examples import BY_REGION, CAL_PAGES, CONTACTS  # SQL lives in the store

    lines = [
        "",
        "Try next:",
        f'  sqlite3 {db} "{BY_REGION}"',
        f'  sqlite-utils query {db} "{CONTACTS}" --table',
        f'  sqlite-utils query {db} "{CAL_PAGES}" --table',
        f"  praktyki --db {db} serve    # browse and search in Datasette",
        f"  praktyki --db {db} report   # what the data covers, per field",
    ]
    return "\n".join(lines)
