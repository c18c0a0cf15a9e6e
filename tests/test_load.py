"""load(): bundled, folder, datapackage.json, zip; untrusted packages refused; wheel install."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import kzlabour
from kzlabour.errors import PackageError
from tests.conftest import ROOT


@pytest.fixture
def package(tmp_path: Path) -> Path:
    folder = tmp_path / "pkg"
    shutil.copytree(ROOT / "datapackage", folder)
    return folder


def test_folder_json_and_zip_give_the_same_letters(package: Path, tmp_path: Path) -> None:
    bundled = kzlabour.load().letters
    assert kzlabour.load(package).letters == bundled
    assert kzlabour.load(package / "datapackage.json").letters == bundled
    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in sorted(package.iterdir()):
            zf.write(f, f"kzlabour-data/{f.name}")
    loaded = kzlabour.load(archive)
    assert loaded.letters == bundled
    assert loaded.origin == str(archive)


def test_zip_slip_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../evil.txt", "x")
    with pytest.raises(PackageError, match="points outside the archive"):
        kzlabour.load(archive)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("datapackage.json", b"0" * 5_000_000)
    with pytest.raises(PackageError, match="zip bomb"):
        kzlabour.load(archive)


@pytest.mark.parametrize("path", ["../letters.csv", "/etc/passwd", "https://example.org/letters.csv"])
def test_resource_paths_must_stay_inside(package: Path, path: str) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text())
    descriptor["resources"][1]["path"] = path
    (package / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(PackageError, match="leaves the package; refused"):
        kzlabour.load(package)


def test_bad_row_names_file_and_row(package: Path) -> None:
    csv = package / "demands.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[3] = "freedom"
    lines[1] = ",".join(cells)
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PackageError, match=r"demands\.csv:2: category"):
        kzlabour.load(package)


def test_bad_json_descriptor(package: Path) -> None:
    (package / "datapackage.json").write_text("{not json")
    with pytest.raises(PackageError, match="not a readable JSON descriptor"):
        kzlabour.load(package)


def test_missing_path() -> None:
    with pytest.raises(PackageError, match="no such file or folder"):
        kzlabour.load("/nonexistent/package")


@pytest.mark.slow
def test_wheel_install_loads_outside_the_repository(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("kzlabour-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        assert "kzlabour/_data/datapackage/datapackage.json" in zf.namelist()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-c", str(ROOT / "constraints.txt")]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True)
    code = "import kzlabour; ds = kzlabour.load(); print(len(ds.letters), ds.letters[0].date, ds.origin)"
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    out = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
        env=clean_env,
    ).stdout.split()
    assert out[:2] == ["5", "2026-05-26"]
    assert "site-packages/kzlabour/_data/datapackage" in out[2]
