"""Role, organisation and country of a party from the words the text gives it.

Rules of ANNOTATION-DECISIONS §11–§13: "X of Y" stays whole in `role` and Y goes to
`organisation` when Y is a body (not a state or portfolio); "SG CGT-B" and "RMT union
General Secretary" split into role and organisation; "MP for Labour Party" is affiliation;
a country item, name or adjective gives the country; international bodies get none;
an embassy's country is where the text places it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kzlabour.models import Party, Span
from kzlabour.parser.countries import city_country, country_code, find_country, is_international
from kzlabour.parser.memo import line_memo, memo
from kzlabour.parser.names import lexicon

__all__ = [
    "SCAN_LIMIT",
    "Affiliation",
    "clean_org",
    "describe",
    "describe_items",
    "has_org_word",
    "is_place",
    "is_state",
    "make_party",
    "party_country",
    "role_prefix",
]

_SPACES = re.compile(r"\s+")
# Prose rules read at most this much of one line: a real letter's paragraph is far shorter, and a
# garbage line of megabytes must not cost a full scan per rule.
SCAN_LIMIT = 20_000
_OF = re.compile(r"^(?:of|for)\s+(?:the\s+)?", re.I)


@dataclass(frozen=True)
class Affiliation:
    role: str | None = None
    organisation: str | None = None
    country: str | None = None


@cache
def _roles() -> tuple[str, ...]:
    """Role phrases, longest first so "General Secretary" wins over "Secretary"."""
    return tuple(sorted({r.casefold() for r in lexicon()["role_words"]}, key=len, reverse=True))


@cache
def _org_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon()["org_words"])


@cache
def _organs() -> tuple[str, ...]:
    return tuple(sorted({o.casefold() for o in lexicon()["organs"]}, key=len, reverse=True))


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’?-]+", text.casefold())


@line_memo(maxsize=1 << 14, longest=300)
def has_org_word(text: str) -> bool:
    """The phrase names a kind of body ("union", "Federation", "профсоюз", "кәсіподақ").

    A "?" (a lost letter) matches any one letter: "М?жілісі" is "Мәжілісі".
    """
    for w in _words(text):
        if w in _org_words() or w.rstrip("s") in _org_words():
            return True
        if re.fullmatch(r"[а-яё]+", w) and _ru_lemma(w) in _org_words():
            return True  # "Мажилиса", "профсоюзом": a Russian case form of a kind of body
        if "?" in w and any(_lost_match(w, o) for o in _org_words_by_length().get(len(w), ())):
            return True
    return False


@lru_cache(maxsize=8192)
def _ru_lemma(word: str) -> str:
    from kzlabour.parser.morph import parse_word

    parses = parse_word(word)
    return str(parses[0].normal_form) if parses else word


@cache
def _org_words_by_length() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for w in _org_words():
        out.setdefault(len(w), []).append(w)
    return {n: tuple(v) for n, v in out.items()}


def _lost_match(word: str, known: str) -> bool:
    return all(a == b or a == "?" for a, b in zip(word, known, strict=True))


def _is_acronym(text: str) -> bool:
    core = re.sub(r"[\s().,&/-]", "", text)
    return 2 <= len(core) <= 12 and core.isupper()


@cache
def _roles_by_length() -> tuple[tuple[int, frozenset[str]], ...]:
    """The role phrases grouped by length, longest first: a lookup per length, not a scan of all."""
    groups: dict[int, set[str]] = {}
    for role in _roles():
        groups.setdefault(len(role), set()).add(role)
    return tuple((n, frozenset(groups[n])) for n in sorted(groups, reverse=True))


# Asked of the same items and lines by the signature, recipient and sender readers alike.
@line_memo(maxsize=1 << 14, longest=300)
def role_prefix(text: str) -> str | None:
    """The role phrase `text` starts with, as printed ("General Secretary", "SG"), else None."""
    low = text.casefold()
    for n, roles in _roles_by_length():  # longest first, as in _roles()
        if n <= len(low) and low[:n] in roles and (len(low) == n or not low[n].isalnum()):
            return text[:n]
    qualifier = _ROLE_QUALIFIER.match(text)
    if qualifier and qualifier.end() < len(text):
        # "Senior Assistant General Secretary", "Acting President": a qualified position.
        rest = role_prefix(text[qualifier.end() :])
        if rest:
            return text[: qualifier.end() + len(rest)]
    return None


# Words that qualify a position without changing its kind; English only, one or two of them.
_ROLE_QUALIFIER = re.compile(
    r"(?:(?:Senior|Acting|Interim|Joint|Regional|National|International|Chief|First|Second|Honorary|Former)\s+){1,2}"
)


def _role_suffix(text: str) -> str | None:
    low = text.casefold()
    for n, roles in _roles_by_length():
        if n <= len(low) and low[-n:] in roles and (len(low) == n or low[-n - 1] == " "):
            return text[-n:]
    return None


def _singular(role: str) -> str:
    """ "MPs" -> "MP": a plural position shared by several people is given to each in the singular."""
    if role.endswith("s") and role[:-1].casefold() in _roles() and role.casefold() not in {"mps", "meps"}:
        return role[:-1]
    if role.casefold() in {"mps", "meps"}:
        return role[:-1]
    return role


def clean_org(text: str) -> str | None:
    """An organisation's name without leading article, final period, quotes or brackets around it."""
    text = _SPACES.sub(" ", text).strip(" ,;:")
    text = re.sub(r"^(?:the|The|THE|your|Your|our|Our)\s+", "", text)
    text = text.rstrip(".").strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return text or None


def _strip_organ(body: str) -> str:
    """ "EC Labor Movement of Kazakhstan" -> "Labor Movement of Kazakhstan": the organ is not the body."""
    low = body.casefold()
    for organ in _organs():
        if low.startswith(organ + " "):
            rest = _OF.sub("", body[len(organ) + 1 :])
            if rest and has_org_word(rest):
                return rest
    return body


@line_memo(maxsize=1 << 12, longest=300)
def is_state(phrase: str) -> bool:
    """A state or portfolio rather than a body: "the Republic of Kazakhstan", "Internal Affairs"."""
    core = clean_org(phrase) or ""
    return (
        bool(country_code(core))
        or bool(
            re.fullmatch(r"(?:the\s+)?(?:Republic|Kingdom|State|Federation)\s+of\s+.+", core, re.I)
            and find_country(core)
        )
        or not (has_org_word(core) or _is_acronym(core.split(",")[0]))
    )


def _russian_genitive(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    if not re.fullmatch(r"[А-ЯЁа-яё-]+", first):
        return False
    from kzlabour.parser.morph import parse_word

    parses = parse_word(first)
    return bool(parses) and parses[0].tag.case == "gent"


# A list entry's items recur (the same body, position and country under many names): the reading
# of an item, a pure function of it, is kept. Affiliation is frozen, so sharing it is safe.
@line_memo(maxsize=1 << 14, longest=300)
def describe(item: str) -> Affiliation:
    """One item of text about a party: a position, a body, or a position of a body."""
    item = _SPACES.sub(" ", item).strip(" ,;:")
    item = re.sub(r"^(?:the|The)\s+", "", item)
    if not item:
        return Affiliation()
    code = country_code(item)
    if code:
        return Affiliation(country=code)
    paren = re.match(r"^(.+?)\s*\(([^()]+)\)$", item)
    if paren and country_code(paren.group(2)):
        # "Transport Workers' Union (UK)": the bracket gives the country.
        inner = describe(paren.group(1))
        return Affiliation(inner.role, inner.organisation, country_code(paren.group(2)))
    tail = re.match(r"^(.+?),\s*([^,]{2,40})$", item)
    if tail and country_code(tail.group(2).rstrip(".")):
        # "National Union of Mineworkers, UK": a final country item gives the country only.
        inner = describe(tail.group(1))
        code = inner.country or country_code(tail.group(2).rstrip("."))
        return Affiliation(inner.role, inner.organisation, code)
    role = role_prefix(item)
    if role:
        rest = item[len(role) :].strip()
        if not rest:
            return Affiliation(role=_singular(item.rstrip(".") if not role.endswith(".") else item))
        if re.match(r"of\s", rest, re.I):
            body = _OF.sub("", rest)
            org = None if is_state(body) else clean_org(_strip_organ(body))
            if org and org.casefold() in _organs():
                org = None  # "Chairman of the Board": an organ alone names no organisation
            return Affiliation(role=item.rstrip("."), organisation=org)
        portfolio = not has_org_word(rest) and not re.search(r"\b[A-Z]{2,}\b", rest)
        if re.match(r"for\s", rest, re.I) and portfolio:
            # "Commissioner for Human Rights": a portfolio, not a body the person belongs to.
            return Affiliation(role=item.rstrip("."))
        if re.match(r"for\s", rest, re.I):
            return Affiliation(role=_singular(role), organisation=clean_org(_OF.sub("", rest)))
        if re.search(r"[а-яё]", rest[:3], re.I) and rest[:1].islower() and has_org_word(rest.split()[0]):
            # Russian "Председатель профсоюза «Коргау»": the genitive body, in the nominative.
            from kzlabour.parser.morph import ru_nominative

            return Affiliation(role=item.rstrip("."), organisation=clean_org(ru_nominative(rest, "gent")))
        if _russian_genitive(rest):
            # "Генеральный прокурор Республики Казахстан": a Russian "X of Y".
            from kzlabour.parser.morph import ru_nominative

            body = ru_nominative(rest, "gent")
            return Affiliation(
                role=item.rstrip("."), organisation=None if is_state(body) else clean_org(body)
            )
        body_after = has_org_word(rest) or _is_acronym(rest.lstrip(", "))
        if rest.startswith(",") and body_after and not role_prefix(rest.lstrip(", ")):
            # "Secretary, Leeds Trades Union Council": a position, then the body it is held in.
            return Affiliation(role=_singular(role), organisation=clean_org(rest))
        if rest.startswith(",") or (rest[:1].islower() and not role[:1].islower()):
            return Affiliation(role=item.rstrip("."))
        return Affiliation(role=_singular(role), organisation=clean_org(rest))
    suffix = _role_suffix(item)
    if suffix and len(suffix) < len(item):
        head = item[: -len(suffix)].strip()
        if re.search(r"[а-яёәғқңөұүһі]", suffix, re.I):
            # Kazakh "Y-ның X-ы" is "X of Y": the role stays whole, Y in the nominative is the body.
            from kzlabour.parser.morph import kk_genitive_stem

            body = kk_genitive_stem(head) or head
            return Affiliation(role=item, organisation=clean_org(body) if has_org_word(body) else None)
        if has_org_word(head) or _is_acronym(head):
            return Affiliation(role=suffix, organisation=clean_org(head))
        return Affiliation(role=item)
    if item[:1].islower() and not has_org_word(item) and len(item.split()) <= 4:
        return Affiliation(role=item)  # "рабочий", "teacher": an occupation, not a body
    return Affiliation(organisation=clean_org(item))


def describe_items(items: list[str]) -> Affiliation:
    """Several items after a name: roles joined with ", ", bodies likewise, the first country."""
    key = tuple(items)
    # The items after many names recur; kept like memo.py keeps short strings (bounded, short only).
    return _describe_items_kept(key) if sum(map(len, key)) <= 300 else _describe_items(key)


def _describe_items(items: tuple[str, ...]) -> Affiliation:
    roles: list[str] = []
    orgs: list[str] = []
    country: str | None = None
    for item in items:
        aff = describe(item)
        if aff.country and not country:
            country = aff.country
        if aff.role:
            roles.append(aff.role)
        if aff.organisation and aff.organisation not in orgs:
            orgs.append(aff.organisation)
    return Affiliation(role=", ".join(roles) or None, organisation=", ".join(orgs) or None, country=country)


_describe_items_kept = lru_cache(maxsize=1 << 13)(_describe_items)


@memo(maxsize=1 << 13, longest=300)
def party_country(
    role: str | None, organisation: str | None, address: str | None = None, state_default: bool = False
) -> str | None:
    """The country a party's own words name (§13); KZ for a state office when `state_default`."""
    words = " ".join(x for x in (role, organisation) if x)
    embassies = list(
        re.finditer(r"embassy|ambassador|consulate|посольств|посол|консульств|елшілі", words, re.I)
    )
    if embassies:
        embassy = embassies[-1]
        # An embassy is placed where the text puts it: "... in Russia", "... London", an ambassador
        # "to the UK"; else nowhere.
        place = re.search(r"\b(?:in|at|to|в|во)\s+(?:the\s+)?(.+)$", words[embassy.end() :])
        if place:
            found = find_country(place.group(1), cities=True)
        else:  # "Kazakhstan Embassy London": only a city after it places it; "of Kazakhstan" does not
            found = next((c for w in words[embassy.end() :].split() if (c := city_country(w))), None)
        return found or (find_country(address, cities=True) if address else None)
    if organisation and is_international(organisation):
        return None
    found = find_country(words) if words else None
    if not found and address:
        found = find_country(address, cities=False)
    if not found and state_default and _is_state_office(words):
        return "KZ"
    return found


@cache
def _state_office() -> re.Pattern[str]:
    words = sorted((w.casefold() for w in lexicon()["state_words"]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")")


def _is_state_office(words: str) -> bool:
    return bool(_state_office().search(words.casefold()))


_COUNTRY_FORM = re.compile(r"[A-Z]{2}|[A-Z]{4}")


def _clean(v: str | None) -> str | None:
    """Runs of white space as one space, none at the ends; None for nothing left.

    (str.split and str.strip take for white space exactly the characters _SPACES matches, so
    this is `_SPACES.sub(" ", v).strip()`, without the pattern machinery: a party has up to
    seven fields and the lists name thousands of parties.)
    """
    return (" ".join(v.split()) or None) if v else None


def make_party(
    name: str | None = None,
    role: str | None = None,
    organisation: str | None = None,
    country: str | None = None,
    span: tuple[int, int] | None = None,
    address: str | None = None,
    email: str | None = None,
    phone: str | None = None,
) -> Party | None:
    """A Party, or None when it names nobody; empty strings become null."""
    name, role, organisation = _clean(name), _clean(role), _clean(organisation)
    if not (name or role or organisation):
        return None
    if country is not None and not _COUNTRY_FORM.fullmatch(country):
        country = None
    return Party(
        name=name,
        role=role,
        organisation=organisation,
        country=country,
        address=_clean(address),
        email=_clean(email),
        phone=_clean(phone),
        span=Span(start=span[0], end=span[1]) if span else None,
    )


def is_place(text: str) -> bool:
    return bool(country_code(text) or city_country(text))
