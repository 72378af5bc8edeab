"""``praktyki crawl bdp`` and ``praktyki crawl ops``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from praktyki.cli.common import (
    Common,
    handle_errors,
    interruptible,
    require_parent,
    with_common,
)
from praktyki.cli.output import progress_for, report_summary
from praktyki.crawl.revalidate import DEFAULT_REVALIDATE_AFTER
from praktyki.crawl.settings import CrawlSettings
from praktyki.errors import ConfigError
from praktyki.scraper.policy import DEFAULT_USER_AGENT

__all__ = ["crawl_group"]

F = TypeVar("F", bound=Callable[..., Any])


@click.group("crawl")
def crawl_group() -> None:
    """Crawl a site into the database; a database that already holds data is refreshed
    incrementally (conditional GETs), and an interrupted run is resumed."""


def crawl_options(func: F) -> F:
    """The options every ``crawl`` subcommand takes (see the contract)."""
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
            help="Stop after fetching N pages (the run is partial: no removals). Replaces the "
            "default page budget (crawl bdp: twice the pages the site's listings announce, at "
            "most 200,000).",
        ),
        click.option(
            "--max-duration",
            type=click.FloatRange(min=0, min_open=True),
            default=None,
            metavar="SECONDS",
            help="Stop after this much wall-clock time like SIGTERM would: what was fetched is "
            "written, exit code 4, and the next run resumes.",
        ),
        click.option(
            "--json-summary",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Also write the run summary (with every change) as one JSON object to FILE.",
        ),
        click.option(
            "--source",
            default=None,
            help="Dataset key of the site [default: bdp for dobrepraktyki.pl, else host:port].",
        ),
        click.option(
            "--export",
            "export_dir",
            type=click.Path(path_type=Path),
            default=None,
            help="After the run, export the dataset to DIR (as praktyki export does).",
        ),
        click.option(
            "--export-format",
            type=click.Choice(["csv", "jsonl", "parquet"]),
            default="csv",
            show_default=True,
            help="Format of --export.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def crawl_settings(
    options: dict[str, Any], json_summary: Path | None, **extra: Any
) -> CrawlSettings:
    """The one place the crawl options become :class:`CrawlSettings` (and are checked: a
    summary file that cannot be written fails before the crawl, not after it)."""
    if json_summary is not None:
        require_parent(json_summary, "--json-summary")
    return CrawlSettings(
        rate=options["rate"],
        concurrency=options["concurrency"],
        user_agent=options["user_agent"],
        max_pages=options["max_pages"],
        max_duration=options["max_duration"],
        source=options["source"],
        **extra,
    )


@crawl_group.command("bdp")
@click.argument("base_url", required=False)
@click.option(
    "--revalidate-after",
    type=click.IntRange(min=0),
    default=DEFAULT_REVALIDATE_AFTER,
    show_default=True,
    metavar="DAYS",
    help="Ask the server about an unchanged practice page again on a rotating schedule, each "
    "at least every DAYS days (listing pages every run; a changed listing entry at once); "
    "0 = every page every run.",
)
@crawl_options
@with_common
@handle_errors
def crawl_bdp_command(
    base_url: str | None,
    revalidate_after: int,
    json_summary: Path | None,
    common: Common,
    **options: Any,
) -> None:
    """Crawl a BDP-style site (default: the real archive, https://archiwum.dobrepraktyki.pl/)
    from its home page: menu, every section, listing, practice, tab and attachment. Exit 1 if
    some page stayed failed."""
    from praktyki import api

    settings = crawl_settings(
        options, json_summary, assembly_worker=True, revalidate_after=revalidate_after
    )
    _prepare_export_dir(options["export_dir"])
    with interruptible(), progress_for(common) as progress:
        summary = api.crawl_bdp(
            common.db_path,
            base_url or api.DEFAULT_BDP_URL,
            settings=settings,
            progress=progress,
        )
    report_summary(summary, common, json_summary)
    _export_after_run(options, common)
    sys.exit(summary.exit_code or 0)


@crawl_group.command("ops")
@click.argument("urls", nargs=-1)
@click.option(
    "--sites",
    "sites_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Site registry (TOML, docs/SITE_REGISTRY.md) [default without URLs: the shipped one, "
    "see praktyki sites list].",
)
@click.option(
    "--base",
    "bases",
    multiple=True,
    metavar="NAME=URL",
    help="Crawl registry site NAME at URL instead (a mirror, a local copy): its start URLs "
    "keep their path and take URL's scheme and host. Repeatable.",
)
@click.option("--replica-base", "replica_bases", multiple=True, hidden=True)  # old name
@crawl_options
@with_common
@handle_errors
def crawl_ops_command(
    urls: tuple[str, ...],
    sites_file: Path | None,
    bases: tuple[str, ...],
    replica_bases: tuple[str, ...],
    json_summary: Path | None,
    common: Common,
    **options: Any,
) -> None:
    """Focused crawl of OPS sites: each URL's host is a site (default budget and depth), plus
    the sites of a registry (--sites; the shipped one when no URL is given). Breadth-first,
    topic pages first, never off-site, never calendar/print/sort variants. Exit 1 if some
    page stayed failed."""
    from praktyki import api

    if options["source"] is not None:
        raise ConfigError("--source does not apply to crawl ops (each site's name is its source)")
    settings = crawl_settings(options, json_summary, assembly_worker=True)
    _prepare_export_dir(options["export_dir"])
    with interruptible(), progress_for(common) as progress:
        summary = api.crawl_ops(
            common.db_path,
            urls,
            sites_file=sites_file,
            settings=settings,
            progress=progress,
            bases=dict(_name_url(value) for value in bases + replica_bases),
        )
    report_summary(summary, common, json_summary)
    _export_after_run(options, common)
    sys.exit(summary.exit_code or 0)


def _prepare_export_dir(export_dir: Path | None) -> None:
    """Fail before the crawl, not after it, when the export folder cannot be made."""
    if export_dir is not None:
        try:
            export_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create {export_dir}: {exc.strerror or exc}") from exc


def _export_after_run(options: dict[str, Any], common: Common) -> None:
    """``--export DIR``: the dataset as praktyki export writes it, once the run is over."""
    export_dir = options["export_dir"]
    if export_dir is None:
        return
    from praktyki import api

    counts = api.export_tables(common.db_path, export_dir, fmt=options["export_format"])
    if not common.quiet:
        click.echo(f"exported {len(counts)} tables ({sum(counts.values())} rows) to {export_dir}")


def _name_url(value: str) -> tuple[str, str]:
    name, sep, url = value.partition("=")
    if not sep or not name.strip() or not url.strip():
        raise ConfigError(f"--base wants NAME=URL, got {value!r}")
    return name.strip(), url.strip()
