"""Letters <-> table rows: the flattening that the CSV resources hold, and its inverse.

`letters_to_tables` and `tables_to_letters` are exact inverses on the letter
data (a property test checks it): loading a built package gives back the
letters that were built.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from kzlabour.bulk import models_in, share_fields_set
from kzlabour.models import PARTY_FIELDS, Evidence, Letter, Party, PartyKind, Span
from kzlabour.models.rows import (
    AboutRow,
    DemandRow,
    LetterRow,
    MembershipRow,
    OrganisationRow,
    OtherNameRow,
    PartyRow,
    PersonRow,
    Row,
    SourceRow,
)

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

    from kzlabour.models.entities import Organisation, Person
    from kzlabour.registry.resolve import Resolution

__all__ = ["Tables", "letter_id", "letters_to_tables", "letters_with_ids", "slug", "tables_to_letters"]

EVIDENCE_FIELDS = tuple(Evidence.model_fields)


@dataclass
class Tables:
    """The rows of every resource, in package order."""

    sources: list[SourceRow] = field(default_factory=list)
    letters: list[LetterRow] = field(default_factory=list)
    organisations: list[OrganisationRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    memberships: list[MembershipRow] = field(default_factory=list)
    other_names: list[OtherNameRow] = field(default_factory=list)
    letter_parties: list[PartyRow] = field(default_factory=list)
    letter_about: list[AboutRow] = field(default_factory=list)
    demands: list[DemandRow] = field(default_factory=list)

    def resources(self) -> dict[str, Sequence[Row]]:
        return {
            "sources": self.sources,
            "letters": self.letters,
            "organisations": self.organisations,
            "people": self.people,
            "memberships": self.memberships,
            "other_names": self.other_names,
            "letter_parties": self.letter_parties,
            "letter_about": self.letter_about,
            "demands": self.demands,
        }


def letter_id(letter: Letter, order: int) -> str:
    stem = letter.source.path.rsplit(".", 1)[0]
    return f"{stem}/{order}"


def slug(text: str) -> str:
    """A lowercase ASCII identifier for a name in any script ('Назарбаев' -> 'nazarbaev')."""
    from kzlabour.slugs import ascii_slug

    return ascii_slug(text, max_length=80, word_boundary=True) or "x"


def letters_with_ids(letters: Iterable[Letter]) -> list[tuple[str, Letter]]:
    """(letter id, letter) for letters in package order: the id is `<source stem>/<order in source>`."""
    order_in_source: dict[str, int] = defaultdict(int)
    out = []
    for letter in letters:
        order_in_source[letter.source.path] += 1
        out.append((letter_id(letter, order_in_source[letter.source.path]), letter))
    return out


def letters_to_tables(
    letters: Iterable[Letter], sources: Sequence[SourceRow], resolution: Resolution | None = None
) -> Tables:
    """Flatten letters (in order) into rows; people and organisations are those of the registry
    `resolution` (default: resolved against an empty registry), linked by its ids."""
    from kzlabour.registry.resolve import ABOUT, resolve_letters

    pairs = letters_with_ids(letters)
    if resolution is None:
        resolution = resolve_letters(pairs)
    tables = Tables(sources=list(sources))
    _entity_rows(tables, resolution)
    for lid, letter in pairs:
        tables.letters.append(_letter_row(letter, lid, int(lid.rsplit("/", 1)[1])))
        for kind in PartyKind:
            for n, party in enumerate(letter.parties(kind), 1):
                links = resolution.link(lid, PARTY_FIELDS[kind], n)
                tables.letter_parties.append(_party_row(lid, kind, n, party, links))
        for n, party in enumerate(letter.about, 1):
            person, org = resolution.link(lid, ABOUT, n)
            tables.letter_about.append(
                AboutRow(letter=lid, order=n, person=person, organisation_id=org, **_party_cells(party))
            )
        for n, demand in enumerate(letter.demands, 1):
            span = demand.span
            tables.demands.append(
                DemandRow(
                    letter=lid,
                    order=n,
                    text=demand.text,
                    category=demand.category,
                    target=demand.target,
                    start=span.start if span else None,
                    end=span.end if span else None,
                )
            )
    return tables


def _joined(values: Iterable[str]) -> str | None:
    return " | ".join(values) or None


def _entity_rows(tables: Tables, resolution: Resolution) -> None:
    organisations, people, curated = resolution.organisations, resolution.people, resolution.curated
    for org in organisations:
        contacts: dict[str, list[str]] = defaultdict(list)
        for c in org.contact_details:
            kind = "phone" if c.type.value == "fax" else c.type.value
            contacts[kind].append(f"fax {c.value}" if c.type.value == "fax" else c.value)
        tables.organisations.append(
            OrganisationRow(
                id=org.id,
                name=org.name,
                classification=org.classification,
                country=org.country,
                parent=org.parent,
                address=_joined(contacts["address"]),
                email=_joined(contacts["email"]),
                phone=_joined(contacts["phone"]),
                website=_joined(contacts["website"]),
                identifiers=_joined(f"{i.scheme}:{i.identifier}" for i in org.identifiers),
                curated=org.id in curated,
            )
        )
    for person in people:
        tables.people.append(
            PersonRow(
                id=person.id,
                name=person.name,
                given_name=person.given_name,
                family_name=person.family_name,
                country=person.country,
                identifiers=_joined(f"{i.scheme}:{i.identifier}" for i in person.identifiers),
                curated=person.id in curated,
            )
        )
        for n, m in enumerate(person.memberships, 1):
            tables.memberships.append(
                MembershipRow(
                    person=person.id,
                    order=n,
                    organisation=m.organisation,
                    post=m.post,
                    start_date=m.start_date,
                    end_date=m.end_date,
                    letter=m.letter,
                )
            )
    entities: list[tuple[bool, Organisation | Person]] = [(True, o) for o in organisations]
    entities += [(False, p) for p in people]
    for is_org, entity in entities:
        for n, other in enumerate(entity.other_names, 1):
            tables.other_names.append(
                OtherNameRow(
                    id=f"{entity.id}/{n}",
                    organisation=entity.id if is_org else None,
                    person=None if is_org else entity.id,
                    name=other.name,
                    lang=other.lang,
                    note=other.note,
                )
            )


def _letter_row(letter: Letter, lid: str, order: int) -> LetterRow:
    evidence: dict[str, int | None] = {}
    for name in EVIDENCE_FIELDS:
        span: Span | None = getattr(letter.evidence, name)
        evidence[f"{name}_start"] = span.start if span else None
        evidence[f"{name}_end"] = span.end if span else None
    return LetterRow(
        id=lid,
        source=letter.source.path,
        order=order,
        date=letter.date,
        place=letter.place,
        reference=letter.reference,
        language=letter.language,
        title=letter.title,
        flags=";".join(f.value for f in letter.flags) or None,
        start=letter.source.start,
        end=letter.source.end,
        **evidence,
    )


def _party_cells(party: Party) -> dict[str, Any]:
    return {
        "name": party.name,
        "role": party.role,
        "organisation": party.organisation,
        "country": party.country,
        "address": party.address,
        "email": party.email,
        "phone": party.phone,
        "start": party.span.start if party.span else None,
        "end": party.span.end if party.span else None,
    }


def _party_row(
    lid: str, kind: PartyKind, order: int, party: Party, links: tuple[str | None, str | None]
) -> PartyRow:
    person, org = links
    return PartyRow(
        letter=lid, kind=kind, order=order, person=person, organisation_id=org, **_party_cells(party)
    )


def tables_to_letters(tables: Tables) -> list[Letter]:
    """Rebuild the letters from their rows (the inverse of `letters_to_tables`).

    Every letter is validated as a `Letter`, a chunk of letters per pydantic call: the letter
    models check more than the row models (no blank text, spans and flags in order, a party
    names someone), so nothing is built unchecked. A letter that fails raises `RowError`, a
    ValueError naming the table and row at fault; a letter whose source file is not in
    `tables.sources` raises KeyError.
    """
    from pydantic import ValidationError

    sha = {s.file: s.sha256 for s in tables.sources}
    parties: dict[tuple[str, PartyKind], list[PartyRow]] = defaultdict(list)
    for prow in tables.letter_parties:
        parties[(prow.letter, prow.kind)].append(prow)
    demands: dict[str, list[DemandRow]] = defaultdict(list)
    for drow in tables.demands:
        demands[drow.letter].append(drow)
    about: dict[str, list[AboutRow]] = defaultdict(list)
    for arow in tables.letter_about:
        about[arow.letter].append(arow)
    children = _Children(parties, demands, about)
    adapter = _letters_adapter()
    letters: list[Letter] = []
    for first in range(0, len(tables.letters), _CHUNK_LETTERS):
        chunk = tables.letters[first : first + _CHUNK_LETTERS]
        data = [_letter_data(row, sha[row.source], children) for row in chunk]
        try:
            validated = adapter.validate_python(data)
        except ValidationError as exc:
            raise _row_error(exc, tables, first, children) from None
        share_fields_set(models_in(validated))
        letters.extend(validated)
    return letters


# Letters validated per pydantic call: the dicts waiting for validation stay small beside
# the letters themselves, and the call's own cost is shared by many letters.
_CHUNK_LETTERS = 2_000


class RowError(ValueError):
    """A row that makes an invalid letter: `resource`, 0-based `index` in it, `field` and `message`."""

    def __init__(self, resource: str, index: int, field: str, message: str) -> None:
        self.resource, self.index, self.field, self.message = resource, index, field, message
        super().__init__(f"{resource} row {index + 1}: {field}: {message}")


@dataclass(frozen=True)
class _Children:
    """A letter's rows in the other tables, by letter id (parties also by kind), unsorted."""

    parties: dict[tuple[str, PartyKind], list[PartyRow]]
    demands: dict[str, list[DemandRow]]
    about: dict[str, list[AboutRow]]

    def of(self, letter: str, list_field: str) -> tuple[str, Sequence[Row]]:
        """(resource, rows in letter order) that make the letter's `list_field`."""
        if list_field == "demands":
            return "demands", sorted(self.demands.get(letter, ()), key=_order)
        if list_field == "about":
            return "letter_about", sorted(self.about.get(letter, ()), key=_order)
        kind = _KIND_OF_FIELD[list_field]
        return "letter_parties", sorted(self.parties.get((letter, kind), ()), key=_order)


_KIND_OF_FIELD = {name: kind for kind, name in PARTY_FIELDS.items()}


@cache
def _letters_adapter() -> TypeAdapter[list[Letter]]:
    from pydantic import TypeAdapter

    return TypeAdapter(list[Letter])


def _letter_data(row: LetterRow, sha256: str, children: _Children) -> dict[str, Any]:
    """The letter of `row` as plain data for `Letter`, every field given (as `Letter(...)` did)."""
    data: dict[str, Any] = {
        "date": row.date,
        "place": row.place,
        "reference": row.reference,
        "language": row.language,
        "title": row.title,
    }
    for kind, list_field in PARTY_FIELDS.items():
        prows = children.parties.get((row.id, kind), ())
        data[list_field] = [_party_data(p) for p in sorted(prows, key=_order)]
    data["about"] = [_party_data(a) for a in sorted(children.about.get(row.id, ()), key=_order)]
    data["demands"] = [_demand_data(d) for d in sorted(children.demands.get(row.id, ()), key=_order)]
    data["flags"] = row.flags.split(";") if row.flags else []
    data["source"] = {"path": row.source, "sha256": sha256, "start": row.start, "end": row.end}
    data["evidence"] = {
        name: _span_data(getattr(row, f"{name}_start"), getattr(row, f"{name}_end"))
        for name in EVIDENCE_FIELDS
    }
    return data


def _row_error(exc: ValidationError, tables: Tables, first: int, children: _Children) -> RowError:
    """The row behind the first error of validating `tables.letters[first:...]`, as a RowError."""
    error = exc.errors(include_url=False)[0]
    index, *loc = error["loc"]
    letter_index = first + int(index)
    letter = tables.letters[letter_index]
    if len(loc) >= 2 and isinstance(loc[1], int) and loc[0] in _LIST_FIELDS:
        resource, rows = children.of(letter.id, str(loc[0]))
        row = rows[loc[1]]
        table: Sequence[Row] = tables.resources()[resource]
        position = next(i for i, r in enumerate(table) if r is row)
        return RowError(resource, position, ".".join(str(x) for x in loc[2:]), error["msg"])
    return RowError("letters", letter_index, ".".join(str(x) for x in loc), error["msg"])


_LIST_FIELDS = (*PARTY_FIELDS.values(), "about", "demands")


def _order(row: PartyRow | AboutRow | DemandRow) -> int:
    return row.order


def _span_data(start: int | None, end: int | None) -> dict[str, int] | None:
    return {"start": start, "end": end} if start is not None and end is not None else None


def _party_data(row: PartyRow | AboutRow) -> dict[str, Any]:
    start, end = row.start, row.end  # _span_data inlined: this runs for every party
    return {
        "name": row.name,
        "role": row.role,
        "organisation": row.organisation,
        "country": row.country,
        "address": row.address,
        "email": row.email,
        "phone": row.phone,
        "span": {"start": start, "end": end} if start is not None and end is not None else None,
    }


def _demand_data(row: DemandRow) -> dict[str, Any]:
    span = _span_data(row.start, row.end)
    return {"text": row.text, "category": row.category, "target": row.target, "span": span}


def _party(row: PartyRow | AboutRow) -> Party:
    """One party row as a Party (registry views build mentions with it)."""
    return Party.model_validate(_party_data(row))
