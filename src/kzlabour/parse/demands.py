"""Demands of a letter: what it asks, split, trimmed and categorised."""

from __future__ import annotations

import re

from kzlabour.models import Demand, DemandCategory, Span
from kzlabour.parse.document import Segment
from kzlabour.parse.parties import Parties

__all__ = ["read_demands"]

_LEAD_IN = re.compile(r"\b[Ww]e (?:demand|urge|call on)(?: that)?\s+([^.!?\n]{3,400})")


def read_demands(seg: Segment, language: str | None, parties: Parties) -> tuple[Demand, ...]:
    """First version: the clause after each 'we demand / urge / call on'."""
    found = []
    for m in _LEAD_IN.finditer(seg.text, seg.start, seg.end):
        found.append(
            Demand(
                text=m[1].strip(), category=DemandCategory.other, span=Span(start=m.start(1), end=m.end(1))
            )
        )
    return tuple(found)
