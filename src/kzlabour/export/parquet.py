"""The data package as Parquet: one file per table, typed from its Table Schema (needs pyarrow).

`OUT/letters.parquet`, `OUT/demands.parquet`, ...: integers are int64, text
is UTF-8 strings, empty cells are nulls; `letters` has the letter's `text`
when the source texts are at hand. Each file's schema metadata carries the
package name, version, licence and the table's primary and foreign keys, and
each column its description.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzlabour.errors import ExportError
from kzlabour.export.common import ExportResult, licence, resources, row_values, table_fields
from kzlabour.export.texts import read_texts

if TYPE_CHECKING:
    from kzlabour.loader import Dataset

__all__ = ["export_parquet"]


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ExportError("the parquet export needs pyarrow: pip install 'kzlabour[parquet]'") from None
    return pyarrow


def export_parquet(dataset: Dataset, out: str | Path, *, sources: Path | None = None) -> ExportResult:
    """Write one Parquet file per table into the folder `out` (created if missing)."""
    pa = _pyarrow()
    out = Path(out)
    texts = read_texts(dataset, sources)
    types = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(), "string": pa.string()}
    lic = licence(dataset)
    out.mkdir(parents=True, exist_ok=True)
    result = ExportResult("parquet", notes=[texts.note()])
    for model, rows in resources(dataset):
        fields = table_fields(model)
        schema = pa.schema(
            [
                pa.field(
                    f["name"],
                    types[f["type"]],
                    nullable=not f.get("constraints", {}).get("required", False),
                    metadata={"description": f.get("description", "")},
                )
                for f in fields
            ],
            metadata={
                "kzlabour": json.dumps(
                    {
                        "package": dataset.name,
                        "version": dataset.version,
                        "resource": model.resource,
                        "title": model.resource_title,
                        "license": lic.get("path") or lic.get("name", ""),
                        "primaryKey": list(model.primary_key),
                        "foreignKeys": [
                            {"fields": list(own), "reference": {"resource": res, "fields": list(ref)}}
                            for own, res, ref in model.foreign_keys
                        ],
                    },
                    ensure_ascii=False,
                )
            },
        )
        values = [row_values(row, texts) for row in rows]
        table = pa.table({f["name"]: [v[f["name"]] for v in values] for f in fields}, schema=schema)
        path = out / f"{model.resource}.parquet"
        tmp = path.with_name(f".{path.name}.tmp")
        pa.parquet.write_table(table, tmp)
        tmp.replace(path)
        result.paths.append(path)
        result.counts[model.resource] = len(rows)
    return result
