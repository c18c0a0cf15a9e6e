"""The sender's own reference number (ANNOTATION-DECISIONS §6), without its label.

Read only from short header lines (letterhead, date line, reference line), never from
running text, where "№131" names a convention, not the letter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kzlabour.parser.document import Line
from kzlabour.parser.header_lexicon import lexicon, pattern

__all__ = ["find_reference"]

_MAX_LINE = 80


def _bare() -> re.Pattern[str]:
    return re.compile(lexicon()["reference_bare"])  # case matters: 'PERC/AL/pw', not 'and/or'


def find_reference(lines: Sequence[Line]) -> tuple[str, int, int] | None:
    """(reference, start, end) from the first header line that gives one, else None."""
    for line in lines:
        s = line.stripped
        if not s or len(s) > _MAX_LINE:
            continue
        lead = line.start + line.content.index(s[0])
        found = _labelled(s) or _whole_line(s)
        if found:
            value, start, end = found
            return value, lead + start, lead + end
    return None


def _labelled(s: str) -> tuple[str, int, int] | None:
    m = pattern("reference_label").search(s) or pattern("reference_number").search(s)
    if not m:
        return None
    value = m[1].rstrip(".,;:")
    if not any(c.isdigit() for c in value) and "/" not in value:
        return None  # 'Ref: see below' is no reference
    return value, m.start(1), m.start(1) + len(value)


def _whole_line(s: str) -> tuple[str, int, int] | None:
    core = s.strip("*_ ")
    if _bare().match(core) or pattern("reference_dated").match(core):
        start = s.index(core)
        return core, start, start + len(core)
    return None
