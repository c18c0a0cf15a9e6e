"""Bytes to text: detect the encoding of a source file without repairing anything."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from kzlabour.errors import SourceError

__all__ = ["Decoded", "decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, name: str = "<bytes>") -> Decoded:
    """Decode a source text: a BOM wins, then strict UTF-8, then a detected legacy code page.

    Raises SourceError for data that is not text (NUL bytes in a text without a
    UTF-16/32 BOM, or no encoding that decodes it).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding), encoding)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    else:
        if "\x00" in text:
            raise SourceError(name, "holds NUL bytes: it is binary or UTF-16 without a BOM")
        return Decoded(text, "utf-8")
    return _detect(data, name)


def _detect(data: bytes, name: str) -> Decoded:
    from charset_normalizer import from_bytes  # heavy: only for files that are not UTF-8

    best = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "utf_16", "cp1252", "mac_cyrillic"]).best()
    if best is None or "\x00" in str(best):
        raise SourceError(name, "is not text in a known encoding (UTF-8, UTF-16, cp1251, koi8-r)")
    return Decoded(str(best), best.encoding)
