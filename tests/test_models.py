"""Models: valid and invalid values with the messages a contributor reads, and round trips."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kzlabour.models import Demand, DemandCategory, Evidence, Flag, Letter, Party, Source, Span
from kzlabour.models.rows import LetterRow
from kzlabour.tables import letters_to_tables, tables_to_letters
from tests.conftest import needs_shared, read_gold, shared_pairs

SHA = "0" * 64


def _letter(**fields: object) -> Letter:
    return Letter.model_validate(
        {"source": {"path": "a.txt", "sha256": SHA, "start": 0, "end": 10}, **fields}
    )


def _message(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return str(exc.value)


@pytest.mark.parametrize("date", ["1999", "1999-11", "1999-11-17", "2026-05-26"])
def test_partial_dates_are_accepted(date: str) -> None:
    assert _letter(date=date).date == date


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("17.11.99", "write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("1999-13", "not a real calendar date"),
        ("1999-02-30", "not a real calendar date"),
        ("99", "write YYYY"),
    ],
)
def test_bad_dates_say_how_to_write_one(date: str, message: str) -> None:
    with pytest.raises(ValidationError) as exc:
        _letter(date=date)
    assert message in _message(exc)


@pytest.mark.parametrize("code", ["GB", "KZ", "YUCS", "CI"])
def test_country_codes_current_and_historic(code: str) -> None:
    assert Party(name="A B", country=code).country == code


@pytest.mark.parametrize("code", ["UK", "gb", "Kazakhstan", "XX"])
def test_bad_country_codes_are_rejected(code: str) -> None:
    with pytest.raises(ValidationError) as exc:
        Party(name="A B", country=code)
    assert "ISO 3166-1 alpha-2" in _message(exc)


def test_language_must_be_iso_639_1() -> None:
    assert _letter(language="kk").language == "kk"
    with pytest.raises(ValidationError) as exc:
        _letter(language="kaz")
    assert "ISO 639-1" in _message(exc)


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        _letter(author="someone")
    assert "Extra inputs are not permitted" in _message(exc)


def test_values_are_not_coerced() -> None:
    with pytest.raises(ValidationError):
        Party(name=12)  # type: ignore[arg-type]


def test_a_party_must_name_something() -> None:
    with pytest.raises(ValidationError) as exc:
        Party(country="KZ")
    assert "at least a name, a role or an organisation" in _message(exc)


def test_empty_strings_are_not_null() -> None:
    with pytest.raises(ValidationError) as exc:
        Party(name="  ")
    assert "use null" in _message(exc)


def test_demand_category_is_exactly_the_guide_list() -> None:
    assert [c.value for c in DemandCategory] == [
        "release_detainees",
        "end_repression",
        "freedom_of_association",
        "right_to_strike_and_assembly",
        "fair_trial",
        "investigate_abuses",
        "legal_reform",
        "international_law",
        "protect_civilians",
        "workers_livelihood",
        "press_freedom",
        "negotiate",
        "democratic_rights",
        "solidarity_action",
        "other",
    ]
    with pytest.raises(ValidationError):
        Demand(text="x", category="freedom")  # type: ignore[arg-type]


def test_flags_must_be_unique_and_in_guide_order() -> None:
    assert _letter(flags=["mojibake", "two-digit-year"]).flags == (Flag.mojibake, Flag.two_digit_year)
    with pytest.raises(ValidationError) as exc:
        _letter(flags=["truncated", "mojibake"])
    assert "guide's order" in _message(exc)


def test_spans_are_ordered() -> None:
    with pytest.raises(ValidationError):
        Span(start=5, end=2)
    with pytest.raises(ValidationError):
        Source(path="a", sha256=SHA, start=5, end=2)
    with pytest.raises(ValidationError):
        Source(path="a", sha256="xyz", start=0, end=2)


def test_models_are_frozen() -> None:
    party = Party(name="A B")
    with pytest.raises(ValidationError):
        party.name = "C"  # type: ignore[misc]


# --- hypothesis: model -> JSON -> model and model -> rows -> model ------------------------------

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and s != ""
)
_opt = st.none() | _text
_span = st.builds(
    lambda a, b: Span(start=min(a, b), end=max(a, b)), st.integers(0, 10**6), st.integers(0, 10**6)
)
_party = st.builds(
    Party,
    name=_text,
    role=_opt,
    organisation=_opt,
    country=st.none() | st.sampled_from(["GB", "KZ", "YUCS"]),
    address=_opt,
    email=_opt,
    phone=_opt,
    span=st.none() | _span,
)
_demand = st.builds(
    Demand, text=_text, category=st.sampled_from(list(DemandCategory)), target=_opt, span=st.none() | _span
)
_flags = st.sets(st.sampled_from(list(Flag))).map(lambda fs: tuple(f for f in Flag if f in fs))


@st.composite
def letters(draw: st.DrawFn, path: str = "a.txt") -> Letter:
    start = draw(st.integers(0, 1000))
    return Letter(
        date=draw(st.none() | st.sampled_from(["1999", "2011-06", "2012-06-27"])),
        place=draw(_opt),
        reference=draw(_opt),
        language=draw(st.none() | st.sampled_from(["en", "ru", "kk"])),
        title=draw(_opt),
        senders=tuple(draw(st.lists(_party, max_size=3))),
        signatories=tuple(draw(st.lists(_party, max_size=3))),
        recipients=tuple(draw(st.lists(_party, max_size=2))),
        copies=tuple(draw(st.lists(_party, max_size=2))),
        contacts=tuple(draw(st.lists(_party, max_size=2))),
        demands=tuple(draw(st.lists(_demand, max_size=4))),
        flags=draw(_flags),
        source=Source(path=path, sha256=SHA, start=start, end=start + draw(st.integers(0, 5000))),
        evidence=Evidence(date=draw(st.none() | _span), title=draw(st.none() | _span)),
    )


@settings(max_examples=60, deadline=None)
@given(letters())
def test_letter_json_round_trip(letter: Letter) -> None:
    assert Letter.model_validate_json(letter.model_dump_json()) == letter
    assert Letter.model_validate(json.loads(json.dumps(letter.to_json_dict()))) == letter


@settings(max_examples=40, deadline=None)
@given(st.lists(letters(), max_size=4))
def test_letters_rows_round_trip(items: list[Letter]) -> None:
    from kzlabour.models.rows import SourceRow

    source = SourceRow(
        file="a.txt",
        sha256=SHA,
        title="t",
        retrieved="2026-01-01",
        language="en",
        rights="r",
        parser_version="1",
    )
    tables = letters_to_tables(items, [source])
    assert tables_to_letters(tables) == items
    assert all(isinstance(row, LetterRow) for row in tables.letters)


@needs_shared
@pytest.mark.parametrize(("text", "gold"), shared_pairs(), ids=[g.stem for _, g in shared_pairs()])
def test_every_gold_letter_is_a_valid_model(text: object, gold: object) -> None:
    from pathlib import Path

    assert isinstance(gold, Path)
    for entry in read_gold(gold):
        assert Letter.model_validate(entry).source.sha256 == entry["source"]["sha256"]
