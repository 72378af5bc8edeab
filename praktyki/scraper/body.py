"""Undoing Content-Encoding with a cap on the decoded size (the gzip-bomb guard).

The bytes as received are kept beside the decoded ones (a web archive stores the payload as it
came, ``Content-Encoding`` and all); they are capped at the same limit.
"""

from __future__ import annotations

import zlib

from praktyki.errors import TooLarge, TransportError

__all__ = ["BodyDecoder", "Retryable"]


class Retryable(Exception):
    """An attempt's outcome that the policy says to try again (status or broken body)."""

    def __init__(self, reason: str, *, status: int | None = None, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


class BodyDecoder:
    """Undoes Content-Encoding chunk by chunk, never producing more than ``limit`` bytes;
    :attr:`raw` is the body as received (None when nothing was encoded)."""

    def __init__(self, url: str, encoding: str | None, limit: int) -> None:
        codings = [c.strip().lower() for c in (encoding or "").split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise TransportError(f"unsupported Content-Encoding {encoding!r}", url=url)
        self._url = url
        self._limit = limit
        self._coding = codings[0] if codings else None
        self._zlib: zlib._Decompress | None = self._new_decompressor()
        self._started = False
        self._parts: list[bytes] = []
        self._size = 0
        self._raw: list[bytes] = []
        self._raw_size = 0

    def _new_decompressor(self) -> zlib._Decompress | None:
        if self._coding is None:
            return None
        # 32 + MAX_WBITS: accept a gzip or zlib header; "deflate" may also be raw (see feed)
        return zlib.decompressobj(32 + zlib.MAX_WBITS)

    def _append(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise TooLarge(f"body over {self._limit} bytes (after decompression)", url=self._url)
        self._parts.append(data)

    def feed(self, data: bytes) -> None:
        if self._zlib is None:
            self._append(data)
            return
        self._keep_raw(data)
        if not self._started and self._coding == "deflate":
            self._zlib = self._deflate_decompressor(data)
        self._started = True
        try:
            self._inflate(data)
        except zlib.error as exc:
            raise TransportError(f"corrupt {self._coding} body: {exc}", url=self._url) from exc

    def _keep_raw(self, data: bytes) -> None:
        self._raw_size += len(data)
        if self._raw_size > self._limit:
            raise TooLarge(f"body over {self._limit} bytes (as received)", url=self._url)
        self._raw.append(data)

    @property
    def raw(self) -> bytes | None:
        """The bytes as received when a Content-Encoding was undone, else None."""
        return None if self._coding is None else b"".join(self._raw)

    @staticmethod
    def _deflate_decompressor(first: bytes) -> zlib._Decompress:
        # RFC 9110 "deflate" is zlib-wrapped, but many servers send raw deflate
        if len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0:
            return zlib.decompressobj(zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS)

    def _inflate(self, data: bytes) -> None:
        z = self._zlib
        while z is not None:
            out = z.decompress(data, self._limit - self._size + 1)
            self._append(out)
            data = z.unconsumed_tail
            if z.eof:
                data = z.unused_data
                if not data.strip(b"\0"):
                    return
                z = self._zlib = self._new_decompressor()  # a further gzip member
            elif not data and not out:
                return

    def finish(self) -> bytes:
        if self._zlib is not None and self._started and not self._zlib.eof:
            raise Retryable(f"truncated {self._coding} body")
        return b"".join(self._parts)
