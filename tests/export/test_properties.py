"""Round trips on generated letters: any names, quotes, scripts and controls survive SQLite and CMIF."""

from __future__ import annotations

import sqlite3
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kzlabour.export import export_cmif, export_sqlite
from kzlabour.export.common import row_values
from kzlabour.loader import Dataset
from kzlabour.models import Letter
from kzlabour.models.rows import ROW_MODELS, SourceRow
from kzlabour.tables import letters_to_tables
from tests.test_models import SHA, letters

TEI = "{http://www.tei-c.org/ns/1.0}"


def _dataset(items: list[Letter], where: Path) -> Dataset:
    source = SourceRow.model_validate(
        {
            "file": "a.txt",
            "sha256": SHA,
            "title": "t <&> \"'",
            "retrieved": "2026-01-01",
            "language": "en",
            "rights": "r",
            "parser_version": "1",
        }
    )
    tables = letters_to_tables(items, [source])
    return Dataset(
        "kzlabour", "0.0.0", str(where / "pkg"), items, tables.organisations, tables.people, tables
    )


@settings(max_examples=25, deadline=None)
@given(st.lists(letters(), max_size=4))
def test_sqlite_holds_every_row_exactly(items: list[Letter]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        dataset = _dataset(items, Path(tmp))
        export_sqlite(dataset, Path(tmp) / "x.db")
        db = sqlite3.connect(Path(tmp) / "x.db")
        for model in ROW_MODELS:
            names = list(model.model_fields) + (["text"] if model.resource == "letters" else [])
            cols = ", ".join(f'"{n}"' for n in names)
            got = db.execute(f'SELECT {cols} FROM "{model.resource}" ORDER BY rowid').fetchall()
            rows = [row_values(r) for r in getattr(dataset.tables, model.resource)]
            expected = [
                tuple(int(v) if isinstance(v, bool) else v for v in (*(r[n] for n in model.model_fields),))
                + ((None,) if model.resource == "letters" else ())
                for r in rows
            ]
            assert got == expected, model.resource
        db.close()


@settings(max_examples=25, deadline=None)
@given(st.lists(letters(), max_size=4))
def test_cmif_is_well_formed_and_names_every_party(items: list[Letter]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        dataset = _dataset(items, Path(tmp))
        export_cmif(dataset, Path(tmp) / "c.xml", url="https://example.org/c.xml")
        root = ET.parse(Path(tmp) / "c.xml").getroot()
    descs = list(root.iter(f"{TEI}correspDesc"))
    assert len(descs) == len(items)
    for desc, letter in zip(descs, items, strict=True):
        received = desc.find(f"{TEI}correspAction[@type='received']")
        assert received is not None
        names = [el.text or "" for el in received if el.tag in (f"{TEI}persName", f"{TEI}orgName")]
        assert len(names) == len(letter.recipients)
