"""Dates in every form letters write them."""

from __future__ import annotations

import pytest

from kzlabour.parser.dates import find_dates, month_number


@pytest.mark.parametrize(
    ("text", "iso", "two_digit"),
    [
        ("26.05.2026", "2026-05-26", False),
        ("17.11.99 г.", "1999-11-17", True),
        ("05.03.14/ab/", "2014-03-05", True),
        ("27 June 2012", "2012-06-27", False),
        ("June 27, 2012", "2012-06-27", False),
        ("16th June 2011", "2011-06-16", False),
        ("11th of December 2011", "2011-12-11", False),
        ("27 июня 2012 г.", "2012-06-27", False),
        ("7 декабря 2018 года", "2018-12-07", False),
        ("2012 жылғы 27 маусым", "2012-06-27", False),
        ("2022 ж. 5 қаңтар", "2022-01-05", False),
        ("2019-10-03", "2019-10-03", False),
        ("2015.05.07", "2015-05-07", False),
        ("3 décembre 2015", "2015-12-03", False),
        ("3. März 2015", "2015-03-03", False),
        ("12/23/11, 3:47 PM", "2011-12-23", True),
        ("Wed, 21 Mar 2001 21:06:21 EST", "2001-03-21", False),
        ("June 2011", "2011-06", False),
        ("декабрь 2011 г.", "2011-12", False),
    ],
)
def test_date_forms(text: str, iso: str, two_digit: bool) -> None:
    (found,) = find_dates(text)
    assert (found.iso, found.two_digit_year) == (iso, two_digit)


def test_date_span_quotes_the_date() -> None:
    text = "Brussels, 27 June 2012"
    (found,) = find_dates(text)
    assert text[found.start : found.end] == "27 June 2012"


@pytest.mark.parametrize(
    "text", ["31.02.2012", "45.13.2012", "No. 12 of 2012", "Maybe 2012", "12345.12.2012"]
)
def test_not_dates(text: str) -> None:
    assert [d for d in find_dates(text) if d.precision == 3] == []


def test_month_names_inflect_in_russian_and_kazakh_but_not_in_english() -> None:
    assert month_number("июня") == 6
    assert month_number("маусымда") == 6
    assert month_number("Junes") is None
    assert month_number("марш") is None
