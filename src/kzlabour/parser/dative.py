"""Russian and Kazakh address lines in the dative: offices and their holders (§16, §10, §11).

"Министру труда … / г-ну Иванову И.И.", "Президенту Республики Казахстан / Токаеву К.К.",
"… Президенті / Н.Ә. Назарбаев мырзаға", "«Алтын Су» зауыты директоры К.М. Оспанов мырзаға":
roles and names back in the nominative; Kazakh "Y-ның X-ы" keeps the role whole and gives
the body Y, in the nominative, as organisation.
"""

from __future__ import annotations

import re

from kzlabour.models import Party
from kzlabour.parser.document import Line
from kzlabour.parser.morph import is_kazakh_word, ru_nominative
from kzlabour.parser.names import looks_like_name, normalise_name, strip_honorifics
from kzlabour.parser.roles import has_org_word, is_place, make_party, party_country, role_prefix

# "г-ну", "господину" anywhere on a line: the holder's name follows.
_INNER_HONORIFIC = re.compile(r"(?:^|\s)(?:г-ну|г-же|господину|госпоже)(?:\s|$)", re.I)
# A Kazakh name in the dative closing an address line: "Қ.К. Тоқаевқа", "Н.Ә. Назарбаевқа".
_KK_DATIVE_NAME = re.compile(r"[^\W\d_]\.\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:ға|ге|қа|ке|на|не|а|е)$")

# A name with initials closing a line: "Қ.К. Тоқаевқа", "Иванову И.И.".
_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_TAIL_INITIALS_NAME = re.compile(
    rf"(?:^|\s)(?:(?:[{_UP}]\.\s?){{1,3}}\s?[{_UP}][\w'’-]+|[{_UP}][\w'’-]+\s(?:[{_UP}]\.\s?){{1,3}})$"
)

__all__ = ["DATIVE_HONORIFIC", "dative_recipients", "is_dative", "is_dative_block", "kk_nominative", "office"]

DATIVE_HONORIFIC = re.compile(r"(?:мырза\S*|ханым\S*|г-ну|г-же|господину|госпоже)$", re.I)


def is_dative(text: str) -> bool:
    """A Russian addressee in the dative: "Генеральному прокурору ...", "Министру труда ..."."""
    first = text.split()[0] if text.split() else ""
    if not re.search(r"[а-яё]", first, re.I) or re.search(r"[әғқңөұүһі]", text, re.I):
        return False
    from kzlabour.parser.morph import parse_word

    parses = parse_word(first)
    return bool(parses) and parses[0].tag.case == "datv"


def is_dative_block(block: list[Line]) -> bool:
    if is_dative(block[0].stripped) and len(block[0].stripped.split()) <= 12:
        return True  # "Президенту Республики Казахстан / Токаеву К.К."
    if any(_KK_DATIVE_NAME.search(b.stripped) for b in block) and any(
        is_kazakh_word(b.stripped) for b in block
    ):
        return True  # "ҚР Президенті / Қ.К. Тоқаевқа"
    return any(
        DATIVE_HONORIFIC.search(b.stripped) or b.stripped.casefold().startswith(("г-ну", "господину"))
        for b in block
    )


def dative_recipients(lines: list[Line], kazakh: bool = False) -> list[Party]:
    """Russian/Kazakh dative address lines: role lines, then a name line with "мырзаға" / "г-ну"."""
    out: list[Party] = []
    pending: list[Line] = []
    for line in lines:
        s = line.stripped
        named = bool(pending) and looks_like_name(s) and not _is_dative_role(s)
        if named or DATIVE_HONORIFIC.search(s) or _INNER_HONORIFIC.search(s):
            inline_role, s = _split_role_name(s) if not named else (None, s)
            role_text = " ".join([*(p.stripped for p in pending), *([inline_role] if inline_role else [])])
            kk = any(c in "әғқңөұүһі?" for c in role_text + s) or (kazakh and not is_dative(role_text))
            role = role_text if kk else ru_nominative(role_text, "datv") if role_text else None
            party = office(
                role,
                normalise_name(s, dative=True),
                (pending[0].start if pending else line.start, line.end),
                kazakh,
            )
            if party:
                out.append(party)
            pending = []
        else:
            pending.append(line)
    for p in pending:  # an office with no name after it (cut off): kept by role
        text = p.stripped
        role_part, name_part = _split_role_name(text + " г-ну")
        name_part = name_part.removesuffix(" г-ну")
        name = None
        if role_part and looks_like_name(name_part) and re.search(r"\.", name_part):
            # "Президенту РК К.К. Токаеву", "ҚР Президенті Қ.К. Тоқаевқа": office and holder on one line
            text, name = role_part, normalise_name(name_part, dative=True)
        kk = kazakh or any(c in "әғқңөұүһі?" for c in text)
        nominative = kk_nominative(text) if kk else ru_nominative(text, "datv")
        party = office(nominative, name, (p.start, p.end), kazakh)
        if party:
            out.append(party)
    return out


# A Kazakh possessive noun in the dative closing an office line: "прокуратурасына", "министрлігіне".
_KK_POSSESSIVE_DATIVE = re.compile(r"(?<=[\w?])([ыі])(?:на|не)$")


def kk_nominative(text: str) -> str:
    """ "Маңғыстау облысы прокуратурасына" -> "Маңғыстау облысы прокуратурасы" (the dative goes)."""
    return _KK_POSSESSIVE_DATIVE.sub(r"\1", text.rstrip())


def _is_dative_role(s: str) -> bool:
    return (
        bool(role_prefix(ru_nominative(s, "datv"))) if re.search(r"[а-яё]", s, re.I) else bool(role_prefix(s))
    )


def _split_role_name(s: str) -> tuple[str | None, str]:
    """ "«Алтын Су» зауыты директоры К.М. Оспанов мырзаға" -> (role, "К.М. Оспанов мырзаға")."""
    words = s.split()
    if words and strip_honorifics(words[0]) == "":
        return None, s  # "г-ну Иванову И.И.": the honorific opens the line, no office on it
    inner = [k for k, w in enumerate(words[1:-1], 1) if strip_honorifics(w) == ""]
    if inner:
        # "Генеральному директору АО «X» г-ну Иванову": the honorific parts office and name.
        return " ".join(words[: inner[0]]), " ".join(words[inner[0] + 1 :])
    k = len(words)
    while k > 0 and DATIVE_HONORIFIC.search(words[k - 1]):
        k -= 1
    initials = _TAIL_INITIALS_NAME.search(" ".join(words[:k]))
    if initials and initials.start() > 0:
        # "ҚР Президенті Қ.К. Тоқаевқа": a name in initials form closes the office
        cut = len(" ".join(words[:k])[: initials.start()].split())
        return " ".join(words[:cut]), " ".join(words[cut:])
    start = k
    while start > 0 and k - start < 3 and (words[start - 1][:1].isupper() or words[start - 1][:1] == "?"):
        start -= 1
    if start == 0 or start == k:
        return None, s
    return " ".join(words[:start]), " ".join(words[start:])


def office(role: str | None, name: str | None, span: tuple[int, int], kazakh: bool = False) -> Party | None:
    """An office: Kazakh "Y-ның X-ы" / "Y X-ы" keeps the whole role and Y, a body, goes to
    organisation; Russian "Председатель Комитета X" gives "Комитет X"."""
    from kzlabour.parser.morph import is_kazakh_word, kk_genitive_stem

    org = None
    words = role.split() if role else []
    if len(words) > 1 and (kazakh or any(is_kazakh_word(w) or "?" in w for w in words)):
        body = " ".join(words[:-1])
        body = kk_genitive_stem(body) or body
        last = body.split()[-1]
        org = body if has_org_word(last) or has_org_word(last.rstrip("?ыі")) else None
    elif len(words) > 1 and re.search(r"[а-яё]", words[1]) and has_org_word(words[1]):
        org = ru_nominative(" ".join(words[1:]), "gent")
    if org and is_place(org):
        org = None
    country = party_country(role, org, state_default=True)
    return make_party(name=name, role=role, organisation=org, country=country, span=span)
