"""`kzlabour parse` on hostile files, through the CLI in a subprocess: a one-line error or a right result.

Never a traceback, never an "unexpected" error, never a hang: each case ends
within a generous time limit in either a clean exit with JSON letters or exit 1
with one line on stderr naming the file and the problem.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.hostile_texts import SAME_AS_UTF8, hostile_texts

TIME_LIMIT = 120  # seconds per command: generous, a hang or a quadratic blow-up is far beyond it
BIG = {"KZLABOUR_MAX_SOURCE_BYTES": "5000000"}  # let the 2 MB cases reach the parser


def kz(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kzlabour", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=TIME_LIMIT,
        env={**os.environ, **(env or {})},
    )


def one_line_error(proc: subprocess.CompletedProcess[str], name: str) -> str:
    """The single stderr line of a clean failure, checked to name the file."""
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr[-2000:]
    assert lines[0].startswith("kzlabour: error: "), lines[0]
    assert name in lines[0], lines[0]
    return lines[0]


def parsed(proc: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr == ""
    letters: list[dict[str, Any]] = json.loads(proc.stdout)
    assert isinstance(letters, list)
    return letters


def _without_provenance(letters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in letter.items() if k != "source"} for letter in letters]


# What each hostile case must give: letters (a list, maybe empty) or an error naming the problem.
EXPECTED_ERRORS = {
    "binary": "binary, not text",
    "nul-bytes": "binary, not text",
}


@pytest.mark.parametrize("case", sorted(hostile_texts()))
def test_parse_hostile_file(tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.txt"
    path.write_bytes(hostile_texts()[case])
    proc = kz("parse", "--format", "json", str(path), env=BIG)
    if case in EXPECTED_ERRORS:
        assert EXPECTED_ERRORS[case] in one_line_error(proc, path.name)
        return
    letters = parsed(proc)
    if case in ("empty", "whitespace", "2mb-line", "deep-quotes", "binary"):
        assert letters == []
    for letter in letters:
        assert letter["source"]["path"] == path.name
        assert 0 <= letter["source"]["start"] < letter["source"]["end"]


@pytest.mark.parametrize("case", sorted(SAME_AS_UTF8))
def test_other_encodings_parse_like_utf8(tmp_path: Path, case: str) -> None:
    """A BOM, UTF-16, cp1251 or koi8-r copy holds the same text, so the same letters and spans."""
    plain = tmp_path / "plain.txt"
    plain.write_text(SAME_AS_UTF8[case], encoding="utf-8")
    other = tmp_path / f"{case}.txt"
    other.write_bytes(hostile_texts()[case])
    expected = parsed(kz("parse", "--format", "json", str(plain)))
    assert expected, "the plain letter parses to at least one letter"
    assert _without_provenance(parsed(kz("parse", "--format", "json", str(other)))) == _without_provenance(
        expected
    )


def _fields(letters: list[dict[str, Any]]) -> list[Any]:
    """What a letter says, without offsets (line ends change every offset after them)."""
    return [
        (
            letter["date"],
            [p["name"] for p in letter["senders"] + letter["signatories"] + letter["recipients"]],
            [d["category"] for d in letter["demands"]],
        )
        for letter in letters
    ]


@pytest.mark.parametrize("case", ["crlf", "lone-cr"])
def test_line_ends_do_not_change_what_is_found(tmp_path: Path, case: str) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_bytes(hostile_texts()[case].replace(b"\r\n", b"\n").replace(b"\r", b"\n"))
    other = tmp_path / f"{case}.txt"
    other.write_bytes(hostile_texts()[case])
    expected = parsed(kz("parse", "--format", "json", str(plain)))
    got = parsed(kz("parse", "--format", "json", str(other)))
    assert _fields(got) == _fields(expected)
    text = other.read_bytes().decode("utf-8")
    for letter in got:  # spans index the text as stored, line ends included
        assert text[letter["source"]["start"] : letter["source"]["end"]].strip()


def test_file_over_the_default_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"We demand. " * 100_000)  # 1,100,000 bytes: over the default 1,000,000
    line = one_line_error(kz("parse", str(path)), "big.txt")
    assert "over the 1000000-byte limit for a source text" in line
    assert "KZLABOUR_MAX_SOURCE_BYTES" in line


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_bytes(b"To the Minister.\nWe demand the release of the strikers.\n")
    assert "over the 20-byte limit" in one_line_error(
        kz("parse", str(path), env={"KZLABOUR_MAX_SOURCE_BYTES": "20"}), "small.txt"
    )
    assert parsed(kz("parse", str(path), env={"KZLABOUR_MAX_SOURCE_BYTES": "100"})) is not None
    proc = kz("parse", str(path), env={"KZLABOUR_MAX_SOURCE_BYTES": "lots"})
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "kzlabour: error: KZLABOUR_MAX_SOURCE_BYTES='lots': not a positive whole number of bytes"
    ]


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("missing.txt", "cannot be read (No such file or directory)"),
        (".", "is not a regular file"),
        ("/dev/zero", "is not a regular file"),
    ],
)
def test_not_a_text_file(tmp_path: Path, target: str, problem: str) -> None:
    path = target if target.startswith("/") else str(tmp_path / target)
    line = one_line_error(kz("parse", path), Path(path).name or path)
    assert problem in line


def test_symlink_to_a_text_parses_like_the_text(tmp_path: Path) -> None:
    """`parse` reads any file a user names (a symlink is the user's choice); `build` refuses links."""
    text = tmp_path / "letter.txt"
    text.write_bytes(hostile_texts()["utf8-bom"])
    link = tmp_path / "link.txt"
    link.symlink_to(text)
    assert _without_provenance(parsed(kz("parse", str(link)))) == _without_provenance(
        parsed(kz("parse", str(text)))
    )
