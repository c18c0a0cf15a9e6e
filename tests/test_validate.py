"""`kzlabour validate`: every problem at once, formats, incremental drift, release checks, CI wiring."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import kzlabour
from kzlabour.package import build
from kzlabour.validation import validate
from tests.conftest import ROOT

# The command CI and the pre-commit hook run; this test runs it too (see test_workflow_*).
VALIDATE_COMMAND = "kzlabour validate --format github"
S0, S2 = "000_efc21f632b1710fe", "002_21dfb2a97649685c"

# The checks are about whatever version the project is at; the tests plant faults relative to it.
VERSION = kzlabour.__version__
_MAJOR, _MINOR, _PATCH = (int(x) for x in VERSION.split("."))
NEXT_PATCH = f"{_MAJOR}.{_MINOR}.{_PATCH + 1}"


def copy_repo(tmp_path: Path) -> Path:
    for name in ("sources", "curation", "datapackage", "schema", "registry"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("CHANGELOG.md", "CITATION.cff"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "tag.gpgSign=false",
         "-c", "commit.gpgSign=false", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path)
    (repo / "sources" / "ghost.yaml").write_text("title: x\n")
    (repo / "sources" / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf-8")
    (repo / "curation" / f"{S2}.yaml").write_text(
        f"source: {S2}.txt\nletters: [{{letter: 1, set: {{x: 1}}}}]\n"
    )
    report = validate(repo)
    codes = {p.code for p in report.errors}
    assert {"sidecar-orphan", "source-not-utf8", "sidecar-missing", "curation-unknown-field"} <= codes
    assert report.render().splitlines()[-1].endswith(f"{len(report.errors)} errors")


def test_json_and_github_formats(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path)
    (repo / "sources" / "ghost.yaml").write_text("title: x\n")
    report = validate(repo)
    data = json.loads(report.render("json"))
    assert data["ok"] is False
    assert {"code": "sidecar-orphan", "file": "sources/ghost.yaml"}.items() <= data["problems"][0].items()
    assert report.render("github").startswith("::error file=sources/ghost.yaml,title=sidecar-orphan::")


def test_drift_reparses_only_what_changed(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path)
    assert "drift (0 of 4 texts parsed)" in validate(repo).checked
    assert "drift (4 of 4 texts parsed)" in validate(repo, full=True).checked
    curation = repo / "curation" / f"{S2}.yaml"
    curation.write_text(curation.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    report = validate(repo)
    assert "drift (1 of 4 texts parsed)" in report.checked
    assert [p.file for p in report.errors] == ["datapackage/sources.csv"]  # the curation's hash moved
    build(repo)
    assert validate(repo).ok


def test_a_new_parser_version_reparses_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kzlabour.parser

    repo = copy_repo(tmp_path)
    monkeypatch.setattr(kzlabour.parser, "PARSER_VERSION", "999.0.0")
    report = validate(repo)
    assert "drift (4 of 4 texts parsed)" in report.checked
    assert {p.file for p in report.errors} == {"datapackage/sources.csv"}


_STAMPED = "drift: datapackage/ is what the last build of these inputs wrote"


def test_after_a_build_validate_trusts_its_stamp_until_anything_changes(tmp_path: Path) -> None:
    """A build leaves a local stamp; validate then skips the rebuild, and any change to an input
    or to the package (even one byte of a CSV) sends it back to the full comparison."""
    repo = copy_repo(tmp_path)
    assert _STAMPED not in validate(repo).checked  # a fresh clone has no stamp
    build(repo)
    report = validate(repo)
    assert _STAMPED in report.checked and report.ok
    letters = repo / "datapackage" / "letters.csv"
    original = letters.read_bytes()
    letters.write_bytes(original.replace(b"2012", b"2013", 1))
    report = validate(repo)
    assert _STAMPED not in report.checked
    assert "datapackage/letters.csv" in {p.file for p in report.errors}
    letters.write_bytes(original)
    assert _STAMPED in validate(repo).checked
    sidecar = repo / "sources" / f"{S0}.yaml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "# checked again\n", encoding="utf-8")
    assert _STAMPED not in validate(repo).checked
    build(repo)
    assert _STAMPED in validate(repo).checked
    (repo / "registry" / "people" / "someone-new.yaml").write_text("id: someone-new\nname: Someone New\n")
    assert _STAMPED not in validate(repo).checked


def test_a_stamp_is_keyed_on_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kzlabour.buildstamp

    repo = copy_repo(tmp_path)
    build(repo)
    assert _STAMPED in validate(repo).checked
    monkeypatch.setattr(kzlabour.buildstamp, "_environment", lambda: "another version of the code")
    assert _STAMPED not in validate(repo).checked


def test_a_build_without_cache_leaves_no_stamp(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path)
    build(repo, cache=False)
    assert not (repo / ".kzlabour-cache" / "builds").exists()
    assert _STAMPED not in validate(repo).checked


def test_a_package_folder_is_validated_alone(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "datapackage", tmp_path / "pkg")
    assert validate(tmp_path / "pkg").ok
    assert validate(tmp_path / "pkg" / "datapackage.json").ok
    report = validate(tmp_path / "nothing")
    assert report.problems[0].message == "is neither a kzlabour repository nor a data package folder"


def test_without_a_tag_the_version_needs_its_changelog_entry(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path)
    git(repo, "init", "-q")
    assert validate(repo).ok
    changelog = repo / "CHANGELOG.md"
    changelog.write_text(changelog.read_text(encoding="utf-8").replace(f"## [{VERSION}]", "## [0.0.0]"))
    problems = [p for p in validate(repo).errors if p.code == "release-changelog-missing"]
    assert [p.message for p in problems] == [f"has no `## [{VERSION}]` section"]


def _tagged(tmp_path: Path) -> Path:
    repo = copy_repo(tmp_path)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "release")
    git(repo, "tag", f"v{VERSION}")
    return repo


def _bump(repo: Path, version: str) -> None:
    for name in ("CITATION.cff",):
        path = repo / name
        path.write_text(
            path.read_text(encoding="utf-8").replace(f"version: {VERSION}", f"version: {version}")
        )
    path = repo / "datapackage" / "datapackage.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = version
    path.write_text(json.dumps(data))


def test_changed_data_needs_a_version_bump_against_the_latest_tag(tmp_path: Path) -> None:
    repo = _tagged(tmp_path)
    assert validate(repo).ok  # nothing changed since the tag
    (repo / "datapackage" / "letters.csv").write_text(
        (repo / "datapackage" / "letters.csv").read_text(encoding="utf-8").replace("Astana", "Nur-Sultan")
    )
    report = validate(repo)
    bump = [p for p in report.errors if p.code == "release-version-not-bumped"]
    assert len(bump) == 1
    assert bump[0].message == (
        f"data or schema changed since v{VERSION} ({VERSION}) in a way that needs a patch bump, "
        f"but the version is {VERSION}"
    )
    assert "changelog" not in " ".join(p.code for p in report.errors)


def test_a_bump_with_its_changelog_entry_passes_the_release_check(tmp_path: Path) -> None:
    repo = _tagged(tmp_path)
    letters = repo / "datapackage" / "letters.csv"
    letters.write_text(letters.read_text(encoding="utf-8").replace("Astana", "Nur-Sultan"))
    _bump(repo, NEXT_PATCH)
    (repo / "src" / "kzlabour").mkdir(parents=True)
    (repo / "src" / "kzlabour" / "__init__.py").write_text(f'__version__ = "{NEXT_PATCH}"\n')
    codes = {p.code for p in validate(repo, against=f"v{VERSION}").errors}
    assert "release-version-not-bumped" not in codes
    assert "release-changelog-missing" in codes
    changelog = repo / "CHANGELOG.md"
    changelog.write_text(
        changelog.read_text().replace("## [Unreleased]", f"## [Unreleased]\n\n## [{NEXT_PATCH}]")
    )
    codes = {p.code for p in validate(repo, against=f"v{VERSION}").errors}
    assert not {c for c in codes if c.startswith("release")}


def test_an_unknown_base_is_reported(tmp_path: Path) -> None:
    repo = _tagged(tmp_path)
    problems = [p for p in validate(repo, against="no-such-ref").errors if p.code == "release-base"]
    assert problems and problems[0].file == "no-such-ref"
    assert "no datapackage/ at this git ref" in problems[0].message


def test_citation_carries_the_version() -> None:
    data = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(data["version"]) == kzlabour.__version__
    assert data["cff-version"] == "1.2.0"


def test_workflow_is_reusable_and_runs_the_tested_command() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert {"workflow_call", "pull_request"} <= set(triggers)
    steps = workflow["jobs"]["validate"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert any(run.startswith(VALIDATE_COMMAND) for run in runs)
    assert any("-c constraints.txt" in run for run in runs)


def test_pre_commit_hook_runs_validate() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "kzlabour-validate"
    assert VALIDATE_COMMAND.startswith(hooks[0]["entry"])
    assert hooks[0]["pass_filenames"] is False


def test_the_workflow_command_passes_on_the_repository() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kzlabour", *VALIDATE_COMMAND.split()[1:]],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "::error" not in proc.stdout


def test_cli_validate_flags(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "kzlabour", "validate", "--full", "--format", "json", str(repo)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout
    assert "drift (4 of 4 texts parsed)" in json.loads(proc.stdout)["checked"]
