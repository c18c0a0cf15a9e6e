"""`kzlabour release`: dist/kzlabour-data-VERSION.zip, byte-identical when built twice, loadable, checked."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kzlabour
from kzlabour.errors import KzlabourError
from kzlabour.loader import load
from kzlabour.release import SUMS_NAME, release, zip_bytes
from tests.conftest import ROOT


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """What a release is made from: data, registry, schema, CITATION.cff and the version's source."""
    repo = tmp_path / "repo"
    for name in ("sources", "curation", "datapackage", "schema", "registry"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, repo / name)
    shutil.copy(ROOT / "CITATION.cff", repo / "CITATION.cff")
    (repo / "src" / "kzlabour").mkdir(parents=True)
    (repo / "src" / "kzlabour" / "__init__.py").write_text(f'__version__ = "{kzlabour.__version__}"\n')
    return repo


def test_release_twice_gives_the_same_bytes(checkout: Path, tmp_path: Path) -> None:
    first = release(checkout, tmp_path / "a")
    second = release(checkout, tmp_path / "b")
    assert first.name == second.name == f"kzlabour-data-{kzlabour.__version__}.zip"
    assert first.read_bytes() == second.read_bytes()


def test_the_archive_holds_package_sources_and_checksums(checkout: Path) -> None:
    path = release(checkout)
    assert path == checkout / "dist" / f"kzlabour-data-{kzlabour.__version__}.zip"
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert {"datapackage.json", "letters.csv", "CITATION.cff", SUMS_NAME} <= set(names)
        assert f"sources/{'000_efc21f632b1710fe'}.txt" in names
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zf.infolist())
        sums = zf.read(SUMS_NAME).decode("ascii").splitlines()
        listed = {}
        for line in sums:
            digest, name = line.split("  ", 1)
            listed[name] = digest
        assert set(listed) == set(names) - {SUMS_NAME}
        for name, digest in listed.items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == digest
        assert zf.read("letters.csv") == (ROOT / "datapackage" / "letters.csv").read_bytes()


def test_the_archive_loads_as_a_package(checkout: Path) -> None:
    dataset = load(release(checkout))
    assert dataset.version == kzlabour.__version__
    assert len(dataset.letters) == len(load(ROOT / "datapackage").letters)


def test_a_stale_package_is_not_released(checkout: Path) -> None:
    path = checkout / "datapackage" / "demands.csv"
    path.write_bytes(path.read_bytes() + b"x\n")
    with pytest.raises(KzlabourError, match=r"datapackage/demands\.csv differs from a fresh build"):
        release(checkout)
    assert not (checkout / "dist").exists() or not list((checkout / "dist").iterdir())


def test_the_package_version_must_be_the_project_version(checkout: Path) -> None:
    (checkout / "src" / "kzlabour" / "__init__.py").write_text('__version__ = "9.9.9"\n')
    with pytest.raises(
        KzlabourError,
        match=re.escape(f"version '{kzlabour.__version__}' is not 9.9.9 (run `kzlabour build`)"),
    ):
        release(checkout)
    (checkout / "src" / "kzlabour" / "__init__.py").write_text('__version__ = "9.9"\n')
    with pytest.raises(KzlabourError, match=r"version '9\.9' is not a semantic version"):
        release(checkout)


def test_cli_release_prints_the_archive(checkout: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kzlabour", "release", "--root", str(checkout), "--out", str(checkout / "o")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(checkout / "o" / f"kzlabour-data-{kzlabour.__version__}.zip")


def test_the_wheel_bundles_the_same_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    force = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force["datapackage"] == "kzlabour/_data/datapackage"


def test_changelog_has_a_section_per_version_and_the_current_one() -> None:
    from kzlabour.versions import changelog_versions

    versions = changelog_versions((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert kzlabour.__version__ in versions
    assert len(versions) == len(set(versions))
    descriptor = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == kzlabour.__version__


@settings(max_examples=50, deadline=None)
@given(
    st.dictionaries(
        st.from_regex(r"[a-z0-9_]{1,12}(/[a-z0-9_]{1,12})?\.(txt|csv|json)", fullmatch=True),
        st.binary(max_size=300),
        max_size=8,
    )
)
def test_zip_bytes_are_a_function_of_the_members_only(members: dict[str, bytes]) -> None:
    reordered = dict(reversed(list(members.items())))
    data = zip_bytes(members)
    assert zip_bytes(reordered) == data
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == sorted(members)
        assert {name: zf.read(name) for name in zf.namelist()} == members
