"""Salutations and the end of a letter's address zone.

"Dear Kassym-Jomart Kemelevich!" names a recipient when no address line does; a bare
salutation ("Dear Sir/Madam", "To whom it may concern", "Товарищи!") names nobody (§16).
"""

from __future__ import annotations

import re
from functools import cache

from kzlabour.models import Party
from kzlabour.parser.document import Line
from kzlabour.parser.memo import line_memo
from kzlabour.parser.names import lexicon, looks_like_name, normalise_name, strip_honorifics
from kzlabour.parser.roles import make_party, party_country, role_prefix

# One sentence ending and another starting; "Mr. X", "ul. Abaia", "И.И. Иванов" are no sentence ends.
SENTENCE_END = re.compile(r"[a-zа-яёәғқңөұүһі]{3}[.!?]\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")

__all__ = ["SENTENCE_END", "from_salutation", "header_end", "is_prose", "salutation_index"]


@cache
def _openers() -> tuple[str, ...]:
    return tuple(sorted((o.casefold() for o in lexicon()["salutation_openers"]), key=len, reverse=True))


@cache
def _generic() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon()["salutation_generic"])


@line_memo(maxsize=1 << 14, longest=120)  # the address-zone readers look for the salutation in the same lines
def _salutation_rest(s: str) -> str | None:
    """The words after "Dear", "Уважаемый", "Құрметті", or None when `s` is no salutation."""
    low = s.casefold()
    for opener in _openers():
        if low.startswith(opener) and (len(low) == len(opener) or not low[len(opener)].isalnum()):
            return s[len(opener) :].strip(" ,!:.")
    if low.startswith("to whom it may concern") or re.fullmatch(r"[^\W\d_]+!", s.strip()):
        return ""  # "To whom it may concern", "Товарищи!": salutations that name nobody
    return None


def salutation_index(lines: tuple[Line, ...], limit: int = 40) -> int | None:
    for i, line in enumerate(lines[:limit]):
        s = line.stripped
        if s and len(s) < 120 and _salutation_rest(s) is not None:
            return i
    return None


def is_prose(s: str) -> bool:
    return len(s.split()) > 14 or (bool(SENTENCE_END.search(s)) and len(s.split()) > 6)


def header_end(lines: tuple[Line, ...]) -> int:
    """Index of the first body line: the salutation, else the first prose line.

    An address zone is a letter's first lines: it never reaches past _MAX_HEADER lines.
    """
    sal = salutation_index(lines)
    if sal is not None:
        return sal
    for i, line in enumerate(lines[:_MAX_HEADER]):
        if is_prose(line.stripped) and not _ADDRESS_LINE.match(line.stripped):
            return i
    return min(len(lines), _MAX_HEADER)


_MAX_HEADER = 80
# "To the Ministry of Labour, the akimat of ..., the board of ...": long, but an address line.
_ADDRESS_LINE = re.compile(r"^(?:To|TO|Attn\.?|Кому|Для)\s*:?\s")


def from_salutation(lines: tuple[Line, ...]) -> list[Party]:
    """The recipient a salutation names: a person ("Dear Kassym-Jomart Kemelevich!") or a group."""
    sal = salutation_index(lines)
    if sal is None:
        return _run_on(lines)
    line = lines[sal]
    rest = _salutation_rest(line.stripped) or ""
    return _named(line, rest)


def _run_on(lines: tuple[Line, ...]) -> list[Party]:
    """A salutation that runs on into the body on one line, as quoted video appeals print it:
    "Құрметті Әлихан Асханұлы! Біз, …"."""
    first = next((line for line in lines if not line.blank), None)
    if first is None:
        return []
    head, bang, _ = first.stripped[:100].partition("!")
    rest = _salutation_rest(head) if bang else None
    return _named(first, rest) if rest else []


def _named(line: Line, rest: str) -> list[Party]:
    words = re.findall(r"[\w'’?-]+", rest.casefold())
    if not words or all(w in _generic() for w in words):
        return []
    start = line.start + line.content.find(rest)
    span = (start, start + len(rest))
    core = strip_honorifics(rest)
    role = role_prefix(core)
    if role and looks_like_name(core[len(role) :]):
        return [
            p
            for p in [
                make_party(
                    name=normalise_name(core[len(role) :]),
                    role=role,
                    country="KZ" if party_country(role, None, state_default=True) else None,
                    span=span,
                )
            ]
            if p
        ]
    if looks_like_name(core):
        name = normalise_name(core)
        # Addressed by given name and patronymic only: a holder of Kazakh state power (§13).
        kz = "KZ" if name and re.search(r"(?:ович|евич|ұлы|улы|ovich|evich|ych|uly)\b", name, re.I) else None
        return [p for p in [make_party(name=name, country=kz, span=span)] if p]
    return [p for p in [make_party(role=rest, span=span)] if p]
