"""Russian and Kazakh noun phrases back to the nominative.

Address lines put the addressee in the dative ("Министру труда", "Тоқаевқа"), statements
their authors in the genitive ("участников 13-й Международной встречи"). The annotation
gives parties in the nominative, in the text's own script. Russian goes through pymorphy3;
Kazakh, which marks case on the last word of a phrase only, through the ending rules of
lexicon/kazakh_cases.yaml.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kzlabour.parser.memo import line_memo

__all__ = ["is_kazakh_word", "kk_genitive_stem", "kk_nominative", "parse_word", "ru_nominative"]

_LEXICON = Path(__file__).parent / "lexicon" / "kazakh_cases.yaml"
_KK_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Russian ordinal written with digits: "13-й", "4-ой", "13-й" agrees with its noun.
_ORDINAL = re.compile(r"^(\d+)-(?:й|ой|ей|ий|го|ого|его|му|ому|ему|м|ом|ем|я|ая|ю|ую|е|ое|ые|х|ых)$")
_ORDINAL_ENDING = {"masc": "й", "femn": "я", "neut": "е", "plur": "е"}


@cache
def _kk() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(_LEXICON.read_text(encoding="utf-8"))
    return data


@cache
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@line_memo(maxsize=1 << 14, longest=60)
def parse_word(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word, best first. The same words (names, offices, bodies) are
    looked up by several readers; a reading is an immutable tuple, so the lookup is kept."""
    return tuple(_analyzer().parse(word))


def is_kazakh_word(word: str) -> bool:
    return any(c in _KK_LETTERS for c in word)


def _ends_with(word: str, ending: str) -> bool:
    """`word` ends with `ending`, a "?" in the word standing for a lost Kazakh letter."""
    if len(word) <= len(ending):
        return False
    tail = word[-len(ending) :].lower()
    lost = _kk()["lost_letters"]
    return all(a == b or (a == "?" and b in lost) for a, b in zip(tail, ending, strict=True))


def _strip_kk(word: str, cases: tuple[str, ...]) -> str:
    """The word without the first matching ending of `cases`, keeping a stem of 3+ letters."""
    table = _kk()
    for ending in table["possessive_before_dative"] if "dative" in cases else ():
        if _ends_with(word, ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending) + (len(ending) - 2)]  # keep the possessive vowel: "-ына" -> "-ы"
    for case in cases:
        for ending in table[case]:
            if _ends_with(word, ending) and len(word) - len(ending) >= 3:
                return word[: -len(ending)]
    return word


def kk_nominative(phrase: str, cases: tuple[str, ...] = ("dative",)) -> str:
    """A Kazakh phrase with its case ending removed from the last word ("Тоқаевқа" -> "Тоқаев")."""
    words = phrase.split()
    if not words:
        return phrase
    words[-1] = _strip_kk(words[-1], cases)
    return " ".join(words)


def kk_genitive_stem(phrase: str) -> str | None:
    """ "Қазақстан Темір жолының" -> "Қазақстан Темір жолы"; None when the phrase is no genitive."""
    words = phrase.split()
    if not words:
        return None
    stripped = _strip_kk(words[-1], ("genitive",))
    if stripped == words[-1]:
        return None
    return " ".join([*words[:-1], stripped])


def _match_case(word: str, parse: Any) -> str:
    """The inflected form with the original's capitals (Title, UPPER or lower)."""
    new: str = parse.word
    if "ё" not in word.casefold():
        new = new.replace("ё", "е")  # the dictionary writes "ё" where the text does not
    if word.isupper() and len(word) > 1:
        return new.upper()
    if word[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _pick(word: str, case: str | None) -> Any:
    parses = parse_word(word)
    if case:
        for p in parses:
            if p.tag.case == case:
                return p
    return parses[0] if parses else None


def ru_nominative(phrase: str, case: str | None = None) -> str:
    """The Russian phrase with its head (leading adjectives, ordinals and first noun) in the nominative.

    Complements after the head keep their case: "Министру труда Республики Казахстан" ->
    "Министр труда Республики Казахстан"; "представителей государства" -> "представители
    государства". `case` ("datv", "gent") picks the reading when a form is ambiguous.
    """
    words = phrase.split()
    if not words or not _CYRILLIC.search(phrase):
        return phrase
    out: list[str] = []
    pending_ordinals: list[int] = []
    adjectives: list[tuple[int, str, str]] = []
    head_case: str | None = case
    for i, word in enumerate(words):
        core = word.strip('«»"(),.')
        if _ORDINAL.match(core):
            pending_ordinals.append(len(out))
            out.append(word)
            continue
        if not _CYRILLIC.search(core) or not core:
            out.extend(words[i:])
            break
        p = _pick(core, head_case)
        if p is None or ("NOUN" not in p.tag and "ADJF" not in p.tag and "PRTF" not in p.tag):
            out.extend(words[i:])
            break
        head_case = head_case or p.tag.case
        number = p.tag.number or "sing"
        target = {"nomn", number} if "Pltm" not in p.tag and "Sgtm" not in p.tag else {"nomn"}
        inflected = p.inflect(target) or p.inflect({"nomn"})
        new = _match_case(core, inflected) if inflected else core
        out.append(word.replace(core, new))
        if "NOUN" not in p.tag:
            adjectives.append((len(out) - 1, core, word))
        if "NOUN" in p.tag:
            _agree(out, adjectives, head_case, number, p.tag.gender)
            key = "plur" if number == "plur" else (p.tag.gender or "masc")
            for j in pending_ordinals:
                m = _ORDINAL.match(out[j].strip('«»"(),.'))
                if m:
                    out[j] = out[j].replace(m.group(0), f"{m.group(1)}-{_ORDINAL_ENDING[key]}")
            out.extend(words[i + 1 :])
            break
    return " ".join(out)


def _agree(
    out: list[str], adjectives: list[tuple[int, str, str]], case: str | None, number: str, gender: Any
) -> None:
    """Adjectives before the head noun take its gender: "независимого профсоюза" -> "независимый
    профсоюз", not the neuter reading the adjective alone may get."""
    if number != "plur" and gender not in _GENDERS:
        return
    want = {"nomn", "plur"} if number == "plur" else {"nomn", "sing", gender}
    for idx, core, word in adjectives:
        for q in parse_word(core):
            if ("ADJF" in q.tag or "PRTF" in q.tag) and (case is None or q.tag.case == case):
                inflected = q.inflect(want)
                if inflected:
                    out[idx] = word.replace(core, _match_case(core, inflected))
                    break


_GENDERS = frozenset({"masc", "femn", "neut"})
