"""The replica sites ``praktyki serve-replica`` and ``praktyki demo`` serve by default."""

from __future__ import annotations

from praktyki_replica.bdp_site import BdpSite
from praktyki_replica.ops_sites import build_ops_sites
from praktyki_replica.site import Site

__all__ = ["default_sites"]


def default_sites(practices: int = 60, seed: int = 0) -> list[Site]:
    """The BDP replica first (the CLI's ``--port`` applies to it), then the OPS sites."""
    bdp: Site = BdpSite(practices=practices, seed=seed)
    return [bdp, *build_ops_sites(seed=seed)]
