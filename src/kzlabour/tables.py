"""Letters <-> table rows: the flattening that the CSV resources hold, and its inverse.

`letters_to_tables` and `tables_to_letters` are exact inverses on the letter
data (a property test checks it): loading a built package gives back the
letters that were built.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kzlabour.models import PARTY_FIELDS, Demand, Evidence, Flag, Letter, Party, PartyKind, Source, Span
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
    from slugify import slugify

    return slugify(text, max_length=80, word_boundary=True) or "x"


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
    """Rebuild the letters from their rows (the inverse of `letters_to_tables`)."""
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
    letters = []
    for row in tables.letters:
        fields: dict[str, Any] = {
            PARTY_FIELDS[kind]: tuple(_party(p) for p in sorted(parties[(row.id, kind)], key=_order))
            for kind in PartyKind
        }
        letters.append(
            Letter(
                date=row.date,
                place=row.place,
                reference=row.reference,
                language=row.language,
                title=row.title,
                flags=tuple(Flag(f) for f in row.flags.split(";")) if row.flags else (),
                demands=tuple(_demand(d) for d in sorted(demands[row.id], key=_order)),
                about=tuple(_party(a) for a in sorted(about[row.id], key=_order)),
                source=Source(path=row.source, sha256=sha[row.source], start=row.start, end=row.end),
                evidence=Evidence(**{name: _span(row, name) for name in EVIDENCE_FIELDS}),
                **fields,
            )
        )
    return letters


def _order(row: PartyRow | AboutRow | DemandRow) -> int:
    return row.order


def _span(row: LetterRow, name: str) -> Span | None:
    start, end = getattr(row, f"{name}_start"), getattr(row, f"{name}_end")
    return Span(start=start, end=end) if start is not None and end is not None else None


def _party(row: PartyRow | AboutRow) -> Party:
    span = Span(start=row.start, end=row.end) if row.start is not None and row.end is not None else None
    return Party(
        name=row.name,
        role=row.role,
        organisation=row.organisation,
        country=row.country,
        address=row.address,
        email=row.email,
        phone=row.phone,
        span=span,
    )


def _demand(row: DemandRow) -> Demand:
    span = Span(start=row.start, end=row.end) if row.start is not None and row.end is not None else None
    return Demand(text=row.text, category=row.category, target=row.target, span=span)
