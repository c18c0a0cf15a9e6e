"""Holding many models: the collector pause and the shared field-name sets change no value."""

from __future__ import annotations

import gc

import pytest

from kzlabour.bulk import gc_paused, models_in, share_fields_set
from kzlabour.models import Letter
from kzlabour.parser import parse
from tests.conftest import ROOT


def _letters() -> list[Letter]:
    text = sorted((ROOT / "sources").glob("*.txt"))[0].read_text(encoding="utf-8")
    return parse(text, "x.txt")


def test_sharing_field_sets_changes_no_model() -> None:
    letters, fresh = _letters(), _letters()
    models = list(models_in(letters))
    before = [(m.model_dump(), set(m.model_fields_set)) for m in models]
    share_fields_set(models)
    assert [(m.model_dump(), set(m.model_fields_set)) for m in models] == before
    assert letters == fresh
    shared = {id(m.__pydantic_fields_set__) for m in models if type(m) is type(letters[0])}
    assert len(shared) == 1  # one set for every letter


def test_a_copy_with_changes_does_not_touch_the_shared_set() -> None:
    letters = _letters()
    share_fields_set(models_in(letters))
    source = letters[0].source
    every = set(source.model_fields_set)
    copy = source.model_copy(update={"path": "y.txt"})
    assert copy.path == "y.txt" and source.model_fields_set == every


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), gc_paused():
            raise RuntimeError("interrupted")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
