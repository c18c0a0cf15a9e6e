"""The CLI through a subprocess: output shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, needs_shared

GOLD_KEYS = {
    "date",
    "place",
    "reference",
    "language",
    "title",
    "senders",
    "signatories",
    "recipients",
    "copies",
    "contacts",
    "demands",
    "flags",
    "source",
}


def kz(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kzlabour", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_parse_json_prints_one_list_per_file_and_nothing_else() -> None:
    proc = kz("parse", "--format", "json", "sources/001_0a33f0e0e450462f.txt")
    assert proc.returncode == 0, proc.stderr
    letters = json.loads(proc.stdout)
    assert isinstance(letters, list) and letters
    assert set(letters[0]) >= GOLD_KEYS
    assert set(letters[0]["source"]) == {"path", "sha256", "start", "end"}
    assert letters[0]["source"]["path"] == "001_0a33f0e0e450462f.txt"


@needs_shared
def test_parse_runs_on_every_shared_text() -> None:
    texts = sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("dev/texts/*.txt"))
    for text in texts:
        proc = kz("parse", "--format", "json", str(text))
        assert proc.returncode == 0, f"{text.name}: {proc.stderr}"
        for letter in json.loads(proc.stdout):
            assert set(letter) >= GOLD_KEYS
            assert all({"text", "category", "target"} <= set(d) for d in letter["demands"])


def test_parse_table_format() -> None:
    proc = kz("parse", "--format", "table", "sources/002_21dfb2a97649685c.txt")
    assert proc.returncode == 0
    assert proc.stdout.startswith("letter 1  002_21dfb2a97649685c.txt [")


def test_letters_by_source_are_the_curated_ones() -> None:
    proc = kz("letters", "--format", "json", "--source", "sources/002_21dfb2a97649685c.txt")
    letters = json.loads(proc.stdout)
    assert [x["date"] for x in letters] == ["2011-06-16"]


def test_info_names_version_counts_and_origin() -> None:
    out = kz("info").stdout
    assert "letters 5" in out and "loaded from" in out


def test_build_check_is_clean() -> None:
    proc = kz("build", "--check")
    assert proc.returncode == 0, proc.stderr


def test_validate_repository() -> None:
    proc = kz("validate")
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.strip().endswith("valid")


def test_validate_json_format() -> None:
    report = json.loads(kz("validate", "--format", "json").stdout)
    assert report["ok"] is True


def test_missing_file_is_one_line_error_exit_1(tmp_path: Path) -> None:
    proc = kz("parse", str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "nope.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_binary_file_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02\xff" * 100)
    proc = kz("parse", str(path))
    assert proc.returncode == 1
    assert "blob.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_usage_error_exits_2() -> None:
    assert kz("parse", "--format", "xml", "a.txt").returncode == 2
    assert kz("frobnicate").returncode == 2


def test_build_outside_a_repository_fails_cleanly(tmp_path: Path) -> None:
    proc = kz("build", "--root", str(tmp_path))
    assert proc.returncode == 1
    assert "no sources folder" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [("validate", "/nonexistent"), ("letters", "--package", "/nonexistent")])
def test_bad_paths_are_reported(args: tuple[str, ...]) -> None:
    proc = kz(*args)
    assert proc.returncode == 1
    assert "nonexistent" in (proc.stdout + proc.stderr)
