"""Country names, adjectives and abbreviations to ISO codes (ANNOTATION-DECISIONS §13)."""

from __future__ import annotations

import pytest

from kzlabour.parser.countries import city_country, country_code, find_country, is_international


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Switzerland", "CH"),
        ("Suisse", "CH"),
        ("Swiss", "CH"),
        ("Chine", "CN"),
        ("GB", "GB"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("Russia", "RU"),
        ("South Africa", "ZA"),
        ("Congo", "CG"),
        ("Yugoslavia", "YUCS"),
        ("Greek", "GR"),
        ("Polish", "PL"),
        ("Norway", "NO"),
        ("Германия", "DE"),
        ("Қазақстан", "KZ"),
        ("Republic of Kazakhstan", "KZ"),
        ("C?te d’Ivoire", "CI"),  # a lost character does not block the mapping
        ("?аза?стан", "KZ"),
    ],
)
def test_country_code(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["", "unionist", "in", "Labour Party", "SG"])
def test_not_a_country(name: str) -> None:
    assert country_code(name) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Federation of Trade Unions of the Republic of Kazakhstan", "KZ"),
        ("Greek secondary school teachers' union", "GR"),
        ("в Венесуэле", "VE"),  # a case ending on a Russian country name
        ("Қазақстан Республикасының Президенті", "KZ"),  # and on a Kazakh one
        ("PENSIONERS FEDERATION OF GREECE", "GR"),
        ("FEDERATION OF WORKERS IN CONSTRUCTIONS", None),  # "IN" in capitals is no India
        ("Member of the EC Labor Movement", None),  # nor "EC" Ecuador
    ],
)
def test_find_country(text: str, code: str | None) -> None:
    assert find_country(text) == code


def test_city_and_international() -> None:
    assert city_country("London") == "GB"
    assert is_international("International Trade Union Confederation")
    assert is_international("13th International Meeting of Communist and Workers’ Parties")
    assert not is_international("Labor Movement of Kazakhstan")
