"""The parser's speed shortcuts give exactly what the plain computation they replace gives.

Each shortcut (a value kept per line, a byte-level count, a quick pre-check before a costly
pattern, a line-by-line search) must not change a single output; these tests compare each
with the straightforward computation on varied and random input.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from kzlabour.parser import about, countries, flags, language
from kzlabour.parser.document import Line, split_lines
from kzlabour.parser.segment import first_letter_start, segment

_SAMPLES = [
    "",
    "   ",
    "We demand the release of Natalia Sokolova.",
    "Мы требуем освободить Наталью Соколову!",
    "Біз Қазақстан жұмысшыларының құқықтарын қорғаймыз.",
    "Çà et là, déjà vu; Straße; ǅ ǈ ȸ ɏ ɐ",  # Latin-1 and Latin Extended letters, and beyond
    "?аза?стан Республикасы, М?жілісі",  # letters lost as "?"
    "see http://example.org/x.php?a=b and www.site.kz/?q=1 мырза?а",
    "ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ã© â€” ¹²³ x²y",  # mojibake
    "\ud800 lone surrogate Ж",
]


def _is_latin(c: str) -> bool:
    """A letter up to U+024F, as language.py counts Latin ones."""
    if c.isascii():
        return c.isalpha()
    return c in "\u00aa\u00b5\u00ba" or ("\u00c0" <= c <= "\u024f" and c not in "\u00d7\u00f7")


def _plain_counts(text: str) -> tuple[int, int, int, int]:
    latin = sum(1 for c in text if _is_latin(c))
    cyr = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    if not cyr:
        return latin, 0, 0, 0
    kk = sum(1 for c in text if c in language._KK_LETTERS)
    return latin, cyr, kk, len(language._LOST_IN_CYRILLIC.findall(text))


@pytest.mark.parametrize("text", _SAMPLES)
def test_letter_counts_on_bytes_equal_counts_by_character(text: str) -> None:
    assert language._counts(text) == _plain_counts(text)


def test_letter_counts_on_random_text() -> None:
    rng = random.Random(15)
    ranges = [(0, 0x300), (0x3F0, 0x510), (0x2000, 0x2100), (0xD7F0, 0xE010), (0x1F000, 0x1F100)]
    for _ in range(3000):
        text = "".join(chr(rng.randrange(*rng.choice(ranges))) for _ in range(rng.randint(0, 40)))
        assert language._counts(text) == _plain_counts(text), repr(text)


@pytest.mark.parametrize("text", _SAMPLES)
def test_lost_characters_equal_a_search_of_every_position(text: str) -> None:
    expected = bool(flags._LOST.search(flags._URL.sub(" ", text)))
    assert flags.has_lost_characters(text) is expected


def test_lost_characters_on_random_text() -> None:
    rng = random.Random(16)
    alphabet = ["?", "а", "b", "1", " ", "\n", ",", ";", "www.", "://", ".php", "_", "ә"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        expected = bool(flags._LOST.search(flags._URL.sub(" ", text)))
        assert flags.has_lost_characters(text) is expected, repr(text)


def test_truncation_reads_the_same_without_copying_the_text() -> None:
    complete = "x" * 1600 + " the end."
    assert not flags.is_truncated(complete, len(complete), complete)
    cut = "x" * 1600 + " and the"
    assert flags.is_truncated(cut, len(cut), cut)
    assert not flags.is_truncated(cut + "\n", len(cut), cut)  # ends as a complete file does
    assert not flags.is_truncated(cut + "  more", len(cut), cut)  # text follows the letter
    assert flags.is_truncated(cut + " \u2003 ", len(cut), cut)  # only spaces follow
    short = "ж" * 600  # 600 characters, 1,200 bytes: shorter than a cut page copy
    assert not flags.is_truncated(short, len(short), short)


def test_line_keeps_its_stripped_form_without_changing_equality() -> None:
    a, b = Line(0, 6, "  ab  "), Line(0, 6, "  ab  ")
    assert (a.stripped, a.blank) == ("ab", False)
    assert a == b and hash(a) == hash(b)  # computed values are no fields
    assert Line(0, 2, " \t").blank
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.start = 1  # type: ignore[misc]
    assert [ln.stripped for ln in split_lines("x \r\n y\r z")] == ["x", "y", "z"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Just a news report about nothing.",
        "Dear Minister,\n\nWe demand the release of X.\n\nSincerely,\nA\n\nDear Sir,\n\nWe ask you to act.\n",
    ],
)
def test_first_letter_start_is_that_of_the_first_segment(text: str) -> None:
    segments = segment(text)
    assert first_letter_start(text) == (min(s.start for s in segments) if segments else None)


def test_country_phrases_skipped_name_no_country_or_city() -> None:
    """_find skips a phrase only where the full lookups would find nothing."""
    rng = random.Random(17)
    index, _ = countries._index()
    vocab = ["the", "The", "Republic", "of", "la", "'", "'the", "workers'", "Union", "C?te", "d’Ivoire"]
    vocab += ["Kazakhstan", "Қазақстанның", "Венесуэле", "UK", "U", "K", "London", "South", "Africa", "ﷺ"]
    vocab += [w for key in list(index)[:300] + list(countries._cities())[:100] for w in key.split()]
    for _ in range(3000):
        words = [rng.choice(vocab) for _ in range(rng.randint(2, 6))]
        heads = [countries._head(w) for w in words]
        for cities in (False, True):
            if countries._cannot_name(words, heads, 0, len(words), cities):
                phrase = " ".join(words)
                assert countries.country_code(phrase) is None, phrase
                assert not cities or countries.city_country(phrase) is None, phrase


def test_body_person_patterns_found_line_by_line() -> None:
    rng = random.Random(18)
    vocab = ["Natalia", "Sokolova", "Esenbek", "is", "was", "has", "been", "arrested", "detained", "who"]
    vocab += [",", "victims", "leader", "chairman", "Наталья", "Соколова", "арестована", "\n", "\t", "A."]
    for _ in range(2000):
        body = "".join(
            rng.choice(vocab) + rng.choice([" ", "", "\n", ", "]) for _ in range(rng.randint(1, 25))
        )
        for pattern, cue in zip(about._BODY_PERSON, about._BODY_PERSON_CUES, strict=True):
            whole = [m.span() for m in pattern.finditer(body)]
            by_line = [
                m.span() for s, e in about._lines_with(cue, body) for m in pattern.finditer(body, s, e)
            ]
            assert whole == by_line, repr(body)


def test_memo_keeps_short_arguments_only_and_stays_bounded() -> None:
    from kzlabour.parser.memo import line_memo, memo

    calls: list[str] = []

    @line_memo(maxsize=2, longest=5)
    def upper(s: str) -> str:
        calls.append(s)
        return s.upper()

    assert [upper("ab"), upper("ab"), upper("abcdefg"), upper("abcdefg")] == [
        "AB",
        "AB",
        "ABCDEFG",
        "ABCDEFG",
    ]
    assert calls == ["ab", "abcdefg", "abcdefg"]  # the long argument is computed each time
    for s in ("a", "b", "c", "d"):
        upper(s)
    assert upper.cache_info().currsize == 2  # type: ignore[attr-defined]

    @memo(maxsize=4, longest=5)
    def join(a: str, b: str = "") -> str:
        calls.append(a + b)
        return a + b

    calls.clear()
    assert [join("x", b="y"), join("x", b="y"), join("x", b="toolong"), join("x", b="toolong")] == [
        "xy",
        "xy",
        "xtoolong",
        "xtoolong",
    ]
    assert calls == ["xy", "xtoolong", "xtoolong"]


def _corpus_lines() -> list[str]:
    """The stripped lines of the regression corpus, and a few made to reach each kind of test."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "corpus"
    lines = {
        line.strip()
        for path in sorted(root.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    lines.update(
        [
            "",
            "To the Minister of Labour",
            "Министру труда Республики Казахстан",
            "Еңбек министрі Т. Дүйсеновағa",
            "Қасымбек мырзаға",
            "Ж.Қ. Қасымбековке",
            "Президенті Тоқаев мырза?а",
            "Donate now | Share | Comments",
            "Become a PATRON of this site",
            "+25 °C, cloudy",
            "We use cookies; click to accept.",
            "Comments are now closed.",
            "понедельник, 10 декабря 2018 г.",
        ]
    )
    return sorted(lines)


_LIST_PATHS = ("furniture.terminal", "furniture.anywhere", "anchors.address")


@pytest.mark.parametrize("path", _LIST_PATHS)
def test_anchored_split_matches_as_a_search_of_the_whole_list(path: str) -> None:
    from kzlabour.parser.header_lexicon import matches, pattern

    whole = pattern(path)
    lines = _corpus_lines()
    rng = random.Random(19)
    pieces = [*rng.sample(lines, min(200, len(lines))), "мырза", "ға", "°", "c", " ", "\n", "?"]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(1000)]
    for s in lines:
        assert matches(path, s) == bool(whole.search(s)), repr(s)


def test_line_start_patterns_are_anchored_as_a_whole() -> None:
    """A "^" item of a list is tried with one `match` at the line's start (header_lexicon.split_anchored):
    right only if no top-level "|" lets part of it match elsewhere ("^a|b")."""
    import re
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    from kzlabour.parser.header_lexicon import lexicon

    for path in _LIST_PATHS:
        node = lexicon()
        for key in path.split("."):
            node = node[key]
        for item in map(str, node):
            parsed = sre_parse.parse(item, re.I).data
            anchored = bool(parsed) and parsed[0] == (sre.AT, sre.AT_BEGINNING)
            assert item.startswith("^") == anchored, (path, item)


def _plain_anchor_kind(s: str) -> str | None:
    """linekind.anchor_kind as it reads with one search of the whole address list."""
    from kzlabour.parser import linekind
    from kzlabour.parser.header_lexicon import pattern

    if not s or len(s) > linekind._SHORT:
        return None
    core = s.strip("*_ ").lstrip('«"“„')
    if len(core) <= 110 and pattern("anchors.salutation").search(core):
        return linekind.SALUTATION
    if pattern("anchors.repost").search(core):
        return linekind.REPOST
    if pattern("anchors.byline").search(core):
        return linekind.BYLINE
    if len(core) <= 120 and not core.endswith(".") and pattern("anchors.address").search(core):
        return linekind.ADDRESS
    if linekind.is_heading_like(core) and pattern("anchors.doc_heading").search(core):
        return linekind.DOC
    return None


def test_anchor_kind_equals_the_plain_computation() -> None:
    from kzlabour.parser.linekind import anchor_kind

    for s in _corpus_lines():
        assert anchor_kind(s) == _plain_anchor_kind(s), repr(s)


def _plain_furniture_kinds(lines: tuple[Line, ...]) -> list[str | None]:
    """furniture.furniture_kinds as it reads with the prose test on every line."""
    from kzlabour.parser import furniture
    from kzlabour.parser.header_lexicon import pattern
    from kzlabour.parser.linekind import is_prose

    stripped = [line.content.strip() for line in lines]
    kinds = [furniture._line_kind(s) if s else None for s in stripped]
    for first, last in furniture._header_blocks(stripped):
        if any(pattern("furniture.list_header").search(stripped[i]) for i in range(first, last)):
            for i in range(first, last):
                kinds[i] = furniture.MAIL
    prose_seen = False
    for i, s in enumerate(stripped):
        if kinds[i] == furniture._BLOG_DATE:
            kinds[i] = None if prose_seen else furniture.ANYWHERE
        elif s and is_prose(s):
            prose_seen = True
    for first, last in furniture._menu_blocks(stripped):
        for i in range(first, last):
            kinds[i] = kinds[i] or furniture.ANYWHERE
    return kinds


def test_furniture_kinds_equal_the_plain_computation() -> None:
    from pathlib import Path

    from kzlabour.parser.furniture import furniture_kinds

    root = Path(__file__).resolve().parents[1] / "corpus"
    pages = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    pages.append(
        "понедельник, 10 декабря 2018 г.\nHome\nNews\n\nWe demand that the company pays all wages now.\n"
        "вторник, 11 декабря 2018 г.\nDate: Tue\nSubject: x\nList-Id: y\n"
    )
    for text in pages:
        lines = split_lines(text)
        assert furniture_kinds(lines) == _plain_furniture_kinds(lines)


def test_party_fields_cleaned_as_by_the_white_space_pattern() -> None:
    """roles._clean (split and join) gives what _SPACES.sub(" ", v).strip() gives, for every space."""
    import re
    import sys

    from kzlabour.parser import roles

    def plain(v: str | None) -> str | None:
        v = roles._SPACES.sub(" ", v).strip() if v else None
        return v or None

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    assert spaces == [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    for c in [*spaces, "a", "\u200b", "\ufeff", "\x00"]:
        for v in (c, f"a{c}b", f"{c}a{c}{c}b{c}", f" {c} x"):
            assert roles._clean(v) == plain(v), repr(v)
    assert roles._clean(None) is None and roles._clean("") is None
