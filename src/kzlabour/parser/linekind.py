"""What one line of a page is: prose, a heading, an address line, a salutation, a by-line ...

Pure predicates on a stripped line, shared by segmentation and the header reader.
Lines longer than a few hundred characters are prose and are never matched against
the anchor patterns (they are short by nature), which keeps every check linear.
"""

from __future__ import annotations

import re

from kzlabour.parser.dates import find_dates
from kzlabour.parser.header_lexicon import matches, pattern, patterns
from kzlabour.parser.memo import line_memo

__all__ = [
    "SALUTATION",
    "anchor_kind",
    "is_date_line",
    "is_heading_like",
    "is_label",
    "is_list_item",
    "is_prose",
    "is_signoff",
    "words",
]

SALUTATION, ADDRESS, BYLINE, REPOST, DOC = "salutation", "address", "byline", "repost", "doc"

_SHORT = 160
# Markers: "1.", "2)", "-", "•", "a)", "(b)", and roman "(i)", "ii)".
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-–—•*·●▪]|\(?[a-zа-я]\)|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)\))\s")
_CONTACT = re.compile(r"\b(?:tel|тел|phone|fax|факс|e-?mail|ул|көшесі|street|str)\b\.?", re.I)
_DATE_LINE_REST = re.compile(r"^[\W\d_]*(?:г|года|ж|жыл|жылы|year)?[\W\d_]*$", re.I)
# Segmentation, the header, title and parties readers ask these questions of the same lines again
# and again: each answer, a pure function of the line, is kept for a bounded number of recent
# lines (memo.py). Lines longer than _LONGEST are answered afresh: the checks above decide them
# after a length test or a single scan anyway, and the memo stays small whatever the input.
_LINES = 1 << 14
_LONGEST = 300


def words(s: str) -> int:
    return len(s.split())


@line_memo(maxsize=_LINES, longest=_LONGEST)
def is_prose(s: str) -> bool:
    """A sentence or paragraph of running text, not a heading, address or list entry."""
    if len(s) > 110:
        return True
    n = words(s)
    ends = s[-1:]
    # An exclamation is a heading's ("… your support is needed now!") unless the sentence is long.
    return ((ends in ".;:" and n >= 7) or (ends in "!?" and n >= 12)) and not is_date_line(s)


def is_list_item(s: str) -> bool:
    return bool(_LIST_ITEM.match(s))


@line_memo(maxsize=_LINES, longest=_LONGEST)
def is_label(s: str) -> bool:
    """'Письмо 1:', 'Text:': a short label that introduces what follows and belongs to the page."""
    if pattern("label").match(s):
        return True
    return s.endswith(":") and words(s) <= 3 and not pattern("anchors.salutation").search(s)


@line_memo(maxsize=_LINES, longest=_LONGEST)
def is_heading_like(s: str) -> bool:
    """Short, not punctuated as a running sentence: a candidate heading or title."""
    if not s or len(s) > _SHORT or words(s) > 25:
        return False
    if s[-1] in ",;:" or is_list_item(s):
        return False
    return any(c.isalpha() for c in s)


@line_memo(maxsize=_LINES, longest=_LONGEST)
def is_title_like(s: str) -> bool:
    """A heading that reads as a title: several words of running text, not a date, name list or code."""
    if not is_heading_like(s) or is_date_line(s) or "@" in s or _CONTACT.search(s):
        return False
    if sum(c.isdigit() for c in s) > 0.15 * len(s):
        return False  # an address, phone or code line
    return words(s) >= 3 and any(c.islower() for c in s)


@line_memo(maxsize=_LINES, longest=_LONGEST)
def is_date_line(s: str) -> bool:
    """A line that is mostly a date: '16 June 2011', 'Brussels, 27 June 2012', '**26.05.2026** исх 67/15'."""
    if len(s) > 90 or not any(map(str.isdigit, s)):
        return False
    dates = find_dates(s)
    if not dates:
        return False
    d = dates[0]
    rest = s[: d.start] + s[d.end :]
    return words(rest) <= 5 or bool(_DATE_LINE_REST.match(rest))


@line_memo(maxsize=_LINES, longest=_LONGEST)
def is_signoff(s: str) -> bool:
    return len(s) <= 60 and any(p.search(s) for p in patterns("sign_offs"))


@line_memo(maxsize=_LINES, longest=_LONGEST)
def anchor_kind(s: str) -> str | None:
    """The kind of letter start a line is, if any: salutation, address, by-line, repost, doc heading."""
    if not s or len(s) > _SHORT:
        return None
    core = s.strip("*_ ").lstrip('«"“„')  # a quoted letter's first line opens the quotation
    if len(core) <= 110 and pattern("anchors.salutation").search(core):
        return SALUTATION
    if pattern("anchors.repost").search(core):
        return REPOST
    if pattern("anchors.byline").search(core):
        return BYLINE
    if len(core) <= 120 and not core.endswith(".") and matches("anchors.address", core):
        return ADDRESS
    if is_heading_like(core) and pattern("anchors.doc_heading").search(core):
        return DOC
    return None
