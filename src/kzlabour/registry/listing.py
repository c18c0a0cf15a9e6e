"""What `kzlabour entities` prints: the package's entities, or the mentions that need a human decision."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzlabour.loader import Dataset
    from kzlabour.registry.resolve import Decision

__all__ = ["entity_lines", "unresolved_mentions"]


def entity_lines(dataset: Dataset) -> list[str]:
    """One tab-separated line per organisation and person: id, kind, name, country, class, letters."""
    lines = []
    for kind, rows in (("organisation", dataset.organisations), ("person", dataset.people)):
        for row in rows:
            record = dataset.organisation(row.id) if kind == "organisation" else dataset.person(row.id)
            classification = getattr(row, "classification", None)
            cells = [
                row.id,
                kind,
                row.name,
                row.country or "-",
                classification.value if classification else "-",
                f"{len(record.letters)} letters",
                "curated" if row.curated else "new",
            ]
            lines.append("\t".join(cells))
    return lines


def unresolved_mentions(root: Path) -> tuple[list[Decision], list[str]]:
    """The mentions of the repository's letters that could be two entities (never merged), and notices."""
    from kzlabour.package import plan_build
    from kzlabour.registry.resolve import resolve_letters
    from kzlabour.registry.store import read_registry
    from kzlabour.tables import letters_with_ids

    letters = plan_build(root).letters
    resolution = resolve_letters(letters_with_ids(letters), read_registry(root))
    return resolution.unresolved, resolution.notices
