"""Dates as letters write them: numeric day-first, month names in en/ru/kk/fr/de, ISO, reduced precision.

`find_dates` lists every date in a string with its span; `normalise` gives the ISO
form. Two-digit years are expanded (..30 -> 20xx, else 19xx) and reported so the
letter can be flagged. Numeric dates are day-first unless the first number cannot
be a day-of-month order (12/23/11 is month-first).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from kzlabour.parser.header_lexicon import months
from kzlabour.parser.memo import line_memo, memo

__all__ = ["FoundDate", "find_dates", "month_number"]

_WORD = r"([^\W\d_]{3,12})\.?"
_DAY = r"[«\"“]?(\d{1,2})(?:st|nd|rd|th|-?го|-?е|-?ші|-?шы|\.)?[»\"”]?"
_YEAR = r"(\d{4})"

# Each pattern names its groups' roles; all are bounded (no nested quantifiers).
_TEXTUAL = [
    ("dmy", re.compile(rf"(?<!\d){_DAY}\s{{0,3}}(?:of\s+|de\s+)?{_WORD},?\s{{0,3}}{_YEAR}(?!\d)", re.I)),
    ("mdy", re.compile(rf"(?<![^\W\d_]){_WORD}\s{{1,3}}{_DAY},?\s{{1,3}}{_YEAR}(?!\d)", re.I)),
    ("ydm", re.compile(rf"(?<!\d){_YEAR}\s{{0,3}}(?:жылғы|жылы|ж\.)\s{{0,3}}{_DAY}\s{{1,3}}{_WORD}", re.I)),
    ("y", re.compile(r"(?<!\d)(\d{4})\s{0,2}(?:г\.|года|год|ж\.|жыл)(?![^\W\d_])", re.I)),
    ("my", re.compile(rf"(?<![^\W\d_]){_WORD}\s{{1,3}}{_YEAR}(?!\d)", re.I)),
]
_ISO = re.compile(r"(?<![\d.])(\d{4})([-.])(\d{2})\2(\d{2})(?![\d])")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])")


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text: ISO value, span, and whether the year had two digits."""

    iso: str
    start: int
    end: int
    two_digit_year: bool = False

    @property
    def precision(self) -> int:
        """3 for a day, 2 for a month, 1 for a year."""
        return self.iso.count("-") + 1


@line_memo(maxsize=4096, longest=40)
def month_number(word: str) -> int | None:
    """The month a word names ('June', 'июня', 'маусым', 'décembre', 'Dec') or None."""
    w = word.lower().rstrip(".")
    table = months()
    if w in table:
        return table[w]
    if not _is_cyrillic(w):
        return None
    for stem, number in table.items():  # Russian and Kazakh month names inflect: match by stem
        if len(stem) >= 4 and w.startswith(stem) and _is_cyrillic(stem):
            return number
    return None


def _is_cyrillic(w: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in w)


def _expand_year(text: str) -> tuple[int, bool]:
    if len(text) == 2:
        yy = int(text)
        return (2000 + yy if yy <= 30 else 1900 + yy), True
    return int(text), False


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1800 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        _dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every date in text[start:end], in order, overlapping finds resolved in favour of the earliest."""
    return list(_find_dates(text, start, len(text) if end is None else end))


# The date and header readers look for the dates of the same lines several times over; the finds
# (immutable) are kept per line, and each caller gets a list of its own.
@memo(maxsize=1 << 14, longest=300)
def _find_dates(text: str, start: int, stop: int) -> tuple[FoundDate, ...]:
    found: list[FoundDate] = []
    for m in _ISO.finditer(text, start, stop):
        iso = _iso(int(m[1]), int(m[3]), int(m[4]))
        if iso:
            found.append(FoundDate(iso, m.start(), m.end()))
    for m in _NUMERIC.finditer(text, start, stop):
        date = _numeric(m)
        if date:
            found.append(date)
    for kind, rx in _TEXTUAL:
        for m in rx.finditer(text, start, stop):
            date = _textual(kind, m)
            if date:
                found.append(date)
    return tuple(_without_overlaps(found))


def _numeric(m: re.Match[str]) -> FoundDate | None:
    a, b = int(m[1]), int(m[3])
    year, two = _expand_year(m[4])
    if m[2] == "-" and not two:
        pass  # 26-05-2026: day-first like the rest
    day, month = (a, b) if a > 12 or b <= 12 else (b, a)  # 12/23/11 can only be month-first
    iso = _iso(year, month, day)
    return FoundDate(iso, m.start(), m.end(), two) if iso else None


def _textual(kind: str, m: re.Match[str]) -> FoundDate | None:
    if kind == "dmy":
        day, month, year = int(m[1]), month_number(m[2]), int(m[3])
    elif kind == "mdy":
        month, day, year = month_number(m[1]), int(m[2]), int(m[3])
    elif kind == "ydm":
        year, day, month = int(m[1]), int(m[2]), month_number(m[3])
    elif kind == "y":
        iso = _iso(int(m[1]))
        return FoundDate(iso, m.start(), m.end()) if iso else None
    else:
        month, year = month_number(m[1]), int(m[2])
        iso = _iso(year, month) if month else None
        return FoundDate(iso, m.start(), m.end()) if iso else None
    if month is None:
        return None
    iso = _iso(year, month, day)
    return FoundDate(iso, m.start(), m.end()) if iso else None


def _without_overlaps(found: list[FoundDate]) -> list[FoundDate]:
    """Keep the most precise, then longest, of overlapping finds; return them in text order."""
    ranked = sorted(found, key=lambda d: (-d.precision, -(d.end - d.start), d.start))
    kept: list[FoundDate] = []
    for d in ranked:
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: d.start)
