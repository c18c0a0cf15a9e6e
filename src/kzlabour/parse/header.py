"""Single-valued fields of a letter: date, place, reference, language, title, flags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kzlabour.models import Flag, Span
from kzlabour.parse.document import Segment

__all__ = ["Header", "read_header"]


@dataclass(frozen=True)
class Header:
    date: str | None = None
    place: str | None = None
    reference: str | None = None
    language: str | None = None
    title: str | None = None
    flags: tuple[Flag, ...] = ()
    spans: dict[str, Span] = field(default_factory=dict)


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def read_header(seg: Segment) -> Header:
    """First version: first day-first numeric date, language by script."""
    spans: dict[str, Span] = {}
    date = None
    m = _NUMERIC_DATE.search(seg.text, seg.start, seg.end)
    if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[1]) <= 31:
        date = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
        spans["date"] = Span(start=m.start(), end=m.end())
    return Header(date=date, language=guess_language(seg.body), spans=spans)


def guess_language(body: str) -> str | None:
    latin = sum(1 for c in body if "a" <= c.lower() <= "z")
    cyrillic = sum(1 for c in body if "\u0400" <= c <= "\u04ff")
    if not latin and not cyrillic:
        return None
    if cyrillic > latin:
        return "kk" if any(c in body for c in "әғқңөұүһі") else "ru"
    return "en"
