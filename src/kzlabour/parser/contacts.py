"""Copies and contacts (§16): "cc:" entries, and whom an appeal asks readers to write to.

- "cc: - Mr S. Mukashev, President, Federation …" and "cc: Labour Inspectorate; Ombudsman":
  one copy per entry;
- a "… to:" call followed by numbered entries ("1. President of Kazakhstan Nursultan Nazarbaev
  - 473000 …, fax …") or plain address lines ending in a name: contacts with address and fax;
- the bodies an appeal says a model letter "can be sent to", for a model letter that names none.
"""

from __future__ import annotations

import re

from kzlabour.models import Party
from kzlabour.parser.addresses import recipient
from kzlabour.parser.countries import find_country
from kzlabour.parser.dative import kk_nominative
from kzlabour.parser.document import Line
from kzlabour.parser.names import lexicon, looks_like_name, normalise_name
from kzlabour.parser.patterns import EMAIL
from kzlabour.parser.roles import (
    SCAN_LIMIT,
    describe,
    has_org_word,
    is_place,
    make_party,
    party_country,
    role_prefix,
)
from kzlabour.parser.salutations import is_prose

__all__ = ["model_letter_recipients", "read_contacts", "read_copies"]


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*–])\s+")

_FAX = re.compile(r",?\s*\b(?:fax|факс)\b\.?:?\s*([\d()+\s-]{6,})", re.I)

# More cc entries than any letter has: the rest of such a line is not read.
_MAX_COPIES = 100
_SENT_TO = re.compile(
    r"\b(?:(?:can|should|must|may|could)\s+be\s+(?:sent|addressed|faxed|e-?mailed)|send\s+(?:it|them|the\s+letter|"
    r"your\s+letters?|this\s+letter|letters|protests?)|направ\w*|отправ\w*)\s+(?:to|в|на)\s+",
    re.I,
)


def read_copies(lines: tuple[Line, ...]) -> list[Party]:
    """One copy per entry of a "cc:" line (entries split by ";" or one per following dash line)."""
    labels = "|".join(re.escape(c.rstrip(":")) for c in lexicon()["cc_labels"])
    label = re.compile(rf"^(?:{labels})\s*:\s*[-–•]?\s*", re.I)
    out: list[Party] = []
    for i, line in enumerate(lines):
        m = label.match(line.stripped)
        if not m:
            continue
        entries = [(line.stripped[m.end() :], line)]
        bare = not line.stripped[m.end() :].strip()
        for nxt in lines[i + 1 : i + 10]:
            if _NUMBERED.match(nxt.content):
                entries.append((_NUMBERED.sub("", nxt.content), nxt))
            elif bare and not nxt.blank and not is_prose(nxt.stripped):
                entries.append((nxt.stripped, nxt))  # "Копия:" alone, one addressee a line under it
            else:
                break
        for text, src in entries:
            for part in text.split(";")[:_MAX_COPIES]:
                party = _copy_entry(part, src)
                if party:
                    out.append(party)
    return out


def _copy_entry(text: str, line: Line) -> Party | None:
    text = text.strip(" .")
    if not text:
        return None
    off = line.content.find(text)
    span = (line.start + max(off, 0), line.start + max(off, 0) + len(text))
    if re.search(r"[әғқңөұүһі]", text, re.I):
        text = kk_nominative(text)  # "Бас прокуратурасына" -> "Бас прокуратурасы"
    return recipient(text, span)


def read_contacts(lines: tuple[Line, ...]) -> list[Party]:
    """Authorities an appeal asks readers to write to: numbered entries after a "... to:" line."""
    out: list[Party] = []
    i = 0
    while i < len(lines):
        s = lines[i].stripped
        if (
            s.endswith(":")
            and re.search(r"\b(?:to|в адрес|по адресу|адресу)\s*:$", s, re.I)
            and re.search(r"send|writ|fax|telegram|letter|copy|copies|направ|пиш|отправ|жібер|жаз", s, re.I)
        ):
            block = _address_block(lines, i + 1)
            if block:
                party = _block_contact(block)
                out.extend([party] if party else [])
                i = i + 1 + len(block)
                continue
            entries, i = _entries_after(lines, i + 1)
            out.extend(p for p in (_contact(text, span) for text, span in entries) if p)
            continue
        i += 1
    return out or _inline_contacts(lines)


_WRITE_TO = re.compile(
    r"\b(?i:e-?mailing|faxing|sending|writing|send|fax|write|e-?mail|telegraph)\b[^.;:!?]{0,80}?\b(?i:to)\s+"
    r"((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w.-]*){0,4})"
)


def _inline_contacts(lines: tuple[Line, ...]) -> list[Party]:
    """ "... by faxing the model letter below to President Nazarbaev": a titled person to write to."""
    out: list[Party] = []
    for line in lines:
        if " to " not in line.content and " To " not in line.content:
            continue
        for m in _WRITE_TO.finditer(line.content, 0, SCAN_LIMIT):
            who = m.group(1)
            role = role_prefix(who)
            rest = who[len(role) :].strip() if role else ""
            if not role or not rest or not looks_like_name(rest):
                continue
            span = (line.start + m.start(1), line.start + m.end(1))
            country = party_country(role, None, state_default=True)
            party = make_party(name=normalise_name(rest), role=role, country=country, span=span)
            if party:
                out.append(party)
    return out


_LABEL = re.compile(
    r"^(?:(fax|факс)|(tel|phone|телефон|тел)|(e-?mail|электронная почта))\.?\s*:?\s*(.+)$", re.I
)


def _address_block(lines: tuple[Line, ...], start: int) -> list[Line]:
    """A postal block after "… to:": a name line with no comma, then role, address, "Fax:", "Email:" lines.

    (One contact per line, "address, …, Name", is the other form: _entries_after reads it.)
    """
    i = start
    while i < len(lines) and lines[i].blank:
        i += 1
    block: list[Line] = []
    for line in lines[i : i + 12]:
        if line.blank:
            break
        block.append(line)
    if len(block) < 2 or "," in block[0].stripped or _NUMBERED.match(block[0].content):
        return []
    if is_prose(block[0].stripped):
        return []
    if not any(_LABEL.match(b.stripped) or re.search(r"\d", b.stripped) for b in block):
        return []  # no address, phone or e-mail under the name: not a postal block
    return [*lines[start:i], *block]


def _block_contact(block: list[Line]) -> Party | None:
    """One contact from its block: who, the body under the name, the address, phone and e-mail lines."""
    rows = [b for b in block if not b.blank]
    who = rows[0].stripped
    org: str | None = None
    address: list[str] = []
    phones: list[str] = []
    email: str | None = None
    for row in rows[1:]:
        s = row.stripped
        label = _LABEL.match(s)
        if label and label.group(3):
            found = EMAIL.search(label.group(4))
            email = email or (found.group(0) if found else None)
        elif label:
            phones.append(("fax " if label.group(1) else "") + " ".join(label.group(4).split()))
        elif org is None and not address and has_org_word(s) and not re.search(r"\d", s):
            org = s.rstrip(",")
        else:
            address.append(s.rstrip(","))
    span = (rows[0].start, rows[-1].end)
    party = _titled(who, ", ".join(address) or None, span)
    if party is None:
        return None
    update: dict[str, str | None] = {"phone": ", ".join(phones) or None, "email": email}
    if org and not party.organisation:
        update["organisation"] = org
    return party.model_copy(update=update)


def _entries_after(lines: tuple[Line, ...], start: int) -> tuple[list[tuple[str, tuple[int, int]]], int]:
    """Entries after a "to:" line: numbered items with their continuation lines, or plain lines."""
    entries: list[tuple[str, tuple[int, int]]] = []
    i = start
    while i < len(lines) and lines[i].blank:
        i += 1
    numbered = i < len(lines) and bool(_NUMBERED.match(lines[i].content))
    while i < len(lines):
        line = lines[i]
        if line.blank:
            if numbered and i + 1 < len(lines) and _NUMBERED.match(lines[i + 1].content):
                i += 1
                continue
            break
        if numbered and not _NUMBERED.match(line.content) and entries:
            text, (a, _) = entries[-1]
            entries[-1] = (text + " " + line.stripped, (a, line.end))
        elif not numbered and (
            len(line.stripped.split()) > 20
            or (is_prose(line.stripped) and not re.search(r"\d", line.stripped))
        ):
            break
        else:
            body = _NUMBERED.sub("", line.content).strip()
            entries.append((body, (line.start + line.content.find(body), line.end)))
        i += 1
    return entries, i


def _contact(text: str, span: tuple[int, int]) -> Party | None:
    text = " ".join(text.split()).strip(" .")
    phone = None
    fax = _FAX.search(text)
    if fax:
        phone = "fax " + " ".join(fax.group(1).split()).strip(" -")
        text = (text[: fax.start()] + text[fax.end() :]).strip(" ,.")
    email = EMAIL.search(text)
    if email:
        text = text.replace(email.group(0), "").strip(" ,.()")
    who, sep, address = text.partition(" - ")
    if not sep:
        items = [x.strip() for x in text.split(",")]
        if len(items) > 2 and looks_like_name(items[-1]):
            who, address = items[-1], ", ".join(items[:-1])
        else:
            who, address = text, ""
    address = re.sub(r"\s+,", ",", address).strip(" ,") or ""
    party = _titled(who, address or None, span)
    if party and (phone or email):
        party = party.model_copy(update={"phone": phone, "email": email.group(0) if email else None})
    return party


def _holder(office: str, name: str, address: str | None, span: tuple[int, int]) -> Party | None:
    """The holder `name` of `office` ("President of Kazakhstan"), with the office's country."""
    aff = describe(office)
    country = party_country(aff.role, aff.organisation, address, state_default=True)
    return make_party(
        name=normalise_name(name),
        role=aff.role,
        organisation=aff.organisation,
        country=country,
        span=span,
        address=address,
    )


def _titled(who: str, address: str | None, span: tuple[int, int]) -> Party | None:
    """ "President of Kazakhstan Nursultan Nazarbaev": a role with the holder's name at its end."""
    who = who.strip(" ,.")
    if "," in who:
        head, _, tail = who.rpartition(",")
        if looks_like_name(tail) and not is_place(tail.strip()) and (role_prefix(head) or has_org_word(head)):
            return _holder(head, tail, address, span)
    words = who.split()
    for k in (2, 3, 1, 4):
        tail = " ".join(words[-k:])
        head = " ".join(words[:-k])
        if k >= len(words) or not looks_like_name(tail) or any(is_place(w) for w in words[-k:]):
            continue
        if head and not (role_prefix(head) or has_org_word(head)):
            continue
        if head and not role_prefix(tail):
            return _holder(head.rstrip(" ,"), tail, address, span)
    if looks_like_name(who):
        country = find_country(address or "") if address else None
        return make_party(name=normalise_name(who), country=country, span=span, address=address)
    return recipient(who, span, address=address)


_DASH = re.compile(r"\s([–—-])\s")


def model_letter_recipients(text: str, start: int) -> list[Party]:
    """Bodies the appeal before a model letter says to send it to (§16, dev-style "can be sent to (A – the
    company), (the local government) and (B)"), for a model letter that names no addressee."""
    before = text[max(0, start - 3000) : start]
    calls = list(_SENT_TO.finditer(before))
    if not calls:
        return []
    last = calls[-1]
    stop = before.find(".", last.end())
    clause = before[last.end() : stop if stop > 0 else len(before)]
    base = max(0, start - 3000) + last.end()
    if "(" in clause:
        items = [(m.group(1), m.start(1)) for m in re.finditer(r"\(([^()]{1,200})\)", clause)]
    else:
        items = []
        pos = 0
        for part in re.split(r",\s*|\s+and\s+", clause):
            at = clause.find(part, pos)
            pos = at + len(part)
            items.append((part, at))
    out: list[Party] = []
    for item, at in items:
        party = _sent_to_item(item, (base + at, base + at + len(item)))
        if party:
            out.append(party)
    return out


def _sent_to_item(item: str, span: tuple[int, int]) -> Party | None:
    """ "KazMunaiGas – the company" -> body + role; "the local government" -> a body by kind."""
    parts = [x.strip() for x in _DASH.split(item, maxsplit=1)]  # [body, dash, kind] or [item]
    body = parts[0]
    if len(parts) == 3 and parts[2] and body[:1].isupper():
        return make_party(role=parts[2], organisation=body, span=span, country=party_country(parts[2], body))
    if body[:1].isupper():
        return recipient(body, span)
    return make_party(role=body, span=span, country=party_country(body, None, state_default=True))
