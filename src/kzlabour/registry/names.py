"""Names as comparable keys: transliteration (Cyrillic, Kazakh letters included), spelling skeletons, parts.

`latin` writes any name in plain lowercase Latin (Назарбаев -> nazarbaev);
`skeleton` folds the usual transliteration variants of one word onto one key
(ay/ai/a, zh/j, kh/h, -ov/-off, w/v, doubled letters), so that Nazarbayev,
Nazarbaev and Назарбаев share the key `nazarbaev`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "PersonName",
    "acronym",
    "latin",
    "org_tokens",
    "person_name",
    "skeleton",
    "tokens",
]

# Russian and Kazakh Cyrillic -> Latin (a scholarly-practical mix: the spelling most English texts use).
_CYRILLIC = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "і": "i", "к": "k", "қ": "k", "л": "l", "м": "m",
    "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "є": "ye", "ї": "yi",
}  # fmt: skip
_TABLE = str.maketrans({**_CYRILLIC, "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"})
_WORD = re.compile(r"[a-z0-9]+")
_VOWELS = "aeiou"

# Applied in order to a Latin word: transliteration variants fold onto one spelling.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"shch|sch", "sh"),
        (r"tch", "ch"),
        (r"dzh|dj|zh|j", "z"),
        (r"kh", "h"),
        (r"ck|q", "k"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"x", "ks"),
        (r"our$", "or"),  # labour -> labor
        (r"tz|ts", "c"),
        (r"c(?=[eiy])", "s"),  # Arcelor, Арселор
        (r"ou", "u"),
        (r"y", "i"),
        (r"ff$", "v"),
        (r"(?<=[aeiou])i(?=[aeiou])", ""),  # glide between vowels: Nazarbayev -> nazarbaev
        (r"^i(?=[aeu])", ""),  # initial glide: Yerlan -> erlan, Yuri -> uri
        (r"(.)\1+", r"\1"),  # doubled letters: Nataliia -> natalia
    )
)

_ORG_STOPWORDS = frozenset(
    {"the", "of", "and", "in", "for", "de", "du", "des", "la", "le", "les", "el", "y", "et", "und"}
    | {"der", "die", "das", "a", "an", "to", "on", "at", "i", "v", "na", "po", "dlia"}
)
_PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|ichna|ich|uly|ulu|kyzy|kizi)$")


@lru_cache(maxsize=200_000)
def latin(text: str) -> str:
    """Lowercase plain Latin: Cyrillic transliterated, accents dropped, punctuation kept as is."""
    lowered = text.lower().translate(_TABLE)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Resolution asks for the words, and the parts, of the same names many times over.
@lru_cache(maxsize=200_000)
def tokens(text: str) -> tuple[str, ...]:
    """The words of a name in plain Latin ('«Аманат»' -> ('amanat',))."""
    return tuple(_WORD.findall(latin(text).replace("'", "").replace("’", "")))


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """One key for the transliteration variants of one Latin word (see the module doc)."""
    out = word
    for pattern, repl in _FOLDS:
        out = pattern.sub(repl, out)
    return out or word


@lru_cache(maxsize=200_000)
def org_tokens(text: str) -> tuple[str, ...]:
    """An organisation name's significant words, in order, stop words and plural -s dropped."""
    out = []
    for word in tokens(text):
        if word in _ORG_STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return tuple(out)


def acronym(text: str) -> str:
    """Initials of an organisation name's significant words ('International Trade Union ...' -> 'ituc')."""
    words = org_tokens(text)
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


@dataclass(frozen=True)
class PersonName:
    """A person's name as parts, in plain Latin: given names (initials keep one letter) and family name."""

    given: tuple[str, ...]
    family: str

    @property
    def key(self) -> str:
        return skeleton(self.family)


@lru_cache(maxsize=200_000)
def person_name(text: str, family_first: bool = False) -> PersonName | None:
    """Split a name into given names and family name.

    Natural order 'Given Family' by default; 'FAMILY, Given', a Russian name
    with a patronymic ('Назарбаев Нурсултан Абишевич') and `family_first` put
    the family name first. None when the text holds no word.
    """
    if "," in text:
        family_part, _, given_part = text.partition(",")
        fam, giv = tokens(family_part), tokens(given_part)
        if fam:
            return PersonName(tuple(giv), " ".join(fam))
    words = [" ".join(tokens(w)) for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return None
    if len(words) == 1:
        return PersonName((), words[0])
    if len(words) == 3 and _PATRONYMIC.search(words[2]) and len(words[2]) > 5:
        family_first = True
        words = words[:2]
    if family_first:
        return PersonName(_given(words[1:]), words[0])
    return PersonName(_given(words[:-1]), words[-1])


def _given(words: list[str]) -> tuple[str, ...]:
    """Given names word by word: 'Anna-Maria' gives two."""
    return tuple(t for w in words for t in w.split())
