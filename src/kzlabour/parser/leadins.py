"""Lead-ins of demands: "we demand that", "we call on X to", "призываем X", "… талап етеміз".

A lead-in tells where a demand's words start, how they continue (a that-clause,
an infinitive, a noun phrase, a list after a colon) and whom the sentence names
as the one to act. Patterns are built from lexicon/demands.yaml; each is a flat
alternation of words, so matching is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kzlabour.parser.demand_lexicon import DemandLexicon, demand_lexicon, phrase_pattern
from kzlabour.parser.memo import line_memo

__all__ = ["LeadIn", "find_lead_ins", "is_infinitive", "norm"]

# How the words after a lead-in continue.
THAT, TO, NOUN, INTRO = "that", "to", "noun", "intro"


@dataclass(frozen=True)
class LeadIn:
    """A lead-in: its own span, where the demand's words start, their form and the named actor."""

    start: int
    body: int  # where the demand's words begin
    mode: str  # THAT, TO, NOUN or INTRO
    target: str | None = None  # the addressee the sentence names ("call on X to"), as written
    third_person: bool = False  # "The Confederation demands": only a sender may speak so


def norm(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


@cache
def _first_person(language: str) -> re.Pattern[str]:
    lex = demand_lexicon(language)
    verbs = phrase_pattern(
        lex.words("object_verbs") + lex.words("that_verbs") + lex.words("noun_verbs") + lex.words("to_verbs")
    )
    subject = phrase_pattern(lex.words("subjects"))
    adverbs = phrase_pattern(lex.words("adverbs"))
    # Russian drops the pronoun ("Требуем …"): its first-person verb forms are unambiguous.
    optional = "?" if lex.language == "ru" else ""
    # "We, the undersigned trade unions, call on …": an apposition between commas may follow the subject.
    apposition = r"(?:,[^,.;:!?\n]{1,120},)?"
    return re.compile(
        rf"(?<!\w)(?:{subject}(?!\w){apposition}){optional}(?:,?\s+{adverbs}(?!\w)){{0,3}},?\s*(?P<verb>{verbs})(?!\w)",
        re.IGNORECASE,
    )


@cache
def _other_lead_ins(language: str) -> re.Pattern[str]:
    lex = demand_lexicon(language)
    third = phrase_pattern(lex.words("third_person"))
    impersonal = phrase_pattern(lex.words("impersonal"))
    return re.compile(
        rf"(?<!\w)(?:(?P<third>{third})|(?P<imp>{impersonal}))(?!\w)",
        re.IGNORECASE,
    )


# "X to <verb>": the end of a named addressee before its infinitive (English).
_TO_INFINITIVE = re.compile(r"\s+to\s+(?=[a-z])", re.IGNORECASE)
_PRONOUNS = frozenset({"you", "him", "her", "them", "us", "me", "it", "whom", "which"})
_TO_COLON = re.compile(r"\s+to\s*:", re.IGNORECASE)
_THAT = re.compile(r"\s*,?\s*(?:that|чтобы|том,\s*чтобы)(?!\w)\s*", re.IGNORECASE)
# The lead-in announces a list: "we demand:", "we consider it necessary to:".
_INTRO_COLON = re.compile(r"(?:to\s*)?:", re.IGNORECASE)
_PREPOSITION_TAIL = re.compile(
    r",\s+(?:ahead|in|on|at|as|once|therefore|again|also|now|urgently|hereby|before|after|during|with)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w-]+")
# Verbs of addressing: a demand only with the infinitive of what is asked.
_ADDRESSING = re.compile(r"обраща\w*(?: к| ко)?", re.IGNORECASE)
# Third-person verbs that take the one asked as object: "КТР призывает власти освободить …".
_THIRD_OBJECT_VERBS = frozenset(
    {"asks", "urges", "calls on", "calls upon", "appeals to", "призывает", "призывают", "просит", "просят"}
)


def find_lead_ins(text: str, start: int, end: int, lex: DemandLexicon) -> list[LeadIn]:
    """Every lead-in of the sentence text[start:end], in order, not overlapping."""
    found: list[LeadIn] = []
    spans: list[tuple[int, int, str, bool]] = []
    for m in _first_person(lex.language).finditer(text, start, end):
        spans.append((m.start(), m.end(), m["verb"], False))
    for m in _other_lead_ins(lex.language).finditer(text, start, end):
        spans.append((m.start(), m.end(), m.group(), m["third"] is not None))
    spans.sort()
    last = start
    exceptions = lex.pattern("impersonal_exceptions")
    for s, e, verb, third in spans:
        if s < last or exceptions.match(text, s, end):
            continue
        lead = read_lead_in(text, s, e, end, verb, lex, third)
        if lead is not None:
            found.append(lead)
            last = lead.body
    return found


def read_lead_in(
    text: str, start: int, verb_end: int, end: int, verb: str, lex: DemandLexicon, third: bool = False
) -> LeadIn | None:
    """How the words after a lead-in verb continue, and whom the sentence asks."""
    v = norm(verb)
    rest = verb_end
    while rest < end and text[rest] in " \t\r\n\u00a0":
        rest += 1
    intro = _INTRO_COLON.match(text, rest, end)
    if intro:
        return LeadIn(start, intro.end(), INTRO, third_person=third)
    that = _THAT.match(text, verb_end, end)
    if that and v in _set(lex, "that_verbs") | _set(lex, "third_person") | _set(lex, "impersonal"):
        return LeadIn(start, that.end(), THAT, third_person=third)
    if v in _set(lex, "object_verbs") or v in _THIRD_OBJECT_VERBS:
        lead = _object_lead_in(text, start, rest, end, lex, third)
        if lead is not None and lead.mode != TO and _ADDRESSING.fullmatch(v):
            return None  # "Обращаемся к вам от имени …": turning to someone asks nothing yet
        if lead is not None:
            return lead
    if v.endswith(" to") or v.endswith(" добиться"):
        return LeadIn(start, rest, TO if not v.endswith("добиться") else NOUN, third_person=third)
    if lex.language == "ru" and v in _set(lex, "impersonal"):
        return LeadIn(start, rest, TO, third_person=third) if _infinitive_at(text, rest, end) else None
    if text.startswith("to ", rest) and lex.language != "ru":
        return LeadIn(start, rest + 3, TO, third_person=third)
    if v in _set(lex, "noun_verbs") or v in _set(lex, "third_person") or lex.language == "ru":
        return LeadIn(start, rest, NOUN, third_person=third)
    return None


def _object_lead_in(
    text: str, start: int, rest: int, end: int, lex: DemandLexicon, third: bool
) -> LeadIn | None:
    """ "call on X to do": X is the target; the demand starts at the infinitive."""
    if lex.language == "ru":
        return _object_lead_in_ru(text, start, rest, end, third)
    if text.startswith("to ", rest):
        return LeadIn(start, rest + 3, TO, third_person=third)
    window = min(end, rest + 300)
    colon = _TO_COLON.search(text, rest, window)
    for m in _TO_INFINITIVE.finditer(text, rest, colon.start() if colon else window):
        word = _WORD.match(text, m.end(), window)
        if word and norm(word.group()) in _set(lex, "determiners") | _PRONOUNS:
            continue  # "to the ministry": a preposition, not an infinitive
        target = _clean_target(text[rest : m.start()])
        return LeadIn(start, m.end(), TO, target=target, third_person=third)
    if colon:  # "call on the Government to:" and a list
        return LeadIn(
            start, colon.end(), INTRO, target=_clean_target(text[rest : colon.start()]), third_person=third
        )
    tail = text[rest:end].rstrip()
    if tail.endswith(":") and len(tail) < 120:  # "We call on the Kazakh government:" and a list
        return LeadIn(start, rest + len(tail), INTRO, target=_clean_target(tail[:-1]), third_person=third)
    return None


def _object_lead_in_ru(text: str, start: int, rest: int, end: int, third: bool) -> LeadIn | None:
    """ "просим министерство отменить приказ": the oblique addressee before the infinitive."""
    pos = rest
    for count, word in enumerate(_WORD.finditer(text, rest, min(end, rest + 200))):
        if count > 8:
            break
        if is_infinitive(word.group()):
            target = _clean_target(text[rest : word.start()]) if word.start() > rest else None
            return LeadIn(start, word.start(), TO, target=target, third_person=third)
        pos = word.end()
    del pos
    return LeadIn(start, rest, NOUN, third_person=third)


def _clean_target(raw: str) -> str | None:
    """The addressee as written, without a trailing aside ("you, ahead of the holiday," → "you")."""
    m = _PREPOSITION_TAIL.search(raw)
    if m:
        raw = raw[: m.start()]
    raw = re.sub(r"^(?:к|ко)\s+", "", raw.strip(), flags=re.IGNORECASE)
    raw = re.sub(r"\s+с\s+(?:просьбой|требованием|призывом)$", "", raw, flags=re.IGNORECASE)
    cleaned = " ".join(raw.strip(" ,;:").split())
    return cleaned or None


def _infinitive_at(text: str, pos: int, end: int) -> bool:
    for count, word in enumerate(_WORD.finditer(text, pos, min(end, pos + 80))):
        if is_infinitive(word.group()):
            return True
        if count >= 1:
            return False
    return False


def _set(lex: DemandLexicon, key: str) -> frozenset[str]:
    return _word_set(lex.language, key)


@cache
def _word_set(language: str, key: str) -> frozenset[str]:
    return frozenset(norm(w) for w in demand_lexicon(language).words(key))


def _parse(word: str) -> tuple[Any, ...]:
    """The readings of a Russian word, from the one analyser (and its cache) the parser shares."""
    from kzlabour.parser.morph import parse_word  # loads pymorphy3 only when Russian needs it

    return parse_word(word)


@line_memo(maxsize=1 << 14, longest=60)  # keyed on words: bounded
def is_infinitive(word: str) -> bool:
    """A Russian infinitive ("освободить", "добиться"), by its most likely reading."""
    w = word.casefold()
    if not re.fullmatch(r"[а-яё-]+", w) or not (w.endswith(("ть", "ти", "чь", "ться", "тись"))):
        return False
    parses = _parse(w)
    return bool(parses) and parses[0].tag.POS == "INFN"
