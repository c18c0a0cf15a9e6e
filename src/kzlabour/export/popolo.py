"""Organisations, persons and memberships as Popolo JSON (https://www.popoloproject.com/).

The document holds Popolo's three collections, in its spelling: `organizations`
(name, classification, parent, other names with their language, identifiers,
authority links, contact details), `persons` (name, given and family name,
other names, identifiers, links) and `memberships` (person, organisation, the
post as `role`, dates, and the letter that attests it as a source), plus a
`meta` object with the dataset's title, version and licence.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzlabour.export.authority import authority_uri, identifiers
from kzlabour.export.common import ExportResult, dataset_tables, licence, title, write_atomic

if TYPE_CHECKING:
    from kzlabour.loader import Dataset
    from kzlabour.models.rows import MembershipRow, OrganisationRow, PersonRow

__all__ = ["export_popolo", "popolo_document"]


def _names_and_ids(
    item: dict[str, Any], names: list[dict[str, str]], pairs: list[tuple[str, str]]
) -> dict[str, Any]:
    if names:
        item["other_names"] = names
    if pairs:
        item["identifiers"] = [{"scheme": s, "identifier": v} for s, v in pairs]
        links = [u for u in (authority_uri(s, v) for s, v in pairs) if u]
        if links:
            item["links"] = [{"url": u, "note": "authority record"} for u in links]
    return item


def _contacts(org: OrganisationRow) -> list[dict[str, str]]:
    """Popolo contact_details from address, email, phone (a 'fax ' number: fax) and website."""
    contacts = []
    for kind in ("address", "email", "phone", "website"):
        for value in (v.strip() for v in (getattr(org, kind) or "").split(" | ")):
            if kind == "phone" and value.startswith("fax "):
                contacts.append({"type": "fax", "value": value[4:]})
            elif value:
                contacts.append({"type": kind, "value": value})
    return contacts


def _organization(
    org: OrganisationRow, names: list[dict[str, str]], pairs: list[tuple[str, str]]
) -> dict[str, Any]:
    item: dict[str, Any] = {"id": org.id, "name": org.name}
    if org.classification:
        item["classification"] = org.classification.value
    if org.parent:
        item["parent_id"] = org.parent
    if contacts := _contacts(org):
        item["contact_details"] = contacts
    return _names_and_ids(item, names, pairs)


def _person(person: PersonRow, names: list[dict[str, str]], pairs: list[tuple[str, str]]) -> dict[str, Any]:
    item: dict[str, Any] = {"id": person.id, "name": person.name}
    if person.given_name:
        item["given_name"] = person.given_name
    if person.family_name:
        item["family_name"] = person.family_name
    return _names_and_ids(item, names, pairs)


def _membership(row: MembershipRow) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": f"{row.person}-{row.order}",
        "person_id": row.person,
        "organization_id": row.organisation,
    }
    if row.post:
        item["role"] = row.post
    if row.start_date:
        item["start_date"] = row.start_date
    if row.end_date:
        item["end_date"] = row.end_date
    if row.letter:
        item["sources"] = [{"note": f"letter {row.letter}"}]
    return item


def popolo_document(dataset: Dataset) -> dict[str, Any]:
    """The Popolo JSON document: organizations, persons, memberships, and the dataset's metadata."""
    tables = dataset_tables(dataset)
    names: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for other in tables.other_names:
        key = ("organisations", other.organisation) if other.organisation else ("people", other.person or "")
        name = {"name": other.name}
        if other.lang:
            name["lang"] = other.lang
        if other.note:
            name["note"] = other.note
        names[key].append(name)
    ids = identifiers(dataset)
    lic = licence(dataset)
    return {
        "meta": {
            "title": title(dataset),
            "version": dataset.version,
            "license": lic.get("path") or lic.get("name", ""),
        },
        "organizations": [
            _organization(o, names[("organisations", o.id)], ids.get(("organisations", o.id), []))
            for o in tables.organisations
        ],
        "persons": [
            _person(p, names[("people", p.id)], ids.get(("people", p.id), [])) for p in tables.people
        ],
        "memberships": [_membership(m) for m in tables.memberships],
    }


def export_popolo(dataset: Dataset, out: str | Path) -> ExportResult:
    """Write the Popolo JSON document to `out`."""
    out = Path(out)
    doc = popolo_document(dataset)
    write_atomic(out, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    counts = {name: len(doc[name]) for name in ("organizations", "persons", "memberships")}
    return ExportResult("popolo", [out], counts)
