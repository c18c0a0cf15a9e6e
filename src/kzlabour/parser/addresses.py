"""Recipients (ANNOTATION-DECISIONS §16).

- Address lines: "To the US Embassy in ...", "Для представителей государства Казахстан",
  a person block ("Mr Nursultan Nazarbayev / President of ... / street / city"), dative
  blocks (dative.py).
- Without an address line, a salutation that names someone (salutations.py); an appeal
  heading ("An Appeal to Communist Parties ... of the World."); or "We hereby address to
  A, to B, and to C".
"""

from __future__ import annotations

import re

from kzlabour.models import Party
from kzlabour.parser.dative import dative_recipients, is_dative, is_dative_block
from kzlabour.parser.document import Line
from kzlabour.parser.morph import ru_nominative
from kzlabour.parser.names import looks_like_name, normalise_name, strip_honorifics
from kzlabour.parser.patterns import EMAIL
from kzlabour.parser.roles import (
    SCAN_LIMIT,
    describe,
    describe_items,
    has_org_word,
    is_place,
    make_party,
    party_country,
    role_prefix,
)
from kzlabour.parser.salutations import from_salutation, header_end

__all__ = ["appeal_recipients", "read_recipients", "recipient"]


def _blocks(lines: tuple[Line, ...], stop: int) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for line in lines[:stop]:
        if line.blank:
            if cur:
                blocks.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append(cur)
    return blocks


def _to_line(s: str) -> str | None:
    m = re.match(r"^(?:To|TO|Attn\.?|Attention|Кому|Для)\s*:?\s+(.+)$", s)
    return m.group(1).strip() if m else None


def recipient(
    text: str,
    span: tuple[int, int],
    address: str | None = None,
    russian_case: str | None = None,
    email: str | None = None,
) -> Party | None:
    """One addressee from its words: "the Ambassador of X", "Mr N. N., President of X", "X Embassy"."""
    text = text.strip(" ,;:.")
    if russian_case is None and is_dative(text):
        russian_case = "datv"
    if russian_case:
        text = ru_nominative(text, russian_case)
    items = [i.strip() for i in text.split(",") if i.strip()]
    name = None
    named = [
        k
        for k, i in enumerate(items)
        if looks_like_name(i)
        and not role_prefix(strip_honorifics(i))
        and not is_place(i)
        and (k == 0 or strip_honorifics(i) != i or len(items) == 2)
    ]
    if named:
        name = normalise_name(items[named[0]])
        items = items[: named[0]] + items[named[0] + 1 :]
    elif items:
        role = role_prefix(items[0])
        rest = items[0][len(role) :].strip() if role else ""
        if role and rest and looks_like_name(rest) and not rest.casefold().startswith(("of ", "for ")):
            # "President Nursultan Nazarbayev": the title before a name is the role.
            name = normalise_name(rest)
            items = [role, *items[1:]]
    aff = describe_items(items) if items else describe("")
    role, org = aff.role, aff.organisation
    if not name and not role and org and not has_org_word(org) and re.match(r"^[a-zа-яё]", org):
        role, org = org, None  # "the local government", "представители ...": a body described by kind
    if not name and org and re.match(r"^(?:[a-zа-яё]|the\s)", org) and not has_org_word(org.split()[0]):
        role, org = org, None
    country = aff.country or party_country(role, org, address, state_default=True)
    return make_party(
        name=name, role=role, organisation=org, country=country, span=span, address=address, email=email
    )


def _person_block(block: list[Line]) -> Party | None:
    """ "Mr Nursultan Nazarbayev / President of ... / Ak Orda ... / Astana / Kazakhstan"."""
    first = block[0].stripped
    honorific = strip_honorifics(first) != first
    titled = role_prefix(first) and looks_like_name(first[len(role_prefix(first) or "") :])
    core = first[len(role_prefix(first) or "") :] if titled else strip_honorifics(first.split(",")[0])
    if not (honorific or titled) or not looks_like_name(core):
        return None
    role_lines: list[str] = []
    k = 1
    while k < len(block) and (role_prefix(block[k].stripped) or has_org_word(block[k].stripped)) and k <= 2:
        role_lines.append(block[k].stripped)
        k += 1
    address = ", ".join(b.stripped.rstrip(",") for b in block[k:]) or None
    return recipient(", ".join([first, *role_lines]), (block[0].start, block[-1].end), address=address)


def _office_block(block: list[Line]) -> Party | None:
    """ "His Excellency the Ambassador / Embassy of X / street / city": an unnamed office-holder
    over the body he heads, then the address."""
    if len(block) < 2:
        return None
    first = re.sub(r"^(?:the)\s+", "", strip_honorifics(block[0].stripped), flags=re.I).rstrip(",")
    role = role_prefix(first)
    if not role or len(first) > 80 or first[len(role) :].strip() or not has_org_word(block[1].stripped):
        return None  # only a position alone on its line, with a body named under it
    k = 3 if len(block) > 2 and has_org_word(block[2].stripped) else 2
    address = ", ".join(b.stripped.rstrip(",") for b in block[k:]) or None
    items = [first, *(b.stripped.rstrip(",") for b in block[1:k])]
    return recipient(", ".join(items), (block[0].start, block[-1].end), address=address)


_TO_ALONE = re.compile(r"^(?:To|TO|Attn\.?|Attention|Кому|Кімге)\s*:?$")


def _labelled_block(block: list[Line]) -> list[Party]:
    """The lines under a bare "To:": role and name lines in either order, then the address."""
    name_at = next((k for k, b in enumerate(block[:4]) if _is_name_line(b.stripped)), None)
    if name_at is None:
        text = block[0].stripped
        party = recipient(text, (block[0].start, block[0].end))
        return [party] if party else []
    role_lines = [b.stripped for b in block[:name_at]]
    k = name_at + 1
    while (
        k < len(block)
        and k <= name_at + 2
        and (role_prefix(block[k].stripped) or has_org_word(block[k].stripped))
    ):
        role_lines.append(block[k].stripped)
        k += 1
    address = ", ".join(b.stripped.rstrip(",") for b in block[k:]) or None
    text = ", ".join([strip_honorifics(block[name_at].stripped), *role_lines])
    party = recipient(text, (block[0].start, block[-1].end), address=address)
    return [party] if party else []


def _is_name_line(s: str) -> bool:
    return looks_like_name(strip_honorifics(s)) and not role_prefix(s)


def read_recipients(lines: tuple[Line, ...], language: str | None = None) -> list[Party]:
    """Addressees from the address lines before the salutation, else from a naming salutation."""
    stop = header_end(lines)
    found: list[Party] = []
    blocks = _blocks(lines, stop)
    for block in blocks:
        if _TO_ALONE.match(block[0].stripped) and len(block) > 1:
            found.extend(_labelled_block(block[1:]))  # "To:" on a line of its own, the addressee under it
            continue
        rest = _to_line(block[0].stripped)
        if rest is not None:
            case = "gent" if block[0].stripped.startswith("Для") else None
            items = _to_items(rest, block[0], case)
            if len(items) == 1 and len(block) > 1:
                items = [_with_block(items[0], block[1:])]
            found.extend(items)
            continue
        if is_dative_block(block):
            found.extend(dative_recipients(block, language == "kk"))
            continue
        person = _person_block(block) or _office_block(block)
        if person and not _is_letterhead(block):
            found.append(person)
    if found:
        return _merge_email(found, lines, stop)
    return (
        _heading_dative(lines) or from_salutation(lines) or _appeal_heading(lines) or appeal_recipients(lines)
    )


# "Открытое письмо Президенту Республики Казахстан К.К. Токаеву": a heading addressed in the dative.
_DATIVE_HEADING = re.compile(
    r"^(?:открытое\s+письмо|открытое\s+обращение|обращение|письмо|заявление|петиция)\s+(?=[А-ЯЁ])", re.I
)


def _heading_dative(lines: tuple[Line, ...]) -> list[Party]:
    """The addressee a Russian heading names in the dative, as an address line would (§16)."""
    for line in lines[:4]:
        m = _DATIVE_HEADING.match(line.stripped)
        if not m or len(line.stripped) > 200:
            continue
        rest = line.stripped[m.end() :].rstrip(" .!")
        if not is_dative(rest):
            return []
        at = line.start + line.content.find(rest)
        return dative_recipients([Line(at, at + len(rest), rest)])
    return []


_ADDRESS_CLAUSE = re.compile(
    r"\b(?:address|appeal|turn|write|apply)\s+(?:ourselves\s+|this\s+(?:letter|appeal)\s+)?to\s+|"
    r"\bобращаемся\s+(?:с\s+\w+\s+)?к\s+",
    re.I,
)


# "к Президенту ... с просьбой вмешаться": the addressee ends before the clause's own words.
_RU_CLAUSE_TAIL = re.compile(r"\s(?:с|со|о|об|по поводу|в связи|чтобы|за|для)\s")
_WE_BEFORE = re.compile(r"\b(?:we|i|мы|я)\b", re.I)


def appeal_recipients(lines: tuple[Line, ...]) -> list[Party]:
    """ "We hereby address to A, to B, and to C, to claim ...": each "to" object is an addressee."""
    for line in lines:
        m = _ADDRESS_CLAUSE.search(line.content, 0, SCAN_LIMIT)
        if not m or not _WE_BEFORE.search(line.content[max(0, m.start() - 40) : m.start()]):
            continue  # only the letter's own "we address to ...", not "they turned to the courts"
        end = line.content.find(".", m.end())
        clause = line.content[m.end() : end if end > 0 else len(line.content)]
        out: list[Party] = []
        pos = m.end()
        for item in re.split(r",?\s+(?:and\s+)?(?:to|к)\s+", clause):
            at = line.content.find(item, pos)
            pos = at + len(item)
            core = _RU_CLAUSE_TAIL.split(item, maxsplit=1)[0].strip(" ,")
            if not core or (core[:1].islower() and not core.startswith(("the ", "our "))):
                break  # "to claim ...": the infinitive ends the list of addressees
            party = recipient(core, (line.start + at, line.start + at + len(core)))
            if party:
                out.append(party)
        if out:
            return out
    return []


def _appeal_heading(lines: tuple[Line, ...]) -> list[Party]:
    """ "An Appeal to Communist Parties, Workers' Organizations ... of the World.": one group."""
    for line in lines[:6]:
        m = re.match(
            r"^(?:An?\s+|The\s+|Open\s+)?(?:Appeal|Open\s+letter|Letter|Call)\s+to\s+(?:the\s+)?(.+?)\.?$",
            line.stripped,
            re.I,
        )
        if not m or len(m.group(1)) > 200 or not m.group(1)[:1].isupper():
            continue  # "Call to action", "Letter to the editor": no addressee named
        target = m.group(1)
        start = line.start + line.content.find(target)
        head = re.sub(r"\s+of\s+.*$", "", target)
        if head.endswith("s") or "," in head:
            party = make_party(role=target, span=(start, start + len(target)))
        else:
            party = recipient(target, (start, start + len(target)))
        return [party] if party else []
    return []


def _is_letterhead(block: list[Line]) -> bool:
    """Officer names printed in a letterhead ("MICHAEL SOMMER / PRESIDENT"): capitals, no honorific."""
    return block[0].stripped.isupper() and strip_honorifics(block[0].stripped) == block[0].stripped


def _merge_email(found: list[Party], lines: tuple[Line, ...], stop: int) -> list[Party]:
    """ "By email (via embassy): x@y" under the address block is the recipient's e-mail."""
    for k, line in enumerate(lines[:stop]):
        if re.match(r"^by (?:e-?mail|fax)", line.stripped, re.I) and found:
            tail = " ".join(x.stripped for x in lines[k : k + 3])
            m = EMAIL.search(tail)
            if m and found[-1].email is None:
                found[-1] = found[-1].model_copy(update={"email": m.group(0)})
    return found


def _with_block(party: Party, more: list[Line]) -> Party:
    """The lines under a "To ..." line: position lines, then the address ("Astana, Kazakhstan")."""
    roles = [m.stripped for m in more[:2] if role_prefix(m.stripped) and not party.role]
    address_lines = [m.stripped.rstrip(",") for m in more[len(roles) :] if not EMAIL.search(m.stripped)]
    update: dict[str, str | None] = {}
    if roles:
        update["role"] = " ".join(roles)
    if address_lines and not party.address:
        update["address"] = ", ".join(address_lines)
    if party.country is None and update.get("address"):
        update["country"] = party_country(
            update.get("role") or party.role, party.organisation, update["address"]
        )
    return party.model_copy(update=update)


def _to_items(rest: str, line: Line, case: str | None) -> list[Party]:
    """Items of a "To ..." line: split at commas when each item names a body of its own."""
    start = line.start + line.content.index(rest)
    parts = [p.strip() for p in rest.split(",")]
    if len(parts) > 1 and all(has_org_word(p) and not role_prefix(p) for p in parts):
        out = []
        pos = start
        for p in parts:
            off = line.content.find(p, pos - line.start)
            party = recipient(p, (line.start + off, line.start + off + len(p)), russian_case=case)
            pos = line.start + off + len(p)
            if party:
                out.append(party)
        return out
    party = recipient(rest, (start, start + len(rest)), russian_case=case)
    return [party] if party else []
