"""The value normalizers the OPS parser uses, behind one seam.

``parse_phones`` / ``parse_emails`` come from :mod:`praktyki.parsers.normalize` and
``find_datetime`` from :mod:`praktyki.parsers.dates`; the OPS modules import them only from
here, so swapping an implementation is one edit.
"""

from __future__ import annotations

from praktyki.parsers.dates import find_datetime
from praktyki.parsers.normalize import parse_emails, parse_phones

__all__ = ["find_datetime", "parse_emails", "parse_phones"]
