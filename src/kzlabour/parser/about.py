"""Who a letter is about: the people and organisations it defends or accuses.

Read, in this order, from
1. its release demands: the names after "release", "free", "освободить" (a release demand names
   its detainee: "the release of Natalia Sokolova");
2. its body: a name the text says is arrested, detained, prosecuted, sentenced ("Natalia Sokolava is
   being prosecuted"; "… арестован"), or sets beside such a word ("One of the victims, Aisula
   Amangeldieva,"; "union leader, Esenbek Ukteshbayev,");
3. the company whose workers act: "employed by KazMunauGaz", "the workers of X".

A name given twice (two spellings of one person) is kept once, the first reading winning; the
letter's own senders, signatories and addressees are not what it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kzlabour.models import Demand, DemandCategory, Party, Span
from kzlabour.parser.document import Segment
from kzlabour.parser.parties import Parties

__all__ = ["read_about"]

_UP = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "a-zß-öø-ÿа-яёәғқңөұүһі"
_WORD = rf"(?:[{_UP}][{_LOW}'’]+(?:-[{_UP}]?[{_LOW}'’]+)?|[{_UP}]\.)"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{1,3}}"
_QUOTED = r"«[^»\n]{2,80}»|\"[^\"\n]{2,80}\""
_ORG = rf"(?:{_QUOTED}|[{_UP}][\w&’'-]*[{_UP}][\w&’'-]*|{_WORD}(?:[ \t]+{_WORD}){{0,3}})"

_RELEASE = re.compile(
    r"\b(?:release|releasing|free|freeing|freedom|acquittal|освобо\w*|босат\w*)\b", re.IGNORECASE
)
_NAME_RE = re.compile(_NAME)
_HARMED = (
    r"arrested|detained|prosecuted|sentenced|imprisoned|jailed|charged|convicted|tortured|beaten|"
    r"abducted|kidnapped|persecuted|dismissed|sacked|fired|attacked|killed|murdered|held"
)
_BODY_PERSON = (
    re.compile(
        rf"(?<![\w.])(?P<name>{_NAME}),?[ \t]+(?:who[ \t]+)?(?:is|was|has[ \t]+been|had[ \t]+been|"
        rf"have[ \t]+been|were|are|remains)[ \t]+(?:being[ \t]+|still[ \t]+|now[ \t]+|also[ \t]+)?"
        rf"(?:{_HARMED})\b"
    ),
    re.compile(
        r"\b(?:victims?|detainees?|prisoners?|activists?|leaders?|lawyers?|defendants?|unionists?|"
        rf"chairman|chairwoman|chair)[ \t]*,[ \t]*(?P<name>{_NAME})[ \t]*,",
    ),
    re.compile(
        rf"(?<![\w.])(?P<name>{_NAME})[ \t]+(?:был[аи]?[ \t]+)?(?:арестован|задержан|осужден|осуждён|"
        r"приговорен|приговорён|уволен|избит|похищен)[аы]?\b"
    ),
)
# A word each pattern above must hold: a body without it is not run through the (costlier) pattern.
_BODY_PERSON_CUES = (
    re.compile(_HARMED),
    re.compile(r"victim|detainee|prisoner|activist|leader|lawyer|defendant|unionist|chair"),
    re.compile(r"арестован|задержан|осужден|осуждён|приговорен|приговорён|уволен|избит|похищен"),
)
_BODY_ORG = re.compile(
    rf"\b(?:employed[ \t]+by|employees[ \t]+of|workers[ \t]+(?:of|at)|strikers[ \t]+(?:of|at)|"
    rf"strike[ \t]+at)[ \t]+(?:the[ \t]+)?(?P<org>{_ORG})"
)
_COMPANY = re.compile(
    r"[a-z][A-Z]|\b(?:LLP|JSC|Ltd|Inc|PLC|LLC|Company|Corporation|Group|ТОО|АО|ОАО|ЗАО)\b|(?:Munai|Gas|Oil)"
)
_NOT_ORG = frozenset({"the", "kazakhstan", "our", "their", "this", "that", "all", "these"})


def read_about(seg: Segment, parties: Parties, demands: Iterable[Demand]) -> tuple[Party, ...]:
    """The people and organisations one letter defends or accuses, in the order above."""
    from kzlabour.parser.names import looks_like_name, normalise_name

    own = {
        p.name.casefold()
        for group in (parties.senders, parties.signatories, parties.recipients, parties.copies)
        for p in group
        if p.name
    }
    found: list[Party] = []
    for start, end, raw in _candidates(seg, demands):
        if not looks_like_name(raw):
            continue
        name = normalise_name(raw)
        if name is None or name.casefold() in own or _known(name, found):
            continue
        found.append(Party(name=name, span=Span(start=start, end=end)))
    body = seg.body
    for m in _BODY_ORG.finditer(body):
        org = m.group("org").strip(" .,;:")
        if not _company_like(org, m.group().casefold().startswith(("employed", "strike"))):
            continue
        if any(p.organisation == org for p in found):
            continue
        s = seg.start + m.start("org")
        found.append(Party(organisation=org, span=Span(start=s, end=s + len(org))))
    return tuple(found)


def _company_like(org: str, after_employer_verb: bool) -> bool:
    """A company's name, not a place: quoted, CamelCase, or a company word; any name after 'employed by'."""
    from kzlabour.parser.countries import country_code
    from kzlabour.parser.places import known_city

    if org.casefold() in _NOT_ORG or known_city(org) or country_code(org):
        return False
    if org.startswith(("«", '"')) or _COMPANY.search(org):
        return True
    return after_employer_verb and org[:1].isupper()


def _candidates(seg: Segment, demands: Iterable[Demand]) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each name a release demand, then the body, names as harmed."""
    text = seg.text
    for demand in demands:
        if demand.category is not DemandCategory.release_detainees or demand.span is None:
            continue
        chunk = text[demand.span.start : demand.span.end]
        release = _RELEASE.search(chunk)
        if release is None:
            continue
        for m in _NAME_RE.finditer(chunk, release.end()):
            start = demand.span.start + m.start()
            yield start, start + len(m.group()), _nominative(m.group())
    body = seg.body
    hits = sorted(
        (m.start("name"), m.group("name"))
        for pattern, cue in zip(_BODY_PERSON, _BODY_PERSON_CUES, strict=True)
        for line_start, line_end in _lines_with(cue, body)
        for m in pattern.finditer(body, line_start, line_end)
    )
    for start, raw in hits:
        yield seg.start + start, seg.start + start + len(raw), raw


def _lines_with(cue: re.Pattern[str], body: str) -> list[tuple[int, int]]:
    """The (start, end) of each line of `body` that holds `cue`, in order.

    A match of a _BODY_PERSON pattern holds its cue and never a line break (its gaps are spaces
    and tabs), so it lies on such a line: the pattern is run there, not over the whole body.
    (finditer from a line's start still sees the character before it for the look-behind.)
    """
    found: list[tuple[int, int]] = []
    pos = 0
    while (m := cue.search(body, pos)) is not None:
        start = body.rfind("\n", pos, m.start()) + 1  # pos is 0 or the previous line's break
        end = body.find("\n", m.end())
        end = len(body) if end < 0 else end
        found.append((start, end))
        pos = end  # the next cue on a later line: the rest of this one is taken
        if end == len(body):
            break
    return found


def _nominative(name: str) -> str:
    """A Russian name in the genitive ('Натальи Соколовой') in the nominative; other names as they are."""
    if not re.search("[а-яё]", name):
        return name
    from kzlabour.parser.morph import parse_word

    first = parse_word(name.split()[0])
    if any(p.tag.case == "nomn" and p.tag.number == "sing" and "Name" in p.tag.grammemes for p in first):
        return name  # "освобождения Наталья Соколова": the text left the name in the nominative
    out = []
    for word in name.split():
        parse = next(
            (
                p
                for p in parse_word(word)
                if p.tag.case == "gent" and ({"Name", "Surn", "Patr"} & p.tag.grammemes)
            ),
            None,
        )
        new = parse.inflect({"nomn"}) if parse else None
        out.append(word[:1] + new.word[1:] if new else word)
    return " ".join(out)


def _known(name: str, found: list[Party]) -> bool:
    """Whether `name` is a spelling of a person already found (one family name, agreeing given names)."""
    from kzlabour.registry.match import given_agree, same_word
    from kzlabour.registry.names import person_name

    new = person_name(name)
    if new is None:
        return True
    for party in found:
        old = person_name(party.name) if party.name else None
        if old and same_word(old.family, new.family) and given_agree(old.given, new.given):
            return True
    return False
