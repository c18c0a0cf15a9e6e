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
from pathlib import Path

from kzlabour.report import Problem

__all__ = ["CODE", "formula_problems", "is_formula"]

CODE = "csv-formula"
_NUMBER_OR_PHONE = re.compile(r"[+-]?[ \u00a0]*[\d(][\d \u00a0().,/-]*")
_PLAIN_DASHES = re.compile(r"[+-]+")
# Where a formula cell can start: after a delimiter or line break, maybe quoted, maybe after tab/CR.
_CANDIDATE = re.compile(r'(?:^|[,\n])"?[\t\r]*[=@+\-\uff1d\uff20\uff0b\uff0d]')


def is_formula(cell: str) -> bool:
    """Whether a spreadsheet opening the CSV would take this cell as a formula (OWASP rules)."""
    text = cell.lstrip("\t\r\n")
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
            if is_formula(cell):
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
            if not _CANDIDATE.search(fh.read()):
                return  # most files: no cell can start like a formula, skip the per-cell pass
            fh.seek(0)
            reader = csv.reader(fh)
            header = next(reader, [])
            for n, record in enumerate(reader, start=2):
                for column, cell in zip(header, record, strict=False):
                    if cell:
                        yield n, column, cell
    except (OSError, UnicodeDecodeError, csv.Error):
        return  # unreadable files are reported by the package validation itself
