"""The revalidation policy: which archived pages a refresh asks the server about again.

Every night re-requesting every page of a site that almost never changes is the whole night's
time and load on a small public server. The contract (``--revalidate-after N``, default 7):

- **Navigation pages are always re-read** (BDP: home, sections, listings): they are how new,
  changed and removed practices show. The strategy says which pages the policy governs
  (``revalidation_key``: None = always fetched).
- **A page whose linking entry changed is due at once** (``forced``): a listing entry with
  another title than the one recorded when the practice was last fetched (or none recorded),
  and with it every page under it (the practice's tabs and files). A new URL has no archived
  body and is fetched anyway.
- **Any other page is revalidated on a rotating schedule**: on the days its key's slot comes
  up (a stable hash of the key, modulo N: about 1/N of the pages each day, the pages of one
  practice together), and in any case once its last confirmation (a 2xx or 304, dated by the
  start of the run that got it) is N calendar days old — so every archived page is asked
  about at least every N days, also after nights without a run.
- ``N = 0``: every page every run (the behaviour before the policy).

A skipped page costs no request: its archived body stands (the frontier row is marked done
with no status and that body's archive id), its links come from the link cache, and assembly
treats it like a 304. The decisions depend only on the database and the clock, so a killed run
resumed later decides the same way (or, on a later day, as that day's schedule says).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass

from praktyki.errors import ConfigError

__all__ = ["DEFAULT_REVALIDATE_AFTER", "RevalidationPolicy", "slot"]

#: Days (``--revalidate-after``).
DEFAULT_REVALIDATE_AFTER = 7


@functools.lru_cache(maxsize=1 << 14)  # a practice's pages share a key: hashed once a run
def slot(key: str, days: int) -> int:
    """The day (modulo ``days``) on which pages of ``key`` are revalidated: a stable hash."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % days


@dataclass(frozen=True, slots=True)
class RevalidationPolicy:
    """Whether a page with key ``key``, last confirmed at ``checked_at``, is due ``now``."""

    after_days: int = DEFAULT_REVALIDATE_AFTER

    def __post_init__(self) -> None:
        if self.after_days < 0:
            raise ConfigError("--revalidate-after must be 0 (every page every run) or more")

    def due(self, key: str, checked_at: dt.datetime, now: dt.datetime) -> bool:
        if self.after_days == 0:
            return True
        today, checked = _utc_date(now), _utc_date(checked_at)
        age = (today - checked).days
        if age >= self.after_days:
            return True
        on_slot = today.toordinal() % self.after_days == slot(key, self.after_days)
        return on_slot and age > 0  # a second run on the same day asks nothing again


def _utc_date(moment: dt.datetime) -> dt.date:
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(dt.UTC).date()
