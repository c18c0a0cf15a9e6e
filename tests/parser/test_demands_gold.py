"""Demands against the gold files of ../shared, read from the gold letter spans (skipped when absent).

The segment and the parties come from the gold file, so these tests measure the
demands step alone: text, category, target and evidence span of every demand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kzlabour.models import Party
from kzlabour.parser.demands import read_demands
from kzlabour.parser.document import Segment
from kzlabour.parser.parties import Parties
from tests.conftest import needs_shared, read_gold, shared_pairs

PAIRS = shared_pairs()


def _parties(letter: dict[str, Any]) -> Parties:
    def parties(key: str) -> tuple[Party, ...]:
        return tuple(
            Party(name=p.get("name"), role=p.get("role"), organisation=p.get("organisation"))
            for p in letter.get(key) or []
        )

    return Parties(
        senders=parties("senders"),
        signatories=parties("signatories"),
        recipients=parties("recipients"),
        copies=parties("copies"),
        contacts=parties("contacts"),
    )


def _read(text_path: Path, letter: dict[str, Any]) -> tuple[str, list[Any]]:
    text = text_path.read_text(encoding="utf-8")
    seg = Segment(text, letter["source"]["start"], letter["source"]["end"])
    return text, list(read_demands(seg, letter["language"], _parties(letter)))


@needs_shared
@pytest.mark.parametrize(("text_path", "gold_path"), PAIRS, ids=[g.stem for _, g in PAIRS])
def test_demand_texts_and_categories(text_path: Path, gold_path: Path) -> None:
    for letter in read_gold(gold_path):
        _, found = _read(text_path, letter)
        assert [(d.text, d.category.value) for d in found] == [
            (d["text"], d["category"]) for d in letter["demands"]
        ]


@needs_shared
@pytest.mark.parametrize(("text_path", "gold_path"), PAIRS, ids=[g.stem for _, g in PAIRS])
def test_demand_targets(text_path: Path, gold_path: Path) -> None:
    for letter in read_gold(gold_path):
        if letter.get("contacts"):
            continue  # which contacts a demand goes to is read from their spans, not in the gold
        _, found = _read(text_path, letter)
        assert [d.target for d in found] == [d.get("target") for d in letter["demands"]]


@needs_shared
@pytest.mark.parametrize(("text_path", "gold_path"), PAIRS, ids=[g.stem for _, g in PAIRS])
def test_demand_spans_quote_the_text_inside_the_letter(text_path: Path, gold_path: Path) -> None:
    for letter in read_gold(gold_path):
        text, found = _read(text_path, letter)
        for d in found:
            assert letter["source"]["start"] <= d.span.start < d.span.end <= letter["source"]["end"]
            assert " ".join(text[d.span.start : d.span.end].split()) == d.text
