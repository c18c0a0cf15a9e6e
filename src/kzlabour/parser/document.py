"""The decoded text as the parser sees it: lines and letter segments with their offsets.

Every offset indexes the decoded text as it stands; nothing is normalised
before offsets are taken, so `text[start:end]` always quotes the source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar, overload

__all__ = ["Line", "Segment", "split_lines"]


_T = TypeVar("_T")


class _once(Generic[_T]):
    """A property computed on first access and kept in the instance's __dict__.

    Every reader asks each line for its stripped form, many times over. functools.cached_property
    would do, but on Python 3.11 it takes a lock on every first access, which costs more than the
    strip it saves. Writing __dict__ directly is allowed on a frozen dataclass; equality and hash
    stay those of the fields.
    """

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    @overload
    def __get__(self, obj: None, owner: type) -> _once[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type) -> _T: ...
    def __get__(self, obj: object | None, owner: type) -> _T | _once[_T]:
        if obj is None:
            return self
        value = self.compute(obj)
        obj.__dict__[self.name] = value  # found before this (non-data) descriptor from now on
        return value


@dataclass(frozen=True)
class Line:
    """One line of the text, without its line break: `text[start:end] == content`."""

    start: int
    end: int
    content: str

    @_once
    def stripped(self) -> str:
        return self.content.strip()

    @_once
    def blank(self) -> bool:
        return not self.stripped


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
