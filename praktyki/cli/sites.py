"""``praktyki sites list`` and ``praktyki sites check FILE``: the OPS site registry."""

from __future__ import annotations

from pathlib import Path

import click

from praktyki.cli.common import Common, handle_errors, with_common

__all__ = ["sites_group"]


@click.group("sites")
def sites_group() -> None:
    """The OPS site registry (docs/SITE_REGISTRY.md) that crawl ops reads."""


@sites_group.command("list")
@click.option(
    "--sites",
    "sites_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A registry file [default: the shipped one].",
)
@with_common
@handle_errors
def list_command(sites_file: Path | None, common: Common) -> None:
    """One line per site: NAME START_URL SOURCE (where its address was found)."""
    from praktyki import api

    for site in api.read_registry(sites_file).sites:
        click.echo(f"{site.name}\t{' '.join(site.start_urls)}\t{site.source or '-'}")


@sites_group.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@with_common
@handle_errors
def check_command(file: Path, common: Common) -> None:
    """Validate a registry FILE: exit 0 and a count, or one line naming the file, the entry
    and what is wrong (exit 2)."""
    from praktyki import api

    registry = api.read_registry(file)
    if not common.quiet:
        click.echo(f"{file}: {len(registry.sites)} site(s), valid")
