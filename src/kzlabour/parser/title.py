"""The title of a letter (ANNOTATION-DECISIONS §8).

Its own heading first: the first title-like line at the top of its span (a sender's
heading such as a congress name, a date line or a by-line may stand above it), with a
line that continues it joined on. Failing that, the subject line of a forwarded header,
the title a repost line carries, and, for the first letter of a page that shows it
inside other text, the page's headline or the campaign's action name.
"""

from __future__ import annotations

from kzlabour.parser.document import Line, Segment, split_lines
from kzlabour.parser.furniture import furniture_kinds
from kzlabour.parser.header_lexicon import pattern, patterns
from kzlabour.parser.letterhead import is_address_line
from kzlabour.parser.linekind import (
    ADDRESS,
    DOC,
    SALUTATION,
    anchor_kind,
    is_date_line,
    is_prose,
    is_title_like,
)

__all__ = ["find_title"]

_LOOK = 8  # header lines looked at for the letter's own heading


def find_title(seg: Segment, first_letter: bool) -> tuple[str, int, int] | None:
    """(title, start, end) or None. `first_letter`: no letter of the page starts before this one."""
    lines = [ln for ln in seg.lines if ln.stripped]
    return (
        _subject_line(lines)
        or _own_heading(lines, seg.text)
        or _from_header_lines(lines)
        or (_page_headline(seg) if first_letter else None)
    )


def _clean(text: str) -> str:
    text = " ".join(text.replace("**", "").lstrip("#").split())  # markdown emphasis and heading marks
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _own_heading(lines: list[Line], text: str) -> tuple[str, int, int] | None:
    for n, line in enumerate(lines[:_LOOK]):
        s = line.stripped
        kind = anchor_kind(s)
        if kind == DOC:
            return _with_continuation(lines, n, text)
        if kind == "byline" or is_date_line(s) or (_names_a_body(s, kind) and not is_prose(s)):
            continue  # a sender's heading, by-line or date line may stand above the title
        if kind in (SALUTATION, ADDRESS) or is_prose(s):
            return None
        if is_address_line(s):
            continue  # a letterhead's address line under the body's name
        if not is_title_like(s):
            if n == 0 and len(s.split()) <= 2 and anchor_kind(s) is None:
                continue  # a section label or site name above the heading ("Statements")
            return None
        following = lines[n + 1] if n + 1 < len(lines) else None
        if (
            following is not None
            and anchor_kind(following.stripped) in (SALUTATION, ADDRESS)
            and _all_capitalised(s)
        ):
            return None  # a name line over a salutation ("President Nursultan Nazarbayev") is the address
        if following is not None and _adjacent(text, line, following) and not _goes_with_heading(following):
            return None  # a line of a letterhead or address block, not a heading
        return _with_continuation(lines, n, text)
    return None


def _adjacent(text: str, a: Line, b: Line) -> bool:
    """Whether line b follows line a with no blank line between (any line-break convention)."""
    between = text[a.end : b.start]
    return between.count("\n") + between.replace("\r\n", "\n").count("\r") <= 1


def _all_capitalised(s: str) -> bool:
    return all(w[:1].isupper() or not w[:1].isalpha() for w in s.split())


def _goes_with_heading(line: Line) -> bool:
    """What may follow a heading on the next line: its continuation, a date line, a by-line, a heading."""
    s = line.stripped
    return s[:1].islower() or is_date_line(s) or anchor_kind(s) in ("byline", DOC) or is_prose(s)


def _names_a_body(s: str, kind: str | None) -> bool:
    """A heading that names a body (letterhead, congress): the sender's, not the title."""
    if kind == DOC or s.endswith(("!", "?")) or pattern("slogan_start").search(s):
        return False
    label, colon, rest = s.partition(": ")
    if colon and len(label.split()) <= 3 and not pattern("organisation_words").search(label) and rest:
        return False  # "Kazakhstan: Free jailed union leader …", "URGENT ACTION: …": a labelled headline
    return pattern("organisation_words").search(s) is not None


def _with_continuation(lines: list[Line], n: int, text: str) -> tuple[str, int, int]:
    """A heading broken over lines: a next line that starts in lower case continues it."""
    first = lines[n]
    last = first
    for nxt in lines[n + 1 : n + 3]:
        s = nxt.stripped
        if not s[:1].islower() or is_prose(s) or not _adjacent(text, last, nxt):
            break
        last = nxt
    start = first.start + first.content.index(first.stripped[0])
    end = last.start + len(last.content.rstrip())
    raw = " ".join(ln.stripped for ln in lines[lines.index(first) : lines.index(last) + 1])
    return _clean(raw), start, end


def _subject_line(lines: list[Line]) -> tuple[str, int, int] | None:
    """'Re: …', 'Subject: …', 'Тема: …' above the body: the letter's own subject line."""
    for line in lines[:40]:
        s = line.stripped
        if is_prose(s) and not pattern("subject").match(s):
            return None
        m = pattern("subject").match(s)
        if m:
            offset = line.start + line.content.index(s[0])
            return _clean(m[1]), offset + m.start(1), offset + m.end(1)
    return None


def _from_header_lines(lines: list[Line]) -> tuple[str, int, int] | None:
    for line in lines[:_LOOK]:
        s = line.stripped
        m = pattern("repost_title").match(s)
        if m:
            offset = line.start + line.content.index(s[0])
            return _clean(m[1]), offset + m.start(1), offset + m.end(1)
    return None


def _page_headline(seg: Segment) -> tuple[str, int, int] | None:
    """The headline of the page around a letter that starts inside it, or its action's name."""
    above = split_lines(seg.text, 0, seg.start)
    kinds = furniture_kinds(above)
    content = [ln for ln, k in zip(above, kinds, strict=True) if ln.stripped and k is None]
    for ln, k in zip(above, kinds, strict=True):
        if k is None:
            continue
        for rx in patterns("action_name"):
            m = rx.search(ln.content)
            if m:
                return _clean(m[1]), ln.start + m.start(1), ln.start + m.end(1)
    if not content:
        return None
    first = content[0]
    if not is_title_like(first.stripped) or anchor_kind(first.stripped) in (SALUTATION, ADDRESS):
        return None
    start = first.start + first.content.index(first.stripped[0])
    return _clean(first.stripped), start, start + len(first.stripped)
