"""Who is asked to act (ANNOTATION-DECISIONS §22; the target is not scored but wanted).

First the party the demand's own sentence names ("call on X to", the subject of
an active that-clause); "you" is the letter's addressee. Else the letter's
addressees; demands readers are to make go to the contacts they are to write
to. A person is given by name, else an institution by organisation, else a
group or office by role; several are joined with ", ". Null when nobody is named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from kzlabour.models import Party
from kzlabour.parser.demand_lexicon import demand_lexicon
from kzlabour.parser.memo import line_memo
from kzlabour.parser.parties import Parties

__all__ = ["addressees", "contacts_after", "label", "named_target", "subject_target"]

_WORD = re.compile(r"[\w’'-]+")


def label(party: Party) -> str | None:
    """A party as a target: a person's name; an office of a body by role; else organisation, else role."""
    if party.name:
        return party.name
    if party.role and party.organisation and party.organisation in party.role:
        return party.role  # "Ambassador of the Kazakhstan Embassy London": the office-holder is asked
    return party.organisation or party.role


def join(parties: Iterable[Party]) -> str | None:
    labels: list[str] = []
    for party in parties:
        text = label(party)
        if text and text not in labels:
            labels.append(text)
    return ", ".join(labels) or None


def addressees(parties: Parties) -> str | None:
    """The letter's recipients; null when it names none."""
    return join(parties.recipients)


def contacts_after(parties: Parties, start: int, stop: int | None) -> str | None:
    """The contacts readers are to write to: those listed after the request (before `stop`).

    Without evidence spans every contact is taken.
    """
    chosen = [
        p
        for p in parties.contacts
        if p.span is None or (p.span.start >= start and (stop is None or p.span.start < stop))
    ]
    return join(chosen or parties.contacts)


def named_target(phrase: str | None, language: str | None, parties: Parties) -> str | None:
    """The addressee a sentence names, as written (pronoun "you" and its kin → the addressees)."""
    if not phrase:
        return None
    lex = demand_lexicon(language)
    first = phrase.split()[0].casefold()
    second_person = {w.casefold() for w in lex.words("second_person")}
    if (
        phrase.casefold() in second_person
        or (first in second_person and len(phrase.split()) <= 2)
        or re.search(r"\bto\s", phrase)
    ):
        return addressees(parties)
    if lex.language == "ru":
        return _nominative_ru(phrase)
    return phrase


def subject_target(
    clause: str, language: str | None, parties: Parties, prescriptive: bool = False
) -> str | None:
    """The subject of an active clause ("the authorities stop X", "the company must pay") as written."""
    lex = demand_lexicon(language)
    if lex.language == "ru" and prescriptive:
        m = re.match(r"([^,]{1,60}?)\s+(?:должны|должен|должна|обязаны|обязан)\s", clause)
        return m[1].strip() if m and m[1].casefold() not in {"мы", "я"} else None
    if lex.language != "en":
        return None
    if prescriptive:
        m = re.match(
            r"(.{1,80}?)\s+(?:should|must|shall|ought to|needs? to)\s+(?:immediately\s+|urgently\s+)?(\w+)",
            clause,
        )
        if not m or m[2].casefold() not in _verbs(lex.language):
            return None
        return named_target(m[1].split(",")[0].strip(), language, parties)
    verbs = _verbs(lex.language)
    words = list(_WORD.finditer(clause))
    for i, word in enumerate(words[:12]):
        w = word.group().casefold()
        if w in {"be", "is", "are", "been", "should", "must"}:
            return None  # a passive or prescriptive clause names no one to act
        if i and w in verbs:
            subject = clause[: word.start()].strip()
            subject = re.sub(r"\s+(?:will|to|immediately|urgently)$", "", subject).strip()
            subject = subject.split(",")[0].strip()
            return named_target(subject, language, parties) if subject else None
    return None


@cache
def _verbs(language: str) -> frozenset[str]:
    lex = demand_lexicon(language)
    return frozenset(w.casefold() for w in lex.words("action_verbs") + lex.words("reader_verbs"))


def _parse(word: str) -> tuple[Any, ...]:
    """The readings of a Russian word, from the one analyser (and its cache) the parser shares."""
    from kzlabour.parser.morph import parse_word  # loads pymorphy3 only when Russian needs it

    return parse_word(word)


def _nominative_ru(phrase: str) -> str:
    """ "всех" → "все", "министерство" stays: words up to the head noun go in the nominative;
    what follows the head ("профсоюзы мира") keeps its case."""
    out: list[str] = []
    pos = 0
    head_done = False
    for m in _WORD.finditer(phrase):
        out.append(phrase[pos : m.start()])
        word = m.group()
        out.append(word if head_done else _nominative_word(word))
        head_done = head_done or _is_noun(word)
        pos = m.end()
    out.append(phrase[pos:])
    return "".join(out)


@line_memo(maxsize=1 << 14, longest=60)  # keyed on words: bounded
def _is_noun(word: str) -> bool:
    if not re.fullmatch(r"[А-Яа-яЁё-]+", word):
        return True  # a Latin name ends the head too
    parses = _parse(word)
    return bool(parses) and parses[0].tag.POS == "NOUN"


@line_memo(maxsize=1 << 14, longest=60)  # keyed on words: bounded
def _nominative_word(word: str) -> str:
    if not re.fullmatch(r"[А-Яа-яЁё-]+", word):
        return word
    parses = _parse(word)
    if not parses:
        return word
    best = parses[0]
    if best.tag.case in (None, "nomn") or best.tag.POS not in {"NOUN", "ADJF", "NPRO", "PRTF"}:
        return word
    form = best.inflect({"nomn"})
    if form is None:
        return word
    result: str = form.word
    return result.capitalize() if word[:1].isupper() else result
