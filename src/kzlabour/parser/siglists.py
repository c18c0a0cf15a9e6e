"""Lists of signatories: one entry per ";" or per line, and lists of bodies under headings.

Entry forms (ANNOTATION-DECISIONS §10, §11, §15): "FAMILY, Given, Country, Organisation",
"Given Family, role, organisation, country", "A and B, MPs for X, Country", "Given Family
(Organisation, Country)". Under a category heading, bodies split by dashes ("AGRINIO – ARTA -
…"), a hyphen inside parentheses excepted. Verbatim repeats are reported once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kzlabour.models import Party
from kzlabour.parser.countries import country_code
from kzlabour.parser.document import Line
from kzlabour.parser.memo import line_memo
from kzlabour.parser.names import lexicon, looks_like_name, normalise_name
from kzlabour.parser.roles import describe, describe_items, has_org_word, make_party, party_country

__all__ = [
    "PAREN_PERSON",
    "dedupe",
    "is_list_line",
    "list_signatories",
    "parse_entry",
    "signer",
    "split_entries",
]

# A family name printed in capitals at the head of a list entry: "ABUL", "GBIKPI-BENISSAN", "BERGER ".
_FAMILY_CAPS = re.compile(r"^[^\W\d_a-zа-яё]{2,}(?:[- ][^\W\d_a-zа-яё]{2,})*$")
# "Given Family (Organisation, Country)".
# More entries than any list of signatories holds: the rest of such a line is not read.
_MAX_ENTRIES = 2000
PAREN_PERSON = re.compile(r"^([^(),]{3,60}?)\s*\(([^()]{2,200})\)[.,;]?$")


def split_entries(text: str, offset: int) -> Iterator[tuple[str, int, int]]:
    """The ";"-separated entries of a list, with their spans (whitespace and separators trimmed)."""
    pos = 0
    for part in text.split(";"):
        start = pos
        pos += len(part) + 1
        stripped = part.strip()
        if not stripped.strip(" ,."):
            continue
        lead = len(part) - len(part.lstrip())
        yield stripped, offset + start + lead, offset + start + lead + len(stripped)


def _name_and_rest(items: list[str]) -> tuple[list[str], list[str]]:
    """The name(s) an entry starts with, normalised, and its remaining items."""
    first = items[0]
    if _FAMILY_CAPS.match(first.strip()) and not country_code(first):
        if len(items) > 1 and _is_given(items[1]):
            name = normalise_name(f"{first.strip()}, {items[1]}")
            return ([name] if name else []), items[2:]
        if len(re.sub(r"[^\w]", "", first)) <= 5 or ("-" in first and max(map(len, first.split("-"))) <= 4):
            return [], items  # "CGT", "FIOM-CGIL" with no given name: an acronym, not a family name
        name = normalise_name(first)
        return ([name] if name else []), items[1:]
    persons = re.split(r"\s+(?:and|&|и|және)\s+", first)
    if all(looks_like_name(p) for p in persons):
        names = [n for n in (normalise_name(p) for p in persons) if n]
        return names, items[1:]
    return [], items


def _is_given(item: str) -> bool:
    """A given name after "FAMILY,": short, capitalised or initials, not a country or a role."""
    words = item.split()
    if not 1 <= len(words) <= 4 or country_code(item) or describe(item).role:
        return False
    return all(w[:1].isupper() or w[:1] == "?" for w in words) and not has_org_word(item)


def parse_entry(entry: str, span: tuple[int, int]) -> list[Party]:
    """One list entry: one signatory, or two for "A and B, role of X"."""
    paren = PAREN_PERSON.match(entry.strip().rstrip("."))
    if paren and looks_like_name(paren.group(1)):
        items = [x.strip() for x in paren.group(2).split(",") if x.strip()]
        party = signer(normalise_name(paren.group(1)), items, span)
        return [party] if party else []
    items = [i.strip() for i in entry.strip().rstrip(".").split(",")]
    items = [i for i in items if i]
    if entry.strip().endswith(".") and items:
        items[-1] = items[-1].rstrip(".")
    if not items:
        return []
    names, rest = _name_and_rest(items)
    if not names:
        aff = describe_items(items)
        if not aff.organisation and not aff.role:
            return []
        country = aff.country or party_country(aff.role, aff.organisation)
        party = make_party(role=aff.role, organisation=aff.organisation, country=country, span=span)
        return [party] if party else []
    aff = describe_items(rest)
    country = aff.country or party_country(aff.role, aff.organisation)
    parties = [
        make_party(name=n, role=aff.role, organisation=aff.organisation, country=country, span=span)
        for n in names
    ]
    return [p for p in parties if p]


def is_list_line(text: str) -> bool:
    """A line holding a ";"-separated list of entries with commas: "ABUL, Bashar, Bangladesh; ...".

    Entries must be short (names and affiliations, not prose clauses).
    """
    entries = [e for e in text.split(";") if e.strip()]
    if len(entries) < 2:
        return False
    with_comma = [e for e in entries if "," in e and len(e.split()) <= 25]
    return len(with_comma) * 2 > len(entries) and sum(len(e.split()) for e in entries) / len(entries) <= 18


def _dash_items(line: Line) -> list[tuple[str, int, int]]:
    """Items of a dash-separated list of bodies, with spans; [] when the line is not such a list.

    Every dash splits (" – ", "- ", "-"), except inside parentheses: "PENSIONERS (IKA- ETM)".
    """
    text = line.content
    cuts: list[int] = []
    depth = 0
    for k, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in "–—-" and depth == 0:
            cuts.append(k)
    if len(cuts) < 2 or not any(text[k] in "–—" or text[k - 1 : k] == " " for k in cuts):
        return []
    items: list[tuple[str, int, int]] = []
    pos = 0
    for cut in [*cuts, len(text)]:
        piece = text[pos:cut]
        core = piece.strip().rstrip(".").strip()
        if core:
            lead = piece.index(core[0])
            items.append((core, line.start + pos + lead, line.start + pos + lead + len(core)))
        pos = cut + 1
    return items if len(items) >= 3 else []


def _is_heading(line: Line) -> bool:
    s = line.stripped
    return 0 < len(s.split()) <= 5 and not re.search(r"[.,;:!?–—]", s) and s[:1].isupper()


def dedupe(parties: list[Party], spans_text: list[str]) -> list[Party]:
    """Verbatim repeats reported once: the same entry text twice is one signatory."""
    seen: set[str] = set()
    out: list[Party] = []
    for party, raw in zip(parties, spans_text, strict=True):
        key = " ".join(raw.split()).casefold() + "|" + (party.name or "")
        if key in seen:
            continue
        seen.add(key)
        out.append(party)
    return out


def _has_dash(text: str) -> bool:
    return "-" in text or "–" in text or "—" in text


def _under_heading(lines: tuple[Line, ...], i: int) -> bool:
    """The line follows a category heading ("Federations"), directly or after one blank line."""
    return (i > 0 and _is_heading(lines[i - 1])) or (
        i > 1 and lines[i - 1].blank and _is_heading(lines[i - 2])
    )


def list_signatories(lines: tuple[Line, ...], text: str) -> list[tuple[Party, str]]:
    found: list[tuple[Party, str]] = []
    for i, line in enumerate(lines):
        if len(found) >= _MAX_ENTRIES:
            break
        if ";" in line.content and is_list_line(line.content):
            label = re.search(r"(?:^|[.!?]\s+)[^.;:]{0,40}:\s+", line.content.split(";")[0])
            offset = label.end() if label else 0  # "... Signatories: A (X, Y); B (Z, W)"
            for entry, start, end in split_entries(line.content[offset:], line.start + offset):
                found.extend((p, entry) for p in parse_entry(entry, (start, end)))
                if len(found) >= _MAX_ENTRIES:
                    break
        elif _has_dash(line.content) and _under_heading(lines, i):
            for item, start, end in _dash_items(line)[:_MAX_ENTRIES]:
                if len(item.split()) > 15:
                    break
                country = party_country(None, item)
                party = make_party(organisation=item, country=country, span=(start, end))
                if party:
                    found.append((party, item))
    return found


@cache
def _russian_organs() -> tuple[str, ...]:
    """The organs named in Russian, casefolded, longest (as listed) first."""
    ordered = (organ.casefold() for organ in sorted(lexicon()["organs"], key=len, reverse=True))
    return tuple(o for o in ordered if re.search(r"[а-яё]", o))


@line_memo(maxsize=1 << 12, longest=300)  # every signer's body goes through here; a list repeats its bodies
def _body_of_organ(org: str) -> str:
    """ "Правление ОО «Рабочее движение»" -> "ОО «Рабочее движение»": an officer of a body's organ
    belongs to the body (§11 "Y an organ of a named body")."""
    low = org.casefold()
    for o in _russian_organs():
        if low.startswith(o + " "):
            rest = org[len(o) :].strip()
            if has_org_word(rest) or re.search(r"«[^»]+»", rest):
                return rest
    return org


def signer(name: str | None, extra: list[str], span: tuple[int, int]) -> Party | None:
    """A signing person with the role, body and country the items after (or above) the name give."""
    aff = describe_items(extra)
    org = aff.organisation
    if org and len(org.split()) == 1 and has_org_word(org):
        org = None  # "Председатель профсоюза": a bare kind of body names no organisation
    elif org:
        org = _body_of_organ(org)
    country = aff.country or party_country(aff.role, org)
    return make_party(name=name, role=aff.role, organisation=org, country=country, span=span)
