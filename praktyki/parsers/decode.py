"""Bytes → text, as its own pure step.

Order of evidence (first that yields plausible text wins):

1. a byte-order mark;
2. the charset of the HTTP ``Content-Type`` header;
3. a ``<meta charset>`` / ``<meta http-equiv="Content-Type">`` declaration in the first 4 KiB;
4. strict UTF-8;
5. a Polish legacy guess: windows-1250 or ISO-8859-2, whichever reads as Polish text.

A body that is not text at all (a PDF, an image, an archive, binary data; see
:mod:`praktyki.parsers.sniff`) raises :class:`~praktyki.errors.NotHtml` before any of this.

Old Polish sites often declare a charset their bytes do not use (ISO-8859-2 declared,
windows-1250 sent; UTF-8 sent under a legacy header), so a declared charset is accepted only
when it decodes strictly *and* the result does not look like mojibake. Nothing here uses
``errors="replace"``: text that cannot be decoded raises :class:`DecodeError` rather than
letting replacement characters into a record.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Literal

from praktyki.errors import DecodeError
from praktyki.parsers.sniff import reject_binary

__all__ = ["Decoded", "decode_html", "http_charset", "meta_charset"]

Source = Literal["bom", "http", "meta", "utf-8", "guess"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers treat as synonyms (WHATWG Encoding): a page declaring latin1 or ascii is
# decoded as windows-1252, but for Polish pages that is nearly always a mislabelled
# windows-1250, which the plausibility check below catches.
_ALIASES = {
    "latin2": "iso-8859-2",
    "iso8859-2": "iso-8859-2",
    "iso_8859-2": "iso-8859-2",
    "l2": "iso-8859-2",
    "x-cp1250": "windows-1250",
    "cp1250": "windows-1250",
    "win-1250": "windows-1250",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "latin1": "windows-1252",
    "iso-8859-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
}

# Python's codec names back to the labels HTTP and HTML use, so records say "windows-1250".
_WHATWG_NAMES = {
    "cp1250": "windows-1250",
    "cp1252": "windows-1252",
    "iso8859-2": "iso-8859-2",
    "utf-8": "utf-8",
}

_CHARSET_PARAM = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)

_POLISH = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
# Characters that show up when Polish bytes are read with the wrong single-byte table
# (C1 controls; the letters the ISO-8859-2 and windows-1250 tables swap), or UTF-8 read as a
# legacy table ("Ä…" for "ą", "Ĺ‚" for "ł", "Ã³" for "ó"). Regex classes: counting in C, not
# in a Python loop, is most of the cost of decoding a page.
_SUSPICIOUS = re.compile("[\x80-\x9fšťžŠŤŽĽľ±ˇ˘¶¤¦¬ÄĹÃĂÂ\ufffd]")
# Both classes above hold non-ASCII characters only, so they can be counted on the non-ASCII
# characters alone. In UTF-8 and in the single-byte tables every ASCII byte stands for itself
# and never occurs inside another character's bytes: deleting the ASCII bytes (a C loop) and
# decoding the rest gives exactly those characters, a few dozen on a typical Polish page, where
# a regex scan of the whole text costs several times more than decoding it.
_ASCII_BYTES = bytes(range(128))
_ASCII_TRANSPARENT = ("utf-8", "windows-125", "iso-8859-", "iso8859-", "cp125")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the evidence that chose its encoding."""

    text: str
    encoding: str
    source: Source


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode an HTML body by the order in the module docstring."""
    reject_binary(body)
    bom = _from_bom(body)
    if bom is not None:
        return bom
    for source, declared in (("http", http_charset(content_type)), ("meta", meta_charset(body))):
        if declared is not None:
            text = _try_declared(body, declared)
            if text is not None:
                return Decoded(text, declared, source)  # type: ignore[arg-type]
    text = _strict(body, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "utf-8")
    return _guess_legacy(body)


def http_charset(content_type: str | None) -> str | None:
    """The normalized charset parameter of a Content-Type header, if any."""
    if not content_type:
        return None
    match = _CHARSET_PARAM.search(content_type.encode("latin-1", "ignore"))
    return _canonical(match.group(1)) if match else None


def meta_charset(body: bytes) -> str | None:
    """The charset a ``<meta>`` tag in the first 4 KiB declares, if any."""
    for tag in _META.findall(body[:4096]):
        match = _CHARSET_PARAM.search(tag)
        if match:
            return _canonical(match.group(1))
    return None


def _canonical(label: bytes) -> str | None:
    name = label.decode("ascii", "ignore").strip().lower()
    name = _ALIASES.get(name, name)
    try:
        python_name = codecs.lookup(name).name if name else None
    except LookupError:
        return None
    return _WHATWG_NAMES.get(python_name, python_name) if python_name else None


def _from_bom(body: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            text = _strict(body[len(bom) :], encoding)
            if text is None:
                raise DecodeError(f"bytes after the {encoding} byte-order mark are not {encoding}")
            return Decoded(text, encoding, "bom")
    return None


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _try_declared(body: bytes, encoding: str) -> str | None:
    text = _strict(body, encoding)
    if text is None:
        return None
    if encoding != "utf-8" and body.isascii() is False and _strict(body, "utf-8") is not None:
        # Valid multi-byte UTF-8 is almost never an accident: a legacy label on such
        # bytes is the server's mistake.
        return None
    return None if _SUSPICIOUS.search(_non_ascii(body, encoding, text)) else text


def _guess_legacy(body: bytes) -> Decoded:
    best: tuple[int, str, str] | None = None
    for encoding in ("windows-1250", "iso-8859-2"):
        text = _strict(body, encoding)
        if text is None:
            continue
        rare = _non_ascii(body, encoding, text)
        score = _polish_letters(rare) - 4 * _suspicion(rare)
        if best is None or score > best[0]:
            best = (score, encoding, text)
    if best is None:
        raise DecodeError("bytes are neither UTF-8 nor a Polish legacy encoding")
    return Decoded(best[2], best[1], "guess")


def _non_ascii(body: bytes, encoding: str, text: str) -> str:
    """The non-ASCII characters of ``text`` (``body`` decoded as ``encoding``), in order; all
    of ``text`` for an encoding whose ASCII bytes may be part of other characters."""
    if encoding.startswith(_ASCII_TRANSPARENT):
        return body.translate(None, _ASCII_BYTES).decode(encoding)
    return text


def _polish_letters(text: str) -> int:
    return len(_POLISH.findall(text))


def _suspicion(text: str) -> int:
    return len(_SUSPICIOUS.findall(text))
