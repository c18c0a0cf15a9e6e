"""A letterhead: the body printed at the top of a letter with its contact lines (§9, §14).

"INTERNATIONAL TRANSPORT WORKERS' FEDERATION / 49-60 Borough Road, London / Tel: … / Email: …"
names the sender; the address, phones and e-mail of its first column go on the sender.
"""

from __future__ import annotations

import re

from kzlabour.models import Party
from kzlabour.parse.document import Line
from kzlabour.parse.roles import clean_org, has_org_word, make_party, party_country
from kzlabour.parse.salutations import header_end

__all__ = ["letterhead", "with_letterhead"]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_LABEL = re.compile(r"^(?:тел|tel|phone|телефон|факс|fax)\b\.?:?\s*", re.I)
_POSTCODE = re.compile(r"^\d{5,6}\b")

_CONTACT_LINE = re.compile(r"^(?:\d{5,6}\b|tel\b|тел\b|phone|fax|факс|e-?mail|www\.|http)|@", re.I)
# A street line of a letterhead: a number with a street word ("49-60 Borough Road", "ул. Абая, 5").
_STREET = re.compile(
    r"\b(?:road|street|st|avenue|ave|lane|square|place|rue|str|straße|strasse|boulevard|bulvar|ul|ул|улица|"
    r"пр|проспект|көшесі|даңғылы|мкр|mik)\b\.?",
    re.I,
)


def _is_address(s: str) -> bool:
    return bool(_POSTCODE.match(s)) or (bool(re.search(r"\d", s)) and bool(_STREET.search(s)))


def letterhead(lines: tuple[Line, ...]) -> list[Party]:
    """A body printed at the top with its contact lines under it (address, phone, e-mail)."""
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
        name.append(line)
        if len(name) > 4:
            return []
    else:
        return []
    text = " ".join(x.stripped for x in name).strip(" ,")
    if not name or not has_org_word(text):
        return []
    org = clean_org(text)
    party = make_party(organisation=org, country=party_country(None, org), span=(name[0].start, name[-1].end))
    return [with_letterhead(party, lines)] if party else []


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
        if _EMAIL.search(s):
            email = _EMAIL.search(s).group(0)  # type: ignore[union-attr]
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
