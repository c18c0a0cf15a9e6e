"""`kzlabour export FORMAT OUT` and `kzlabour report OUT/` through a subprocess."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kzlabour.loader import Dataset


def kz(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kzlabour", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_export_sqlite_then_every_other_format(built: Path, dataset: Dataset, tmp_path: Path) -> None:
    package = str(built / "datapackage")
    proc = kz("export", "sqlite", str(tmp_path / "kz.db"), "--package", package, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == f"sqlite: wrote {tmp_path / 'kz.db'}, {tmp_path / 'metadata.json'}"
    assert f"note: letter texts read from {built / 'sources'}" in proc.stdout
    count = sqlite3.connect(tmp_path / "kz.db").execute("SELECT count(*) FROM letters").fetchone()
    assert count == (len(dataset.letters),)

    proc = kz(
        "export", "cmif", "c.xml", "--package", package, "--url", "https://example.org/c.xml", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["cmif: wrote c.xml", f"  {len(dataset.letters)} correspDesc"]

    proc = kz("export", "popolo", "p.json", "--package", package, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads((tmp_path / "p.json").read_text())["persons"]) == len(dataset.people)

    proc = kz("report", "site", "--package", package, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_export_parquet(built: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    proc = kz("export", "parquet", "pq", "--package", str(built / "datapackage"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "pq" / "letters.parquet").is_file()


def test_errors_are_one_line(built: Path, tmp_path: Path) -> None:
    proc = kz("export", "xml", "out", cwd=tmp_path)
    assert proc.returncode == 2 and "invalid choice: 'xml'" in proc.stderr
    proc = kz(
        "export",
        "sqlite",
        "kz.db",
        "--package",
        str(built / "datapackage"),
        "--sources",
        "nowhere",
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert proc.stderr == "kzlabour: error: nowhere: no such sources folder\n"
