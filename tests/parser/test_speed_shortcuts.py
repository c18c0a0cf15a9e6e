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
