"""What every export shares: the dataset's tables in package order, its licence, the result, safe writes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzlabour.atomicio import write_atomic
from kzlabour.errors import ExportError

if TYPE_CHECKING:
    from kzlabour.export.texts import SourceTexts
    from kzlabour.loader import Dataset
    from kzlabour.models.rows import Row
    from kzlabour.tables import Tables

__all__ = [
    "ExportResult",
    "dataset_tables",
    "licence",
    "resources",
    "row_values",
    "table_fields",
    "write_atomic",
]

# The licence of the curated data when a package's descriptor does not state one.
DEFAULT_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


@dataclass
class ExportResult:
    """What an export wrote: its files, row counts per table, and notes for the user."""

    format: str
    paths: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        lines = [f"{self.format}: wrote {', '.join(str(p) for p in self.paths)}"]
        if self.counts:
            lines.append("  " + ", ".join(f"{n} {name}" for name, n in self.counts.items()))
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)


def dataset_tables(dataset: Dataset) -> Tables:
    """The rows of every resource as the package holds them."""
    if dataset.tables is None:
        raise ExportError(
            "the dataset carries no tables: export a dataset from kzlabour.load(), not one built by hand"
        )
    return dataset.tables


def resources(dataset: Dataset) -> Iterator[tuple[type[Row], Sequence[Row]]]:
    """(row model, rows) for every resource, in dependency order (referenced tables first)."""
    from kzlabour.models.rows import ROW_MODELS

    tables = dataset_tables(dataset)
    for model in ROW_MODELS:
        yield model, getattr(tables, model.resource)


# the column exports add to `letters`: the letter's words (null when the source texts are not at hand)
TEXT_COLUMN = {"name": "text", "type": "string", "description": "the letter's words: source text[start:end]"}


def table_fields(model: type[Row]) -> list[dict[str, Any]]:
    """The Table Schema fields of a resource as exported: the package's, plus `text` for letters."""
    from kzlabour.schema import table_schema

    fields: list[dict[str, Any]] = table_schema(model)["fields"]
    return [*fields, TEXT_COLUMN] if model.resource == "letters" else fields


def row_values(row: Row, texts: SourceTexts | None = None) -> dict[str, Any]:
    """A row as plain values (enums as their strings); a letter's with its `text` (needs `texts`)."""
    values: dict[str, Any] = row.model_dump(mode="json")
    if texts is not None and row.resource == "letters":
        values["text"] = texts.letter_text(values["source"], values["start"], values["end"])
    return values


def licence(dataset: Dataset) -> dict[str, str]:
    """The data licence the package states (name, title, path), else CC BY 4.0."""
    licences = dataset.descriptor.get("licenses")
    if isinstance(licences, list) and licences and isinstance(licences[0], dict):
        return {k: str(v) for k, v in licences[0].items()}
    return dict(DEFAULT_LICENCE)


def title(dataset: Dataset) -> str:
    return str(dataset.descriptor.get("title") or dataset.name or "kzlabour")
