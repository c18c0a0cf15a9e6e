"""The same letter under another name: same date, same senders and a near-identical body.

Letters are blocked by (date, senders), so only letters that could be the
same are compared; the bodies are compared with rapidfuzz after whitespace
and case are normalised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kzlabour.report import Problem, Report

if TYPE_CHECKING:
    from kzlabour.models import Letter

__all__ = ["NEAR_DUPLICATE_RATIO", "check_near_duplicates"]

# Percentage of similarity (rapidfuzz ratio) from which two bodies are the same letter.
NEAR_DUPLICATE_RATIO = 90.0
_SPACE = re.compile(r"\s+")


def check_near_duplicates(letters: Sequence[Letter], texts: dict[str, str], report: Report) -> None:
    """Report each letter that repeats a letter of another source text (texts: name -> decoded text)."""
    from rapidfuzz import fuzz

    blocks: dict[tuple[str, tuple[str, ...]], list[tuple[Letter, int, str]]] = {}
    order: dict[str, int] = {}
    for letter in letters:
        n = order[letter.source.path] = order.get(letter.source.path, 0) + 1
        senders = tuple(sorted(_label(p.organisation or p.name or "") for p in letter.senders))
        text = texts.get(letter.source.path)
        if not letter.date or not any(senders) or text is None:
            continue
        body = _SPACE.sub(" ", text[letter.source.start : letter.source.end]).strip().casefold()
        blocks.setdefault((letter.date, senders), []).append((letter, n, body))
    for (date, _), group in sorted(blocks.items()):
        for i, (letter, n, body) in enumerate(group):
            for other, m, other_body in group[:i]:
                if other.source.path == letter.source.path:
                    continue
                score = fuzz.ratio(body, other_body)
                if score >= NEAR_DUPLICATE_RATIO:
                    report.add(
                        Problem(
                            "source-near-duplicate",
                            f"sources/{letter.source.path}",
                            f"letter {n} repeats sources/{other.source.path} letter {m}: same date "
                            f"{date}, same senders, bodies {score:.0f}% alike",
                            hint="keep one copy (the more complete one) and delete the other",
                        )
                    )
                    break


def _label(name: str) -> str:
    return _SPACE.sub(" ", name).strip().casefold()
