"""Every parser entry point as ``bytes -> result`` on fixed URLs, for the hostile-input tests
(test-only)."""

from __future__ import annotations

from collections.abc import Callable

from praktyki.parsers.bdp import parse_listing, parse_menu, parse_practice
from praktyki.parsers.dispatch import parse_page
from praktyki.parsers.ops import parse_ops_page

BDP_URL = "https://archiwum.dobrepraktyki.pl/index.php?p1=1&p2=2&art=1"
OPS_URL = "https://ops.example.pl/aktualnosci/1"

ENTRY_POINTS: dict[str, Callable[[bytes], object]] = {
    "parse_practice": lambda body: parse_practice(body, BDP_URL),
    "parse_listing": lambda body: parse_listing(body, BDP_URL),
    "parse_menu": lambda body: parse_menu(body, BDP_URL),
    "parse_ops_page": lambda body: parse_ops_page(body, OPS_URL),
    "dispatch.parse_page": lambda body: parse_page(body, OPS_URL),
}
