"""Organisations and people of a loaded package, with their names, memberships and letters.

`Dataset.organisation(id)`, `Dataset.person(id)` and `Dataset.find(text)` return these records;
they read the package's tables (organisations, people, other_names, memberships, letter_parties,
letter_about), so they work on any kzlabour package, bundled or downloaded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kzlabour.errors import KzlabourError
from kzlabour.models import PARTY_FIELDS

if TYPE_CHECKING:
    from kzlabour.models import Letter, Party
    from kzlabour.models.rows import MembershipRow, OrganisationRow, OtherNameRow, PersonRow
    from kzlabour.registry.match import EntityKind, Index
    from kzlabour.tables import Tables

__all__ = ["Entities", "EntityNotFound", "MentionRef", "OrganisationRecord", "PersonRecord"]


class EntityNotFound(KzlabourError, KeyError):
    """No organisation or person has this id."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class MentionRef:
    """One place a letter names the entity: the letter, the list (senders, ..., about), the entry."""

    letter_id: str
    letter: Letter
    field: str
    order: int
    party: Party


@dataclass(frozen=True)
class _Record:
    row: Any
    other_names: list[OtherNameRow]
    memberships: list[MembershipRow]
    mentions: list[MentionRef] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.row.id)

    @property
    def name(self) -> str:
        return str(self.row.name)

    @property
    def names(self) -> list[str]:
        """The name and every other name."""
        return [self.name, *(o.name for o in self.other_names)]

    @property
    def letters(self) -> list[Letter]:
        """The letters that name the entity (as a party or in `about`), in package order, each once."""
        seen: dict[str, Letter] = {}
        for ref in self.mentions:
            seen.setdefault(ref.letter_id, ref.letter)
        return list(seen.values())

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "row":
            raise AttributeError(name)
        return getattr(self.row, name)


@dataclass(frozen=True)
class OrganisationRecord(_Record):
    """An organisation: its row's fields (`name`, `classification`, `country`, ...), members, letters."""

    row: OrganisationRow

    @property
    def members(self) -> list[MembershipRow]:
        """Memberships of people in the organisation (`.person`, `.post`)."""
        return self.memberships


@dataclass(frozen=True)
class PersonRecord(_Record):
    """A person: the row's fields (`name`, `given_name`, `family_name`, `country`), names, posts, letters."""

    row: PersonRow


class Entities:
    """Lookup of a package's organisations and people by id and by any name."""

    def __init__(self, tables: Tables, letters: Sequence[Letter]) -> None:
        from kzlabour.tables import letters_with_ids

        self._tables = tables
        by_id = dict(letters_with_ids(letters))
        self._names: dict[str, list[OtherNameRow]] = defaultdict(list)
        for other in tables.other_names:
            self._names[other.organisation or other.person or ""].append(other)
        self._posts: dict[str, list[MembershipRow]] = defaultdict(list)
        self._members: dict[str, list[MembershipRow]] = defaultdict(list)
        for m in tables.memberships:
            self._posts[m.person].append(m)
            self._members[m.organisation].append(m)
        self._mentions: dict[str, list[MentionRef]] = defaultdict(list)
        for prow in tables.letter_parties:
            self._add_mention(prow, PARTY_FIELDS[prow.kind], by_id)
        for arow in tables.letter_about:
            self._add_mention(arow, "about", by_id)
        self._orgs = {o.id: o for o in tables.organisations}
        self._people = {p.id: p for p in tables.people}
        self._index: Index | None = None

    def _add_mention(self, row: Any, list_field: str, by_id: dict[str, Letter]) -> None:
        from kzlabour.tables import _party

        letter = by_id.get(row.letter)
        if letter is None:
            return
        ref = MentionRef(row.letter, letter, list_field, row.order, _party(row))
        for entity_id in {row.person, row.organisation_id} - {None}:
            self._mentions[entity_id].append(ref)

    def organisation(self, entity_id: str) -> OrganisationRecord:
        row = self._orgs.get(entity_id)
        if row is None:
            raise EntityNotFound(f"no organisation {entity_id!r}; `ds.find(name)` finds one by name")
        return OrganisationRecord(
            row, self._names[entity_id], self._members[entity_id], self._mentions[entity_id]
        )

    def person(self, entity_id: str) -> PersonRecord:
        row = self._people.get(entity_id)
        if row is None:
            raise EntityNotFound(f"no person {entity_id!r}; `ds.find(name)` finds one by name")
        return PersonRecord(row, self._names[entity_id], self._posts[entity_id], self._mentions[entity_id])

    def get(self, entity_id: str) -> OrganisationRecord | PersonRecord:
        return self.organisation(entity_id) if entity_id in self._orgs else self.person(entity_id)

    def index(self) -> Index:
        """The name index of every entity (built on first use)."""
        if self._index is None:
            from kzlabour.registry.match import Index

            index = Index()
            rows: list[tuple[EntityKind, OrganisationRow | PersonRow]] = [
                ("organisation", o) for o in self._orgs.values()
            ]
            rows += [("person", p) for p in self._people.values()]
            for kind, row in sorted(rows, key=lambda kr: kr[1].id):
                others = self._names[row.id]
                abbreviations = [o.name for o in others if (o.note or "").startswith("abbreviation")]
                names = [row.name, *(o.name for o in others)]
                index.add(row.id, kind, names, row.country, abbreviations)
            self._index = index
        return self._index

    def find(self, text: str, limit: int = 10) -> list[OrganisationRecord | PersonRecord]:
        """Organisations and people whose names resemble `text` in any script or spelling, best first."""
        return [self.get(entity_id) for entity_id, _ in self.index().search(text, limit=limit)]
