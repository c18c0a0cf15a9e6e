"""The decoded text as the parser sees it: lines and letter segments with their offsets.

Every offset indexes the decoded text as it stands; nothing is normalised
before offsets are taken, so `text[start:end]` always quotes the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

__all__ = ["Line", "Segment", "split_lines"]


@dataclass(frozen=True)
class Line:
    """One line of the text, without its line break: `text[start:end] == content`."""

    start: int
    end: int
    content: str

    @property
    def stripped(self) -> str:
        return self.content.strip()

    @property
    def blank(self) -> bool:
        return not self.content.strip()


def split_lines(text: str, start: int = 0, end: int | None = None) -> tuple[Line, ...]:
    """The lines of `text[start:end]`, breaking at \\n, \\r\\n and lone \\r."""
    stop = len(text) if end is None else end
    lines: list[Line] = []
    pos = start
    for brk in _LINE_BREAK.finditer(text, start, stop):
        lines.append(Line(pos, brk.start(), text[pos : brk.start()]))
        pos = brk.end()
    if pos < stop:
        lines.append(Line(pos, stop, text[pos:stop]))
    return tuple(lines)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Segment:
    """The span of one letter in the decoded text."""

    text: str
    start: int
    end: int

    @property
    def body(self) -> str:
        return self.text[self.start : self.end]

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        return split_lines(self.text, self.start, self.end)
