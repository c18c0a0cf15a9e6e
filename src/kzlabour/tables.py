"""Letters <-> table rows: the flattening that the CSV resources hold, and its inverse.

`letters_to_tables` and `tables_to_letters` are exact inverses on the letter
data (a property test checks it): loading a built package gives back the
letters that were built.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kzlabour.models import PARTY_FIELDS, Demand, Evidence, Flag, Letter, Party, PartyKind, Source, Span
from kzlabour.models.rows import DemandRow, LetterRow, OrganisationRow, PartyRow, PersonRow, Row, SourceRow

__all__ = ["Tables", "letter_id", "letters_to_tables", "slug", "tables_to_letters"]

EVIDENCE_FIELDS = tuple(Evidence.model_fields)


@dataclass
class Tables:
    """The rows of every resource, in package order."""

    sources: list[SourceRow] = field(default_factory=list)
    letters: list[LetterRow] = field(default_factory=list)
    organisations: list[OrganisationRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    letter_parties: list[PartyRow] = field(default_factory=list)
    demands: list[DemandRow] = field(default_factory=list)

    def resources(self) -> dict[str, Sequence[Row]]:
        return {
            "sources": self.sources,
            "letters": self.letters,
            "organisations": self.organisations,
            "people": self.people,
            "letter_parties": self.letter_parties,
            "demands": self.demands,
        }


def letter_id(letter: Letter, order: int) -> str:
    stem = letter.source.path.rsplit(".", 1)[0]
    return f"{stem}/{order}"


def slug(text: str) -> str:
    """A lowercase ASCII identifier for a name in any script ('Назарбаев' -> 'nazarbaev')."""
    from slugify import slugify

    return slugify(text, max_length=80, word_boundary=True) or "x"


def letters_to_tables(letters: Iterable[Letter], sources: Sequence[SourceRow]) -> Tables:
    """Flatten letters (in order) into rows; organisations and people get one id per distinct name."""
    letters = list(letters)
    people = _ids({p.name for letter in letters for p in _all_parties(letter) if p.name})
    orgs = _ids({p.organisation for letter in letters for p in _all_parties(letter) if p.organisation})
    tables = Tables(sources=list(sources))
    tables.people = [PersonRow(id=i, name=n) for n, i in sorted(people.items(), key=lambda kv: kv[1])]
    tables.organisations = [
        OrganisationRow(id=i, name=n) for n, i in sorted(orgs.items(), key=lambda kv: kv[1])
    ]
    order_in_source: dict[str, int] = defaultdict(int)
    for letter in letters:
        order_in_source[letter.source.path] += 1
        lid = letter_id(letter, order_in_source[letter.source.path])
        tables.letters.append(_letter_row(letter, lid, order_in_source[letter.source.path]))
        for kind in PartyKind:
            for n, party in enumerate(letter.parties(kind), 1):
                tables.letter_parties.append(_party_row(lid, kind, n, party, people, orgs))
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


def _all_parties(letter: Letter) -> Iterable[Party]:
    for kind in PartyKind:
        yield from letter.parties(kind)


def _ids(names: set[str]) -> dict[str, str]:
    """One slug per name, made unique deterministically (sorted names; -2, -3 on collision)."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(names):
        base = slug(name)
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        ids[name] = candidate
    return ids


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


def _party_row(
    lid: str, kind: PartyKind, order: int, party: Party, people: Mapping[str, str], orgs: Mapping[str, str]
) -> PartyRow:
    return PartyRow(
        letter=lid,
        kind=kind,
        order=order,
        name=party.name,
        role=party.role,
        organisation=party.organisation,
        country=party.country,
        address=party.address,
        email=party.email,
        phone=party.phone,
        person=people[party.name] if party.name else None,
        organisation_id=orgs[party.organisation] if party.organisation else None,
        start=party.span.start if party.span else None,
        end=party.span.end if party.span else None,
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
                source=Source(path=row.source, sha256=sha[row.source], start=row.start, end=row.end),
                evidence=Evidence(**{name: _span(row, name) for name in EVIDENCE_FIELDS}),
                **fields,
            )
        )
    return letters


def _order(row: PartyRow | DemandRow) -> int:
    return row.order


def _span(row: LetterRow, name: str) -> Span | None:
    start, end = getattr(row, f"{name}_start"), getattr(row, f"{name}_end")
    return Span(start=start, end=end) if start is not None and end is not None else None


def _party(row: PartyRow) -> Party:
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
