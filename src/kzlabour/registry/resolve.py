"""Resolve every party and `about` entry of the letters to a registry id.

Each mention (a party's `name` or `organisation`) is looked up by the
conservative rule of `match.py`. A mention that matches nothing becomes a new
entity with a new id (a slug of its name, made unique); an ambiguous one is
reported and left unlinked, never merged. A party with a name, an organisation
and a role becomes a membership (post = role) unless the registry already has it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from kzlabour.models import PARTY_FIELDS, Letter, Party
from kzlabour.models.entities import Membership, Organisation, Person
from kzlabour.registry.match import EntityKind, Index
from kzlabour.registry.names import tokens
from kzlabour.registry.store import Registry

__all__ = ["ABOUT", "Decision", "Mention", "Resolution", "letter_mentions", "resolve_letters"]

ABOUT = "about"
FIELDS: tuple[str, ...] = (*PARTY_FIELDS.values(), ABOUT)
Status = Literal["registry", "new", "ambiguous"]


@dataclass(frozen=True, slots=True)  # slots: a build holds one per mention (260,000 at 10,000 letters)
class Mention:
    """A name in a letter: which letter, which list (senders, ..., about), which entry, what it says."""

    kind: EntityKind
    text: str
    country: str | None
    letter: str
    field: str
    order: int

    @property
    def where(self) -> str:
        return f"{self.letter} {self.field}[{self.order}]"


@dataclass(frozen=True, slots=True)
class Decision:
    """How a mention was resolved: to a curated or earlier entity, to a new entity, or not (ambiguous)."""

    mention: Mention
    entity: str | None
    status: Status
    method: str
    candidates: tuple[str, ...] = ()

    def text(self) -> str:
        m = self.mention
        if self.status == "ambiguous":
            return f"{m.where}: {m.kind} {m.text!r} could be {', '.join(self.candidates)}; not linked"
        return f"{m.where}: {m.kind} {m.text!r} -> {self.entity} ({self.method})"


@dataclass
class Resolution:
    """Every entity the letters need (curated and new), every decision, and each mention's links."""

    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    links: dict[tuple[str, str, int], tuple[str | None, str | None]] = field(default_factory=dict)
    curated: frozenset[str] = frozenset()
    notices: list[str] = field(default_factory=list)

    def link(self, letter: str, list_field: str, order: int) -> tuple[str | None, str | None]:
        """(person id, organisation id) of one party or `about` entry; None where unlinked."""
        return self.links.get((letter, list_field, order), (None, None))

    @property
    def unresolved(self) -> list[Decision]:
        """Mentions that need a human decision (ambiguous)."""
        return [d for d in self.decisions if d.status == "ambiguous"]


def letter_mentions(letter_id: str, letter: Letter) -> Iterator[tuple[str, int, Party]]:
    """(list field, order from 1, party) for every party and `about` entry of a letter."""
    for list_field in FIELDS:
        parties: Sequence[Party] = getattr(letter, list_field)
        for n, party in enumerate(parties, 1):
            yield list_field, n, party


def resolve_letters(letters: Iterable[tuple[str, Letter]], registry: Registry | None = None) -> Resolution:
    """Resolve the mentions of (letter id, letter) pairs, in order, against the registry."""
    registry = registry or Registry()
    state = _State(registry, registry.index())
    result = Resolution(curated=frozenset(registry.files))
    seen: set[str] = set()
    for lid, letter in letters:
        seen.add(lid)
        for list_field, n, party in letter_mentions(lid, letter):
            org_id = person_id = None
            if party.organisation:
                mention = Mention("organisation", party.organisation, party.country, lid, list_field, n)
                org_id = state.resolve(mention, result)
            if party.name:
                mention = Mention("person", party.name, party.country, lid, list_field, n)
                person_id = state.resolve(mention, result)
            result.links[(lid, list_field, n)] = (person_id, org_id)
            if person_id and org_id and party.role and list_field != ABOUT:
                state.add_membership(person_id, Membership(organisation=org_id, post=party.role, letter=lid))
    state.check_letters(seen, result.notices)
    result.organisations = sorted(state.organisations.values(), key=lambda e: e.id)
    result.people = sorted(state.finished_people(), key=lambda e: e.id)
    return result


class _State:
    def __init__(self, registry: Registry, index: Index) -> None:
        self.registry = registry
        self.index = index
        self.organisations: dict[str, Organisation] = dict(registry.organisations)
        self.people: dict[str, Person] = dict(registry.people)
        self.memberships: dict[str, list[Membership]] = defaultdict(list)
        for person in registry.people.values():
            self.memberships[person.id] = list(person.memberships)

    def resolve(self, mention: Mention, result: Resolution) -> str | None:
        match = self.index.lookup(mention.kind, mention.text, mention.country)
        if match.ambiguous:
            result.decisions.append(Decision(mention, None, "ambiguous", "ambiguous", match.ids))
            return None
        if match.entity is not None:
            new = match.entity not in self.registry.files
            status: Status = "new" if new else "registry"
            result.decisions.append(Decision(mention, match.entity, status, match.method or ""))
            return match.entity
        entity_id = self._new_id(mention)
        if mention.kind == "organisation":
            self.organisations[entity_id] = Organisation(
                id=entity_id, name=mention.text, country=mention.country
            )
        else:
            self.people[entity_id] = _new_person(entity_id, mention)
        self.index.add(entity_id, mention.kind, [mention.text], mention.country)
        result.decisions.append(Decision(mention, entity_id, "new", "new"))
        return entity_id

    def _new_id(self, mention: Mention) -> str:
        from kzlabour.tables import slug

        base = slug(mention.text)
        taken = self.index.entries
        if base not in taken:
            return base
        if mention.kind == "organisation" and mention.country:
            with_country = f"{base}-{mention.country.lower()}"
            if with_country not in taken:
                return with_country
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    def add_membership(self, person_id: str, membership: Membership) -> None:
        post = (membership.post or "").casefold()
        for known in self.memberships[person_id]:
            if known.organisation == membership.organisation and (known.post or "").casefold() == post:
                return
        self.memberships[person_id].append(membership)

    def finished_people(self) -> list[Person]:
        return [
            p.model_copy(update={"memberships": tuple(self.memberships[p.id])}) for p in self.people.values()
        ]

    def check_letters(self, letter_ids: set[str], notices: list[str]) -> None:
        """A registry membership citing a letter the package lacks keeps its facts, not the citation."""
        for person_id, memberships in self.memberships.items():
            for n, membership in enumerate(memberships):
                if membership.letter is not None and membership.letter not in letter_ids:
                    where = self.registry.files.get(person_id, person_id)
                    notices.append(
                        f"{where}: membership of {membership.organisation!r} cites letter "
                        f"{membership.letter!r}, which is not in the package; the citation is left out"
                    )
                    memberships[n] = membership.model_copy(update={"letter": None})


def _new_person(entity_id: str, mention: Mention) -> Person:
    words = [w for w in mention.text.split() if tokens(w)]
    if "," in mention.text or not words:
        given = family = None
    else:
        given, family = " ".join(words[:-1]) or None, words[-1]
    return Person(
        id=entity_id, name=mention.text, given_name=given, family_name=family, country=mention.country
    )
