"""A letterhead: the body printed at the top of a letter with its contact lines (§9, §14).

"INTERNATIONAL TRANSPORT WORKERS' FEDERATION / 49-60 Borough Road, London / Tel: … / Email: …"
names the sender; the address, phones and e-mail of its first column go on the sender.
"""

from __future__ import annotations

import re

from kzlabour.models import Party
from kzlabour.parser.dative import is_dative
from kzlabour.parser.document import Line
from kzlabour.parser.patterns import EMAIL
from kzlabour.parser.roles import clean_org, has_org_word, make_party, party_country
from kzlabour.parser.salutations import header_end

__all__ = ["is_address_line", "letterhead", "with_letterhead"]

# A Kazakh address line closes on a dative: "… әкімі Н.Ж. Ноғаевқа", "… прокуратурасына".
_KK_DATIVE_END = re.compile(r"[әғқңөұүһі]\w*(?:ға|ге|қа|ке|на|не)$|\b\w+(?:сына|сіне)$")
_PHONE_LABEL = re.compile(r"^(?:тел|tel|phone|телефон|факс|fax)\b\.?:?\s*", re.I)
_POSTCODE = re.compile(r"^\d{5,6}\b")

_CONTACT_LINE = re.compile(r"^(?:\d{5,6}\b|tel\b|тел\b|phone|fax|факс|e-?mail|www\.|http)|@", re.I)
# A street line of a letterhead: a number with a street word ("49-60 Borough Road", "ул. Абая, 5").
_STREET = re.compile(
    r"\b(?:road|street|st|avenue|ave|lane|square|place|rue|route|chemin|way|quay|drive|terrace|hall|house|"
    r"building|floor|suite|str|straße|strasse|boulevard|bulvar|ul|ул|улица|"
    r"пр|проспект|көшесі|даңғылы|мкр|mik)\b\.?",
    re.I,
)


# Postcodes inside a line: British "LS1 2AB", "SW1Y 5EA"; European "CH-1227", "B-1210".
_INNER_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b[A-Z]{1,2}-\d{4,5}\b")


def _is_address(s: str) -> bool:
    return (
        bool(_POSTCODE.match(s))
        or bool(_INNER_POSTCODE.search(s))
        or (bool(re.search(r"\d", s)) and bool(_STREET.search(s)))
    )


def is_address_line(s: str) -> bool:
    """A postal address line ("Unity Hall, Leeds LS1 2AB", "49-60 Borough Road"): never a heading."""
    return _is_address(s)


def letterhead(lines: tuple[Line, ...], language: str | None = None) -> list[Party]:
    """A body printed at the top with its contact lines under it (address, phone, e-mail).

    A bilingual letterhead prints the name once per language, a line each: the line in the
    letter's own language names the sender (§12 "the name in the letter's language")."""
    stop = header_end(lines)
    name: list[Line] = []
    for line in lines[: min(stop, 12)]:
        s = line.stripped
        if not s:
            continue
        if _CONTACT_LINE.search(s) or _is_address(s) or (name and _is_dateline(s)):
            break  # contact lines, or a dateline ("Brussels, 12 March 2012"), under the body's name
        if len(s.split()) > 10 or s.endswith((":", "!", "?")) or re.match(r"^(?:To|Dear|Для|Кому)\b", s):
            return []
        if is_dative(s) or _KK_DATIVE_END.search(s):
            return []  # "Генеральному директору ТОО «X»": an address block, not a letterhead
        name.append(line)
        if len(name) > 4:
            return []
    else:
        return []
    if language and len(name) > 1:
        own = [x for x in name if _line_language(x.stripped) == language and has_org_word(x.stripped)]
        if len(own) == 1 and any(_line_language(x.stripped) not in {language, None} for x in name):
            name = own
    text = " ".join(x.stripped for x in name).strip(" ,")
    if not name or not has_org_word(text):
        return []
    org = clean_org(text)
    party = make_party(organisation=org, country=party_country(None, org), span=(name[0].start, name[-1].end))
    return [with_letterhead(party, lines)] if party else []


_QUOTED = re.compile(r"«[^»]{0,80}»|\"[^\"]{0,80}\"")
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


def _line_language(s: str) -> str | None:
    """The language a letterhead line is printed in, by its script (quoted names left out:
    «ЕҢБЕК» is a Kazakh name inside a Russian line)."""
    s = _QUOTED.sub(" ", s)
    if _KAZAKH_LETTERS.search(s):
        return "kk"
    if re.search(r"[а-яёА-ЯЁ]", s):
        return "ru"
    if re.search(r"[a-zA-Z]", s):
        return "en"
    return None


_DATELINE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")


def _is_dateline(s: str) -> bool:
    """ "Brussels, 12 March 2012", "Алматы, 5 мая 2011 г.", "17.11.99": short, dated."""
    return len(s.split()) <= 6 and bool(_DATELINE.search(s))


def with_letterhead(party: Party, lines: tuple[Line, ...]) -> Party:
    """The signing body gets the address, phones and e-mail of the letterhead's first column."""
    stop = header_end(lines)
    address: list[str] = []
    phones: list[str] = []
    email = None
    in_address = in_phone = False
    for line in lines[:stop]:
        s = line.stripped.strip()
        if not s:
            if address:
                in_address = False
            in_phone = False
            continue
        if EMAIL.search(s):
            email = EMAIL.search(s).group(0)  # type: ignore[union-attr]
            break
        if _PHONE_LABEL.match(s) and not phones:
            phones.append(_PHONE_LABEL.sub("", s))
            in_phone = True
        elif in_phone and re.fullmatch(r"[\d()+\s-]{6,}", s):
            phones.append(s)
        elif _is_address(s) and not address:
            address.append(s.rstrip(","))
            in_address = True
        elif in_address:
            address.append(s.rstrip(","))
    return party.model_copy(
        update={
            "address": ", ".join(address) or None,
            "phone": ", ".join(" ".join(p.split()) for p in phones) or None,
            "email": email,
        }
    )
