"""Who a letter is about (parse/about.py), on the seeds, on texts of the forms it reads, and the CLI."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlabour.cli import main
from kzlabour.parser import parse, parse_file
from tests.conftest import ROOT, SHARED, needs_shared


def _about(text: str) -> list[dict[str, Any]]:
    letters = parse(text)
    return [p.model_dump(exclude_none=True, exclude={"span"}) for letter in letters for p in letter.about]


def test_the_seed_002_is_about_the_detainee_the_victim_and_the_company() -> None:
    letters = parse_file(ROOT / "sources" / "002_21dfb2a97649685c.txt")
    text = (ROOT / "sources" / "002_21dfb2a97649685c.txt").read_text(encoding="utf-8")
    about = letters[0].about
    assert [(p.name, p.organisation) for p in about] == [
        ("Natalia Sokolova", None),  # the release demand; "Sokolava" in the body is the same woman
        ("Aisula Amangeldieva", None),
        (None, "KazMunauGaz"),
    ]
    for party in about:
        assert party.span is not None
        assert text[party.span.start : party.span.end] == (party.name or party.organisation)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "To the President\n\nWe demand the immediate release of Erlan Baltabay and Amin Eleusinov.\n\n"
            "Yours,\nJohn Smith",
            [{"name": "Erlan Baltabay"}, {"name": "Amin Eleusinov"}],
        ),
        (
            "Dear Minister,\n\nThe union lawyer, Natalia Sokolova, remains in prison. Roza Tuletayeva was "
            "sentenced to seven years. The strikers of Ozenmunaigas have been dismissed.\n\n"
            "Sincerely,\nX Union",
            [{"name": "Natalia Sokolova"}, {"name": "Roza Tuletayeva"}, {"organisation": "Ozenmunaigas"}],
        ),
        (
            "Министру внутренних дел\n\nМы требуем освобождения Натальи Соколовой.\n\nПрофсоюз",
            [{"name": "Наталья Соколова"}],
        ),
        (
            "To the Embassy\n\nWe protest. Workers employed by Tengizchevroil are on strike in Atyrau.\n"
            "We demand negotiations.\n\nThe Union",
            [{"organisation": "Tengizchevroil"}],
        ),
        (
            "To the Akim\n\nWe demand an end to the repression of the workers of Jambul and Uralsk."
            "\n\nThe Union",
            [],
        ),
    ],
)
def test_about_is_read_from_release_demands_and_the_body(text: str, expected: list[dict[str, Any]]) -> None:
    assert _about(text) == expected


@needs_shared
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("300_socialismkz-venezuela-letter", ["Наталья Соколова"]),
        ("206_hands-off-ukteshbayev-open-letter", ["Esenbek Ukteshbayev"]),
        ("218_pame-federations-joint-statement", []),
    ],
)
def test_about_on_the_dev_texts(name: str, expected: list[str]) -> None:
    path = SHARED / "dev" / "texts" / f"{name}.txt"
    found = [p.name or p.organisation for letter in parse_file(path) for p in letter.about]
    assert found == expected


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_about_never_raises_and_its_spans_quote_the_text(text: str) -> None:
    for letter in parse(text):
        for party in letter.about:
            assert party.span is not None
            quoted = text[party.span.start : party.span.end]
            assert quoted.strip()


def test_cli_entities_lists_the_package(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities"]) == 0
    lines = capsys.readouterr().out.splitlines()
    ituc = ["ituc", "organisation", "International Trade Union Confederation", "-", "union-confederation"]
    assert "\t".join([*ituc, "1 letters", "curated"]) in lines
    assert any(
        line.startswith("nursultan-nazarbayev\tperson\tNursultan Nazarbayev\tKZ\t-\t3 letters")
        for line in lines
    )


def test_cli_entities_unresolved_reports_nothing_for_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", "--unresolved", "--root", str(ROOT)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err == "0 mentions need a decision (decide in registry/ with other_names or distinct_from)\n"
    )
