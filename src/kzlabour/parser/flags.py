"""Data-quality flags of a letter (ANNOTATION-DECISIONS §23): lost characters, mojibake, truncation.

(`two-digit-year` comes from the date reader.)
"""

from __future__ import annotations

import re

from kzlabour.models import Flag

__all__ = ["is_truncated", "letter_flags"]

# The look-behind starts a match only at a token's first character, so a long token without a URL
# marker is scanned once, not once per position (quadratic).
_URL = re.compile(r"(?<!\S)\S*(?:://|www\.|\.php|\.html?)\S*", re.I)
# A letter replaced by "?": inside a word, or ending a word before a comma or another letter.
_LOST = re.compile(r"[^\W\d_]\?[^\W\d_]|[^\W\d_]\?(?=[,;])|(?:^|(?<=\s))\?[^\W\d_]", re.M)
# UTF-8 read as cp1252/latin-1, and cp1251 read as latin-1 ("ã." for "г.", "À" for "А").
_UTF8_AS_LATIN = re.compile(r"Ã[\u0080-\u00bf]|â€|Ð[\u0080-\u00bf]|Ñ[\u0080-\u00bf]|Ƒ|Ʊ|Ê¼")
_LATIN1_TOKEN = re.compile(r"(?<![^\W\d_])[\u00c0-\u00ff]+(?![^\W\d_])")
_REAL_SHORT_WORDS = frozenset({"à", "À", "é", "ó", "ò", "è", "ú", "ü", "ö", "ä", "ñ", "ç"})
# UTF-8 Cyrillic read as cp1251: "РџСЂРёРІРµС‚" (Р or С then a cp1251 symbol or rare letter).
_UTF8_AS_CP1251 = re.compile(r"[РС][ЂЃЉЊЌЋЏђѓљњќћџЎўЈҐЄЇІіґєјЅѕї‚„…†‡€‰‹›™©®°±µ¶·]")
_APOSTROPHE_SUPERSCRIPT = re.compile(r"[^\W\d_][¹²³][^\W\d_]")
_CUT_SIZE = 1500  # page copies are cut at about 2,000 bytes
_ENDS_COMPLETE = tuple(".!?…»\"”)’'")


def letter_flags(body: str, two_digit_year: bool, truncated: bool) -> tuple[Flag, ...]:
    """The flags of one letter's text, in the guide's order."""
    flags = []
    if has_lost_characters(body):
        flags.append(Flag.lost_characters)
    if has_mojibake(body):
        flags.append(Flag.mojibake)
    if two_digit_year:
        flags.append(Flag.two_digit_year)
    if truncated:
        flags.append(Flag.truncated)
    return tuple(flags)


def has_lost_characters(body: str) -> bool:
    return bool(_LOST.search(_URL.sub(" ", body)))


def has_mojibake(body: str) -> bool:
    if _UTF8_AS_LATIN.search(body) or _APOSTROPHE_SUPERSCRIPT.search(body):
        return True
    if len(_UTF8_AS_CP1251.findall(body[:20000])) >= 3:
        return True
    return any(m[0] not in _REAL_SHORT_WORDS and len(m[0]) <= 3 for m in _LATIN1_TOKEN.finditer(body))


def is_truncated(text: str, end: int, last_line: str) -> bool:
    """The letter runs to the end of a cut page copy and stops mid-sentence or mid-word."""
    if text[end:].strip() or text.endswith(("\n", "\r")):
        return False  # something follows the letter, or the file ends as a complete file does
    if len(text.encode("utf-8", "surrogatepass")) < _CUT_SIZE:
        return False
    return not last_line.rstrip().endswith(_ENDS_COMPLETE)
