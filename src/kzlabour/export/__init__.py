"""Exports of a loaded data package to the tools people already use.

    >>> ds = kzlabour.load()
    >>> export_sqlite(ds, "kzlabour.db")          # + metadata.json for Datasette
    >>> export_cmif(ds, "kzlabour-cmif.xml")       # TEI correspondence metadata (CMIF)
    >>> export_popolo(ds, "kzlabour-popolo.json")  # organisations, persons, memberships
    >>> export_parquet(ds, "parquet/")             # one file per table (needs pyarrow)
    >>> write_report(ds, "report/")                # a static page to look at

Each takes a `kzlabour.loader.Dataset` and an output path and returns an
`ExportResult`. The modules import their heavy libraries on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzlabour.export.common import ExportResult

if TYPE_CHECKING:
    from kzlabour.loader import Dataset

__all__ = [
    "FORMATS",
    "ExportResult",
    "export_cmif",
    "export_dataset",
    "export_parquet",
    "export_popolo",
    "export_sqlite",
    "write_report",
]

FORMATS = ("sqlite", "cmif", "popolo", "parquet")


def export_sqlite(dataset: Dataset, out: str | Path, **options: Any) -> ExportResult:
    """SQLite with keys, indexes and full-text search, plus Datasette's metadata.json."""
    from kzlabour.export.sqlite import export_sqlite as run

    return run(dataset, out, **options)


def export_cmif(dataset: Dataset, out: str | Path, **options: Any) -> ExportResult:
    """One TEI file in the Correspondence Metadata Interchange Format."""
    from kzlabour.export.cmif import export_cmif as run

    return run(dataset, out, **options)


def export_popolo(dataset: Dataset, out: str | Path, **options: Any) -> ExportResult:
    """Organisations, persons and memberships as Popolo JSON."""
    from kzlabour.export.popolo import export_popolo as run

    return run(dataset, out, **options)


def export_parquet(dataset: Dataset, out: str | Path, **options: Any) -> ExportResult:
    """One Parquet file per table in the folder `out` (needs the optional `parquet` extra)."""
    from kzlabour.export.parquet import export_parquet as run

    return run(dataset, out, **options)


def write_report(dataset: Dataset, out: str | Path, **options: Any) -> ExportResult:
    """A static HTML page in the folder `out`: timeline, network, demand categories, letters."""
    from kzlabour.export.page import write_report as run

    return run(dataset, out, **options)


def export_dataset(dataset: Dataset, fmt: str, out: str | Path, **options: Any) -> ExportResult:
    """Export in the named format (one of FORMATS)."""
    functions: dict[str, Callable[..., ExportResult]] = {
        "sqlite": export_sqlite,
        "cmif": export_cmif,
        "popolo": export_popolo,
        "parquet": export_parquet,
    }
    if fmt not in functions:
        from kzlabour.errors import ExportError

        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return functions[fmt](dataset, out, **options)
