"""Decoding: BOM > HTTP charset > <meta> > strict UTF-8 > Polish legacy guess."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from praktyki.errors import DecodeError, NotHtml
from praktyki.parsers.decode import decode_html, http_charset, meta_charset

# ISO-8859-2 has no typographic quotes or dashes: pages in it write them as entities.
POLISH = "Zażółć gęślą jaźń - Łódź, Świętokrzyskie, Źdźbło, ĄĆĘŁŃÓŚŹŻ"


def page(encoding: str, meta: str = "") -> bytes:
    return f"<html><head>{meta}</head><body><p>{POLISH}</p></body></html>".encode(encoding)


@pytest.mark.parametrize(
    ("encoding", "content_type", "expected_encoding", "expected_source"),
    [
        ("utf-8", "text/html; charset=utf-8", "utf-8", "http"),
        ("utf-8", None, "utf-8", "utf-8"),
        ("iso-8859-2", "text/html; charset=ISO-8859-2", "iso-8859-2", "http"),
        ("windows-1250", "text/html; charset=windows-1250", "windows-1250", "http"),
        # header and bytes disagree: the header is not trusted
        ("windows-1250", "text/html; charset=iso-8859-2", "windows-1250", "guess"),
        ("iso-8859-2", "text/html; charset=windows-1250", "iso-8859-2", "guess"),
        ("utf-8", "text/html; charset=iso-8859-2", "utf-8", "utf-8"),
        ("windows-1250", "text/html; charset=utf-8", "windows-1250", "guess"),
        ("windows-1250", "text/html; charset=iso-8859-1", "windows-1250", "guess"),
        # nothing declared
        ("windows-1250", None, "windows-1250", "guess"),
        ("iso-8859-2", None, "iso-8859-2", "guess"),
    ],
)
def test_http_header_evidence(
    encoding: str, content_type: str | None, expected_encoding: str, expected_source: str
) -> None:
    decoded = decode_html(page(encoding), content_type)
    assert POLISH in decoded.text
    assert (decoded.encoding, decoded.source) == (expected_encoding, expected_source)


@pytest.mark.parametrize(
    ("encoding", "meta"),
    [
        ("windows-1250", '<meta charset="windows-1250">'),
        ("iso-8859-2", '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">'),
        ("windows-1250", "<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=x-cp1250'>"),
    ],
)
def test_meta_declaration_is_used_when_the_header_has_none(encoding: str, meta: str) -> None:
    decoded = decode_html(page(encoding, meta), "text/html")
    assert POLISH in decoded.text
    assert (decoded.encoding, decoded.source) == (encoding, "meta")


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")],
)
def test_byte_order_mark_wins_over_everything(bom: bytes, encoding: str) -> None:
    body = bom + f"<p>{POLISH}</p>".encode(encoding)
    decoded = decode_html(body, "text/html; charset=iso-8859-2")
    assert decoded.text == f"<p>{POLISH}</p>"
    assert decoded.source == "bom"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=UTF-8", "utf-8"),
        ('text/html; charset="latin2"', "iso-8859-2"),
        ("text/html;charset=cp1250", "windows-1250"),
        ("text/html; charset=no-such-charset", None),
        ("text/html", None),
        (None, None),
    ],
)
def test_http_charset_labels(header: str | None, expected: str | None) -> None:
    assert http_charset(header) == expected


def test_meta_charset_beyond_first_4kib_is_ignored() -> None:
    body = b"<html>" + b" " * 5000 + b'<meta charset="iso-8859-2">'
    assert meta_charset(body) is None


def test_broken_utf8_after_bom_is_an_error() -> None:
    with pytest.raises(DecodeError):
        decode_html(codecs.BOM_UTF8 + b"\xff\xfe\xfa")


@given(st.binary(max_size=2048), st.sampled_from([None, "text/html; charset=utf-8"]))
def test_arbitrary_bytes_decode_or_raise_decode_error(body: bytes, header: str | None) -> None:
    try:
        decoded = decode_html(body, header)
    except (DecodeError, NotHtml):  # NotHtml: binary data, not text in some encoding
        return
    assert "\ufffd" not in decoded.text or "\ufffd".encode() in body
