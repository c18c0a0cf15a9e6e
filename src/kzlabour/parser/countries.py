"""Country names to ISO codes: ISO 3166-1 alpha-2, or ISO 3166-3 for countries that no longer exist.

`country_code(name)` maps one whole name ("Chine", "UK", "Германия", "Қазақстан", "Greek");
`find_country(text)` finds the first country a phrase names ("Federation of Trade Unions of
the Republic of Kazakhstan", "в Венесуэле", "Қазақстан Республикасының"). Both come from
pycountry plus the alias table in lexicon/countries.yaml, and tolerate lost characters
("C?te d’Ivoire", "?аза?стан") by letting "?" stand for any one letter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from kzlabour.parser.memo import line_memo, memo

__all__ = ["city_country", "country_code", "find_country", "is_international"]

_LEXICON = Path(__file__).parent / "lexicon" / "countries.yaml"
# Longest country name, in words, that find_country tries ("Democratic Republic of the Congo").
_MAX_WORDS = 6
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|-?[а-яё]{1,3})?\.?")
_WORD = re.compile(r"[\w?’'-]+")
# Russian and Kazakh case endings a country name may carry in running text ("Венесуэле",
# "Қазақстанның", "Германии"); the stem must still be a known name.
_CYR_ENDINGS = (
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "да",
    "де",
    "та",
    "те",
    "нан",
    "нен",
    "дан",
    "ден",
    "тан",
    "тен",
    "ды",
    "ді",
    "ты",
    "ті",
    "ны",
    "ні",
    "ы",
    "і",
    "а",
    "у",
    "ом",
    "ой",
    "е",
    "и",
    "ю",
    "ей",
    "ии",
    "ию",
    "ией",
)


def _fold(text: str) -> str:
    """Case- and accent-insensitive form; quotes unified so "d'Ivoire" equals "d’Ivoire"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace(".", "").split())


@cache
def _lexicon() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(_LEXICON.read_text(encoding="utf-8"))
    return data


@cache
def _index() -> tuple[dict[str, str], frozenset[str]]:
    """Folded name -> code, and the short upper-case aliases that only match as printed."""
    import pycountry

    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(_fold(value), country.alpha_2)
    for old in pycountry.historic_countries:
        for part in str(old.name).split(","):
            index.setdefault(_fold(part), old.alpha_4)
    exact: set[str] = set()
    for code, names in _lexicon()["aliases"].items():
        for name in names:
            if name.replace(".", "").isupper() and len(name.replace(".", "")) <= 4:
                exact.add(name)
            index[_fold(name)] = str(code)
    return index, frozenset(exact)


@cache
def _cities() -> dict[str, str]:
    return {_fold(n): str(code) for code, names in _lexicon()["cities"].items() for n in names}


@cache
def _by_length(table_id: str) -> dict[int, tuple[tuple[str, str], ...]]:
    table = _index()[0] if table_id == "names" else _cities()
    out: dict[int, list[tuple[str, str]]] = {}
    for key, code in table.items():
        out.setdefault(len(key), []).append((key, code))
    return {n: tuple(v) for n, v in out.items()}


def _wildcard(folded: str, table_id: str) -> str | None:
    """Look a name with lost characters ("?") up: "?" stands for any one letter."""
    if "?" not in folded or folded.count("?") * 3 >= len(folded):
        return None
    for key, code in _by_length(table_id).get(len(folded), ()):
        if all(a == b or a == "?" for a, b in zip(folded, key, strict=True)):
            return code
    return None


@lru_cache(maxsize=8192)
def country_code(name: str) -> str | None:
    """The ISO code of a country given by one whole name, adjective or abbreviation; else None.

    >>> country_code("Chine"), country_code("UK"), country_code("Yugoslavia")
    ('CN', 'GB', 'YUCS')
    """
    raw = name.strip().strip(".,;:()«»\"' ")
    if not raw:
        return None
    index, exact = _index()
    if len(raw.replace(".", "")) <= 4 and raw.replace(".", "").isupper():
        # Short codes only from the alias table, as printed: "SG", "EC" or "IN" are far more
        # often a position, an organ or a word than Singapore, Ecuador or India.
        return index[_fold(raw)] if raw in exact else None
    folded = _fold(raw)
    for prefix in ("the ", "republic of the ", "republic of ", "la ", "le "):
        if folded.startswith(prefix) and folded[len(prefix) :] in index:
            return index[folded[len(prefix) :]]
    if folded in index:
        return index[folded]
    stem = _cyrillic_stem(folded, index)
    if stem:
        return stem
    return _wildcard(folded, "names")


def _cyrillic_stem(folded: str, index: dict[str, str]) -> str | None:
    """A Cyrillic name with a case ending: "венесуэле" -> VE, "қазақстанның" -> KZ."""
    if not any("\u0400" <= c <= "\u04ff" for c in folded):
        return None
    words = folded.split()
    last = words[-1]
    for ending in _CYR_ENDINGS:
        if last.endswith(ending) and len(last) > len(ending) + 2:
            base = last[: -len(ending)]
            for candidate in (base, base + "а", base + "я", base + "ия", base + "и"):
                key = " ".join([*words[:-1], candidate])
                if key in index:
                    return index[key]
                hit = _wildcard(key, "names")
                if hit:
                    return hit
    return None


@line_memo(maxsize=1 << 13, longest=200)
def city_country(name: str) -> str | None:
    """The country of a capital or big city ("London" -> GB), for placing embassies."""
    folded = _fold(name.strip(" .,;:"))
    return _cities().get(folded) or _wildcard(folded, "cities")


@memo(maxsize=1 << 13, longest=300)  # the same bodies and addresses are placed by each party reader
def find_country(text: str, cities: bool = False) -> str | None:
    """See _find: a bare ISO code in running text ("IN", "EC") is not taken as a country."""
    return _find(text, cities)


def _find(text: str, cities: bool) -> str | None:
    """The first country that `text` names by a country name or adjective (or, if asked, a city).

    Longest name first at each word, so "South Africa" wins over "Africa".
    """
    words = [m.group(0) for m in _WORD.finditer(text[:2000])]
    heads = [_head(w) for w in words]
    for i in range(len(words)):
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            if n > 1 and _cannot_name(words, heads, i, n, cities):
                continue
            phrase = " ".join(words[i : i + n])
            if n == 1 and len(phrase.strip("?")) < 2:
                continue
            if n == 1 and phrase.islower() and phrase.isascii():
                continue  # "us", "in": lower-case Latin words are never country names here
            bare = len(phrase) <= 3 and phrase.isupper()
            code = country_code(phrase) if not bare or phrase in _index()[1] else None
            if code is None and cities:
                code = city_country(phrase)
            if code:
                return code
    return None


# Most phrases of several words that _find tries name nothing, and each full lookup folds the
# phrase and tries its Cyrillic endings. A phrase can only name a country (or city) whose folded
# name starts with the phrase's own folded first word (folding works letter by letter, and a
# case ending or a "?" elsewhere leaves the first word as it is), or with a word that
# country_code drops ("the", "republic", "la", "le"). Phrases whose first word starts no name are
# skipped without the lookup; anything unusual (a "?", a word that folds to nothing, apostrophes
# that country_code would strip into a neighbouring word) is looked up in full.


@line_memo(maxsize=1 << 14, longest=100)
def _head(word: str) -> str | None:
    """The first word of the folded `word`; None when it folds to nothing or holds a "?"."""
    folded = _fold(word)
    if not folded or "?" in folded:
        return None
    return folded.split()[0]


@cache
def _name_heads() -> frozenset[str]:
    heads = {key.split()[0] for key in _index()[0] if key.split()}
    return frozenset(heads | {"the", "republic", "la", "le"})


@cache
def _city_heads() -> frozenset[str]:
    return frozenset(key.split()[0] for key in _cities() if key.split())


def _cannot_name(words: list[str], heads: list[str | None], i: int, n: int, cities: bool) -> bool:
    """Whether words[i:i+n] (n > 1) surely names no country, nor a city when `cities`."""
    if any(h is None for h in heads[i : i + n]) or not words[i + n - 1].strip("'"):
        return False
    core = words[i].lstrip("'")  # country_code strips the apostrophes a phrase starts with
    head = _head(core) if core else None
    if head is None or head in _name_heads():
        return False
    return not cities or heads[i] not in _city_heads()  # city_country keeps them


def is_international(organisation: str) -> bool:
    """A body whose name starts "International ...", "World ...", "Международная ...": no country."""
    words = organisation.strip().removeprefix("The ").removeprefix("the ").split()
    if words and _ORDINAL.fullmatch(words[0]):
        words = words[1:]  # "13th International Meeting", "4-й Всемирный Конгресс"
    return bool(words) and _fold(words[0]) in _international()


@cache
def _international() -> frozenset[str]:
    return frozenset(_fold(w) for w in _lexicon()["international_words"])
