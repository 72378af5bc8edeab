"""Is this body text at all? Checked before decoding, so no binary file becomes a "record".

A server may send a PDF, an image or an archive under a page URL (or ``text/html``), and a
user may hand ``praktyki parse`` any file. The single-byte legacy decoders accept every byte,
so such a body would otherwise decode, parse and come out as a record of noise. Evidence, in
order: a known file signature (magic number) at the start, then the share of control bytes
(NUL and the C0 controls other than tab, newlines and form feed) in the first 64 KiB — real
pages have next to none, binary data about one byte in nine. Bodies with a UTF-16/32
byte-order mark are text by declaration and skip the control-byte count.
"""

from __future__ import annotations

import codecs
from typing import Final

from praktyki.errors import NotHtml

__all__ = ["reject_binary", "what_binary"]

# (signature, offset, what it is). Signatures that could start real text ("BM", "MZ", "ID3")
# are left out: those files are caught by their control bytes.
_SIGNATURES: Final[tuple[tuple[bytes, int, str], ...]] = (
    (b"%PDF-", 0, "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"\x00\x00\x01\x00", 0, "an icon"),
    (b"PK\x03\x04", 0, "a ZIP archive (or an Office/OpenDocument file)"),
    (b"PK\x05\x06", 0, "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Office document (.doc/.xls)"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"ftyp", 4, "an MP4/QuickTime video"),
    (b"OggS", 0, "an Ogg file"),
    (b"\x7fELF", 0, "an executable"),
)
_PDF_ANYWHERE: Final = 1024  # readers accept junk before "%PDF-" in the first KiB
_SAMPLE: Final = 64 * 1024
# NUL and the C0 controls but \t \n \v \f \r and ESC; DEL. Counted as the bytes
# that bytes.translate deletes (a C loop: a regex findall over the sample cost ~5x more).
_CONTROL_BYTES: Final = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_MAX_CONTROL_SHARE: Final = 0.01
_WIDE_BOMS: Final = (
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
)


def what_binary(body: bytes) -> str | None:
    """What ``body`` is when it is not text ("a PDF document", "binary data"), else None."""
    for signature, offset, what in _SIGNATURES:
        if body.startswith(signature, offset):
            return what
    if b"%PDF-" in body[:_PDF_ANYWHERE]:
        return "a PDF document"
    if body.startswith(_WIDE_BOMS):
        return None
    sample = body[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls >= 8 and controls > _MAX_CONTROL_SHARE * len(sample):
        return f"binary data ({controls:,} control bytes in the first {len(sample):,})"
    return None


def reject_binary(body: bytes) -> None:
    """Raise :class:`NotHtml` when ``body`` is not text (see :func:`what_binary`)."""
    what = what_binary(body)
    if what is not None:
        raise NotHtml(f"not an HTML page: {what}")
