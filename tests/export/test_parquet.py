"""The Parquet export, read back with DuckDB and compared with the package row for row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzlabour.export import export_parquet
from kzlabour.export.common import row_values
from kzlabour.export.texts import read_texts
from kzlabour.loader import Dataset
from kzlabour.models.rows import ROW_MODELS

duckdb = pytest.importorskip("duckdb", reason="duckdb is in the [test] extra")
pytest.importorskip("pyarrow", reason="pyarrow is the [parquet] extra")


@pytest.fixture(scope="module")
def folder(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parquet")
    result = export_parquet(dataset, out)
    assert [p.name for p in result.paths] == [f"{m.resource}.parquet" for m in ROW_MODELS]
    return out


def test_duckdb_reads_back_every_table_row_for_row(dataset: Dataset, folder: Path) -> None:
    texts = read_texts(dataset)
    con = duckdb.connect()
    for model in ROW_MODELS:
        rel = con.execute(f"SELECT * FROM read_parquet('{folder / model.resource}.parquet')")
        names = [d[0] for d in rel.description]
        got = [dict(zip(names, row, strict=True)) for row in rel.fetchall()]
        expected = [row_values(r, texts) for r in getattr(dataset.tables, model.resource)]
        assert got == expected, model.resource


def test_types_and_metadata(dataset: Dataset, folder: Path) -> None:
    import pyarrow.parquet as pq

    schema = pq.read_schema(folder / "demands.parquet")
    assert str(schema.field("order").type) == "int64" and not schema.field("order").nullable
    assert str(schema.field("target").type) == "string" and schema.field("target").nullable
    assert schema.field("category").metadata[b"description"] == b"what the demand asks for"
    meta = json.loads(schema.metadata[b"kzlabour"])
    assert meta["primaryKey"] == ["letter", "order"]
    assert meta["version"] == dataset.version
    assert meta["license"] == "https://creativecommons.org/licenses/by/4.0/"
    con = duckdb.connect()
    n = con.execute(
        f"SELECT count(*) FROM read_parquet('{folder}/letters.parquet') WHERE text ILIKE '%aktau%'"
    ).fetchone()
    assert n == (1,)


def test_missing_pyarrow_is_one_clear_error(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from kzlabour.errors import ExportError

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(
        ExportError, match=r"the parquet export needs pyarrow: pip install 'kzlabour\[parquet\]'"
    ):
        export_parquet(dataset, tmp_path)
