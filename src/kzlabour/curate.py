"""Curation: what the published record of a source text must be, where the parser is not yet right.

`curation/NAME.yaml` (for `sources/NAME.txt`) states values, not edits, so a
better parser never breaks it:

    source: 003_86e31947b8a57ab1.txt
    spans: [[0, 3599], [3601, 9506]]   # optional: the letters' spans, when the parser splits wrongly
    letters:
      - letter: 2                      # order in the file, from 1
        start: 3601                    # optional check: the letter's span starts here
        set:                           # field overrides; a list replaces the whole list
          date: 1999-11-17
          senders: [{organisation: Labor Movement of Kazakhstan, role: Executive Committee}]

Published data = parser output with the overrides applied. An override that
names a letter or field that does not exist is an error; an override equal to
what the parser produces is a notice (it can be deleted).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationError

from kzlabour.errors import CurationError
from kzlabour.models import KzModel, Letter

__all__ = ["CurationFile", "CurationResult", "LetterCuration", "apply_curation", "read_curation"]

# Fields a curator may set: every field of a letter but its provenance.
CURATABLE = tuple(name for name in Letter.model_fields if name != "source")


class LetterCuration(KzModel):
    """The overrides for one letter of a source text."""

    letter: int = Field(ge=1, description="the letter's order in its source text, from 1")
    start: int | None = Field(None, ge=0, description="check: the offset where the letter's span starts")
    set: dict[str, Any] = Field(strict=False, description="field overrides (whole values)")


class CurationFile(KzModel):
    """The curation of one source text."""

    # YAML gives lists where the model keeps tuples; scalars are still checked by type.
    model_config = ConfigDict(strict=False)

    source: str = Field(min_length=1, description="file name of the source text")
    spans: tuple[tuple[int, int], ...] | None = Field(
        None, strict=False, description="the letters' spans, replacing the parser's segmentation"
    )
    letters: tuple[LetterCuration, ...] = Field((), strict=False, description="per-letter overrides")


@dataclass(frozen=True)
class CurationResult:
    """Published letters of one source, and the notices curation raised (redundant overrides)."""

    letters: list[Letter]
    notices: list[str]


def curation_path(curation_dir: Path, source_name: str) -> Path:
    return curation_dir / (Path(source_name).stem + ".yaml")


def read_curation(path: Path) -> CurationFile:
    """Read and validate a curation file; CurationError names the file and what is wrong."""
    from kzlabour.yamlio import read_yaml

    data = read_yaml(path)
    try:
        return CurationFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise CurationError(f"{path}: {where}: {first['msg']}") from None


def apply_curation(parsed: list[Letter], curation: CurationFile, path: Path | str) -> CurationResult:
    """Apply a curation file's overrides to the parser's letters of its source text."""
    letters = list(parsed)
    notices: list[str] = []
    seen: set[int] = set()
    for entry in curation.letters:
        where = f"{path}: letter {entry.letter}"
        if entry.letter in seen:
            raise CurationError(f"{where}: curated twice; merge the two entries")
        seen.add(entry.letter)
        if entry.letter > len(letters):
            raise CurationError(
                f"{where}: no such letter (the text has {len(letters)}); "
                "fix the number or give the letters' `spans`"
            )
        letter = letters[entry.letter - 1]
        if entry.start is not None and entry.start != letter.source.start:
            raise CurationError(
                f"{where}: starts at {letter.source.start}, not at {entry.start} as the curation expects; "
                "check which letter the entry is meant for"
            )
        letters[entry.letter - 1], redundant = _override(letter, entry.set, where)
        notices += [
            f"{where}: `{field}` equals what the parser gives; the override can go" for field in redundant
        ]
    return CurationResult(letters, notices)


def _override(letter: Letter, values: dict[str, Any], where: str) -> tuple[Letter, list[str]]:
    unknown = sorted(set(values) - set(CURATABLE))
    if unknown:
        raise CurationError(
            f"{where}: no field {', '.join(unknown)}; curatable fields: {', '.join(CURATABLE)}"
        )
    current = letter.model_dump(mode="json")
    try:
        proposed = Letter.model_validate({**current, **values})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise CurationError(f"{where}: {field}: {first['msg']}") from None
    redundant, changed = [], {}
    for field in values:
        new = getattr(proposed, field)
        if _without_spans(new) == _without_spans(getattr(letter, field)):
            redundant.append(field)
        else:
            changed[field] = new
    evidence = letter.evidence.model_copy(
        update={f: None for f in changed if f in type(letter.evidence).model_fields}
    )
    return letter.model_copy(update={**changed, "evidence": evidence}), redundant


def _without_spans(value: Any) -> Any:
    """A field's value with evidence spans left out: a curated party equals a parsed one without them."""
    if isinstance(value, tuple):
        return tuple(_without_spans(v) for v in value)
    if isinstance(value, KzModel):
        return {k: _without_spans(v) for k, v in value if k != "span"}
    return value
