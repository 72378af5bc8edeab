"""Small, valid attachment files built in code (deterministic, no binary assets in the repo).

``tiny_pdf`` writes a one-page PDF with a correct cross-reference table, ``tiny_rtf`` an RTF
document Word opens (old sites served such files as ``.doc`` too), ``tiny_jpeg`` a baseline
greyscale JPEG of flat 8x8 blocks (DC coefficients only, so the encoder stays tiny).
"""

from __future__ import annotations

import struct

__all__ = ["tiny_jpeg", "tiny_pdf", "tiny_rtf"]


def tiny_pdf(title: str) -> bytes:
    """A one-page PDF showing ``title`` (ASCII-folded: the built-in fonts lack Polish letters)."""
    text = _ascii(title)[:80].replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def tiny_rtf(title: str, paragraphs: tuple[str, ...]) -> bytes:
    """An RTF document; non-ASCII letters as ``\\uN?`` escapes, as Word writes them."""
    body = "".join(rf"\par {_rtf_escape(p)}" + "\n" for p in paragraphs)
    text = r"{\rtf1\ansi\ansicpg1250\deff0{\fonttbl{\f0 Times New Roman;}}" + "\n"
    text += rf"{{\b {_rtf_escape(title)}}}" + "\n" + body + "}\n"
    return text.encode("ascii")


def tiny_jpeg(blocks_wide: int, blocks_high: int, seed: int) -> bytes:
    """A baseline greyscale JPEG of ``blocks_wide`` x ``blocks_high`` flat 8x8 blocks."""
    dc_codes = _canonical_codes(_DC_BITS, _DC_VALUES)
    bits = _BitWriter()
    previous = 0
    for index in range(blocks_wide * blocks_high):
        level = ((seed * 37 + index * 23) % 200) - 100  # DC level of the block, -100..99
        diff, previous = level - previous, level
        size = abs(diff).bit_length()
        bits.write(*dc_codes[size])
        if size:
            bits.write(diff if diff > 0 else diff + (1 << size) - 1, size)
        bits.write(0, 1)  # end of block: the only AC symbol, coded as a single 0 bit
    return b"".join(
        (
            b"\xff\xd8",
            _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
            _segment(0xDB, b"\x00" + bytes([1] * 64)),
            _segment(
                0xC0, struct.pack(">BHHB", 8, blocks_high * 8, blocks_wide * 8, 1) + b"\x01\x11\x00"
            ),
            _segment(0xC4, b"\x00" + bytes(_DC_BITS) + bytes(_DC_VALUES)),
            _segment(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00"),
            _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00"),
            bits.flush(),
            b"\xff\xd9",
        )
    )


# The standard luminance DC table of ITU T.81 Annex K.3.
_DC_BITS = (0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0)
_DC_VALUES = tuple(range(12))


def _canonical_codes(bits: tuple[int, ...], values: tuple[int, ...]) -> dict[int, tuple[int, int]]:
    codes: dict[int, tuple[int, int]] = {}
    code, position = 0, 0
    for length, count in enumerate(bits, start=1):
        for _ in range(count):
            codes[values[position]] = (code, length)
            code, position = code + 1, position + 1
        code <<= 1
    return codes


class _BitWriter:
    def __init__(self) -> None:
        self._out = bytearray()
        self._acc, self._count = 0, 0

    def write(self, value: int, length: int) -> None:
        for shift in range(length - 1, -1, -1):
            self._acc = (self._acc << 1) | ((value >> shift) & 1)
            self._count += 1
            if self._count == 8:
                self._emit()

    def flush(self) -> bytes:
        while self._count:  # pad the last byte with 1-bits, as T.81 asks
            self.write(1, 1)
        return bytes(self._out)

    def _emit(self) -> None:
        self._out.append(self._acc)
        if self._acc == 0xFF:
            self._out.append(0)  # byte stuffing inside entropy-coded data
        self._acc, self._count = 0, 0


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


_FOLD = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”–—", 'acelnoszzACELNOSZZ""--')


def _ascii(text: str) -> str:
    return text.translate(_FOLD).encode("ascii", "replace").decode("ascii")


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            code = ord(ch) if ord(ch) < 32768 else ord(ch) - 65536
            out.append(rf"\u{code}?")
    return "".join(out)
