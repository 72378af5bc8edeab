"""The entry point of the crawl's spawned processes (the assembly worker,
:mod:`praktyki.crawl.worker`), light to import.

A spawned process imports its target's module before it runs anything. This module imports
nothing heavy, so the process can first refuse the modules it never uses, then import its
real main function by name: sqlite-utils imports pandas whenever it is installed (the ``dev``
and ``pandas`` extras), only to recognise pandas values a caller inserts, which a worker never
does — about 80 MB of a worker's RSS for nothing.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

__all__ = ["UNUSED", "resolve", "run"]

#: Modules a worker never uses that its imports would load when installed.
UNUSED = ("pandas",)


def run(main: str, *args: object, **kwargs: object) -> None:
    """Call ``main`` (``"package.module:function"``) with the arguments, without
    :data:`UNUSED` (pass functions the process needs by name too, see :func:`resolve`: a
    function among the arguments has its module imported before this runs)."""
    for name in UNUSED:
        # None in sys.modules makes ``import name`` raise ImportError, which sqlite-utils
        # takes for "not installed"; a module already imported (by the main module) stays
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]
    resolve(main)(*args, **kwargs)


def resolve(name: str) -> Any:
    """The function named ``"package.module:function"`` (importing its module)."""
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)
