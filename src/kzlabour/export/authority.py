"""Authority identifiers of organisations and people, as URIs for CMIF `ref` and Popolo `links`.

Only identifiers the package states are used (the registry's, given by a text
or a curator: the `identifiers` column, `scheme:value` joined with ' | '),
never guessed. A scheme with a known URI pattern becomes a URI; a value that
already is a URL is kept as it is; other schemes have no URI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kzlabour.export.common import dataset_tables

if TYPE_CHECKING:
    from kzlabour.loader import Dataset

__all__ = ["URI_PATTERNS", "authority_refs", "authority_uri", "identifiers", "parse_identifiers"]

URI_PATTERNS = {
    "wikidata": "http://www.wikidata.org/entity/{}",
    "viaf": "http://viaf.org/viaf/{}",
    "gnd": "https://d-nb.info/gnd/{}",
    "isni": "https://isni.org/isni/{}",
    "orcid": "https://orcid.org/{}",
    "lei": "https://lei.info/{}",
    "ror": "https://ror.org/{}",
    "geonames": "https://www.geonames.org/{}",
}


def authority_uri(scheme: str, value: str) -> str | None:
    """The URI of an identifier, or None when its scheme has no known URI form."""
    if value.startswith(("http://", "https://")):
        return value
    pattern = URI_PATTERNS.get(scheme.strip().lower())
    return pattern.format(value.strip().replace(" ", "")) if pattern else None


def parse_identifiers(cell: str | None) -> list[tuple[str, str]]:
    """'wikidata:Q1 | bin:123' -> [('wikidata', 'Q1'), ('bin', '123')]."""
    pairs = []
    for part in (cell or "").split(" | "):
        scheme, sep, value = part.partition(":")
        if sep and scheme.strip() and value.strip():
            pairs.append((scheme.strip(), value.strip()))
    return pairs


def identifiers(dataset: Dataset) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(resource, entity id) -> its (scheme, value) identifiers, for organisations and people."""
    tables = dataset_tables(dataset)
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for org in tables.organisations:
        if pairs := parse_identifiers(org.identifiers):
            found[("organisations", org.id)] = pairs
    for person in tables.people:
        if pairs := parse_identifiers(person.identifiers):
            found[("people", person.id)] = pairs
    return found


def authority_refs(dataset: Dataset) -> dict[tuple[str, str], str]:
    """(resource, entity id) -> the URI of its first identifier that has one."""
    refs = {}
    for entity, pairs in identifiers(dataset).items():
        uris = [u for u in (authority_uri(s, v) for s, v in pairs) if u]
        if uris:
            refs[entity] = uris[0]
    return refs
