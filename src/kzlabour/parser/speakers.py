"""Who speaks in a letter's body: "We, the X, ..." clauses and Kazakh "Біз X ... үндеу жолдаймыз".

- "We, who have taken part in the 7th International conference ..., have" -> the conference;
- "We, the participants of X" / "Мы, активисты движения X в Венесуэле," -> role + organisation
  (+ the country the clause places them in);
- "We, the railway workers of Astana" -> a group, role only (§9: a company's workers are a group);
- "We, the undersigned" names nobody.
- Kazakh "Біз <group> <office> <Name>-ға және <office> <Name>-ға үндеу жолдаймыз": the group
  is the sender, each dative addressee a recipient.
"""

from __future__ import annotations

import re
from functools import cache

from kzlabour.models import Party
from kzlabour.parser.countries import find_country
from kzlabour.parser.document import Line
from kzlabour.parser.morph import ru_nominative
from kzlabour.parser.names import lexicon, normalise_name
from kzlabour.parser.roles import SCAN_LIMIT, clean_org, has_org_word, make_party, party_country

__all__ = ["kazakh_appeal", "we_clause"]

_WE = re.compile(r"(?:^|(?<=[.!?]\s))(?:We|Мы|МЫ|WE|Біз|БІЗ),\s+")
_PARTICIPATED = re.compile(
    r"^(?:who|that)\s+(?:have\s+|had\s+|are\s+|were\s+)?(?:taken\s+part|took\s+part|participated|gathered|met|"
    r"assembled|attended|taking\s+part|participating)\s+(?:in|at)\s+(?:the\s+)?",
    re.I,
)
_PLACE = re.compile(r"\s+(?:in|from|в|во|из)\s+([\w?-]+(?:\s+[\w?-]+)?)\s*$", re.I)
_KK_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?$")
_KK_APPEAL = re.compile(r"\s(?:үндеу|хат|өтініш|талап)\s+(?:жолдаймыз|жазамыз|жібереміз)|\sжүгінеміз")


@cache
def _groups() -> tuple[str, ...]:
    return tuple(sorted((g.casefold() for g in lexicon()["group_nouns"]), key=len, reverse=True))


@cache
def _fillers() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon()["we_fillers"])


@cache
def _organ_groups() -> frozenset[str]:
    """Group nouns that are organs of a body (participants, members), not a workforce."""
    return frozenset(o.casefold() for o in lexicon()["organs"])


def we_clause(lines: tuple[Line, ...]) -> list[Party]:
    """The sender a "We, X, ..." clause names, or [] ("We, the undersigned" names nobody)."""
    for line in lines:
        m = _WE.search(line.content, 0, SCAN_LIMIT)
        if not m:
            continue
        rest = line.content[m.end() : m.end() + 600]
        cut = re.search(r",\s", rest)
        phrase = rest[: cut.start()] if cut else " ".join(rest.split()[:12])
        start = line.start + m.end()
        party = _we_party(phrase.strip(), (start, start + len(phrase.strip())))
        return [party] if party else []
    return []


def _we_party(phrase: str, span: tuple[int, int]) -> Party | None:
    phrase = _PARTICIPATED.sub("", phrase)
    phrase = re.sub(r"^(?:the|The|as|As|being|all|как|все)\s+", "", phrase).strip()
    if phrase.casefold() in _fillers() or (len(phrase.split()) == 1 and phrase.islower()):
        return None  # "We, however, ...", "Мы, в свою очередь, ...": no one named
    if not phrase or phrase.casefold().startswith(("undersigned", "нижеподписавш", "signatories")):
        return None
    country = None
    place = _PLACE.search(phrase)
    if place:
        country = find_country(place.group(1))
        if country:
            phrase = phrase[: place.start()].strip()
    low = phrase.casefold()
    last = low.split()[-1] if low.split() else ""
    if last in _groups() and re.search(r"[әғқңөұүһі]", low):
        return make_party(role=phrase, country=country, span=span)  # Kazakh: the group noun comes last
    for group in _groups():
        if low.startswith(group) and (len(low) == len(group) or low[len(group)] == " "):
            role, rest = phrase[: len(group)], phrase[len(group) :].strip()
            if group not in _organ_groups() or not rest:
                return make_party(role=phrase, country=country or party_country(phrase, None), span=span)
            org = _group_body(rest)
            return make_party(
                role=role, organisation=org, country=country or party_country(None, org), span=span
            )
    if has_org_word(phrase):
        org = clean_org(phrase)
        return make_party(organisation=org, country=country or party_country(None, org), span=span)
    return make_party(role=phrase, country=country, span=span)


def _group_body(rest: str) -> str | None:
    """The body after a group noun: "of the X" -> X; "движения X" -> X when X is a proper name."""
    rest = re.sub(r"^(?:of|from)\s+(?:the\s+)?", "", rest, flags=re.I)
    rest = re.sub(r"(?<=\w)\(", " (", rest)  # "Социализм(Комитет" -> "Социализм (Комитет"
    words = rest.split()
    if (
        len(words) > 1
        and words[0][:1].islower()
        and words[1][:1].isupper()
        and re.search(r"[а-яё]", words[0])
    ):
        return clean_org(" ".join(words[1:]))  # a kind noun before a name in the nominative
    if re.search(r"[а-яё]", rest, re.I):
        return clean_org(ru_nominative(rest, "gent"))
    return clean_org(rest)


def kazakh_appeal(lines: tuple[Line, ...]) -> tuple[list[Party], list[Party]] | None:
    """Sender group and dative addressees of "Біз ... -ға және ... -ға үндеу жолдаймыз"."""
    from kzlabour.parser.dative import office

    for line in lines[:20]:
        s = line.content[:SCAN_LIMIT]
        # The pattern opens with look-behinds tried at every position: look for its word first.
        m = re.search(r"(?:^|(?<=[.!?«]\s)|(?<=«))Біз\s+", s) if "Біз" in s else None
        if not m:
            continue
        end = _KK_APPEAL.search(s, m.end())
        if not end or end.start() - m.end() > 400:
            continue
        words = list(re.finditer(r"\S+", s[m.end() : end.start()]))
        split = next((k for k, w in enumerate(words) if _KK_PLURAL.search(w.group(0).strip(","))), None)
        if split is None:
            continue
        base = line.start + m.end()
        group_end = words[split].end()
        senders = [
            p
            for p in [
                make_party(role=s[m.end() : m.end() + group_end].strip(" ,"), span=(base, base + group_end))
            ]
            if p
        ]
        recipients: list[Party] = []
        body = s[m.end() + group_end : end.start()]
        offset = base + group_end
        pos = 0
        for item in re.split(r"\s+және\s+|,\s+", body):
            at = body.find(item, pos)
            pos = at + len(item)
            item_words = item.split()
            lower = [k for k, w in enumerate(item_words) if w[:1].islower()]
            if not item_words:
                continue
            cut = lower[-1] + 1 if lower else 0
            role = " ".join(item_words[:cut]) or None
            name = normalise_name(" ".join(item_words[cut:]), dative=True) if item_words[cut:] else None
            party = office(role, name, (offset + at, offset + at + len(item)))
            if party:
                recipients.append(party)
        return senders, recipients
    return None


_ = has_org_word


_RU_LETTER = re.compile(r"\b(?:письм[оаяе]|обращени[еяю]|заявлени[еяю]|воззвани[еяю]|петици[яи])\s+", re.I)
_EN_LETTER = re.compile(
    r"\b(?:letter|appeal|statement|petition|message)s?\s+(?:of|from|by)\s+(?:the\s+)?", re.I
)
# "The Teachers' Union of Ireland has sent a letter to …": the article names who wrote it.
_EN_SENT = re.compile(
    r"(?:^|[.!?]\s+|\n)((?:The\s+)?[A-Z][^.!?\n]{2,120}?)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:sent|written|wrote|addressed|issued)\s+(?:a|an|the)\s+(?:open\s+|protest\s+)?"
    r"(?:letter|appeal|statement|petition|message)\b"
)


def _en_sender(subject: str, start: int) -> Party | None:
    """The subject of "… has sent a letter": a named body, or a group of people by kind."""
    if len(subject.split()) > 15:
        return None
    span = (start, start + len(subject))
    if has_org_word(subject) and any(w[:1].isupper() for w in subject.split()[1:]):
        org = clean_org(subject)
        return make_party(organisation=org, country=party_country(None, org), span=span)
    if any(g in subject.casefold() for g in _groups()):
        return make_party(role=re.sub(r"^(?:The|the)\s+", "", subject), span=span)
    return None


_KK_LETTER = re.compile(r"([\w?-]+)\s+(?:үндеуі|хаты|өтініші|мәлімдемесі)\b")


def article_sender(text: str, start: int) -> list[Party]:
    """For a quoted appeal with no author: the article's designation of who made it (§14).

    Taken from the article's first sentence that names the appeal's makers, before the letter and
    after the headline: "письма обращения нефтяников" -> role "нефтяники".
    """
    before = text[max(0, start - 1500) : start]
    first_break = before.find("\n")
    body = before[first_break + 1 :] if start <= 1500 and first_break >= 0 else before
    base = start - len(body)
    for m in _RU_LETTER.finditer(body):
        party = _ru_makers(body, m.end(), base)
        if party:
            return [party]
    en = _EN_LETTER.search(body)
    if en:
        tail = body[en.end() : en.end() + 120]
        phrase = re.split(r"[.,;:(]|\s(?:to|in|on|at|which|who|that)\s", tail)[0].strip()
        if phrase and any(g in phrase.casefold() for g in _groups()):
            party = make_party(role=phrase, span=(base + en.end(), base + en.end() + len(phrase)))
            return [party] if party else []
    sent = _EN_SENT.search(body)
    if sent:
        party = _en_sender(sent.group(1), base + sent.start(1))
        if party:
            return [party]
    k = _KK_LETTER.search(body)
    if k and k.group(1)[:1].islower():
        from kzlabour.parser.morph import kk_genitive_stem

        role = kk_genitive_stem(k.group(1))
        party = make_party(role=role, span=(base + k.start(1), base + k.end(1))) if role else None
        return [party] if party else []
    return []


def _ru_makers(body: str, pos: int, base: int) -> Party | None:
    """After "письма (обращения)": adjectives and an animate plural noun in the genitive."""
    from kzlabour.parser.morph import parse_word

    words = list(re.finditer(r"[а-яёА-ЯЁ-]+", body[pos : pos + 200]))
    chosen: list[re.Match[str]] = []
    for w in words[:6]:
        parses = parse_word(w.group(0))
        gent = [p for p in parses if p.tag.case == "gent"]
        if not gent:
            break
        if any("NOUN" in p.tag and "anim" in p.tag and p.tag.number == "plur" for p in gent):
            chosen.append(w)
            phrase = body[pos + chosen[0].start() : pos + w.end()]
            return make_party(
                role=ru_nominative(phrase, "gent"),
                span=(base + pos + chosen[0].start(), base + pos + w.end()),
            )
        if any("ADJF" in p.tag or "PRTF" in p.tag for p in gent):
            chosen.append(w)
            continue
        if any("NOUN" in p.tag and "inan" in p.tag for p in gent) and not chosen:
            continue  # "письма обращения нефтяников": a second letter word
        break
    return None
