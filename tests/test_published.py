"""The published letters equal the gold annotations of the seeds on every key, scored or not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kzlabour
from tests.conftest import SHARED, needs_shared

GOLD = sorted((SHARED / "gold").glob("*.json"))


@needs_shared
@pytest.mark.parametrize("gold_path", GOLD, ids=[g.stem for g in GOLD])
def test_published_letters_equal_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    published = [x.to_json_dict() for x in kzlabour.load().letters if x.source.path == gold["source"]]
    assert len(published) == len(gold["letters"])
    for want, got in zip(gold["letters"], published, strict=True):
        want = {**want, "contacts": want.get("contacts", [])}
        for key, value in want.items():
            if key in ("senders", "signatories", "recipients", "copies", "contacts"):
                got_parties = [{k: v for k, v in p.items() if k != "span"} for p in got[key]]
                assert got_parties == value, key
            elif key == "demands":
                assert [{k: d[k] for k in ("text", "category", "target")} for d in got[key]] == value
            else:
                assert got[key] == value, key


def test_load_returns_typed_letters() -> None:
    ds = kzlabour.load()
    assert len(ds.letters) == 5
    assert isinstance(ds.letters[0], kzlabour.Letter)
    assert ds.letters[0].date == "2026-05-26"
    assert sum(len(x.signatories) for x in ds.letters) == 66
    assert ds.organisations and ds.people
