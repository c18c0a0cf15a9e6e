"""A letter body as demands see it: list items, paragraphs and sentences, with offsets.

Nothing is normalised: every block and sentence is a (start, end) pair into the
decoded text. Each pass is a single left-to-right scan, so a text of any shape
(100,000 bullet lines, a 2 MB line without spaces) is read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kzlabour.parser.demand_lexicon import demand_lexicon
from kzlabour.parser.document import Line, Segment

__all__ = ["Block", "blocks", "first_sentence", "sentences"]

# A list marker: a bullet or dash, "1." / "1)" / "(1)", or "a)" — then a space and text.
_ITEM = re.compile(
    r"[ \t]*(?:[-–—*·]|\(?\d{1,2}[.)]|\(?[a-zа-я]\)|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)\))[ \t\u00a0]+(?=\S)"
    r"|[ \t]*[•▪●►○◦✓➢⁃][ \t\u00a0]*(?=\S)"
)
# A sentence ends at . ! ? … (closing quotes kept) before a space and a capital, digit or opening quote.
_END = re.compile(r"[.!?…]+[\"'”»)]*(?=\s+[\"'“«(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
# A line that ends like this closes its sentence even without a capital after it.
_LINE_CLOSED = re.compile(r"[.!?:;…][\"'”»)]*\s*$")
# Lines shorter than this with no closing punctuation read as headings or list lines, not wrapped prose.
_SHORT_LINE = 60


@dataclass(frozen=True)
class Block:
    """A list item (marker excluded) or a paragraph of plain lines."""

    kind: str  # "item" or "text"
    start: int
    end: int
    lines: tuple[Line, ...]
    blank_before: bool  # a blank line separates it from the block before


def item_marker(line: Line) -> int | None:
    """Offset where an item's text starts after its list marker, or None for a plain line."""
    m = _ITEM.match(line.content)
    return line.start + m.end() if m else None


def blocks(seg: Segment) -> list[Block]:
    """The segment's list items and paragraphs in order.

    An item runs on over following lines that are indented or start in lower
    case (a wrapped item); a blank line or a new marker ends it.
    """
    found: list[Block] = []
    current: list[Line] = []
    kind = "text"
    item_start = 0
    blank = False

    def close() -> None:
        nonlocal current
        if current:
            start = item_start if kind == "item" else current[0].start + _lead(current[0].content)
            found.append(Block(kind, start, current[-1].end, tuple(current), blank_before))
        current = []

    blank_before = False
    for line in seg.lines:
        if line.blank:
            close()
            blank = True
            continue
        marker = item_marker(line)
        if marker is not None:
            close()
            blank_before, blank = blank, False
            kind, item_start, current = "item", marker, [line]
            continue
        if current and kind == "item" and _continues_item(line):
            current.append(line)
            continue
        if current and kind == "item":
            close()
            blank_before, blank = blank, False
            kind, current = "text", [line]
            continue
        if not current:
            blank_before, blank = blank, False
            kind = "text"
        current.append(line)
    close()
    return found


def _lead(content: str) -> int:
    return len(content) - len(content.lstrip())


def _continues_item(line: Line) -> bool:
    content = line.content
    return content[:1].isspace() or content.lstrip()[:1].islower()


def sentences(text: str, lines: tuple[Line, ...], language: str | None) -> list[tuple[int, int]]:
    """Sentences of a paragraph as (start, end) spans, trimmed of surrounding space.

    A line break ends a sentence after closing punctuation or after a short
    line (a heading or an unmarked list line); otherwise wrapped lines join.
    """
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    previous: Line | None = None
    for line in lines:
        if line.blank:
            continue
        if run_start is None:
            run_start = line.start
        elif previous is not None and _line_ends_sentence(previous, line):
            runs.append((run_start, previous.end))
            run_start = line.start
        previous = line
    if run_start is not None and previous is not None:
        runs.append((run_start, previous.end))
    abbreviations = _abbreviations(language)
    out: list[tuple[int, int]] = []
    for start, end in runs:
        pos = start
        for m in _END.finditer(text, start, end):
            if (
                m.group().startswith(".")
                and len(m.group()) == 1
                and _is_abbreviation(text, pos, m.start(), abbreviations)
            ):
                continue
            out.append((pos, m.end()))
            pos = m.end()
        out.append((pos, end))
    return [t for t in (_trim(text, s, e) for s, e in out) if t[1] > t[0]]


def first_sentence(text: str, start: int, end: int, language: str | None) -> tuple[int, int]:
    """The first sentence of a span (a list item that runs into the closing paragraph ends there)."""
    abbreviations = _abbreviations(language)
    for m in _END.finditer(text, start, end):
        if (
            m.group().startswith(".")
            and len(m.group()) == 1
            and _is_abbreviation(text, start, m.start(), abbreviations)
        ):
            continue
        return _trim(text, start, m.end())
    return _trim(text, start, end)


def _line_ends_sentence(line: Line, following: Line) -> bool:
    """Closing punctuation ends the sentence; so does a short line before a capital (a heading)."""
    content = line.content.rstrip()
    if _LINE_CLOSED.search(content):
        return True
    return len(content.strip()) < _SHORT_LINE and not following.content.lstrip()[:1].islower()


@cache
def _abbreviations(language: str | None) -> frozenset[str]:
    return frozenset(w.casefold() for w in demand_lexicon(language).words("abbreviations"))


def _is_abbreviation(text: str, start: int, dot: int, abbreviations: frozenset[str]) -> bool:
    """A period after an initial ("S.") or a listed abbreviation ("Mr.", "No.") ends no sentence."""
    m = _WORD_BEFORE.search(text, max(start, dot - 40), dot)
    if not m:
        return False
    word = m[1]
    return (len(word) == 1 and word.isalpha() and word.isupper()) or word.casefold() in abbreviations


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
