"""Local replica sites with real HTTP behaviour and fault injection.

``running_replica()`` serves the catalog's sites (or any :class:`Site`) on 127.0.0.1 in a
background thread; ``praktyki serve-replica`` does the same in the foreground. Fault plans are
described in :mod:`praktyki_replica.faults`.
"""

from __future__ import annotations

from praktyki_replica.faults import FaultKind, FaultPlan, FaultRule, parse_fault_spec
from praktyki_replica.runner import RunningReplica, running_replica, serve_until_signal
from praktyki_replica.server import ReplicaServer, ReplicaStats, ServerLimits
from praktyki_replica.site import Request, Resource, Site

__all__ = [
    "FaultKind",
    "FaultPlan",
    "FaultRule",
    "ReplicaServer",
    "ReplicaStats",
    "RunningReplica",
    "Request",
    "Resource",
    "ServerLimits",
    "Site",
    "parse_fault_spec",
    "running_replica",
    "serve_until_signal",
]
