"""The documented public name of the dataset API (README: ``from praktyki.load import ...``).

Everything here is :mod:`praktyki.store`, which owns the database; this package only keeps the
old import path working, so it re-exports the store's ``__all__`` rather than a second list that
could drift from it.
"""

from praktyki import store
from praktyki.store import *  # noqa: F403  (the old path re-exports exactly the store's names)

__all__: list[str] = []
__all__ += store.__all__
