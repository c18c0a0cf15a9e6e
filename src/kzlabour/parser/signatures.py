"""Signatories: signature blocks after a closing, sign-off lines, and lists of signatories.

Forms read (ANNOTATION-DECISIONS §15):
- a block after a closing formula ("Yours sincerely," / "С уважением,"): name, position,
  organisation and country lines, or an organisation alone;
- "Name for" + organisation line ("Lisa Taylor for / International Solidarity ...");
- an organisation's sign-off closing the letter ("The Socialist Party of England and Wales.");
- a block of "Name, role, organisation" lines, or position lines above a name (Russian);
- the lists of siglists.py. Verbatim repeats are reported once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kzlabour.models import Party
from kzlabour.parser.countries import country_code
from kzlabour.parser.document import Line
from kzlabour.parser.morph import ru_nominative
from kzlabour.parser.names import lexicon, looks_like_name, normalise_name
from kzlabour.parser.roles import (
    describe,
    describe_items,
    has_org_word,
    make_party,
    party_country,
    role_prefix,
)
from kzlabour.parser.salutations import SENTENCE_END
from kzlabour.parser.siglists import PAREN_PERSON, dedupe, is_list_line, list_signatories, parse_entry, signer

__all__ = ["SignOff", "closing_index", "read_signatories"]

_DATE_BITS = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b(?:1[89]|20)\d\d\b")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# Lines that end a signature block: a postscript, a link, a cc line, a page-furniture cue.
_BLOCK_END = re.compile(r"^(?:p\.?s\.?|cc\b|c\.c\.|copy|копи|http|www\.|tel\b|тел\b|e-?mail)", re.I)
_MAX_BLOCK = 8
_MAX_LISTED = 2000
_LIST_MARK = re.compile(r"^\s*(?:\d{1,3}[.)]|[-•*–])\s+")
_FOR_LINE = re.compile(r"^(\S+(?: \S+){0,3}) (?:for|on behalf of|от имени)$", re.I)


@dataclass(frozen=True)
class SignOff:
    """What the signing part of a letter gave: its signatories and the signing body, if any."""

    signatories: tuple[Party, ...] = ()
    signing_orgs: tuple[Party, ...] = ()  # organisations that sign with no person (also the senders)
    closing_line: int | None = None


@cache
def _closings() -> tuple[str, ...]:
    return tuple(sorted({c.casefold() for c in lexicon()["closings"]}, key=len, reverse=True))


def closing_index(lines: tuple[Line, ...]) -> int | None:
    """Index of the last line that is a closing formula alone ("Sincerely," / "С уважением,")."""
    found = None
    for i, line in enumerate(lines):
        if len(line.content) > 80:
            continue
        s = line.stripped.rstrip(",.!:").strip().casefold()
        if s and len(s) < 40 and s in _closings():
            found = i
    return found


def _block(lines: tuple[Line, ...], start: int) -> list[Line]:
    """The non-blank lines from `start` to the end of the signature block."""
    block: list[Line] = []
    gap = 0
    for line in lines[start:]:
        if line.blank:
            gap += 1
            if block and gap >= 3:
                break
            continue
        if _BLOCK_END.match(line.stripped) or len(block) >= _MAX_BLOCK:
            break
        if _is_date_line(line.stripped):
            break
        gap = 0
        block.append(line)
    return block


def _is_date_line(s: str) -> bool:
    """A dateline alone: "January 7, 2022", "17.11.99 г.", "Brussels, 27 June 2012"."""
    return len(s) <= 40 and bool(_DATE_BITS.search(s)) and len(_LONG_WORD.findall(s)) <= 2


def _is_sentence(s: str) -> bool:
    """Prose, not a signature line: long, two sentences, or a clause ending in "." with verbs' company."""
    words = s.split()
    if len(words) > 16 or SENTENCE_END.search(s):
        return True
    lower = [
        w for w in words if w[:1].islower() and w not in {"of", "the", "and", "for", "de", "du", "des", "la"}
    ]
    return s.endswith((".", "!", "?")) and len(words) >= 5 and len(lower) >= 3


def _person_line(s: str) -> tuple[str, list[str]] | None:
    """A line that starts with a person: "Name, role, org", "Name (Org, Country)"; else None."""
    s = _LIST_MARK.sub("", s)
    role = role_prefix(s)
    if role and looks_like_name(s[len(role) :].split(",")[0]) and not s[len(role) :].strip().startswith("of"):
        # "Председатель Иван Петров", "Chairman John Smith": position, then the name
        rest = s[len(role) :].strip()
        name, _, more = rest.partition(",")
        return name.strip(), [role, *(x.strip() for x in more.split(",") if x.strip())]
    paren = PAREN_PERSON.match(s)
    if paren and looks_like_name(paren.group(1)):
        return paren.group(1), [x.strip() for x in paren.group(2).split(",") if x.strip()]
    items = [x.strip() for x in s.split(",") if x.strip()]
    if items and looks_like_name(items[0]) and not has_org_word(items[0]):
        return items[0], items[1:]
    dash = _NAME_DASH.match(s)
    if dash and looks_like_name(dash.group(1)) and not has_org_word(dash.group(1)):
        # "Иванов А.П. — оператор, АО «Озенмунайгаз»": the name, a dash, position and body
        return dash.group(1), [x.strip() for x in dash.group(2).split(",") if x.strip()]
    return None


_NAME_DASH = re.compile(r"^([^,—–]{3,60}?)\s+[—–-]\s+(\S.{0,200})$")


def _read_block(block: list[Line], closed: bool) -> tuple[list[Party], list[Party]]:
    """Signatories from the lines of a signature block, and the signing body if no person signs.

    A person's position and body may stand under the name (English) or above it (Russian:
    "Председатель профсоюза / Оспанов К.М.").
    """
    persons: list[Party] = []
    i = 0
    while i < len(block):
        s = _sig(block[i])
        if is_list_line(s) or _is_sentence(s):
            return persons, []
        m = _FOR_LINE.match(s)
        if m and looks_like_name(m.group(1)) and i + 1 < len(block):
            org_lines = [
                b.stripped for b in block[i + 1 : i + 3] if has_org_word(b.stripped) or b is block[i + 1]
            ]
            org = " ".join(org_lines).rstrip(".")
            party = make_party(
                name=normalise_name(m.group(1)),
                organisation=org,
                country=party_country(None, org),
                span=(block[i].start, block[i + len(org_lines)].end),
            )
            return ([*persons, party] if party else persons), []
        tail = _tail_name(s)
        if tail:
            # "Председатель профсоюза      А.К. Жумабаев": position and name on one line
            _add(persons, signer(normalise_name(tail[1]), [tail[0]], (block[i].start, block[i].end)))
            i += 1
            continue
        person = _person_line(s)
        if person:
            name, extra = normalise_name(person[0]), list(person[1])
            j = i + 1
            # Position, body and country lines under the name, up to the next person.
            while (
                j < len(block)
                and len(extra) < 4
                and (not _person_line(_sig(block[j])) or (extra and _body_and_country(_sig(block[j]))))
            ):
                if _is_sentence(block[j].stripped):
                    break
                extra.append(_sig(block[j]))
                j += 1
            _add(persons, signer(name, extra, (block[i].start, block[max(i, j - 1)].end)))
            i = max(j, i + 1)
            continue
        ahead = next(
            (k for k in range(i + 1, min(i + 4, len(block))) if _person_line(block[k].stripped)), None
        )
        if (
            ahead is not None
            and not persons
            and _name_only(block[ahead].stripped)
            and describe_items([b.stripped for b in block[i:ahead]]).role
        ):
            # Position above the name: "Председатель профсоюза «Коргау» / Оспанов К.М."
            extra = [b.stripped for b in block[i:ahead]]
            name = normalise_name(block[ahead].stripped)
            _add(persons, signer(name, extra, (block[i].start, block[ahead].end)))
            i = ahead + 1
            continue
        if persons:
            break
        return persons, _org_block(block[i:], closed)
    return persons, []


_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "a-zа-яёәғқңөұүһі'’"
_INITIALS = rf"(?:[{_UP}]\.\s?){{1,3}}"
_FAMILY = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
# A name in initials form closing a line: "… А.К. Жумабаев", "… Сергеев П.А."
_TAIL_INITIALS = re.compile(rf"^(.+?)\s+({_INITIALS}\s?{_FAMILY}|{_FAMILY}\s{_INITIALS})$")
_TAIL_GAP = re.compile(r"^(\S.*?\S)(?:\s{3,}|\t+)(\S[^\t]*)$")


def _sig(line: Line) -> str:
    """A signature line without the quotation mark that closes a quoted letter on it.

    Only an unbalanced mark goes: "профсоюз «Болашак»" keeps the quotes of its own name."""
    s = line.stripped
    if s[-1:] == "»" and s.count("»") > s.count("«"):
        s = s[:-1].rstrip()
    if s[:1] == "«" and s.count("«") > s.count("»"):
        s = s[1:].lstrip()
    if s[-1:] in '”"' and s and (s.count('"') % 2 == 1 or s.count("”") > s.count("“")):
        s = s[:-1].rstrip()
    if s[:1] in '“"' and s and (s.count('"') % 2 == 1 or s.count("“") > s.count("”")):
        s = s[1:].lstrip()
    return s


def _body_and_country(s: str) -> bool:
    """ "Industri Energi, Norway" under a name and a position: the body and its country, no person."""
    items = [x.strip() for x in s.split(",")]
    if "(" in s or len(items) != 2 or role_prefix(items[0]):
        return False
    return country_code(items[1].rstrip(".")) is not None


def _tail_name(s: str) -> tuple[str, str] | None:
    """A position and a name on one line: "Председатель профсоюза   А.К. Жумабаев" (the gap of a
    printed signature line) or a position phrase ending in an initials name; else None."""
    if len(s) > 160:
        return None
    gap = _TAIL_GAP.match(s)
    left_is_role = not looks_like_name(gap.group(1)) or role_prefix(gap.group(1)) if gap else False
    if gap and looks_like_name(gap.group(2)) and left_is_role:
        return gap.group(1), gap.group(2).strip()
    m = _TAIL_INITIALS.match(s.rstrip(",;"))
    if m and not looks_like_name(m.group(1)) and describe_items([m.group(1)]).role:
        return m.group(1).rstrip(" ,"), m.group(2)
    return None


def _add(persons: list[Party], party: Party | None) -> None:
    if party is not None:
        persons.append(party)


def _name_only(s: str) -> bool:
    return looks_like_name(s) and "," not in s


def _org_block(block: list[Line], closed: bool) -> list[Party]:
    """Organisations signing with no person: each name over one or more lines, perhaps with a
    country line after it ("AMANAT SPK Trade Union / Republic of Kazakhstan"). A line ending in
    "of", "the", "and" or one starting in lower case continues the name above it."""
    chunks: list[list[Line]] = []
    countries: list[str | None] = []
    for line in block[:6]:
        s = line.stripped
        if _CITY_LINE.match(s):
            break  # "г. Шымкент" under the sign-off: where it was written, not part of the name
        code = country_code(s.rstrip("."))
        if code and chunks and countries[-1] is None:
            countries[-1] = code
            chunks[-1].append(line)
            continue
        if _is_sentence(s) or s.endswith("!"):
            break
        prev = chunks[-1][-1].stripped if chunks else ""
        if chunks and (_CONTINUES.search(prev) or _CONTINUED.match(s)):
            chunks[-1].append(line)
        else:
            if chunks and chunks[-1][-1].stripped.endswith("."):
                break
            chunks.append([line])
            countries.append(None)
    out: list[Party] = []
    for chunk, country in zip(chunks, countries, strict=True):
        party = _org_party(chunk, country, closed)
        if party is None:
            break
        out.append(party)
    return out


_CITY_LINE = re.compile(r"^(?:г\.|город|гор\.)\s*[А-ЯЁ][\w-]+\.?$|^[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s+(?:қаласы|қ\.)$")
_CONTINUES = re.compile(r"(?:\b(?:of|the|and|for|de|du|des|la|of the)|[,&-])$", re.I)
_CONTINUED = re.compile(r"^(?:of|and|for|the|de|du|des|[a-zа-яё(])")


def _org_party(chunk: list[Line], country: str | None, closed: bool) -> Party | None:
    lines = chunk if country is None else chunk[:-1]
    text = " ".join(x.stripped for x in lines).rstrip(".")
    if text and text.split()[-1].casefold() in _group_nouns() and not re.search(r"\bof\b", text, re.I):
        return None  # "Зауыт жұмысшылары": a group of people never signs ("Federation of Teachers" does)
    paren = re.match(r"^(.+?)\s*\(([^()]+)\)$", text)
    if paren and country_code(paren.group(2)):
        text, country = paren.group(1), country_code(paren.group(2))  # "CGT (France)"
    if not text or not (has_org_word(text) or (closed and text.isupper() and len(text) > 2)):
        return None
    aff = describe(text)
    role, org = aff.role, aff.organisation
    organ = re.match(r"^(.+?)\s+of\s+(?:the\s+)?(.+)$", text)
    if organ and not role and _is_organ(organ.group(1)):
        role, org = organ.group(1), organ.group(2)
    elif not role and re.search(r"[а-яё]", text, re.I):
        head = _ru_organ_head(text)
        if head:  # "Исполнительный комитет профсоюза «Курмет»": the organ, and its body in the nominative
            role, org = head, ru_nominative(text[len(head) :].strip(), "gent")
    country = country or party_country(role, org)
    return make_party(role=role, organisation=org, country=country, span=(chunk[0].start, chunk[-1].end))


def _ru_organ_head(text: str) -> str | None:
    """The organ a Russian sign-off opens with, when a body in the genitive follows it."""
    low = text.casefold()
    for o in _organs_longest_first():
        if low.startswith(o + " ") and has_org_word(text[len(o) :]):
            return text[: len(o)]
    return None


@cache
def _group_nouns() -> frozenset[str]:
    return frozenset(g.casefold() for g in lexicon()["group_nouns"])


@cache
def _organs_longest_first() -> tuple[str, ...]:
    """The organs casefolded, longest (as listed) first."""
    return tuple(organ.casefold() for organ in sorted(lexicon()["organs"], key=len, reverse=True))


@cache
def _organ_set() -> frozenset[str]:
    return frozenset(o.casefold() for o in lexicon()["organs"])


def _is_organ(text: str) -> bool:
    return text.casefold() in _organ_set()


def read_signatories(lines: tuple[Line, ...], text: str) -> SignOff:
    """The letter's signatories from its closing block, trailing sign-off and lists."""
    listed = _bodies_by_company(list_signatories(lines, text))
    close = closing_index(lines)
    persons: list[Party] = []
    orgs: list[Party] = []
    if close is not None:
        persons, orgs = _read_block(_block(lines, close + 1), True)
    else:
        start = _trailing_block_start(lines)
        if start is not None:
            persons, orgs = _read_block(_block(lines, start), False)
    if not listed:
        listed = _labelled_lines(lines)
    parties = [p for p, _ in listed]
    raws = [raw for _, raw in listed]
    if not persons and not orgs:
        persons = _for_lines(lines)
    for p in persons:
        if not any(q.name == p.name and q.span == p.span for q in parties):
            parties.append(p)
            raws.append((p.name or "") + str(p.span))
    if orgs and parties:
        orgs = []  # bodies named under listed persons are their affiliations, not extra signers
    for org in orgs:
        parties.append(org)
        raws.append(f"org {org.organisation}|{org.role}")
    return SignOff(signatories=tuple(dedupe(parties, raws)), signing_orgs=tuple(orgs), closing_line=close)


_SIGN_LABEL = re.compile(
    r"^(?:signed|signatories|signatures|endorsed|supported|co-signed|подписали|подписи|подписавшие|"
    r"қол қойғандар)\b.{0,60}:$",
    re.I,
)


_SIGN_INLINE = re.compile(
    r"^(?:signed(?: by)?|signatories|signatures|endorsed by|supported by|co-signed by|подписали|"
    r"қол қойғандар)\b[^:]{0,40}:\s*(\S.+)$",
    re.I,
)


def _inline_list(line: Line) -> list[tuple[Party, str]]:
    """ "Signed by: A, B, C and D": the signatories on the label's own line, split at commas."""
    m = _SIGN_INLINE.match(line.stripped)
    if not m or (_is_sentence(m.group(1)) and m.group(1).count(",") < 2):
        return []
    found: list[tuple[Party, str]] = []
    pos = line.content.find(m.group(1))
    items = re.split(r"\s*[,;]\s*", m.group(1).rstrip("."))
    # "…, C and D": only the last item joins two names ("Bureau for Human Rights and Rule of Law" stays).
    last = re.sub(r"^(?:and|и|және)\s+", "", items.pop())
    pair = len(items) >= 2 and len(last.split()) > 2
    items += re.split(r"\s+and\s+(?=[A-Z])", last, maxsplit=1) if pair else [last]
    for item in items:
        at = line.content.find(item, pos)
        pos = at + len(item)
        if item:
            span = (line.start + at, line.start + at + len(item))
            found.extend((p, item) for p in parse_entry(item, span))
    return found


def _labelled_lines(lines: tuple[Line, ...]) -> list[tuple[Party, str]]:
    """ "Signed by the following organisations:" and one signatory a line under it."""
    for line in lines:
        if len(line.content) < 5000:
            inline = _inline_list(line)
            if len(inline) >= 2:
                return _bodies_by_company(inline)
    for i, line in enumerate(lines):
        if len(line.content) > 80 or not _SIGN_LABEL.match(line.stripped):
            continue
        found: list[tuple[Party, str]] = []
        gap = 0
        for nxt in lines[i + 1 : i + 1 + _MAX_LISTED]:
            if nxt.blank:
                gap += 1
                if gap >= 2 and found:
                    break
                continue
            gap = 0
            entry = _LIST_MARK.sub("", nxt.stripped)
            if _is_sentence(entry):
                break
            found.extend((p, entry) for p in parse_entry(entry, (nxt.start, nxt.end)))
        return _bodies_by_company(found)
    return []


def _bodies_by_company(found: list[tuple[Party, str]]) -> list[tuple[Party, str]]:
    """In a list of organisations, where no person is given with a position or body, a bare
    capitalised entry ("IG Metall (Germany)", "Solidarnosc") is an organisation too."""
    bodies = sum(1 for p, _ in found if p.organisation and not p.name)
    persons = sum(1 for p, _ in found if p.name and (p.role or p.organisation))
    if bodies < 2 or persons:
        return found
    out: list[tuple[Party, str]] = []
    for p, entry in found:
        if p.name and not p.role and not p.organisation:
            org = re.sub(r"\s*\([^()]*\)$", "", _LIST_MARK.sub("", entry)).strip(" .;,")
            p = p.model_copy(update={"name": None, "organisation": org})
        out.append((p, entry))
    return out


def _for_lines(lines: tuple[Line, ...]) -> list[Party]:
    """ "Name for" above an organisation line, anywhere in the letter ("Lisa Taylor for / ISWoR")."""
    found: list[Party] = []
    for i, line in enumerate(lines):
        if len(line.content) > 80:
            continue
        m = _FOR_LINE.match(line.stripped)
        if not m or not looks_like_name(m.group(1)):
            continue
        nxt = next((x for x in lines[i + 1 : i + 3] if not x.blank), None)
        if nxt is None or _is_sentence(nxt.stripped):
            continue
        org = nxt.stripped.rstrip(".")
        party = make_party(
            name=normalise_name(m.group(1)),
            organisation=org,
            country=party_country(None, org),
            span=(line.start, nxt.end),
        )
        if party:
            found.append(party)
    return found


def _trailing_block_start(lines: tuple[Line, ...]) -> int | None:
    """Start of the short block that ends a letter with no closing formula, if any.

    The block follows a prose line or two blank lines (single blank lines may part its own
    lines); a date line after it is allowed. Its lines are each short, at most five.
    """
    idx = len(lines) - 1
    while idx >= 0 and (lines[idx].blank or _is_date_line(lines[idx].stripped)):
        idx -= 1
    end = idx
    short = blanks = 0
    while idx >= 0 and (lines[idx].blank or not _is_sentence(lines[idx].stripped)):
        if lines[idx].blank:
            blanks += 1
            if blanks >= 2:
                break
        else:
            blanks = 0
            short += 1
        idx -= 1
        if short > 5:
            return None
    start = idx + 1
    while start <= end and lines[start].blank:
        start += 1
    if start > end or idx < 0:
        return None
    if any(len(lines[k].stripped) > 80 for k in range(start, end + 1)):
        return None
    return start
