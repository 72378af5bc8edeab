"""A body that is not text (PDF, image, archive, binary data) is ``NotHtml``, never a record.

Checked where every parser decodes (``decode_html``), so each entry point says the same.
"""

from __future__ import annotations

import codecs
import gzip
import io
import random
import zipfile
from collections.abc import Callable

import pytest
from entry_points import BDP_URL, OPS_URL
from entry_points import ENTRY_POINTS as PARSER_ENTRY_POINTS

from praktyki.errors import DecodeError, MissingBlock, NotAPracticePage, NotHtml
from praktyki.parsers.decode import decode_html
from praktyki.parsers.dispatch import parse_page
from praktyki.parsers.sniff import what_binary

ARTICLE = "<html><body><h1>Tytuł</h1><p>" + "Ośrodek prowadzi zajęcia dla seniorów, " * 5 + "</p>"

ENTRY_POINTS: dict[str, Callable[[bytes], object]] = {
    **PARSER_ENTRY_POINTS,
    "dispatch.parse_page(bdp)": lambda body: parse_page(body, OPS_URL, kind="bdp"),
}


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", ARTICLE)
    return buffer.getvalue()


BINARIES: dict[str, tuple[bytes, str]] = {
    "pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n", "a PDF document"),
    "pdf-after-junk": (b"\r\n\r\n%PDF-1.7\n" + ARTICLE.encode(), "a PDF document"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    "jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    "gif": (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
    "docx": (_zip(), "a ZIP archive (or an Office/OpenDocument file)"),
    "gzip": (gzip.compress(ARTICLE.encode()), "a gzip archive"),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "an old Office document (.doc/.xls)"),
    "random": (random.Random(11).randbytes(4096), "binary data"),
    "nul-heavy": (ARTICLE.encode().replace(b" ", b"\x00"), "binary data"),
}


@pytest.mark.parametrize("name", BINARIES, ids=str)
def test_what_binary_names_the_file_kind(name: str) -> None:
    body, what = BINARIES[name]
    assert (what_binary(body) or "").startswith(what)


@pytest.mark.parametrize("name", BINARIES, ids=str)
@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=str)
def test_every_entry_point_rejects_a_binary_body(entry: str, name: str) -> None:
    with pytest.raises(NotHtml, match="not an HTML page") as caught:
        ENTRY_POINTS[entry](BINARIES[name][0])
    assert caught.value.url in (BDP_URL, OPS_URL)


@pytest.mark.parametrize(
    "body",
    [
        ARTICLE.encode(),
        ARTICLE.encode("windows-1250"),
        ARTICLE.encode().replace(b"<p>", b"<p>\x00", 1),  # a stray NUL is dropped, not fatal
        ARTICLE.encode("utf-16"),  # NUL every other byte, but a byte-order mark says text
        b"\xef\xbb\xbf" + ARTICLE.encode(),
        b"BM " + ARTICLE.encode(),  # starts like a bitmap; not one
    ],
    ids=["utf-8", "windows-1250", "one-nul", "utf-16-bom", "utf-8-bom", "bm-prefix"],
)
def test_text_is_not_binary(body: bytes) -> None:
    assert what_binary(body) is None
    assert "Ośrodek" in decode_html(body).text


BROKEN_ENCODINGS = {
    "utf-8-bom-then-latin2": codecs.BOM_UTF8 + ARTICLE.encode("iso-8859-2"),
    "utf-16-bom-odd-length": codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")[:-1],
    "declared-utf-8-sent-cp1250": ARTICLE.replace("<html>", '<html><meta charset="utf-8">').encode(
        "windows-1250"
    ),
    "truncated-multibyte": ARTICLE.encode()[:-1] + "ł".encode()[:1],
    "mixed-utf-8-and-cp1250": ARTICLE.encode() + "żółw".encode("windows-1250"),
}


@pytest.mark.parametrize("name", BROKEN_ENCODINGS, ids=str)
@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=str)
def test_a_broken_encoding_is_a_decode_error_or_clean_text(entry: str, name: str) -> None:
    try:
        result = ENTRY_POINTS[entry](BROKEN_ENCODINGS[name])
    except (DecodeError, NotAPracticePage, MissingBlock):
        return  # named; any other error fails the test
    assert "\ufffd" not in str(result)  # never replacement characters in a record
