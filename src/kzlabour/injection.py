"""CSV injection: cells a spreadsheet would execute as a formula, reported and never altered.

A cell is reported when, as OWASP describes, it starts with `=`, `@`, or `+`/`-`
followed by formula text (a leading tab or carriage return, or the full-width
forms of these characters, do not hide it). A phone number (`+7 701 123 45 67`,
`+1 (202) 555-0100`), a number (`-5`, `+1.5`) or a lone dash is not a formula.

Policy: the data stays exactly as the source text has it, since every value is
evidence with a span in that text; prefixing a quote would corrupt it for every
tool that is not a spreadsheet. `kzlabour validate` lists such cells as
warnings so that a curator can check them and a reader knows to open the CSV
as text.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from kzlabour.report import Problem

__all__ = ["CODE", "formula_problems", "is_formula"]

CODE = "csv-formula"
_NUMBER_OR_PHONE = re.compile(r"[+-]?[ \u00a0]*[\d(][\d \u00a0().,/-]*")
_PLAIN_DASHES = re.compile(r"[+-]+")
_LEADING = "\t\r\n"


@lru_cache(maxsize=4096)
def _formula_head(char: str) -> bool:
    """Whether a cell starting with `char` may be a formula: = @ + - in any form (full-width, small,
    superscript: whatever NFKC folds onto them). Cells start with few distinct characters."""
    return unicodedata.normalize("NFKC", char) in ("=", "@", "+", "-")


def _may_be_formula(cell: str) -> bool:
    """A cheap necessary condition of `is_formula`: most cells fail it at their first character."""
    head = cell[0]
    if head in _LEADING:
        stripped = cell.lstrip(_LEADING)
        return bool(stripped) and _formula_head(stripped[0])
    return _formula_head(head)


def is_formula(cell: str) -> bool:
    """Whether a spreadsheet opening the CSV would take this cell as a formula (OWASP rules)."""
    text = cell.lstrip(_LEADING)
    if not text:
        return False
    head = unicodedata.normalize("NFKC", text[0])
    if head in ("=", "@"):
        return len(text) > 1 or cell != text
    if head not in ("+", "-"):
        return False
    rest = (head + text[1:]).rstrip()
    return not (_NUMBER_OR_PHONE.fullmatch(rest) or _PLAIN_DASHES.fullmatch(rest))


def formula_problems(folder: Path) -> list[Problem]:
    """One warning per cell of the package's CSV files that a spreadsheet would run as a formula."""
    problems = []
    for path in _csv_files(folder):
        for row, column, cell in _cells(path):
            if _may_be_formula(cell) and is_formula(cell):
                shown = cell if len(cell) <= 40 else cell[:37] + "..."
                problems.append(
                    Problem(
                        CODE,
                        str(path),
                        f"column {column}: {shown!r} would run as a formula in a spreadsheet",
                        line=row,
                        hint="kept as the source has it; open the CSV as text, or correct it at its source",
                        severity="warning",
                    )
                )
    return problems


def _csv_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.csv") if p.is_file() and not p.is_symlink())


def _cells(path: Path) -> Iterator[tuple[int, str, str]]:
    """(row number as frictionless counts it, column name, cell) for every non-empty cell."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            for n, record in enumerate(reader, start=2):
                for column, cell in zip(header, record, strict=False):
                    if cell:
                        yield n, column, cell
    except (OSError, UnicodeDecodeError, csv.Error):
        return  # unreadable files are reported by the package validation itself
