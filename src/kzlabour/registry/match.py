"""The conservative matching rule and the blocking index that makes it fast.

A mention matches an entity, in this order of trust:

1. `exact`: its words equal one of the entity's names (any script: Cyrillic is transliterated);
2. `spelling`: its words equal a name's once transliteration variants are folded (`names.skeleton`);
3. `abbreviation`: a one-word organisation mention in capitals equals a curated abbreviation
   (computed initials, ITUC for International Trade Union Confederation, serve search only:
   SSP is not always the Swiss Socialist Party);
4. `fuzzy`: word for word, in order, each word a spelling variant or a small typo (rapidfuzz ratio
   >= 85 on words of five letters or more, same first letter, lengths within one, same -a ending;
   a one-word organisation name needs eight letters or more); people's given
   names must agree (an initial agrees with a name it starts), so two people with one family
   name and different given names never match;
5. `family`: a family name alone matches the one person of that family name.

Countries must agree where both are known. A level that finds one entity decides; one that finds
two or more makes the mention ambiguous: it is reported, never merged. Candidates come from a
blocking index (keys from the words' skeletons), so a lookup never scans the whole registry.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from kzlabour.registry.names import PersonName, acronym, org_tokens, person_name, skeleton, tokens

__all__ = ["EntityKind", "Index", "Match", "same_word"]

EntityKind = Literal["person", "organisation"]
Method = Literal["exact", "spelling", "abbreviation", "fuzzy", "family"]

_FUZZY_MIN = 85.0
_FUZZY_MIN_LEN = 5
_ORG_ONE_WORD_MIN = 8  # a one-word organisation name is matched fuzzily only when long (KazMunayGas)


@dataclass(frozen=True)
class Match:
    """What a lookup found: one entity (`method` says how) or, when ambiguous, every candidate."""

    ids: tuple[str, ...]
    method: Method | None

    @property
    def entity(self) -> str | None:
        return self.ids[0] if len(self.ids) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.ids) > 1


NO_MATCH = Match((), None)


# Blocks compare the same pairs of words again and again (every mention of a family name against
# every entity of its block): the answer is a pure function of the two words.
@lru_cache(maxsize=1 << 18)
def same_word(a: str, b: str, gendered: bool = True) -> bool:
    """Whether two plain-Latin words are one word spelt two ways (see the module doc)."""
    if a == b:
        return True
    if a.isdigit() or b.isdigit():
        return False
    sa, sb = skeleton(a), skeleton(b)
    if gendered and (sa.endswith("a") != sb.endswith("a")):
        return False
    if sa == sb:
        return len(sa) >= 3
    if sa[:1] != sb[:1] or min(len(sa), len(sb)) < _FUZZY_MIN_LEN or abs(len(sa) - len(sb)) > 1:
        return False  # Sokolov/Sokolovskaya, Baltabay/Baltabayev: a longer name is another name
    from rapidfuzz.fuzz import ratio

    return bool(ratio(sa, sb) >= _FUZZY_MIN)


def _initial_agrees(a: str, b: str) -> bool:
    """An initial agrees with a name it starts, as written in Latin ('Y.' is not 'Ibrahim')."""
    return a[:1] == b[:1]


def given_agree(g1: tuple[str, ...], g2: tuple[str, ...]) -> bool:
    """Given names agree: word by word the same name, or an initial that starts the other."""
    for a, b in zip(g1, g2, strict=False):
        if len(a) == 1 or len(b) == 1:
            if not _initial_agrees(a, b):
                return False
        elif not same_word(a, b):
            return False
    return True


def _person_fuzzy(m: PersonName, e: PersonName) -> bool:
    if not m.given or not e.given:
        return False
    return same_word(m.family, e.family) and given_agree(m.given, e.given)


def _person_swapped(text: str, e: PersonName) -> bool:
    """'Nazarbayev Nursultan' for 'Nursultan Nazarbayev': every word equal once folded, no initials."""
    alt = person_name(text, family_first=True)
    if alt is None or not alt.given or len(alt.given) != len(e.given):
        return False
    if any(len(g) < 2 for g in alt.given):
        return False
    pairs = zip(alt.given, e.given, strict=True)
    return alt.key == e.key and all(skeleton(a) == skeleton(b) for a, b in pairs)


def _org_fuzzy(m: tuple[str, ...], e: tuple[str, ...]) -> bool:
    if len(m) != len(e) or (len(m) == 1 and len(m[0]) < _ORG_ONE_WORD_MIN):
        return False
    return all(same_word(a, b, gendered=False) for a, b in zip(m, e, strict=True))


_Query = tuple[EntityKind, str, "str | None"]  # (kind, mention text, country)
_FamilyKey = tuple[str, int, bool]
# A candidate set of the index, named as ("exact", kind, words), ("people", family key), …
_Block = tuple[str, ...] | tuple[str, tuple[int, str, str, str]] | tuple[str, _FamilyKey]


@dataclass(frozen=True)
class _Entry:
    id: str
    kind: EntityKind
    country: str | None


class Index:
    """Names of organisations and people, keyed for fast, conservative lookup and ranked search."""

    def __init__(self) -> None:
        self.entries: dict[str, _Entry] = {}
        self.names: dict[str, list[str]] = defaultdict(list)
        self._exact: dict[tuple[EntityKind, str], set[str]] = defaultdict(set)
        self._spelling: dict[tuple[EntityKind, str], set[str]] = defaultdict(set)
        self._abbrev: dict[str, set[str]] = defaultdict(set)
        self._initials: dict[str, set[str]] = defaultdict(set)  # computed: for search, not for merging
        self._people: dict[_FamilyKey, list[tuple[str, PersonName]]] = defaultdict(list)
        self._family_keys: dict[_FamilyKey, list[str]] = defaultdict(list)  # beside _people, in step
        self._orgs: dict[tuple[int, str, str, str], list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        self._words: dict[str, set[str]] = defaultdict(set)
        self._cache: dict[_Query, Match] = {}
        # Which cached lookups read which candidate set: adding an entity forgets only those.
        self._readers: dict[_Block, set[_Query]] = defaultdict(set)

    def add(
        self,
        entity_id: str,
        kind: EntityKind,
        names: Iterable[str],
        country: str | None = None,
        abbreviations: Iterable[str] = (),
    ) -> None:
        """Index an entity under its names (the first is its own name) and curated abbreviations."""
        if entity_id in self.entries:
            raise ValueError(f"entity id {entity_id!r} is indexed twice")
        self.entries[entity_id] = _Entry(entity_id, kind, country)
        for abbr in abbreviations:
            self._abbrev[" ".join(tokens(abbr))].add(entity_id)
            self._forget(("abbreviation", " ".join(tokens(abbr))))
        for name in names:
            words = tokens(name)
            if not words:
                continue
            self.names[entity_id].append(name)
            exact, spelling = " ".join(words), " ".join(skeleton(w) for w in words)
            self._exact[(kind, exact)].add(entity_id)
            self._spelling[(kind, spelling)].add(entity_id)
            self._forget(("exact", kind, exact), ("spelling", kind, spelling))
            for w in words:
                self._words[skeleton(w)[:3]].add(entity_id)
            if kind == "person":
                parsed = person_name(name)
                if parsed is not None:
                    self._people[_family_key(parsed.key)].append((entity_id, parsed))
                    self._family_keys[_family_key(parsed.key)].append(parsed.key)
                    self._forget(("people", _family_key(parsed.key)))
            else:
                otoks = org_tokens(name)
                if otoks:
                    self._orgs[_org_key(otoks)].append((entity_id, otoks))
                    self._forget(("orgs", _org_key(otoks)))
                initials = acronym(name)
                if len(initials) >= 3 and len(otoks) >= 3:
                    self._initials[initials].add(entity_id)

    def kind(self, entity_id: str) -> EntityKind:
        return self.entries[entity_id].kind

    def lookup(self, kind: EntityKind, text: str, country: str | None = None) -> Match:
        """The entity a mention names, by the conservative rule (module doc); cached per mention.

        A cached answer stays until an entity joins one of the candidate sets it was decided
        from (see `_forget`): only those sets can change it.
        """
        query = (kind, text, country)
        found = self._cache.get(query)
        if found is None:
            read: list[_Block] = []
            found = self._cache[query] = self._lookup(kind, text, country, read)
            for block in read:
                self._readers[block].add(query)
        return found

    def _forget(self, *blocks: _Block) -> None:
        """Drop the cached lookups that read these candidate sets (an entity was just added to them)."""
        for block in blocks:
            for query in self._readers.pop(block, ()):
                self._cache.pop(query, None)

    def _lookup(self, kind: EntityKind, text: str, country: str | None, read: list[_Block]) -> Match:
        """The match of one mention; `read` receives every candidate set consulted."""
        words = tokens(text)
        if not words:
            return NO_MATCH
        exact, spelling = " ".join(words), " ".join(skeleton(w) for w in words)
        levels: list[tuple[Method, _Block, set[str]]] = [
            ("exact", ("exact", kind, exact), self._exact.get((kind, exact), set())),
            ("spelling", ("spelling", kind, spelling), self._spelling.get((kind, spelling), set())),
        ]
        for method, block, ids in levels:
            read.append(block)
            found = self._decide(ids, country, method)
            if found.ids:
                return found
        if kind == "organisation":
            return self._org_rest(text, words, country, read)
        return self._person_rest(text, country, read)

    def _decide(self, ids: Iterable[str], country: str | None, method: Method) -> Match:
        fitting = sorted(i for i in ids if _countries_agree(self.entries[i].country, country))
        if len(fitting) > 1 and country is not None:
            same = [i for i in fitting if self.entries[i].country == country]
            fitting = same or fitting
        return Match(tuple(fitting), method) if fitting else NO_MATCH

    def _org_rest(self, text: str, words: tuple[str, ...], country: str | None, read: list[_Block]) -> Match:
        if len(words) == 1 and text.strip().strip("«»\"'“”").isupper():
            read.append(("abbreviation", words[0]))
            found = self._decide(self._abbrev.get(words[0], set()), country, "abbreviation")
            if found.ids:
                return found
        otoks = org_tokens(text)
        if not otoks:
            return NO_MATCH
        read.append(("orgs", _org_key(otoks)))
        ids = {i for i, e in self._orgs.get(_org_key(otoks), []) if _org_fuzzy(otoks, e)}
        return self._decide(ids, country, "fuzzy")

    def _person_rest(self, text: str, country: str | None, read: list[_Block]) -> Match:
        m = person_name(text)
        if m is None:
            return NO_MATCH
        block = []
        for key in _family_keys_near(m.key):
            read.append(("people", key))
            block += self._family_candidates(m.key, key)
        if not m.given:
            family = {i for i, e in block if same_word(m.family, e.family)}
            return self._decide(family, country, "family")
        ids = {i for i, e in block if _person_fuzzy(m, e)}
        if len(m.given) >= 1:
            first = person_name(text, family_first=True)
            if first is not None:
                swapped_key = _family_key(first.key)  # a swapped name must fold to the same family key
                read.append(("people", swapped_key))
                ids |= {i for i, e in self._people.get(swapped_key, []) if _person_swapped(text, e)}
        return self._decide(ids, country, "fuzzy")

    def _family_candidates(self, folded: str, key: _FamilyKey) -> list[tuple[str, PersonName]]:
        """The people of one block whose family name may be `same_word` with `folded`.

        `same_word` holds only for equal folded names or a rapidfuzz ratio of at least _FUZZY_MIN
        between them, so one C call over the block's folded names keeps a superset of the
        matches (the caller then applies the full rule): a block of hundreds of people of one
        family stem costs one call, not hundreds of Python comparisons.
        """
        from rapidfuzz import process
        from rapidfuzz.fuzz import ratio

        people = self._people.get(key, [])
        if len(people) < 8:
            return people
        hits = process.extract(
            folded, self._family_keys[key], scorer=ratio, processor=None, score_cutoff=_FUZZY_MIN, limit=None
        )
        return [people[index] for _, _, index in sorted(hits, key=lambda hit: hit[2])]

    def search(self, text: str, limit: int = 10, min_score: float = 70.0) -> list[tuple[str, float]]:
        """Entities whose names resemble `text` in any script or spelling, best first, scored 0-100.

        A name scores by how well each word of `text` finds a word of the name (rapidfuzz ratio of
        the folded spellings), blended with the similarity of the whole; an equal name or a curated
        abbreviation scores 100.
        """
        words = tokens(text)
        if not words:
            return []
        query = [skeleton(w) for w in words]
        candidates: set[str] = set()
        for w in query:
            candidates |= self._words.get(w[:3], set())
        abbreviated = self._abbrev.get(" ".join(words), set()) | self._initials.get(" ".join(words), set())
        scored = []
        for entity_id in candidates | abbreviated:
            best = 100.0 if entity_id in abbreviated else 0.0
            for name in self.names[entity_id]:
                best = max(best, _name_score(query, [skeleton(w) for w in tokens(name)]))
            if best >= min_score:
                scored.append((entity_id, round(best, 1)))
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored[:limit]


def _name_score(query: list[str], name: list[str]) -> float:
    from rapidfuzz.fuzz import ratio

    if not name:
        return 0.0
    if query == name:
        return 100.0
    cover = sum(max(ratio(q, w) for w in name) for q in query) / len(query)
    whole = ratio(" ".join(query), " ".join(name))
    return float(max(whole, 0.8 * cover + 0.2 * whole))


def _family_key(folded: str) -> _FamilyKey:
    """The block of a family name (folded): its first three letters, its length, whether it ends in -a."""
    return (folded[:3], len(folded), folded.endswith("a"))


def _family_keys_near(folded: str) -> tuple[_FamilyKey, ...]:
    """The blocks whose family names can be `same_word` with this one: the same first three letters
    and -a ending (gendered), a length within one letter."""
    first, length, female = _family_key(folded)
    return tuple((first, n, female) for n in (length - 1, length, length + 1))


def _org_key(otoks: tuple[str, ...]) -> tuple[int, str, str, str]:
    """The block of an organisation name: names that can match fuzzily share it.

    `_org_fuzzy` needs as many words, each pair `same_word`, which needs the same first letter
    once folded: so the first letters of every word join the key (and cut the comparisons).
    """
    skeletons = [skeleton(w) for w in otoks]
    initials = "".join(s[:1] for s in skeletons)
    return (len(otoks), skeletons[0][:3], skeletons[-1][:2], initials)


def _countries_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b
