"""The Popolo export: organizations, persons and memberships that refer to each other."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kzlabour.export import export_popolo
from kzlabour.loader import Dataset
from kzlabour.tables import Tables


@pytest.fixture(scope="module")
def doc(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("popolo") / "popolo.json"
    result = export_popolo(dataset, out)
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert result.counts == {k: len(data[k]) for k in ("organizations", "persons", "memberships")}
    return data


def test_every_organisation_and_person_once(doc: dict[str, Any], dataset: Dataset) -> None:
    assert [o["id"] for o in doc["organizations"]] == [o.id for o in dataset.organisations]
    assert [p["id"] for p in doc["persons"]] == [p.id for p in dataset.people]
    assert [o["name"] for o in doc["organizations"]] == [o.name for o in dataset.organisations]
    assert doc["meta"]["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_memberships_refer_to_existing_entities(doc: dict[str, Any]) -> None:
    orgs = {o["id"] for o in doc["organizations"]}
    persons = {p["id"] for p in doc["persons"]}
    ids = [m["id"] for m in doc["memberships"]]
    assert doc["memberships"] and len(ids) == len(set(ids))
    for m in doc["memberships"]:
        assert m["person_id"] in persons and m["organization_id"] in orgs
        assert set(m) <= {"id", "person_id", "organization_id", "role", "start_date", "end_date", "sources"}


def test_the_registry_shows_through(doc: dict[str, Any], dataset: Dataset) -> None:
    """ITUC's officers are members with their posts; AMANAT has its Kazakh and Russian names."""
    burrow = [
        m for m in doc["memberships"] if m["person_id"] == "sharan-burrow" and m["organization_id"] == "ituc"
    ]
    assert burrow and burrow[0]["role"] == "General Secretary"
    amanat = next(o for o in doc["organizations"] if o["id"] == "amanat")
    assert {"kk", "ru"} <= {n.get("lang") for n in amanat["other_names"]}
    assert amanat["classification"] == "union-federation"
    assert {"type": "email", "value": "amanat.prof.kz@gmail.com"} in amanat["contact_details"]


def test_identifiers_and_authority_links(dataset: Dataset, tmp_path: Path) -> None:
    assert dataset.tables is not None
    people = [
        p.model_copy(update={"identifiers": "wikidata:Q23 | passport:X1"}) if p.id == "sharan-burrow" else p
        for p in dataset.tables.people
    ]
    tables = Tables(**{**dataset.tables.__dict__, "people": people})
    export_popolo(replace(dataset, tables=tables), tmp_path / "p.json")
    doc = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    burrow = next(p for p in doc["persons"] if p["id"] == "sharan-burrow")
    assert burrow["identifiers"] == [
        {"scheme": "wikidata", "identifier": "Q23"},
        {"scheme": "passport", "identifier": "X1"},
    ]
    assert burrow["links"] == [{"url": "http://www.wikidata.org/entity/Q23", "note": "authority record"}]
    assert all("identifiers" not in p for p in doc["persons"] if p["id"] != "sharan-burrow")
