"""Person names: honorifics dropped, "FAMILY, Given" reordered, capitals normalised, nominative.

The annotation gives a person's name as "Given Family": "ABUL, Bashar" -> "Bashar Abul",
"Ivanov I P" -> "I P Ivanov", "Сауранбаев Нұрлан Ермекұлына" -> "Нұрлан Ермекұлы Сауранбаев",
"Н.?.Назарбаев мырза?а" -> "Н.?. Назарбаев". Initials and patronymics stay as written.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from kzlabour.parser.memo import line_memo, memo
from kzlabour.parser.morph import kk_nominative

__all__ = [
    "fix_case",
    "lexicon",
    "looks_like_name",
    "normalise_name",
    "strip_honorifics",
]

_LEXICON = Path(__file__).parent / "lexicon" / "parties.yaml"
# An initial: one letter (or a lost "?") with a period, or a bare capital: "S.", "Н.?.", "A".
_INITIAL = re.compile(r"^(?:[^\W\d_]|\?)\.?$|^(?:(?:[^\W\d_]|\?)\.)+$")
# Initials glued to the family name: "S.Sultangaliev", "Н.?.Назарбаев".
_GLUED = re.compile(r"^((?:(?:[^\W\d_]|\?)\.){1,3})([^\W\d_?][\w?'’-]+)$")
_PATRONYMIC = re.compile(
    r"(?:ұлы|улы|қызы|кызы|ович|евич|овна|евна|ична|uly|kyzy|ovich|evich|ovna|evna)$", re.I
)


@cache
def lexicon() -> dict[str, Any]:
    """The parties vocabulary (lexicon/parties.yaml), loaded once."""
    data: dict[str, Any] = yaml.safe_load(_LEXICON.read_text(encoding="utf-8"))
    return data


@cache
def _honorifics() -> tuple[frozenset[str], tuple[str, ...]]:
    words = frozenset(h.casefold() for h in lexicon()["honorifics"])
    stems = tuple(s.casefold() for s in lexicon()["honorific_stems"])
    return words, stems


@line_memo(maxsize=1 << 13, longest=60)
def _is_honorific(word: str) -> bool:
    words, stems = _honorifics()
    w = word.casefold().strip(",")
    # "мырза?а" is "мырзаға" with a lost letter: the stem decides, whatever the ending.
    return w in words or w.rstrip(".") + "." in words or any(w.startswith(s) for s in stems)


# The name readers of every party kind strip the same lines and items: kept per text.
@line_memo(maxsize=1 << 14, longest=300)
def strip_honorifics(text: str) -> str:
    """The text without honorific words at its start or end ("Mr S. Mukashev", "Оспанов мырзаға")."""
    low = text.casefold().lstrip()
    for phrase in lexicon().get("honorific_phrases", []):
        if low.startswith(phrase.casefold() + " "):
            text = text.lstrip()[len(phrase) + 1 :]
            break
    words = text.split()
    while words and _is_honorific(words[0]):
        words.pop(0)
    while words and _is_honorific(words[-1]):
        words.pop()
    return " ".join(words)


def fix_case(word: str) -> str:
    """An all-capitals name word in title case, each hyphen part on its own: "GBIKPI-BENISSAN"."""
    if not any(c.isalpha() for c in word) or not word.isupper() or _INITIAL.match(word):
        return word
    if len([c for c in word if c.isalpha()]) <= 1:
        return word
    return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))


def _split_initials(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        m = _GLUED.match(w)
        out.extend([m.group(1), m.group(2)] if m else [w])
    return out


def _is_initials(word: str) -> bool:
    return bool(_INITIAL.match(word)) and any(c.isalpha() or c == "?" for c in word)


@memo(maxsize=1 << 14, longest=300)
def normalise_name(raw: str, dative: bool = False) -> str | None:
    """A person's name in natural order and normal case, or None when nothing is left.

    `dative` strips the Kazakh/Russian case ending an address line puts on the name.
    """
    text = " ".join(raw.replace("\u00a0", " ").split()).strip(" ,;:!")
    if text.endswith(".") and not _is_initials(text.split()[-1]) and "," not in text:
        text = text[:-1]  # a sentence's period, not an initial's ("SCHUSTER, H. W." keeps it)
    if "," in text:
        family, _, given = text.partition(",")
        family, given = strip_honorifics(family), strip_honorifics(given.strip())
        if family and given and " " not in family.strip():
            # "FAMILY, Given": reordered mechanically, the given part copied verbatim.
            return f"{given} {fix_case(family.strip())}"
        text = f"{family} {given}".strip()
    words = _split_initials(strip_honorifics(text).split())
    if not words:
        return None
    if dative:
        words = _dative_to_nominative(words)
    words = [fix_case(w) for w in words]
    words = _natural_order(words)
    return " ".join(words) or None


def _dative_to_nominative(words: list[str]) -> list[str]:
    """Case endings off each name word of an address line (Russian per word, Kazakh on the last)."""
    from kzlabour.parser.morph import is_kazakh_word

    if any(is_kazakh_word(w) or "?" in w for w in words):
        return [*words[:-1], kk_nominative(words[-1])] if not _is_initials(words[-1]) else words
    if not any("\u0400" <= c <= "\u04ff" for w in words for c in w):
        return words
    from kzlabour.parser.morph import parse_word

    out = []
    for w in words:
        if _is_initials(w):
            out.append(w)
            continue
        parse = next(
            (
                p
                for p in parse_word(w)
                if p.tag.case == "datv" and ({"Name", "Surn", "Patr"} & p.tag.grammemes)
            ),
            None,
        )
        new = parse.inflect({"nomn"}) if parse else None
        out.append(w[:1] + new.word[1:] if new else w)
    return out


def _natural_order(words: list[str]) -> list[str]:
    """ "Ivanov I P" -> "I P Ivanov"; "Сауранбаев Нұрлан Ермекұлы" -> "Нұрлан Ермекұлы Сауранбаев"."""
    if len(words) >= 2 and not _is_initials(words[0]) and all(_is_initials(w) for w in words[1:]):
        return [*words[1:], words[0]]
    if len(words) == 3 and _PATRONYMIC.search(words[2]) and not _PATRONYMIC.search(words[1]):
        return [words[1], words[2], words[0]]
    return words


@cache
def _not_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words never part of a person's name: kinds of body, positions, words of state names."""
    lex = lexicon()
    return (
        frozenset(w.casefold() for w in lex["org_words"]),
        frozenset(w.casefold() for w in lex["role_words"]),
        frozenset(w.casefold() for w in lex["not_name_words"]),
    )


@lru_cache(maxsize=8192)
def looks_like_name(text: str) -> bool:
    """Two to four capitalised words or initials, no digits, no body word: "Sharan Burrow", "S. Mukashev"."""
    words = strip_honorifics(text.strip(" ,;:.")).split()
    if not 1 <= len(words) <= 4 or any(any(c.isdigit() for c in w) for w in words):
        return False
    org, roles, state = _not_names()
    from kzlabour.parser.countries import country_code

    for w in _split_initials(words):
        if w.casefold() in org or w.casefold() in roles or w.casefold() in state:
            return False
        if len(w) > 3 and not _is_initials(w) and country_code(w):
            return False  # "Poland", "Kazakhstan": a country line is no name
        if not (w[:1].isupper() or w[:1] == "?" or _is_initials(w)):
            return False
    if len(words) == 1:
        # A lone word is a name only when it is not a common word printed in capitals.
        return not words[0].isupper() or len(words[0]) > 3
    return True
