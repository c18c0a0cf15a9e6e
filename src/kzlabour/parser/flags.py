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
_URL_MARKER = re.compile(r"://|www\.|\.php|\.html?", re.I)
# A letter replaced by "?": inside a word, or ending a word before a comma or another letter.
_LOST = re.compile(r"[^\W\d_]\?[^\W\d_]|[^\W\d_]\?(?=[,;])|(?:^|(?<=\s))\?[^\W\d_]", re.M)
# UTF-8 read as cp1252/latin-1, and cp1251 read as latin-1 ("ã." for "г.", "À" for "А").
_UTF8_AS_LATIN = re.compile(r"Ã[\u0080-\u00bf]|â€|Ð[\u0080-\u00bf]|Ñ[\u0080-\u00bf]|Ƒ|Ʊ|Ê¼")
_LATIN1_TOKEN = re.compile(r"(?<![^\W\d_])[\u00c0-\u00ff]+(?![^\W\d_])")
_REAL_SHORT_WORDS = frozenset({"à", "À", "é", "ó", "ò", "è", "ú", "ü", "ö", "ä", "ñ", "ç"})
# UTF-8 Cyrillic read as cp1251: "РџСЂРёРІРµС‚" (Р or С then a cp1251 symbol or rare letter).
_UTF8_AS_CP1251 = re.compile(r"[РС][ЂЃЉЊЌЋЏђѓљњќћџЎўЈҐЄЇІіґєјЅѕї‚„…†‡€‰‹›™©®°±µ¶·]")
_APOSTROPHE_SUPERSCRIPT = re.compile(r"[^\W\d_][¹²³][^\W\d_]")
# Quick searches for the one character the patterns above cannot match without: a plain class is
# found far faster than a pattern that opens with a look-behind or a class of all letters.
_SUPERSCRIPT = re.compile("[¹²³]")
_LATIN1_CHAR = re.compile("[\u00c0-\u00ff]")
_NON_SPACE = re.compile(r"\S")
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
    # Every URL match holds one of its markers: without a marker there is nothing to blank out, and
    # the one quick search spares the token-by-token URL scan of most letters.
    text = _URL.sub(" ", body) if _URL_MARKER.search(body) else body
    # Each way of matching _LOST holds a "?" at its first or second character: trying it only
    # there finds what a search of every position would, in a handful of steps.
    q = text.find("?")
    while q >= 0:
        if (q and _LOST.match(text, q - 1)) or _LOST.match(text, q):
            return True
        q = text.find("?", q + 1)
    return False


def has_mojibake(body: str) -> bool:
    if _UTF8_AS_LATIN.search(body) or (_SUPERSCRIPT.search(body) and _APOSTROPHE_SUPERSCRIPT.search(body)):
        return True
    if len(_UTF8_AS_CP1251.findall(body[:20000])) >= 3:
        return True
    if not _LATIN1_CHAR.search(body):
        return False  # no letter of the range at all: the token scan below would find nothing
    return any(m[0] not in _REAL_SHORT_WORDS and len(m[0]) <= 3 for m in _LATIN1_TOKEN.finditer(body))


def is_truncated(text: str, end: int, last_line: str) -> bool:
    """The letter runs to the end of a cut page copy and stops mid-sentence or mid-word."""
    # Asked once per letter: a search from `end` and a length test, not a copy and an encoding of
    # the whole text each time (\S is exactly what str.strip() does not remove).
    if _NON_SPACE.search(text, end) or text.endswith(("\n", "\r")):
        return False  # something follows the letter, or the file ends as a complete file does
    if len(text) < _CUT_SIZE and len(text.encode("utf-8", "surrogatepass")) < _CUT_SIZE:
        return False  # (a text of _CUT_SIZE characters has at least as many bytes)
    return not last_line.rstrip().endswith(_ENDS_COMPLETE)
