"""Senders named outside a sign-off (ANNOTATION-DECISIONS §14).

- a by-line: "From the Executive Committee of X:", "From X, 21 March 2001", "Оригинал взят у user";
  an e-mail header "From: Name <address>";
- a statement heading: "Declaration of the participants of X", "Statement by X on …",
  "Заявление участников X", "4-й Всемирный Конгресс Международной конфедерации профсоюзов";
- "on behalf of X";
- a named body as the subject of "demands / expresses / calls …" in the body.
"""

from __future__ import annotations

import re
from functools import cache

from kzlabour.models import Party
from kzlabour.parser.countries import country_code
from kzlabour.parser.document import Line
from kzlabour.parser.morph import ru_nominative
from kzlabour.parser.names import lexicon, looks_like_name, normalise_name
from kzlabour.parser.patterns import EMAIL
from kzlabour.parser.roles import SCAN_LIMIT, clean_org, has_org_word, make_party, party_country

__all__ = ["byline", "heading_sender", "is_organ", "mail_header", "on_behalf", "subject_sender"]

_DATE_TAIL = re.compile(
    r",\s*(?:\d|(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b).*$",
    re.I,
)


def byline(lines: tuple[Line, ...]) -> list[Party]:
    """ "From X, date" / "From X:" / "Оригинал взят у user" near the top names the sender."""
    for line in lines[:6]:
        s = line.stripped
        m = re.match(r"^(?:From|FROM|От|Автор)\s+(?!:)(.+)$", s)
        if (m and len(s) < 200 and not s.rstrip().endswith((".", "!", "?"))) or (m and s.endswith(":")):
            who = _DATE_TAIL.sub("", m.group(1)).strip(" :,")
            start = line.start + line.content.find(who)
            return _who(who, (start, start + len(who)))
        m = re.search(r"(?:Оригинал взят у|Originally posted by)\s+(?:\[[^\]]{0,80}\]\s*)?([\w.-]+)", s)
        if m:
            user = re.sub(r"(?<=[A-Za-z0-9_])[а-яё]+$", "", m.group(1))  # "lojsoв": a glued preposition
            start = line.start + m.start(1)
            party = make_party(name=user, span=(start, start + len(user)))
            return [party] if party else []
    return []


_ON_BEHALF = re.compile(r"\b(?:on behalf of|in the name of|от имени|атынан)\s+(?:the\s+|our\s+)?", re.I)


_MEMBERS_OF = re.compile(
    r"^(?:(?:some|over|more than|almost|nearly)\s+)?[\d.,]+\s*(?:million|thousand|m|k)?\s+"
    r"(?:\w+\s+)?(?:members|workers|affiliates)\s+of\s+(?:the\s+|our\s+)?",
    re.I,
)


def _proper_body(phrase: str) -> bool:
    """ "United Steelworkers": two or more capitalised words that are no person's name."""
    words = phrase.split()
    return 2 <= len(words) <= 8 and all(w[:1].isupper() for w in words) and not looks_like_name(phrase)


def on_behalf(lines: tuple[Line, ...]) -> list[Party]:
    """ "This letter is sent on behalf of the Teachers' Union" names the sender (§14)."""
    for line in lines:
        m = _ON_BEHALF.search(line.content, 0, SCAN_LIMIT)
        if not m:
            continue
        rest = line.content[m.end() : m.end() + 200]
        # "on behalf of the 1.4 million members of the X": the body, not its members.
        rest = _MEMBERS_OF.sub("", rest)
        phrase = re.split(r"[.,;:!?(]|\s(?:to|in|we|who|which|concerning|about|regarding)\s", rest)[0].strip()
        # "the Union and its members": "and" ends the name only after a body word ("Oil and Gas …" goes on).
        head, joined, _ = phrase.partition(" and ")
        if joined and has_org_word(head):
            phrase = head.strip()
        if not phrase or not (has_org_word(phrase) or _proper_body(phrase)):
            continue
        if re.search(r"[а-яё]", phrase, re.I) and phrase[:1].islower():
            phrase = ru_nominative(phrase, "gent")
        start = line.start + m.end()
        org = clean_org(phrase)
        party = make_party(
            organisation=org, country=party_country(None, org), span=(start, start + len(phrase))
        )
        return [party] if party else []
    return []


def mail_header(lines: tuple[Line, ...]) -> Party | None:
    """ "From: Anna Smith <anna@example.org>" in an e-mail header at the letter's top."""
    for line in lines[:8]:
        m = re.match(r"^(?:From|От|Кімнен)\s*:\s*(.+)$", line.stripped)
        if not m:
            continue
        value = m.group(1)
        email = EMAIL.search(value)
        who = re.sub(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)", "", value).replace(
            email.group(0) if email else "\0", ""
        )
        who = who.strip(" \"'<>,")
        if not who or not (looks_like_name(who) or who.isupper()):
            return None
        start = line.start + line.content.find(m.group(1))
        return make_party(
            name=normalise_name(who) if not who.isupper() else who,
            email=email.group(0) if email else None,
            span=(start, start + len(value)),
        )
    return None


def _who(text: str, span: tuple[int, int]) -> list[Party]:
    """One or more authors of a by-line: persons ("Anna Ivanova, chair, and Oleg Sidorov") or a body."""
    organ = re.match(r"^(?:the\s+)?(.+?)\s+of\s+(?:the\s+)?(.+)$", text, re.I)
    if organ and is_organ(organ.group(1)):
        party = make_party(
            role=organ.group(1),
            organisation=clean_org(organ.group(2)),
            country=party_country(None, organ.group(2)),
            span=span,
        )
        return [party] if party else []
    if has_org_word(text) or not looks_like_name(text.split(",")[0]):
        org = clean_org(text)
        party = make_party(organisation=org, country=party_country(None, org), span=span)
        return [party] if party else []
    out = []
    for chunk in re.split(r",?\s+and\s+|;\s*", text):
        items = [x.strip() for x in chunk.split(",") if x.strip()]
        if items and looks_like_name(items[0]):
            party = make_party(name=normalise_name(items[0]), role=", ".join(items[1:]) or None, span=span)
            if party:
                out.append(party)
    return out


@cache
def _organs() -> frozenset[str]:
    return frozenset(o.casefold() for o in lexicon()["organs"])


def is_organ(text: str) -> bool:
    return text.casefold().removeprefix("the ") in _organs()


@cache
def _statement_words() -> tuple[str, ...]:
    return tuple(sorted((w.casefold() for w in lexicon()["statement_words"]), key=len, reverse=True))


def heading_sender(lines: tuple[Line, ...]) -> list[Party]:
    """A heading naming the authors: "Declaration of the participants of X", "4-й Конгресс X"."""
    for line in lines[:4]:
        s = line.stripped.rstrip(".")
        if not s or len(s) > 200:
            continue
        low = s.casefold()
        for word in _statement_words():
            if low.startswith(word + " "):
                party = _author_phrase(s[len(word) + 1 :], line)
                if party:
                    return [party]
        party = _organ_heading(s, line)
        if party:
            return [party]
    return []


_TOPIC = re.compile(
    r"\s(?:on|about|concerning|regarding|in support|in solidarity|against|to|with|for|по|о|об|в поддержку|"
    r"против|к|с)\s|[:.,;!?(]",
    re.I,
)


def _author_phrase(text: str, line: Line) -> Party | None:
    """The authors a statement heading names after its kind: "Declaration of the participants of
    the 13th Meeting" -> role + organisation; "Statement by the ITUC General Council on X" ->
    organisation; Russian in the genitive ("Заявление участников 13-й встречи")."""
    if not re.match(r"^(?:of|by|from)\s", text, re.I) and not re.match(r"^[а-яёА-ЯЁ]", text):
        return None  # "Open letter to the Government": a title naming no author
    text = re.sub(r"^(?:of|by|from)\s+(?:the\s+)?", "", text, flags=re.I)
    cyr = bool(re.search(r"[а-яё]", text, re.I))
    start = line.start + line.content.find(text)
    m = re.match(r"^(\w+)\s+of\s+(?:the\s+)?(.+)$", text) if not cyr else re.match(r"^(\w+)\s+(.+)$", text)
    if m and (
        m.group(1).casefold() in _organs()
        or (cyr and ru_nominative(m.group(1), "gent").casefold() in _organs())
    ):
        role = m.group(1) if not cyr else ru_nominative(m.group(1), "gent")
        org = m.group(2) if not cyr else ru_nominative(m.group(2), "gent")
        if cyr and not has_org_word(org) and not is_organ(org.split()[0]):
            # "конференции профсоюзных активистов …": the organ of no named body is the body itself
            whole = ru_nominative(text, "gent")
            return make_party(organisation=clean_org(whole), span=(start, start + len(text)))
        return make_party(
            role=role[:1].upper() + role[1:],
            organisation=clean_org(org),
            country=None,
            span=(start, start + len(text)),
        )
    author = _TOPIC.split(text, maxsplit=1)[0].strip()
    if not author or not has_org_word(author) or len(author.split()) > 12:
        return None
    if cyr:
        author = ru_nominative(author, "gent")
    org = clean_org(author)
    return make_party(organisation=org, country=party_country(None, org), span=(start, start + len(author)))


def _organ_heading(s: str, line: Line) -> Party | None:
    """ "4-й Всемирный Конгресс Международной конфедерации профсоюзов": an organ and its body."""
    words = s.split()
    for k in range(1, min(4, len(words) - 1) + 1):
        head = " ".join(words[:k])
        core = re.sub(r"^\d+(?:-?\w{1,3})?\s+", "", head)
        if core.casefold() in _organs() and words[0][:1].isdigit():
            body = " ".join(words[k:])
            org = (
                ru_nominative(body, "gent")
                if re.search(r"[а-яё]", body, re.I)
                else re.sub(r"^of\s+(?:the\s+)?", "", body)
            )
            return make_party(role=head, organisation=clean_org(org), span=(line.start, line.end))
    return None


@cache
def _sender_verbs() -> tuple[str, ...]:
    return tuple(v.casefold() for v in lexicon()["sender_verbs"])


# A body naming itself as the subject of "demands" does so near the top of the letter.
_MAX_SUBJECT_LINES = 200


def subject_sender(lines: tuple[Line, ...]) -> list[Party]:
    """The body named as subject of "demands / expresses / calls ...": "The ITUC, which ..., demands"."""
    verbs = "|".join(re.escape(v) for v in _sender_verbs())
    verb_re = re.compile(rf"\s({verbs})\b", re.I)
    for line in lines[:_MAX_SUBJECT_LINES]:
        s = line.content[:SCAN_LIMIT]
        if len(s) < 12:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", s):
            m = verb_re.search(sentence[:400])
            if not m:
                continue
            subject = sentence[: m.start()].strip()
            if _KK_LETTER.search(m.group(1)) or m.group(1).casefold().startswith("талап"):
                subject = _kk_subject(subject)  # Kazakh puts the verb last: the subject opens the sentence
            subject = re.split(r",\s+(?=[a-zа-яё])", subject)[0].strip(" ,")
            party = _subject_party(subject, line, s.find(subject))
            if party:
                return [party]
    return []


_KK_LETTER = re.compile(r"[әғқңөұүһі]", re.I)
_KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")


def _kk_subject(text: str) -> str:
    """ "«Шахтер» кәсіподағы … білдіреді": the words up to the first body noun not in the genitive."""
    words = text.split()
    for k, w in enumerate(words[:12]):
        core = w.strip('«»"(),')
        if has_org_word(core) and not _KK_GENITIVE.search(core):
            return " ".join(words[: k + 1])
    return ""


def _subject_party(subject: str, line: Line, offset: int) -> Party | None:
    if not subject or len(subject.split()) > 20 or not subject.lstrip('«"“')[:1].isupper():
        return None
    if subject.split()[0].casefold() in {"we", "i", "мы", "я", "біз", "мен", "they", "it", "this", "our"}:
        return None
    span = (line.start + offset, line.start + offset + len(subject))
    # "The 14th Congress of X": an organ, perhaps numbered, of a body.
    of = re.match(
        r"^(?:The\s+)?((?:\d{1,3}(?:st|nd|rd|th|-?й)?\s+)?\w+(?:\s\w+)?)\s+of\s+(?:the\s+)?(.+)$", subject
    )
    if of and re.sub(r"^\d\S*\s+", "", of.group(1)).casefold() in _organs():
        return make_party(
            role=of.group(1),
            organisation=clean_org(of.group(2)),
            country=party_country(None, of.group(2)),
            span=span,
        )
    if not has_org_word(subject) or _is_state_subject(subject):
        return None
    named = any(w[:1].isupper() for w in subject.split()[1:]) or subject.split()[0].isupper()
    if not named and not re.search(r"«[^»]+»", subject):
        return None  # "The union calls ...": a body only described, not named («Шахтер» names it)
    last = re.findall(r"\w+", subject)[-1]
    if (
        last.endswith("s")
        and " of " not in subject
        and not any(w[:1].isupper() and w.isupper() for w in subject.split() if len(w) > 1)
    ):
        # "Federations, Regional Labour Centres and Unions": bodies described by kind, a role.
        return make_party(role=subject, span=span)
    # "The Public Services International (PSI) is writing": the short form it introduces is not the name.
    org = clean_org(re.sub(r"\s*\([A-ZА-ЯЁ][A-ZА-ЯЁ0-9&.\- ]{1,15}\)$", "", subject))
    return make_party(organisation=org, country=party_country(None, org), span=span)


def _is_state_subject(subject: str) -> bool:
    low = subject.casefold()
    return bool(
        re.search(r"\b(?:government|authorities|state|police|court|regime|власти|правительство)\b", low)
    ) or bool(country_code(subject))
