"""Find the letters in a text: their spans, furniture left out."""

from __future__ import annotations

from kzlabour.parse.document import Segment

__all__ = ["segment"]


def segment(text: str) -> list[Segment]:
    """The letters' spans in order of appearance (first version: the whole text, trimmed)."""
    stripped = text.strip()
    if not stripped:
        return []
    start = text.index(stripped[0])
    return [Segment(text, start, start + len(stripped))]
