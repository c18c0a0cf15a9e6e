"""Single-valued fields of a letter: date, place, reference, language, title, flags.

Each comes with the span it was read from (Header.spans). Dates come only from the
letter's own date line, by-line, forwarded "Sent:" header or adoption line, never from
running text (event dates, deadlines) or page furniture (posting stamps, archive dates).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kzlabour.models import Flag, Span
from kzlabour.parser.dates import FoundDate, find_dates
from kzlabour.parser.document import Line, Segment, split_lines
from kzlabour.parser.flags import is_truncated, letter_flags
from kzlabour.parser.furniture import ANYWHERE, TERMINAL, furniture_kinds
from kzlabour.parser.header_lexicon import pattern
from kzlabour.parser.language import guess_language
from kzlabour.parser.linekind import ADDRESS, BYLINE, SALUTATION, anchor_kind, is_date_line, is_prose
from kzlabour.parser.places import city_name, dateline_city, letterhead_city, meeting_city, own_city
from kzlabour.parser.refs import find_reference
from kzlabour.parser.title import find_title

__all__ = ["Header", "guess_language", "read_header"]


@dataclass(frozen=True)
class Header:
    date: str | None = None
    place: str | None = None
    reference: str | None = None
    language: str | None = None
    title: str | None = None
    flags: tuple[Flag, ...] = ()
    spans: dict[str, Span] = field(default_factory=dict)


def read_header(seg: Segment) -> Header:
    """The header fields of one letter, each with the span it was read from."""
    kinds = furniture_kinds(seg.lines)
    lines = [ln for ln, k in zip(seg.lines, kinds, strict=True) if ln.stripped and k is None]
    stamps = [ln for ln, k in zip(seg.lines, kinds, strict=True) if ln.stripped and k == ANYWHERE]
    spans: dict[str, Span] = {}
    first_letter = _is_first_letter(seg)
    dated = _letter_date(lines) or _letter_date(stamps) or (_page_date(seg) if first_letter else None)
    date = None
    if dated:
        date = dated[1].iso
        spans["date"] = Span(start=dated[0].start + dated[1].start, end=dated[0].start + dated[1].end)
    head = _header_zone(lines)
    place = _place(seg, lines, head[-1].end + 1 if head else seg.start)
    if place:
        spans["place"] = Span(start=place[1], end=place[2])
    ref = find_reference(head)
    if ref:
        spans["reference"] = Span(start=ref[1], end=ref[2])
    title = find_title(seg, first_letter)
    if title:
        spans["title"] = Span(start=title[1], end=title[2])
    spans["language"] = Span(start=seg.start, end=seg.end)
    last = lines[-1].stripped if lines else ""
    truncated = bool(lines) and not is_date_line(last) and is_truncated(seg.text, seg.end, last)
    return Header(
        date=date,
        place=place[0] if place else None,
        reference=ref[0] if ref else None,
        language=guess_language(seg.body),
        title=title[0] if title else None,
        flags=letter_flags(seg.body, bool(dated and dated[1].two_digit_year), truncated),
        spans=spans,
    )


def _is_first_letter(seg: Segment) -> bool:
    from kzlabour.parser.segment import first_letter_start  # cached: the spans of the whole text

    first = first_letter_start(seg.text)
    return first is None or first >= seg.start  # no letter of the text starts before this one


def _header_zone(lines: Sequence[Line]) -> list[Line]:
    """The lines above the body: letterhead, addresses, reference and date lines."""
    zone = []
    for ln in lines:
        if is_prose(ln.stripped) and not is_date_line(ln.stripped):
            break
        zone.append(ln)
    return zone


def _date_candidate(s: str) -> bool:
    if len(s) > 200:
        return False
    if pattern("adoption").search(s):
        return True
    return (
        is_date_line(s) or anchor_kind(s) == BYLINE or pattern("anchors.forward_sent").search(s) is not None
    )


def _letter_date(lines: Sequence[Line]) -> tuple[Line, FoundDate] | None:
    """The letter's own date: the first date on a date line, by-line, 'Sent:' header or adoption line."""
    for ln in lines:
        if not _date_candidate(ln.stripped):
            continue
        found = [d for d in find_dates(ln.content) if not _deadline(ln.content, d)]
        if found:
            return ln, found[0]
    return None


def _deadline(line: str, date: FoundDate) -> bool:
    """'by 16 December', 'до 16 декабря', '16 желтоқсанға дейін': a deadline, not the letter's date."""
    before = line[max(0, date.start - 25) : date.start]
    return bool(
        pattern("not_a_date_line").search(before) or pattern("not_a_date_after").search(line[date.end :])
    )


def _page_date(seg: Segment) -> tuple[Line, FoundDate] | None:
    """The page's own date above a letter published there: a post's date line or its list 'Date:' header.

    Only over headings, blank lines and furniture: a letter quoted after an article's text is
    never dated from the article (ANNOTATION-DECISIONS §4).
    """
    line_start = max(seg.text.rfind("\n", 0, seg.start), seg.text.rfind("\r", 0, seg.start)) + 1
    if seg.text[line_start : seg.start].strip():
        return None  # a letter quoted inside a paragraph of the article
    above = split_lines(seg.text, max(0, seg.start - 3000), seg.start)
    if seg.start > 3000:
        above = above[1:]
    kinds = furniture_kinds(above)
    for n in range(len(above) - 1, -1, -1):
        ln = above[n]
        s = ln.stripped
        if not s:
            continue
        if is_prose(s) and not pattern("furniture.header_field").search(s):
            return None
        if kinds[n] in (ANYWHERE, TERMINAL):
            continue  # a posting stamp or blog date line is the page's, not the author's by-line
        if is_date_line(s) or pattern("anchors.forward_sent").search(s):
            found = find_dates(ln.content)
            if found:
                return ln, found[0]
    return None


_FOOT_CITY = re.compile(
    r"^(?:(?:г\.|город|гор\.)\s*([А-ЯЁ][\w-]+)|([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)\s+(?:қаласы|қ\.))\.?$"
)


def _foot_city(lines: Sequence[Line]) -> tuple[str, int, int] | None:
    """A city line alone among the last lines ("г. Шымкент" under the sign-off): an undated dateline."""
    tail = [ln for ln in lines if ln.stripped][-3:]
    for ln in reversed(tail):
        m = _FOOT_CITY.match(ln.stripped)
        if m:
            which = 1 if m.group(1) else 2
            name = city_name(m.group(which))
            if name:
                offset = ln.content.find(m.group(which))
                return name, ln.start + offset, ln.start + offset + len(m.group(which))
    return None


def _place(seg: Segment, lines: Sequence[Line], head_end: int) -> tuple[str, int, int] | None:
    """Dateline, else letterhead city, else the senders' own city."""
    for ln in lines:
        s = ln.stripped
        if not (is_date_line(s) or pattern("adoption").search(s)) or anchor_kind(s) == BYLINE:
            continue
        found = find_dates(ln.content)
        city = dateline_city(ln.content, found[0].start) if found else None
        if city:
            return city[0], ln.start + city[1], ln.start + city[2]
    foot = _foot_city(lines)
    if foot:
        return foot
    letterhead = []
    for ln in seg.lines:
        if ln.stripped and (ln.start >= head_end or anchor_kind(ln.stripped) in (ADDRESS, SALUTATION)):
            break
        letterhead.append((ln.start, ln.content))
    return (
        letterhead_city(letterhead)
        or own_city(seg.text, seg.start, seg.end)
        or meeting_city(seg.text, seg.start, seg.end)
    )
