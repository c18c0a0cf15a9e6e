"""Making and holding hundreds of thousands of pydantic models at once (a build, a `load()`).

Two costs grow with the archive and are not the models' own: the cyclic garbage
collector scanning the same long-lived objects again and again while they are made,
and the set of given field names that pydantic keeps in every instance. `gc_paused`
and `share_fields_set` remove them without changing any model's value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from kzlabour.models import PARTY_FIELDS

if TYPE_CHECKING:
    from pydantic import BaseModel

    from kzlabour.models import Letter

__all__ = ["gc_paused", "models_in", "share_fields_set"]

_LIST_FIELDS = (*PARTY_FIELDS.values(), "about", "demands")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many long-lived objects are made.

    Every automatic collection scans the objects made so far again: that was nearly half of
    `load()`'s time at 10,000 letters. Making models creates no reference cycles worth
    collecting early. At the end the new objects go straight to the oldest generation, as if
    they had survived the collections they skipped (unless the caller has frozen objects of
    its own: those must stay frozen), and the collector is enabled again if it was, however
    the block ends.
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            # freeze + unfreeze moves every tracked object to the oldest generation without
            # scanning it; a young-generation collection would scan them all once (0.5 s at
            # 10,000 letters)
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def share_fields_set(models: Iterable[BaseModel]) -> None:
    """Let every model whose fields were all given share one `model_fields_set` per class.

    Pydantic keeps a set of the given field names in each instance (216 to 2,264 bytes):
    for a loaded package, whose rows and letters give every field, those sets were 45% of
    its memory. Only sets equal to "every field" are replaced, by an equal set, so
    `model_fields_set` answers as before; and a frozen model never changes its set
    (pydantic's `model_copy` copies it first), so no model sees another's change.
    """
    setattr_ = object.__setattr__
    every: dict[type[BaseModel], set[str]] = {}
    for model in models:
        cls = type(model)
        fields = every.get(cls)
        if fields is None:
            fields = every[cls] = _every_field(cls)
        if model.__pydantic_fields_set__ == fields:
            setattr_(model, "__pydantic_fields_set__", fields)


@cache
def _every_field(cls: type[BaseModel]) -> set[str]:
    # one set per class for the life of the process: shared by every model share_fields_set saw
    return set(cls.model_fields)


def models_in(letters: Sequence[Letter]) -> Iterator[BaseModel]:
    """Every model in the letters: the letters, their parties, demands, source, evidence, spans."""
    for letter in letters:
        yield letter
        yield letter.source
        evidence = letter.evidence
        yield evidence
        for span in (evidence.date, evidence.place, evidence.reference, evidence.title, evidence.language):
            if span is not None:
                yield span
        for list_field in _LIST_FIELDS:
            for item in getattr(letter, list_field):
                yield item
                if item.span is not None:
                    yield item.span
