"""`kzlabour diff OLD NEW`: rows added, removed and changed, schema changes, and the bump they require."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlabour.contribute import add_source
from kzlabour.diff import diff_packages, open_package
from kzlabour.errors import PackageError
from kzlabour.package import build
from kzlabour.release import release_members, zip_bytes
from kzlabour.versions import bump_of, satisfies
from tests.conftest import ROOT

Descriptor = dict[str, Any]


@pytest.fixture
def data_repo(repo: Path) -> Path:
    """The `repo` copy with the registry too: a build of it gives the committed package."""
    if (ROOT / "registry").is_dir() and not (repo / "registry").exists():
        shutil.copytree(ROOT / "registry", repo / "registry")
    return repo


def package_copy(tmp_path: Path, name: str) -> Path:
    return Path(shutil.copytree(ROOT / "datapackage", tmp_path / name))


def edit_schema(folder: Path, resource: str, change: Callable[[Descriptor], None]) -> None:
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    res = next(r for r in descriptor["resources"] if r["name"] == resource)
    change(res["schema"])
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def field(schema: Descriptor, name: str) -> Descriptor:
    found: Descriptor = next(f for f in schema["fields"] if f["name"] == name)
    return found


def test_identical_packages_need_no_bump(tmp_path: Path) -> None:
    diff = diff_packages(ROOT / "datapackage", package_copy(tmp_path, "new"))
    assert diff.bump == "none"
    assert not diff.schema and not any(diff.resources.values())
    assert diff.render().splitlines()[-1] == "required version bump: none"


def test_a_new_letter_is_new_data_minor(data_repo: Path, tmp_path: Path) -> None:
    repo = data_repo
    old = package_copy(tmp_path, "old")
    text = tmp_path / "letter.txt"
    text.write_text(
        "Almaty, 3 May 2024\n\nTo the Akim of Almaty\n\nWe demand the release of the detained strikers.\n\n"
        "Kazakhstan Workers' Union\n",
        encoding="utf-8",
    )
    added = add_source(text, url="https://example.org/x", root=repo)
    build(repo)
    diff = diff_packages(old, repo / "datapackage")
    stem = Path(added.name).stem
    assert diff.resources["letters"].added == [f"{stem}/1"]
    assert diff.resources["sources"].added == [added.name]
    assert [k for k in diff.resources["demands"].added] == [f"{stem}/1 | 1"]
    assert diff.bump == "minor"
    assert f"  + {stem}/1" in diff.render()


def test_a_corrected_value_is_a_patch(data_repo: Path, tmp_path: Path) -> None:
    repo = data_repo
    old = package_copy(tmp_path, "old")
    curation = repo / "curation" / "000_efc21f632b1710fe.yaml"
    curation.write_text(curation.read_text(encoding="utf-8").replace("place: Astana", "place: Nur-Sultan"))
    build(repo)
    diff = diff_packages(old, repo / "datapackage")
    # a curated value has no evidence span
    assert diff.resources["letters"].changed == {
        "000_efc21f632b1710fe/1": ["place", "place_end", "place_start"]
    }
    assert diff.bump == "patch"


def test_a_withdrawn_letter_is_a_correction(tmp_path: Path) -> None:
    old, new = package_copy(tmp_path, "old"), package_copy(tmp_path, "new")
    demands = new / "demands.csv"
    lines = demands.read_text(encoding="utf-8").splitlines(keepends=True)
    demands.write_text("".join(lines[:-1]), encoding="utf-8")
    diff = diff_packages(old, new)
    assert len(diff.resources["demands"].removed) == 1
    assert diff.bump == "patch"


def _remove(schema: Descriptor) -> None:
    schema["fields"] = [f for f in schema["fields"] if f["name"] != "place"]


def _rename(schema: Descriptor) -> None:
    field(schema, "place")["name"] = "city"


def _retype(schema: Descriptor) -> None:
    field(schema, "order")["type"] = "string"


def _add_optional(schema: Descriptor) -> None:
    schema["fields"].append({"name": "summary", "type": "string"})


def _add_required(schema: Descriptor) -> None:
    schema["fields"].append({"name": "summary", "type": "string", "constraints": {"required": True}})


def _now_required(schema: Descriptor) -> None:
    field(schema, "place").setdefault("constraints", {})["required"] = True


def _drop_enum_value(schema: Descriptor) -> None:
    enum = field(schema, "language")["constraints"]["enum"]
    enum.remove("kk")


def _add_enum_value(schema: Descriptor) -> None:
    field(schema, "language")["constraints"]["enum"].append("xx")


def _reword(schema: Descriptor) -> None:
    field(schema, "place")["description"] = "where the letter was written"


def _key(schema: Descriptor) -> None:
    schema["primaryKey"] = ["source", "order"]


@pytest.mark.parametrize(
    ("change", "expected", "bump"),
    [
        (_remove, "letters.place: field removed (major)", "major"),
        (_rename, "letters.place: field renamed to 'city' (major)", "major"),
        (_retype, "letters.order: retyped integer -> string (major)", "major"),
        (_add_optional, "letters.summary: optional field added (minor)", "minor"),
        (_add_required, "letters.summary: required field added (major)", "major"),
        (_now_required, "letters.place: now required (major)", "major"),
        (_drop_enum_value, "letters.language: enum values removed: kk (major)", "major"),
        (_add_enum_value, "letters.language: enum values added: xx (minor)", "minor"),
        (_reword, "letters.place: description or title changed (patch)", "patch"),
        (_key, "letters: primary key changed (major)", "major"),
    ],
    ids=lambda v: v.__name__ if callable(v) else None,
)
def test_schema_changes_and_their_bump(
    tmp_path: Path, change: Callable[[Descriptor], None], expected: str, bump: str
) -> None:
    new = package_copy(tmp_path, "new")
    edit_schema(new, "letters", change)
    diff = diff_packages(ROOT / "datapackage", new)
    assert [c.text() for c in diff.schema] == [expected]
    assert diff.bump == bump
    assert f"required version bump: {bump}" in diff.render()


def test_resources_added_and_removed(tmp_path: Path) -> None:
    old, new = package_copy(tmp_path, "old"), package_copy(tmp_path, "new")
    path = new / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "demands"]
    path.write_text(json.dumps(descriptor))
    diff = diff_packages(old, new)
    assert [c.text() for c in diff.schema] == ["demands: resource removed (major)"]
    assert diff.resources["demands"].removed
    diff = diff_packages(new, old)
    assert [c.text() for c in diff.schema] == ["demands: resource added (minor)"]
    assert diff.bump == "minor"


def test_json_rendering(tmp_path: Path) -> None:
    new = package_copy(tmp_path, "new")
    edit_schema(new, "letters", _add_optional)
    data = json.loads(diff_packages(ROOT / "datapackage", new).render("json"))
    assert data["bump"] == "minor"
    assert data["schema"] == [{"resource": "letters", "field": "summary", "change": "optional field added",
                               "bump": "minor"}]  # fmt: skip


def test_zips_folders_and_git_refs_are_accepted(tmp_path: Path) -> None:
    archive = tmp_path / "pkg.zip"
    archive.write_bytes(zip_bytes(release_members(ROOT)))
    with (
        open_package(archive) as a,
        open_package(ROOT) as b,
        open_package(ROOT / "datapackage" / "datapackage.json") as c,
    ):
        assert diff_packages(a, b).bump == "none"
        assert c == ROOT / "datapackage"
    repo = tmp_path / "git"
    shutil.copytree(ROOT / "datapackage", repo / "datapackage")
    cfg = ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgSign=false"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "x"], ["tag", "v1.0.0"]):
        subprocess.run(["git", *cfg, *args], cwd=repo, check=True, capture_output=True)
    edit_schema(repo / "datapackage", "letters", _remove)
    proc = subprocess.run(
        [sys.executable, "-m", "kzlabour", "diff", "v1.0.0", "."], cwd=repo, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "required version bump: major"


def test_something_that_is_no_package(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="neither a package folder"), open_package(tmp_path):
        pass
    proc = subprocess.run(
        [sys.executable, "-m", "kzlabour", "diff", "no-such-ref", str(ROOT)],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 1 and "no-such-ref" in proc.stderr


@pytest.mark.parametrize(
    ("old", "new", "bump"),
    [("0.1.0", "0.1.0", "none"), ("0.1.0", "0.1.1", "patch"), ("1.2.3", "1.3.0", "minor"),
     ("1.2.3", "2.0.0", "major"), ("1.2.3", "1.2.2", "downgrade")],
)  # fmt: skip
def test_bump_of(old: str, new: str, bump: str) -> None:
    assert bump_of(old, new) == bump


def test_satisfies() -> None:
    assert satisfies("1.2.3", "2.0.0", "major") and not satisfies("1.2.3", "1.3.0", "major")
    assert satisfies("0.1.0", "0.2.0", "major")  # below 1.0.0 a minor bump may break
    assert satisfies("1.0.0", "1.0.1", "patch") and not satisfies("1.0.0", "1.0.0", "patch")
    assert satisfies("1.0.0", "1.0.0", "none") and not satisfies("1.0.1", "1.0.0", "none")


_versions = st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30))


@settings(max_examples=200, deadline=None)
@given(_versions, _versions, st.sampled_from(["none", "patch", "minor", "major"]))
def test_bumps_are_ordered_like_versions(a: tuple[int, int, int], b: tuple[int, int, int], need: str) -> None:
    old, new = ".".join(map(str, a)), ".".join(map(str, b))
    kind = bump_of(old, new)
    assert (kind == "downgrade") == (b < a) and (kind == "none") == (a == b)
    if satisfies(old, new, need):  # type: ignore[arg-type]
        assert b >= a and (need == "none" or b > a)
    if kind == "major" or (kind == "minor" and a[0] == 0):
        assert satisfies(old, new, "major")
