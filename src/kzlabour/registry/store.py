"""The curated registry: `registry/organisations/ID.yaml` and `registry/people/ID.yaml`, one entity a file.

    # registry/people/sharan-burrow.yaml
    id: sharan-burrow
    name: Sharan Burrow
    given_name: Sharan
    family_name: Burrow
    country: AU
    memberships:
      - {organisation: ituc, post: General Secretary, letter: 001_0a33f0e0e450462f/1}

A curator says "these are the same" by adding the other spelling to `other_names`, and "these are
different" with `distinct_from: [other-id]`. `read_registry` checks the whole folder and raises a
RegistryError naming the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kzlabour.errors import KzlabourError
from kzlabour.models.entities import Organisation, Person
from kzlabour.registry.match import EntityKind, Index
from kzlabour.registry.names import tokens

__all__ = ["Registry", "RegistryError", "read_registry"]

REGISTRY_DIR = "registry"
_E = TypeVar("_E", Organisation, Person)


class RegistryError(KzlabourError):
    """A registry file is invalid, or the registry contradicts itself."""


@dataclass
class Registry:
    """The curated organisations and people, by id."""

    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # entity id -> file it was read from

    def entities(self) -> Iterator[tuple[EntityKind, Organisation | Person]]:
        for org in self.organisations.values():
            yield "organisation", org
        for person in self.people.values():
            yield "person", person

    def index(self) -> Index:
        """A lookup index of every curated entity under all its names."""
        index = Index()
        for kind, entity in sorted(self.entities(), key=lambda ke: ke[1].id):
            abbreviations = [o.name for o in entity.other_names if (o.note or "").startswith("abbreviation")]
            index.add(entity.id, kind, entity.names(), entity.country, abbreviations)
        return index


def read_registry(root: Path) -> Registry:
    """Read and check `root/registry/` (an absent folder is an empty registry)."""
    folder = root / REGISTRY_DIR
    registry = Registry()
    for path in sorted((folder / "organisations").glob("*.yaml")):
        _put(registry, registry.organisations, _read(path, Organisation), path)
    for path in sorted((folder / "people").glob("*.yaml")):
        _put(registry, registry.people, _read(path, Person), path)
    _check(registry)
    return registry


def _read(path: Path, model: type[_E]) -> _E:
    from pydantic import ValidationError

    from kzlabour.yamlio import read_yaml

    data = read_yaml(path)
    try:
        entity = model.model_validate(data, strict=False)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise RegistryError(f"{path}: {where}: {first['msg']}") from None
    if entity.id != path.stem:
        raise RegistryError(
            f"{path}: id {entity.id!r} differs from the file name; name the file {entity.id}.yaml"
        )
    return entity


def _put(registry: Registry, table: dict[str, _E], entity: _E, path: Path) -> None:
    if entity.id in registry.files:
        raise RegistryError(f"{path}: id {entity.id!r} is already used by {registry.files[entity.id]}")
    registry.files[entity.id] = str(path)
    table[entity.id] = entity


def _check(registry: Registry) -> None:
    """References resolve, curated decisions agree, and no two entities share a name undecided."""
    for org in registry.organisations.values():
        where = registry.files[org.id]
        if org.parent is not None and org.parent not in registry.organisations:
            raise RegistryError(f"{where}: parent {org.parent!r} is not an organisation of the registry")
    for person in registry.people.values():
        where = registry.files[person.id]
        for membership in person.memberships:
            if membership.organisation not in registry.organisations:
                raise RegistryError(
                    f"{where}: membership of {membership.organisation!r}, "
                    "which is not an organisation of the registry"
                )
    distinct: set[frozenset[str]] = set()
    for _, entity in registry.entities():
        for other in entity.distinct_from:
            if other not in registry.files:
                raise RegistryError(f"{registry.files[entity.id]}: distinct_from {other!r}: no such entity")
            if other == entity.id:
                raise RegistryError(f"{registry.files[entity.id]}: distinct_from names the entity itself")
            distinct.add(frozenset((entity.id, other)))
    _check_shared_names(registry, distinct)


def _check_shared_names(registry: Registry, distinct: set[frozenset[str]]) -> None:
    seen: dict[tuple[EntityKind, str], list[Organisation | Person]] = {}
    for kind, entity in registry.entities():
        for name in set(" ".join(tokens(n)) for n in entity.names()):
            for other in seen.get((kind, name), []):
                both_known = entity.country and other.country and entity.country != other.country
                if not both_known and frozenset((entity.id, other.id)) not in distinct:
                    raise RegistryError(
                        f"{registry.files[entity.id]}: name {name!r} is also a name of {other.id!r}; "
                        "if they are one entity merge the files, else give each its country "
                        "or add distinct_from"
                    )
            seen.setdefault((kind, name), []).append(entity)
