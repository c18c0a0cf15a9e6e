"""Schemas generated from the models: Table Schema per resource, JSON Schema per model, the descriptor.

Nothing here is written by hand: change a model and regenerate (`kzlabour schema`,
also part of `kzlabour build`); a test fails when `schema/` drifts from the models.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from kzlabour.models.rows import ROW_MODELS, Row

__all__ = ["json_schemas", "package_descriptor", "table_schema", "write_schemas"]

PACKAGE_NAME = "kzlabour"
PACKAGE_TITLE = "kzlabour: letters on labour rights in Kazakhstan"
PACKAGE_DESCRIPTION = (
    "Protest and solidarity letters about labour-rights repression in Kazakhstan "
    "(English, Russian, Kazakh): who wrote to whom, when, demanding what, on behalf of which "
    "organisation. Each fact carries its character span in the source text."
)
DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}

_JSON_TO_TABLE_TYPE = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}


@cache
def _code_lists() -> dict[str, list[str]]:
    from kzlabour.models.base import _country_codes, _language_codes

    return {"country": sorted(_country_codes()), "language": sorted(_language_codes())}


def table_schema(model: type[Row]) -> dict[str, Any]:
    """The Table Schema of a row model: fields, types, constraints, keys."""
    js = model.model_json_schema()
    defs = js.get("$defs", {})
    required = set(js.get("required", []))
    fields = [_table_field(name, prop, defs, name in required) for name, prop in js["properties"].items()]
    schema: dict[str, Any] = {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": list(model.primary_key),
    }
    if model.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(own), "reference": {"resource": res, "fields": list(ref)}}
            for own, res, ref in model.foreign_keys
        ]
    return schema


def _table_field(name: str, prop: dict[str, Any], defs: dict[str, Any], required: bool) -> dict[str, Any]:
    nullable = False
    if "anyOf" in prop:
        options = [o for o in prop["anyOf"] if o.get("type") != "null"]
        nullable = len(options) < len(prop["anyOf"])
        prop = {**options[0], **{k: v for k, v in prop.items() if k != "anyOf"}}
    if "$ref" in prop:
        prop = {**defs[prop["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in prop.items() if k != "$ref"}}
    field: dict[str, Any] = {"name": name, "type": _JSON_TO_TABLE_TYPE[prop.get("type", "string")]}
    if prop.get("description"):
        field["description"] = prop["description"]
    constraints: dict[str, Any] = {}
    if required and not nullable:
        constraints["required"] = True
    for json_key, table_key in (("pattern", "pattern"), ("minLength", "minLength"), ("minimum", "minimum")):
        if json_key in prop:
            constraints[table_key] = prop[json_key]
    if "enum" in prop:
        constraints["enum"] = list(prop["enum"])
    kind = prop.get("x-kzlabour-type")
    if kind in ("country", "language"):
        constraints["enum"] = _code_lists()[kind]
    if constraints:
        field["constraints"] = constraints
    return field


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema of every model a user or contributor writes or reads, by file name."""
    from kzlabour.curate import CurationFile
    from kzlabour.models import Letter
    from kzlabour.models.provenance import Provenance

    models: dict[str, Any] = {"letter": Letter, "provenance": Provenance, "curation": CurationFile}
    return {f"{name}.schema.json": model.model_json_schema() for name, model in models.items()}


def all_schema_files() -> dict[str, dict[str, Any]]:
    """Every file of schema/: Table Schemas (`*.table.json`) and JSON Schemas (`*.schema.json`)."""
    files = {f"{m.resource}.table.json": table_schema(m) for m in ROW_MODELS}
    files.update(json_schemas())
    return files


def dump_json(data: Any) -> str:
    """The one JSON style of every generated file: sorted nowhere, indented, UTF-8, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path, check: bool = False) -> list[str]:
    """Write schema/ from the models; the names of files that changed (with check: would change)."""
    changed = []
    for name, data in all_schema_files().items():
        path = folder / name
        text = dump_json(data)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            changed.append(name)
            if not check:
                folder.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8", newline="\n")
    if folder.is_dir():
        stale = sorted(p.name for p in folder.glob("*.json") if p.name not in all_schema_files())
        changed += stale
        if not check:
            for name in stale:
                (folder / name).unlink()
    return changed


def package_descriptor(version: str, created: str, sources: Sequence[dict[str, str]]) -> dict[str, Any]:
    """The datapackage.json descriptor: metadata, licence, sources and resources with their schemas."""
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": PACKAGE_DESCRIPTION,
        "version": version,
        "created": created,
        "licenses": [DATA_LICENSE],
        "contributors": [{"title": "kzlabour contributors", "role": "author"}],
        "sources": list(sources),
        "resources": [
            {
                "name": m.resource,
                "title": m.resource_title,
                "description": (m.__doc__ or "").strip(),
                "path": f"{m.resource}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(m),
            }
            for m in ROW_MODELS
        ],
    }
