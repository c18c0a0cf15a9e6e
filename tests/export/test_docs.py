"""docs/exports.md: every example runs as it stands (the kzlabour commands and the Python blocks)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOC = ROOT / "docs" / "exports.md"


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_every_export_has_a_section_and_an_example() -> None:
    text = DOC.read_text(encoding="utf-8")
    for heading in ("## SQLite and Datasette", "## CMIF", "## Popolo", "## Parquet", "## A page to look at"):
        assert heading in text
    commands = [line for block in _blocks("sh") for line in block.splitlines() if line.startswith("kzlabour")]
    assert {shlex.split(c)[1:3][0] for c in commands} == {"export", "report"}
    assert {shlex.split(c)[2] for c in commands if "export" in c} == {"sqlite", "cmif", "popolo", "parquet"}


def test_examples_run(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("duckdb")
    kz = [sys.executable, "-m", "kzlabour"]
    for block in _blocks("sh"):
        for line in block.splitlines():
            if not line.startswith("kzlabour"):
                continue
            args = shlex.split(line.split("  #", 1)[0])[1:]
            # run in tmp_path: the outputs land there; the bundled package is the repository's
            proc = subprocess.run([*kz, *args], capture_output=True, text=True, timeout=300, cwd=tmp_path)
            assert proc.returncode == 0, f"{line}: {proc.stderr}"
    for block in _blocks("python"):
        proc = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True, cwd=tmp_path)
        assert proc.returncode == 0, f"{block}: {proc.stderr}"
    assert (tmp_path / "kzlabour.db").is_file() and (tmp_path / "report" / "index.html").is_file()
