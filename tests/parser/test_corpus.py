"""The regression corpus: letters written for the forms the seeds and dev set lack.

Each `tests/corpus/NAME.txt` has `NAME.json`: {"letters": [...]} where each
letter gives only the keys it checks. A party list is compared entry by entry
on the keys its expected entries give; demands on text and category (and
target where given).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kzlabour.parser import parse_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CASES = sorted(CORPUS.glob("*.txt"))


def _subset(expected: Any, found: Any) -> Any:
    """The part of `found` that `expected` speaks about, for a readable assertion diff."""
    if isinstance(expected, dict) and isinstance(found, dict):
        return {k: _subset(v, found.get(k)) for k, v in expected.items()}
    if isinstance(expected, list) and isinstance(found, list):
        return [_subset(e, f) for e, f in zip(expected, found, strict=False)] + found[len(expected) :]
    return found


@pytest.mark.parametrize("text", CASES, ids=[c.stem for c in CASES])
def test_corpus_letter(text: Path) -> None:
    expected = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))["letters"]
    found = [letter.to_json_dict() for letter in parse_file(text)]
    assert len(found) == len(expected), f"{text.name}: {len(found)} letters, expected {len(expected)}"
    for want, got in zip(expected, found, strict=True):
        assert _subset(want, got) == want
