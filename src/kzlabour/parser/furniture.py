"""Page furniture: the lines of a page copy that belong to no letter.

Menus, posting stamps, photo credits, profile lines, legal notices, donation
appeals, comment boxes and the forwarder's mailing-list headers. Two kinds
matter to segmentation: `terminal` furniture (donations, comments, sharing,
buttons, footers) ends the letter it follows; `anywhere` furniture is only
left out of the span.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from kzlabour.parser.document import Line
from kzlabour.parser.header_lexicon import matches, pattern
from kzlabour.parser.linekind import is_prose
from kzlabour.parser.memo import line_memo

__all__ = ["ANYWHERE", "MAIL", "TERMINAL", "furniture_kinds"]

TERMINAL = "terminal"
ANYWHERE = "anywhere"
MAIL = "mail"
_BLOG_DATE = "blog-date"

# Furniture lines are short; a long line is the text itself (and is never run through the patterns,
# which keeps classification linear on pathological input).
_MAX_LEN = 200
# Segmentation and the header and title readers classify the same lines (the page's, then each
# letter's, then the lines above a letter): the kind of a line, a pure function of it, is kept
# (memo.py; a line over _MAX_LEN is no furniture, decided by its length alone).
_LINES = 1 << 14


def furniture_kinds(lines: Sequence[Line]) -> list[str | None]:
    """The furniture kind of each line (TERMINAL, ANYWHERE, MAIL) or None for text."""
    stripped = [line.stripped for line in lines]  # (kept on the line: the readers ask for it too)
    kinds: list[str | None] = [_line_kind(s) if s else None for s in stripped]
    list_header = pattern("furniture.list_header")
    for first, last in _header_blocks(stripped):
        if any(list_header.search(stripped[i]) for i in range(first, last)):
            for i in range(first, last):
                kinds[i] = MAIL
    # A weekday date line above all running text is the blog's post date; below it, the letter's own date.
    # (Once running text is seen it stays seen: no line after that needs the prose test.)
    prose_seen = False
    for i, s in enumerate(stripped):
        if kinds[i] == _BLOG_DATE:
            kinds[i] = None if prose_seen else ANYWHERE
        elif not prose_seen and s and is_prose(s):
            prose_seen = True
    for first, last in _menu_blocks(stripped):
        for i in range(first, last):
            kinds[i] = kinds[i] or ANYWHERE
    return kinds


def _menu_blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Runs of short lines (≤ 4 words) with two or more navigation words: a site menu."""
    nav = _nav_words()
    blocks: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and lines[j] and len(lines[j]) <= 40 and len(lines[j].split()) <= 4:
            j += 1
        hits = sum(1 for k in range(i, j) if lines[k].strip(" •·|-»>").lower() in nav)
        if hits >= 2:
            blocks.append((i, j))
        i = j + 1 if j == i else j
    return blocks


@cache
def _nav_words() -> frozenset[str]:
    from kzlabour.parser.header_lexicon import lexicon

    return frozenset(lexicon()["nav_words"])


@line_memo(maxsize=_LINES, longest=_MAX_LEN)
def _line_kind(s: str) -> str | None:
    if not s or len(s) > _MAX_LEN:
        return None
    s = s.strip("*_ ")  # markdown emphasis around a whole line
    if matches("furniture.terminal", s):
        return TERMINAL
    if len(s) <= 120 and pattern("nav_line").match(s):
        return ANYWHERE
    if matches("furniture.anywhere", s):
        return ANYWHERE
    if _is_blog_date_line(s):
        return _BLOG_DATE
    return None


def _is_blog_date_line(s: str) -> bool:
    """'понедельник, 10 декабря 2018 г.': a weekday and a date alone on a line, the blog's post date."""
    from kzlabour.parser.header_lexicon import lexicon

    head = s.split(",", 1)[0].strip().lower()
    return head in lexicon()["weekdays"] and any(map(str.isdigit, s)) and len(s) <= 60


def _header_blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Runs of consecutive e-mail header lines ("From x@y ...", "Date:", "Subject:" ...)."""
    blocks: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i] and _is_header_field(lines[i]):
            j = i
            while j < n and _is_header_field(lines[j]):
                j += 1
            blocks.append((i, j))
            i = j
        else:
            i += 1
    return blocks


def is_header_field(s: str) -> bool:
    """An e-mail header line: 'Date: ...', 'Subject: ...' or an mbox 'From x@y Thu ...' line."""
    return _is_header_field(s)


@line_memo(maxsize=_LINES, longest=_MAX_LEN)
def _is_header_field(s: str) -> bool:
    if not s or len(s) > _MAX_LEN:
        return False
    return bool(pattern("furniture.header_field").search(s) or pattern("furniture.list_header").search(s))
