"""The SQLite export: schema, keys, full-text search, and Datasette serving it over HTTP."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kzlabour.errors import ExportError
from kzlabour.export import export_sqlite
from kzlabour.export.common import row_values
from kzlabour.export.texts import read_texts
from kzlabour.loader import Dataset
from kzlabour.models.rows import ROW_MODELS


@pytest.fixture(scope="module")
def db_path(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sqlite") / "kzlabour.db"
    result = export_sqlite(dataset, out)
    assert result.paths == [out, out.with_name("metadata.json")]
    return out


def _rows(db: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    db.row_factory = sqlite3.Row
    return [dict(r) for r in db.execute(f'SELECT * FROM "{table}" ORDER BY rowid')]


def test_every_table_round_trips_row_for_row(dataset: Dataset, db_path: Path, built: Path) -> None:
    db = sqlite3.connect(db_path)
    texts = read_texts(dataset)
    assert dataset.tables is not None
    for model in ROW_MODELS:
        expected = [row_values(r, texts) for r in getattr(dataset.tables, model.resource)]
        got = _rows(db, model.resource)
        # booleans are stored as 0/1 integers, as SQLite has no boolean type
        expected = [{k: int(v) if isinstance(v, bool) else v for k, v in row.items()} for row in expected]
        assert got == expected, model.resource
    letter = _rows(db, "letters")[0]
    source_text = (built / "sources" / letter["source"]).read_text(encoding="utf-8")
    assert letter["text"] == source_text[letter["start"] : letter["end"]]


def test_types_keys_and_indexes(db_path: Path, tmp_path: Path) -> None:
    import shutil

    db = sqlite3.connect(shutil.copy(db_path, tmp_path / "copy.db"))
    db.execute("PRAGMA foreign_keys = ON")
    columns = {r[1]: (r[2], r[3], r[5]) for r in db.execute('PRAGMA table_info("demands")')}
    assert columns["order"] == ("INTEGER", 1, 2)  # type, NOT NULL, position in the primary key
    assert columns["letter"] == ("TEXT", 1, 1)
    assert columns["target"] == ("TEXT", 0, 0)
    fks = {(r[2], r[3], r[4]) for r in db.execute('PRAGMA foreign_key_list("letter_parties")')}
    assert {("letters", "letter", "id"), ("people", "person", "id")} <= fks
    assert ("organisations", "organisation_id", "id") in fks
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_letter_parties_person", "idx_demands_category", "idx_letters_date"} <= indexes
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        db.execute("UPDATE demands SET category = 'no-such-category'")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
        db.execute("UPDATE demands SET letter = 'nowhere/1' WHERE rowid = 1")
        db.commit()


def test_full_text_search_over_letters_and_demands(db_path: Path) -> None:
    db = sqlite3.connect(db_path)
    hits = db.execute(
        "SELECT l.id FROM letters l JOIN letters_fts f ON f.rowid = l.rowid WHERE letters_fts MATCH ?",
        ("aktau",),
    ).fetchall()
    assert hits == [("002_21dfb2a97649685c/1",)]
    hits = db.execute(
        "SELECT count(*) FROM letters_fts WHERE letters_fts MATCH ?", ("кәсіподақтар",)
    ).fetchone()
    assert hits == (1,)  # Kazakh words are searchable too
    demand_hits = db.execute(
        "SELECT d.category FROM demands d JOIN demands_fts f ON f.rowid = d.rowid "
        "WHERE demands_fts MATCH 'civilian'"
    ).fetchall()
    assert demand_hits and all(c in ("international_law", "protect_civilians") for (c,) in demand_hits)


def test_metadata_documents_every_table_and_column(dataset: Dataset, db_path: Path) -> None:
    meta = json.loads(db_path.with_name("metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "Creative Commons Attribution 4.0 International"
    assert meta["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert meta["source"].startswith(f"kzlabour data package {dataset.version}")
    tables = meta["databases"]["kzlabour"]["tables"]
    assert set(tables) == {m.resource for m in ROW_MODELS}
    assert tables["letters"]["fts_table"] == "letters_fts"
    assert tables["letters"]["columns"]["text"] == "the letter's words: source text[start:end]"
    for model in ROW_MODELS:
        assert tables[model.resource]["title"] == model.resource_title
        assert all(tables[model.resource]["columns"].values()), model.resource


def test_without_source_texts_the_text_is_null(dataset: Dataset, tmp_path: Path) -> None:
    from dataclasses import replace

    moved = replace(dataset, origin=str(tmp_path / "elsewhere"))
    result = export_sqlite(moved, tmp_path / "x.db")
    assert "letter texts not included" in result.describe()
    db = sqlite3.connect(tmp_path / "x.db")
    assert db.execute("SELECT count(*) FROM letters WHERE text IS NOT NULL").fetchone() == (0,)


def test_changed_source_text_is_refused(dataset: Dataset, built: Path, tmp_path: Path) -> None:
    import shutil

    sources = tmp_path / "sources"
    shutil.copytree(built / "sources", sources)
    first = sorted(sources.glob("*.txt"))[0]
    first.write_bytes(first.read_bytes() + b" ")
    with pytest.raises(ExportError, match=rf"{first.name}: SHA-256 .* differs from the package's"):
        export_sqlite(dataset, tmp_path / "x.db", sources=sources)
    assert not (tmp_path / "x.db").exists()
    first.unlink()
    with pytest.raises(ExportError, match=rf"{first.name}: missing: the package names {first.name}"):
        export_sqlite(dataset, tmp_path / "x.db", sources=sources)
    with pytest.raises(ExportError, match="no such sources folder"):
        export_sqlite(dataset, tmp_path / "x.db", sources=tmp_path / "none")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def datasette(db_path: Path) -> Iterator[str]:
    pytest.importorskip("datasette", reason="datasette is in the [test] extra")
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "datasette", "serve", str(db_path),
            "--metadata", str(db_path.with_name("metadata.json")),
            "--host", "127.0.0.1", "--port", str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "DATASETTE_SECRET": "test"},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    raise RuntimeError(f"datasette did not start: {err}") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def test_datasette_serves_tables_search_and_metadata(dataset: Dataset, datasette: str) -> None:
    letters = _get(f"{datasette}/kzlabour/letters.json?_shape=array&_size=max")
    assert [r["id"] for r in letters] == [r.id for r in dataset.tables.letters]  # type: ignore[union-attr]
    found = _get(f"{datasette}/kzlabour/letters.json?_shape=array&_search=aktau")
    assert [r["id"] for r in found] == ["002_21dfb2a97649685c/1"]
    query = urllib.parse.quote(
        "select category, count(*) as n from demands group by category order by n desc, category"
    )
    counts = _get(f"{datasette}/kzlabour.json?_shape=array&sql={query}")
    assert sum(r["n"] for r in counts) == sum(len(letter.demands) for letter in dataset.letters)
    meta = _get(f"{datasette}/-/metadata.json")
    assert meta["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    with urllib.request.urlopen(f"{datasette}/kzlabour/demands", timeout=10) as response:
        page = response.read().decode()
    assert "One demand of a letter." in page  # the table's description, from the row model
