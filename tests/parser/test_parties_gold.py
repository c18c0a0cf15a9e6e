"""Golden checks: every party of the seeds and the dev set, read from the gold letter spans.

The segmenter is another step's job, so each letter is cut at its gold span; the parties must
then equal the gold parties key for key, and each party's evidence span must quote its source.
Skipped when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kzlabour.parser.document import Segment
from kzlabour.parser.parties import read_parties
from tests.conftest import needs_shared, read_gold, shared_pairs

FIELDS = ("senders", "signatories", "recipients", "copies", "contacts")
PAIRS = shared_pairs()


def _plain(party: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in party.items() if k != "span"}


@needs_shared
@pytest.mark.parametrize(("text_path", "gold_path"), PAIRS, ids=[p[0].stem for p in PAIRS])
def test_parties_equal_gold(text_path: Path, gold_path: Path) -> None:
    text = text_path.read_text(encoding="utf-8")
    for index, letter in enumerate(read_gold(gold_path)):
        seg = Segment(text, letter["source"]["start"], letter["source"]["end"])
        found = read_parties(seg, letter["language"])
        for field in FIELDS:
            want = [_plain(p) for p in letter.get(field) or []]
            got = [_plain(p.model_dump(mode="json")) for p in getattr(found, field)]
            assert got == want, f"{text_path.name} letter {index}: {field}"


@needs_shared
@pytest.mark.parametrize(("text_path", "gold_path"), PAIRS, ids=[p[0].stem for p in PAIRS])
def test_party_spans_lie_inside_the_letter(text_path: Path, gold_path: Path) -> None:
    text = text_path.read_text(encoding="utf-8")
    for letter in read_gold(gold_path):
        start, end = letter["source"]["start"], letter["source"]["end"]
        found = read_parties(Segment(text, start, end), letter["language"])
        for field in FIELDS:
            for party in getattr(found, field):
                assert party.span is not None, f"{text_path.name}: {field} {party.name or party.organisation}"
                # A model letter's recipients and a quoted appeal's sender may come from the text before it.
                lower = start - 3000 if field in ("recipients", "senders") else start
                assert lower <= party.span.start <= party.span.end <= end
                assert text[party.span.start : party.span.end].strip()
