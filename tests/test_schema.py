"""schema/ and the descriptor are generated from the models; the committed files must not drift."""

from __future__ import annotations

import json

from kzlabour.models import DemandCategory, PartyKind
from kzlabour.schema import all_schema_files, write_schemas
from tests.conftest import ROOT


def test_committed_schemas_match_the_models() -> None:
    assert write_schemas(ROOT / "schema", check=True) == []


def test_enums_come_from_the_models() -> None:
    files = all_schema_files()
    demand = {f["name"]: f for f in files["demands.table.json"]["fields"]}
    assert demand["category"]["constraints"]["enum"] == [c.value for c in DemandCategory]
    party = {f["name"]: f for f in files["letter_parties.table.json"]["fields"]}
    assert party["kind"]["constraints"]["enum"] == [k.value for k in PartyKind]
    assert "YUCS" in party["country"]["constraints"]["enum"]


def test_descriptor_resources_embed_the_table_schemas() -> None:
    descriptor = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    files = all_schema_files()
    for resource in descriptor["resources"]:
        assert resource["schema"] == files[f"{resource['name']}.table.json"]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["created"] == "2026-11-24T00:00:00Z"


def test_every_field_is_described() -> None:
    for name, schema in all_schema_files().items():
        if name.endswith(".table.json"):
            assert all(f.get("description") for f in schema["fields"]), name
