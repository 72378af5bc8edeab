"""Read the "Metryka praktyki" block as (label, value) pairs, whatever its markup.

Input is the block's visible lines (``html.Line``) after the "Metryka praktyki" heading. A pair
starts at

* a line that is a label by structure (``<dt>``, the short first cell of a table row), its
  value on the following lines; or
* a line reading "Label: value" (or "Label:" alone) whose label starts upper-case — BDP labels
  do ("Typ jednostki", "Adres e@mail"), while continuation lines of contacts do not
  ("tel. 29 741-21-58", "e@mail: gops@…"); or
* a line reading "Label – value" (a dash for the colon) whose label is one BDP uses.

Any other line continues the current value (values span lines: "Osoby kontaktowe" lists name,
role, phone and e-mail on lines of their own). Inside a contacts value, lines that start with a
phone/e-mail prefix or are indented with a no-break space stay in the value even when
capitalised.

Pair convention (shared with ``metryka.build_metryka``): label = the label text, trailing colon
removed, whitespace collapsed; value = its lines, each stripped, empty lines dropped, joined by
"\\n". Nothing here normalizes values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from praktyki.parsers.html import Line
from praktyki.parsers.labels import is_known_label

__all__ = ["metryka_pairs"]

_PAIR = re.compile(r"^(?P<label>[^\W\d_][^:]{0,60}?)\s*:(?!//)\s*(?P<value>.*)$")
_DASH_PAIR = re.compile(r"^(?P<label>[^\W\d_][^-–—]{0,60}?)\s+[-–—]\s+(?P<value>\S.*)$")
_MAX_LABEL_WORDS = 8
_CONTACT_LABEL = re.compile(r"kontakt", re.IGNORECASE)
_CONTACT_LINE = re.compile(
    r"^(tel|telefon|tel\.?\s*kom|kom|fax|faks|e-?mail|e@mail|mail|adres e)\b", re.IGNORECASE
)


class _Pair:
    __slots__ = ("contacts", "label", "values")

    def __init__(self, label: str, first: str) -> None:
        self.label = label
        # asked for every following line; answered once per pair
        self.contacts = _CONTACT_LABEL.search(label) is not None
        self.values: list[str] = []
        self.add(first)

    def add(self, text: str) -> None:
        text = text.strip()
        if not self.values:
            # "<td>Label</td><td>: value</td>": the colon sits outside the label element.
            text = text.removeprefix(":").strip()
        if text:
            self.values.append(text)

    def as_tuple(self) -> tuple[str, str]:
        return self.label, "\n".join(self.values)


def metryka_pairs(lines: Iterable[Line]) -> list[tuple[str, str]]:
    """The block's pairs in page order (see the module docstring)."""
    pairs: list[_Pair] = []
    for line in lines:
        if not line.text:
            continue
        current = pairs[-1] if pairs else None
        started = _start_pair(line, current)
        if started is not None:
            pairs.append(started)
        elif current is not None:
            current.add(line.text)
    return [pair.as_tuple() for pair in pairs if pair.label]


def _start_pair(line: Line, current: _Pair | None) -> _Pair | None:
    text = line.text
    has_colon = ":" in text  # _PAIR needs one: most continuation lines skip the regex
    if line.label:
        label, _, rest = text.partition(":") if has_colon and _PAIR.match(text) else (text, "", "")
        return _Pair(_clean_label(label), rest)
    if not has_colon:
        return _dash_pair(text)
    match = _PAIR.match(text)
    if match is None or not _looks_like_label(match["label"]):
        return None
    if current is not None and _continues_contact(line, current):
        return None
    return _Pair(_clean_label(match["label"]), match["value"])


def _dash_pair(text: str) -> _Pair | None:
    """ "Typ jednostki – gmina wiejska": a dash for the colon, taken for a label BDP uses only
    (a contact line "Jan Nowak - dyrektor" must stay in its value)."""
    if "-" not in text and "–" not in text and "—" not in text:
        return None  # no dash for _DASH_PAIR: most value lines, without the regex
    match = _DASH_PAIR.match(text)
    if match is None or not is_known_label(match["label"]):
        return None
    return _Pair(_clean_label(match["label"]), match["value"])


def _looks_like_label(label: str) -> bool:
    return label[:1].isupper() and len(label.split()) <= _MAX_LABEL_WORDS


def _continues_contact(line: Line, current: _Pair) -> bool:
    if not current.contacts:
        return False
    return line.indented or _CONTACT_LINE.match(line.text) is not None


def _clean_label(label: str) -> str:
    return " ".join(label.split()).rstrip(":").strip()
