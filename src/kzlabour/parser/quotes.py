"""Letters quoted inside an article: «…» spans that speak in the first person and ask something.

Dev 304: a news item quoting a video appeal in guillemets; the span is the text inside
the quotation marks, the reporter's words around it lie outside (ANNOTATION-DECISIONS §2).
"""

from __future__ import annotations

import re

from kzlabour.parser.document import Segment
from kzlabour.parser.header_lexicon import any_match

__all__ = ["quoted_appeals", "top_level_quotes", "unquoted"]

_OPEN, _CLOSE = "«„", "»“"
_MIN_APPEAL = 150  # a quoted slogan or placard is no letter
_MARK = re.compile("[" + _OPEN + _CLOSE + "]")


def top_level_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each outermost «…» pair; nested pairs count, unclosed ones do not."""
    found: list[tuple[int, int]] = []
    depth, opened = 0, 0
    for m in _MARK.finditer(text):  # only the quotation marks, not every character, go through Python
        i, c = m.start(), m.group()
        if c in _OPEN:
            if depth == 0:
                opened = i + 1
            depth += 1
        elif c in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                found.append((opened, i))
    return found


def quoted_appeals(text: str) -> list[Segment]:
    """Quoted passages long enough to be a letter that speak as 'we' and ask or demand something."""
    segments = []
    for start, end in top_level_quotes(text):
        inner = text[start:end]
        if len(inner.strip()) < _MIN_APPEAL:
            continue
        if not any_match("letter_cues", inner):
            continue
        lead = len(inner) - len(inner.lstrip())
        segments.append(Segment(text, start + lead, start + len(inner.rstrip())))
    return segments


_OTHER_QUOTES = re.compile(r"“[^”\n]{0,2000}”|\"[^\"\n]{0,2000}\"")


def unquoted(text: str) -> str:
    """The text with the inside of every quotation removed: the reporter's own words."""
    parts, pos = [], 0
    for start, end in top_level_quotes(text):
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return _OTHER_QUOTES.sub('""', "".join(parts))
