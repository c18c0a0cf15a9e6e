"""The data package as one SQLite database, ready for `datasette OUT.db --metadata metadata.json`.

Every resource becomes a table with the types, NOT NULL and CHECK (enum)
constraints of its Table Schema, its primary key, foreign keys and indexes.
`letters` gains a `text` column, the letter's words from its source text
(null when the texts are not at hand), and full-text search runs over letters
(`letters_fts`: title, text) and demands (`demands_fts`: text, target).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzlabour.export.common import (
    ExportResult,
    licence,
    resources,
    row_values,
    table_fields,
    title,
    write_atomic,
)
from kzlabour.export.texts import SourceTexts, read_texts

if TYPE_CHECKING:
    from kzlabour.loader import Dataset
    from kzlabour.models.rows import Row

__all__ = ["FTS_TABLES", "datasette_metadata", "export_sqlite"]

_SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "string": "TEXT"}
# full-text indexes: FTS table -> (content table, indexed columns)
FTS_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "letters_fts": ("letters", ("title", "text")),
    "demands_fts": ("demands", ("text", "target")),
}
# columns indexed besides the foreign keys: what people filter and facet on
_FACETS = {"letters": ("date", "language"), "demands": ("category",), "letter_parties": ("kind",)}
# enums longer than this (country and language codes) are checked by the package, not repeated as CHECKs
_MAX_CHECK_VALUES = 40


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_table(model: type[Row]) -> str:
    lines = []
    for f in table_fields(model):
        constraints = f.get("constraints", {})
        col = f"{_q(f['name'])} {_SQL_TYPES[f['type']]}"
        if constraints.get("required"):
            col += " NOT NULL"
        enum = constraints.get("enum")
        if enum and len(enum) <= _MAX_CHECK_VALUES:
            values = ", ".join("'" + str(v).replace("'", "''") + "'" for v in enum)
            col += f" CHECK ({_q(f['name'])} IN ({values}))"
        lines.append(col)
    lines.append(f"PRIMARY KEY ({', '.join(_q(k) for k in model.primary_key)})")
    for own, resource, ref in model.foreign_keys:
        lines.append(
            f"FOREIGN KEY ({', '.join(_q(c) for c in own)}) "
            f"REFERENCES {_q(resource)} ({', '.join(_q(c) for c in ref)}) DEFERRABLE INITIALLY DEFERRED"
        )
    return f"CREATE TABLE {_q(model.resource)} (\n  " + ",\n  ".join(lines) + "\n)"


def _indexes(model: type[Row]) -> list[str]:
    columns = [own for own, _, _ in model.foreign_keys]
    columns += [(c,) for c in _FACETS.get(model.resource, ())]
    statements = []
    for cols in columns:
        if tuple(cols) == tuple(model.primary_key[: len(cols)]):
            continue  # the primary key's index serves it already
        name = f"idx_{model.resource}_{'_'.join(cols)}"
        statements.append(
            f"CREATE INDEX {_q(name)} ON {_q(model.resource)} ({', '.join(_q(c) for c in cols)})"
        )
    return statements


def _insert(db: sqlite3.Connection, model: type[Row], rows: Sequence[Row], texts: SourceTexts) -> None:
    names = [f["name"] for f in table_fields(model)]
    sql = (
        f"INSERT INTO {_q(model.resource)} ({', '.join(_q(n) for n in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    records = []
    for row in rows:
        values = row_values(row, texts)
        records.append([values[n] for n in names])
    db.executemany(sql, records)


def _create_fts(db: sqlite3.Connection) -> None:
    for fts, (table, columns) in FTS_TABLES.items():
        cols = ", ".join(_q(c) for c in columns)
        db.execute(
            f"CREATE VIRTUAL TABLE {_q(fts)} USING fts5({cols}, content={_q(table)}, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        db.execute(f"INSERT INTO {_q(fts)} (rowid, {cols}) SELECT rowid, {cols} FROM {_q(table)}")


def export_sqlite(
    dataset: Dataset, out: str | Path, *, sources: Path | None = None, metadata: Path | None = None
) -> ExportResult:
    """Write the dataset to the SQLite file `out` and Datasette's `metadata.json` beside it.

    `sources`: the folder of source texts for the letters' `text` (default: beside the package).
    `metadata`: where to write the Datasette metadata (default: `metadata.json` beside `out`).
    """
    out = Path(out)
    texts = read_texts(dataset, sources)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.unlink(missing_ok=True)
    result = ExportResult("sqlite", notes=[texts.note()])
    db = sqlite3.connect(tmp)
    try:
        # a scratch file, renamed into place only when complete: no journal or fsync is needed;
        # foreign keys are checked once, after the inserts (foreign_key_check below)
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        with db:
            for model, rows in resources(dataset):
                db.execute(_create_table(model))
                _insert(db, model, rows, texts)
                result.counts[model.resource] = len(rows)
            for model, _ in resources(dataset):  # indexes after the rows: one sort, not one per row
                for statement in _indexes(model):
                    db.execute(statement)
            _create_fts(db)
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise sqlite3.IntegrityError(f"foreign keys broken in the export: {problems[:3]}")
        db.execute("VACUUM")
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    db.close()
    os.replace(tmp, out)
    meta_path = metadata if metadata is not None else out.with_name("metadata.json")
    meta = datasette_metadata(dataset, out.stem)
    write_atomic(meta_path, (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    result.paths = [out, meta_path]
    return result


def datasette_metadata(dataset: Dataset, database: str) -> dict[str, Any]:
    """Datasette's metadata: titles, descriptions of every table and column, licence, source, search."""
    lic = licence(dataset)
    sources = dataset.descriptor.get("sources") or []
    tables: dict[str, Any] = {}
    for model, _ in resources(dataset):
        entry: dict[str, Any] = {
            "title": model.resource_title,
            "description": (model.__doc__ or "").strip(),
            "columns": {f["name"]: f.get("description", "") for f in table_fields(model)},
        }
        for fts, (table, _cols) in FTS_TABLES.items():
            if table == model.resource:
                entry["fts_table"] = fts
                entry["fts_pk"] = "rowid"
        tables[model.resource] = entry
    return {
        "title": title(dataset),
        "description": str(dataset.descriptor.get("description", "")),
        "license": lic.get("title") or lic.get("name", ""),
        "license_url": lic.get("path", ""),
        "source": f"{dataset.name} data package {dataset.version}; source texts: "
        + "; ".join(str(s.get("title", "")) for s in sources if isinstance(s, dict)),
        "about": "kzlabour",
        "databases": {
            database: {
                "title": title(dataset),
                "description": "Letters, their parties and demands; search letters' texts and demands.",
                "license": lic.get("title") or lic.get("name", ""),
                "license_url": lic.get("path", ""),
                "tables": tables,
            }
        },
    }
