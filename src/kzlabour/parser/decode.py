"""Bytes to text: detect the encoding of a source file without repairing anything.

A BOM wins (UTF-8, UTF-16, UTF-32; the BOM itself is not part of the text, so a
copy with a BOM parses exactly like one without); then strict UTF-8; then UTF-16
without a BOM, recognised by its NUL bytes; then the Cyrillic and Western single-byte
code pages. Line breaks (CRLF, lone CR) are kept as they are: offsets index the text.
"""

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
# Non-ASCII characters a Cyrillic code page yields in real text besides letters.
_TYPOGRAPHY = frozenset("“”‘’„«»–—№…•\u00a0°§©®·")
_HINT = "save the file as UTF-8"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, name: str = "<bytes>") -> Decoded:
    """Decode a source text: a BOM wins, then strict UTF-8, then UTF-16, then a legacy code page.

    Raises SourceError for data that is not text (NUL bytes that are not UTF-16,
    control characters, or no encoding that decodes it).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(Decoded(data.decode(encoding), encoding), name)
            except UnicodeDecodeError:
                raise SourceError(
                    name, f"starts with a {encoding} byte-order mark but is not {encoding}", _HINT
                ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text:
            return _checked(Decoded(text, "utf-8"), name)
    if b"\x00" in data:
        return _checked(_utf16(data, name), name)
    return _checked(_single_byte(data, name), name)


def _checked(decoded: Decoded, name: str) -> Decoded:
    """Refuse binary data: NUL or other C0 control characters besides tab, line breaks and form feed."""
    bad = sum(1 for c in decoded.text[:100000] if c < " " and c not in "\t\n\r\f\v")
    if bad:
        raise SourceError(name, "holds NUL or control bytes: it is binary, not text", _HINT)
    return decoded


def _utf16(data: bytes, name: str) -> Decoded:
    """UTF-16 without a BOM: ASCII-range characters leave a NUL in every other byte."""
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    if len(data) % 2 or max(even, odd) < 10 * min(even, odd) or max(even, odd) < len(data) // 50:
        raise SourceError(name, "holds NUL bytes: it is binary, not text", _HINT)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise SourceError(name, "holds NUL bytes but is not UTF-16", _HINT) from None
    # Binary data read as UTF-16 gives characters from all over Unicode; text stays in a few blocks.
    plain = sum(1 for c in text if c < "\u0530" or "\u2000" <= c <= "\u206f" or c == "\u2116")
    if plain < 0.95 * len(text):
        raise SourceError(name, "holds NUL bytes: it is binary, not text", _HINT)
    return Decoded(text, encoding)


def _single_byte(data: bytes, name: str) -> Decoded:
    """cp1251 or koi8-r for Cyrillic text, cp1252 for Western text: the decoding that reads as words."""
    candidates = []
    for encoding in ("cp1251", "koi8_r", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), encoding, text))
    if not candidates:
        raise SourceError(name, "is not text in a known encoding (UTF-8, UTF-16, cp1251, koi8-r)", _HINT)
    _, encoding, text = max(candidates, key=lambda c: c[0])
    return Decoded(text, encoding)


def _plausibility(text: str) -> float:
    """How much a decoding reads like real text: case-consistent words, no letters of two scripts glued.

    Wrong Cyrillic code pages give words in alternating case ("оПТХЙ"); a Western text
    read as cp1251 gives Cyrillic letters inside Latin words ("Pйtition").
    """
    score = 0.0
    for word in text.split():
        letters = [c for c in word if c.isalpha()]
        if not letters or all(c.isascii() for c in letters):
            continue
        cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
        latin = sum(1 for c in letters if c.isascii())
        if cyr and latin:
            score -= 2
            continue
        head, body = letters[0], letters[1:]
        consistent = all(c.islower() for c in body) or (head.isupper() and all(c.isupper() for c in body))
        score += (1.5 if cyr else 1.0) if consistent else -1.0
    odd = sum(1 for c in text if not c.isascii() and not c.isalpha() and c not in _TYPOGRAPHY)
    return score - odd
