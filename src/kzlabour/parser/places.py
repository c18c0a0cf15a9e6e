"""Where a letter was written, as a plain English city name (ANNOTATION-DECISIONS §5).

Three sources, in order: the dateline ("Brussels, 27 June 2012", "Копенгаген, Дания, 7 декабря
2018 года"), the sender's letterhead ("Астана қаласы", "г. Алматы" beside a phone or
postcode), the city the senders give as their own ("We, the railway workers of Astana",
"Біз Астана қаласының …"). City names in other languages map to English through
lexicon/places.yaml; an unlisted Cyrillic name is transliterated.
"""

from __future__ import annotations

import re
from functools import cache

from kzlabour.parser.header_lexicon import places

__all__ = [
    "CityMatch",
    "city_name",
    "dateline_city",
    "known_city",
    "letterhead_city",
    "meeting_city",
    "own_city",
]

CityMatch = tuple[str, int, int]  # English name, start, end (offsets into the searched text)

_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "yo",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "_",
            "y",
            "_",
            "e",
            "yu",
            "ya",
            "a",
            "g",
            "k",
            "n",
            "o",
            "u",
            "u",
            "h",
            "i",
        ],
        strict=True,
    )
)
_CONTACT = re.compile(r"(?:\b(?:tel|тел|phone|fax|факс|e-?mail)\b|@|\b\d{6}\b)", re.I)
_WE = re.compile(r"(?:\bWe,?\s|\bМы,?\s|\bБіз,?\s)")


def transliterate(word: str) -> str:
    out = "".join(_TRANSLIT.get(c.lower(), c) if c.lower() in _TRANSLIT else c for c in word)
    out = out.replace("_", "")
    return out[:1].upper() + out[1:]


@cache
def _variants() -> dict[str, str]:
    """Every spelling (lower case) to its English name; '*' stems kept with their star."""
    table: dict[str, str] = {}
    for english, spellings in places()["cities"].items():
        table[str(english).lower()] = str(english)
        for v in spellings:
            table[str(v).lower()] = str(english)
    return table


@cache
def _city_rx() -> re.Pattern[str]:
    names = sorted(_variants(), key=len, reverse=True)
    alts = [re.escape(n[:-1]) + r"[^\W\d_]{0,4}" if n.endswith("*") else re.escape(n) for n in names]
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(alts) + r")(?![^\W\d_])", re.I)


def city_name(raw: str) -> str | None:
    """The English name of one city as written; None if it does not look like a place name."""
    name = re.sub(r"^(?:г\.|гор\.|город|city of)\s*", "", raw.strip(" \t*_.,;:"), flags=re.I)
    name = re.sub(r"\s+(?:қ\.?|қаласы|city)$", "", name.strip(), flags=re.I).strip()
    if not name or any(c.isdigit() for c in name) or len(name.split()) > 3:
        return None
    if not all(w[:1].isupper() for w in re.split(r"[\s-]+", name) if w):
        return None  # "Posted on", "Updated at": labels, not place names
    table = _variants()
    if name.lower() in table:
        return table[name.lower()]
    m = _city_rx().fullmatch(name)
    if m:
        return known_city(name)
    if any("\u0400" <= c <= "\u04ff" for c in name):
        return " ".join(transliterate(w) for w in name.split())
    return name


def known_city(text: str) -> str | None:
    """The English name of the first listed city named in `text`."""
    m = _city_rx().search(text)
    return _english(m[0]) if m else None


def _english(found: str) -> str | None:
    table = _variants()
    low = found.lower()
    if low in table:
        return table[low]
    for spelling, english in table.items():  # an inflected form of a starred stem
        if spelling.endswith("*") and low.startswith(spelling[:-1]):
            return english
    return None


def dateline_city(line: str, date_start: int) -> CityMatch | None:
    """'Brussels, 27 June 2012' -> Brussels: the first item before the date on a date line."""
    before = line[:date_start]
    if re.match(r"\s*(?:from|от|sent|date|дата|отправлено)\b", before, re.I):
        return None
    if not before.strip(" \t*_,"):
        return _city_after_date(line, date_start)
    items = [i for i in before.split(",") if i.strip(" \t*_")]
    if not items:
        return None
    # "Копенгаген, Дания, 7 декабря 2018" names the city first; "Adopted by the Board, Oslo, 3 May" last.
    listed = [i for i in (items[0], items[-1]) if _english(i.strip(" \t*_.")) is not None]
    chosen = listed[0] if listed else items[0]
    name = city_name(chosen)
    if name is None:
        return None
    core = chosen.strip(" \t*_")
    offset = before.rindex(core) if chosen is items[-1] and len(items) > 1 else before.index(core)
    return name, offset, offset + len(core)


def _city_after_date(line: str, date_start: int) -> CityMatch | None:
    """'5 May 2015, Almaty': a listed city after the date."""
    k = _city_rx().search(line, date_start)
    if k and line[date_start : k.start()].rstrip().endswith((",", "г.", "года", "ж.")):
        name = _english(k[0])
        if name:
            return name, k.start(), k.end()
    return None


# A city beside its postcode: "Leeds LS1 2AB" (British), "CH-1227 Geneva", "B-1210 Brussels".
_POSTAL_CITY = re.compile(
    r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"
    r"|\b[A-Z]{1,2}-\d{4,5}\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b"
)


def letterhead_city(lines: list[tuple[int, str]]) -> CityMatch | None:
    """A city in the letterhead: listed, or marked 'г.'/'қаласы', in a block with contact details;
    or any city written beside its postcode."""
    for offset, block in _blocks(lines):
        postal = _POSTAL_CITY.search(block)
        if postal:
            which = 1 if postal.group(1) else 2
            name = city_name(postal.group(which))
            if name:
                return name, offset + postal.start(which), offset + postal.end(which)
        if not _CONTACT.search(block):
            continue
        m = re.search(
            r"(?:\bг\.\s?|\bгор\.\s?)([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)|([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)\s+қаласы", block
        )
        if m:
            word = m[1] or m[2]
            name = city_name(word)
            if name:
                start = offset + (m.start(1) if m[1] else m.start(2))
                return name, start, start + len(word)
        k = _city_rx().search(block)
        if k:
            name = _english(k[0])
            if name:
                return name, offset + k.start(), offset + k.end()
    return None


def _blocks(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Runs of consecutive non-blank lines as (offset of the first, text with the original gaps)."""
    blocks: list[tuple[int, str]] = []
    cur: list[tuple[int, str]] = []
    for off, s in [*lines, (-1, "")]:
        if s.strip():
            cur.append((off, s))
            continue
        if cur:
            first = cur[0][0]
            text = ""
            for o, t in cur:
                text += " " * (o - first - len(text)) + t
            blocks.append((first, text))
            cur = []
    return blocks


# A congress or meeting naming where it sits: "The 14th Congress …, meeting in Cork on 6 July 2019".
_MEETING_IN = re.compile(
    r"\b(?:meeting|gathered|assembled|convened|held|sitting)\s+in\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
    r"(?=\s+(?:on|from|in)\s+\d|\s*,\s*\d|\s+on\s+\w+\s+\d)"
)


def meeting_city(text: str, start: int, end: int) -> CityMatch | None:
    """The city a sending congress or meeting says it sits in, in the letter's opening lines."""
    m = _MEETING_IN.search(text, start, min(end, start + 1500))
    if not m:
        return None
    name = city_name(m.group(1))
    return (name, m.start(1), m.end(1)) if name and not _is_country_word(m.group(1)) else None


def _is_country_word(word: str) -> bool:
    from kzlabour.parser.countries import country_code

    return country_code(word) is not None


def own_city(text: str, start: int, end: int) -> CityMatch | None:
    """The city the senders name as their own: 'We, the … of Astana', 'Біз Астана қаласының …'."""
    for m in _WE.finditer(text, start, end):
        # The subject phrase only: "We, the miners of Astana, demand …" stops at its closing comma.
        window_end = min(end, m.end() + (90 if "," not in m[0] else 120))
        stop = re.search(r"[.!?\n]" if "," not in m[0] else r"[,.!?\n]", text[m.end() : window_end])
        window_end = m.end() + stop.start() if stop else window_end
        for k in _city_rx().finditer(text, m.end(), window_end):
            before = text[max(start, k.start() - 20) : k.start()]
            after = text[k.end() : k.end() + 8]
            if _OWN_BEFORE.search(before) or _OWN_AFTER.match(after):
                name = _english(k[0])
                if name:
                    return name, k.start(), k.end()
        marked = _MARKED_CITY.search(text, m.end(), window_end)
        if marked:
            # An unlisted city the phrase marks as one: "Кентау қаласының", "города Хромтау"
            which = 1 if marked.group(1) else 2
            name = _marked_name(marked.group(which), kazakh=which == 1)
            if name:
                return name, marked.start(which), marked.end(which)
    return None


_MARKED_CITY = re.compile(
    r"([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]{2,})\s+қала(?:сы|сының|сындағы)\b|(?:\bгорода|\bг\.)\s*([А-ЯЁ][\w-]{2,})"
)


def _marked_name(word: str, kazakh: bool) -> str | None:
    """English name of a city word in a marked phrase; Russian genitive back to the nominative."""
    if not kazakh:
        from kzlabour.parser.morph import ru_nominative

        listed = _english(word)
        if listed:
            return listed
        word = ru_nominative(word, "gent") if word[-1:] in "аыи" else word
    return _english(word) or city_name(word)


# "workers of Astana", "рабочие г. Жанаозен", "жители города Актау", "Астана қаласының".
_OWN_BEFORE = re.compile(
    r"(?:\b(?:of|from|in)\s+(?:the\s+city\s+of\s+)?|(?:\bг\.|\bгорода|\bиз|\bв)\s*"
    # "активисты Темиртау", "рабочие Жанаозена": a Russian group noun, the city in the genitive
    r"|(?<![^\W\d_])(?:рабочи[ехм]|активист\w{0,3}|работник\w{0,3}|нефтяник\w{0,3}|шахт[её]р\w{0,3}|"
    r"горняк\w{0,3}|жител\w{0,3}|трудящи\w{1,3}|водител\w{0,3}|металлург\w{0,3}|железнодорожник\w{0,3}|"
    r"учител\w{0,3}|врач\w{0,3}|медик\w{0,3}|энергетик\w{0,3})\s+)$",
    re.I,
)
_OWN_AFTER = re.compile(r"\s+қала")
