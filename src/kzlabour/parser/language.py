"""The language of a letter's body: script first, then Kazakh letters, then function words.

A rule, not a statistical detector: Cyrillic text is Kazakh when it holds Kazakh-only
letters (ә ғ қ ң ө ұ ү һ і) or Cyrillic words with a letter lost as "?" (a page that
lost every Kazakh letter, dev 306), Russian otherwise; Latin text is English unless
French, German or Spanish function words outnumber English ones. The body is judged on
its running-text lines, so a bilingual letterhead does not change it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kzlabour.parser.memo import line_memo

__all__ = ["guess_language", "line_script", "split_by_language"]

_KK_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_LOST_IN_CYRILLIC = re.compile(r"[а-яё]\?[а-яё]|[а-яё]\?(?=[\s,.;:]|$)|(?:^|\s)\?[а-яё]", re.I | re.M)
_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "that", "is", "for", "we", "with", "are", "be", "on", "our"},
    "fr": {"le", "la", "les", "et", "des", "du", "pour", "nous", "que", "est", "une", "dans", "sur"},
    "de": {"der", "die", "das", "und", "ist", "wir", "für", "nicht", "mit", "von", "zu", "den", "ein"},
    "es": {"el", "los", "las", "y", "del", "por", "para", "que", "una", "con", "nosotros", "es"},
    # Kazakh in Latin script (2018 and 2021 alphabets).
    "kk": {
        "jäne",
        "jane",
        "men",
        "biz",
        "üşin",
        "ushin",
        "bul",
        "osy",
        "talap",
        "etemiz",
        "bizdiñ",
        "turaly",
    },
}
# Each function word to the languages whose list holds it, in the order of _FUNCTION_WORDS.
_FUNCTION_WORD_LANGUAGES: dict[str, tuple[str, ...]] = {
    w: tuple(lang for lang, fw in _FUNCTION_WORDS.items() if w in fw)
    for words in _FUNCTION_WORDS.values()
    for w in words
}


def _counts(text: str) -> tuple[int, int, int, int]:
    """(latin, cyrillic, kazakh-only, lost-in-cyrillic) letter counts."""
    # This runs on every line and every segment's body, so the two big classes are counted on the
    # UTF-8 bytes, where each is a set of byte values that bytes.translate deletes in one C pass:
    # U+0400-U+04FF are the two-byte sequences led by D0-D3, ASCII letters are single bytes, and no
    # lead or continuation byte of another character is either. The rare Latin letters beyond ASCII
    # (lead bytes C2-C9) are counted by the pattern, only when such a byte occurs.
    data = text.encode("utf-8", "surrogatepass")
    cyr = len(data) - len(data.translate(None, _CYRILLIC_LEADS))
    latin = len(data) - len(data.translate(None, _ASCII_LETTERS))
    if len(data.translate(None, _LATIN_EXT_LEADS)) < len(data):
        latin += len(_LATIN_EXT.findall(text))
    if not cyr:
        return latin, 0, 0, 0
    kk = len(_KK_LETTER.findall(text))
    # Every way of matching _LOST_IN_CYRILLIC holds a "?": without one (most texts) there is none,
    # and the scan of every position is spared.
    return latin, cyr, kk, len(_LOST_IN_CYRILLIC.findall(text)) if "?" in text else 0


# Latin letters are those up to U+024F (ASCII, Latin-1 and Latin Extended-A/B), as `str.isalpha`
# sees them; Cyrillic ones U+0400-U+04FF.
_KK_LETTER = re.compile("[" + "".join(sorted(_KK_LETTERS)) + "]")
_CYRILLIC_LEADS = bytes(range(0xD0, 0xD4))
_ASCII_LETTERS = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B))
_LATIN_EXT_LEADS = bytes(range(0xC2, 0xCA))  # U+0080-U+027F: every non-ASCII Latin letter
# The letters of U+0080-U+024F.
_LATIN_EXT = re.compile("[\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


_RU_WORDS = frozenset(
    [
        "и",
        "в",
        "на",
        "не",
        "что",
        "с",
        "по",
        "для",
        "от",
        "к",
        "о",
        "из",
        "за",
        "как",
        "это",
        "мы",
        "вы",
        "их",
        "его",
    ]
)
_KK_WORDS = frozenset(
    [
        "және",
        "мен",
        "бен",
        "пен",
        "үшін",
        "бұл",
        "осы",
        "біз",
        "сіз",
        "да",
        "де",
        "бойынша",
        "туралы",
        "жоқ",
        "емес",
    ]
)


def _cyrillic_language(cyr: int, kk: int, lost: int, text: str = "") -> str:
    """Kazakh letters decide clear cases; between, the function words of each language do.

    A Russian letter that names Kazakh people and places holds a few Kazakh letters.
    """
    share = (kk + lost) / max(cyr, 1)
    tokens = [w.lower() for w in _WORD.findall(text[:20000])]
    ru = sum(1 for w in tokens if w in _RU_WORDS)
    kz = sum(1 for w in tokens if w in _KK_WORDS)
    if ru >= 2 * kz + 2 and share < 0.1:
        return "ru"
    if kz >= 2 * ru + 2:
        return "kk"
    return "kk" if kk + lost >= max(2, 0.015 * cyr) else "ru"


@line_memo(maxsize=1 << 14, longest=300)  # asked of each line of each letter span tried for a translation
def line_script(s: str) -> str | None:
    """A line's language at line level ('en' for any Latin, 'ru', 'kk'); None when too short to say."""
    latin, cyr, kk, lost = _counts(s)
    if latin + cyr < 12:
        return None
    if latin > cyr:
        return "en"
    return _cyrillic_language(cyr, kk, lost, s)


def guess_language(body: str) -> str | None:
    """ISO 639-1 code of the language of a letter's body, judged on its running-text lines."""
    lines = [ln for ln in body.splitlines() if len(ln.strip()) >= 60]
    sample = "\n".join(lines) if sum(map(len, lines)) >= 80 else body
    latin, cyr, kk, lost = _counts(sample)
    if not latin and not cyr:
        return None
    if cyr > latin:
        return _cyrillic_language(cyr, kk, lost, sample)
    return _latin_language(sample)


def _latin_language(text: str) -> str:
    scores = dict.fromkeys(_FUNCTION_WORDS, 0)
    # One pass over the words, each looked up once, instead of one pass per language.
    for w in _WORD.findall(text[:20000]):
        for lang in _FUNCTION_WORD_LANGUAGES.get(w.lower(), ()):
            scores[lang] += 1
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > scores["en"] * 1.5 and scores[best] >= 5 else "en"


def split_by_language(labels: Sequence[str | None], lines: Sequence[str]) -> int | None:
    """Index of the first line of a trailing version in another language, or None.

    The part before must hold running text in one language (≥ 250 letters), the part from
    the cut on must be in another language throughout (≥ 80% of its labelled lines) and
    hold at least two lines or 150 characters: a bilingual letterhead above the body, or a
    foreign name in a list, does not split a letter.
    """
    n = len(labels)
    langs = sorted({x for x in labels if x})
    if len(langs) < 2:
        return None
    prefix = {lang: [0] * (n + 1) for lang in langs}
    chars = {lang: [0] * (n + 1) for lang in langs}
    for i, lab in enumerate(labels):
        for lang in langs:
            prefix[lang][i + 1] = prefix[lang][i] + (lab == lang)
            chars[lang][i + 1] = chars[lang][i] + (len(lines[i]) if lab == lang else 0)
    total = {lang: prefix[lang][n] for lang in langs}
    for k in range(1, n):
        b = labels[k]
        if b is None:
            continue
        before = {lang: prefix[lang][k] for lang in langs}
        after = {lang: total[lang] - before[lang] for lang in langs}
        a = max(before, key=lambda x: before[x])
        if a == b or before[a] == 0:
            continue
        if before[a] < 0.7 * sum(before.values()) or chars[a][k] < 250:
            continue
        if after[b] < 0.8 * sum(after.values()):
            continue
        b_chars = chars[b][n] - chars[b][k]
        if after[b] >= 2 or b_chars >= 150:
            return k
    return None
