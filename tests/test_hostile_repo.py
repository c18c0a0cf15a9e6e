"""`kzlabour add`, `build` and `validate` on hostile files: a clean result or a clear error, nothing lost.

The commands run through the CLI's `main` in one driver subprocess per test
(importing kzlabour once, not once per case), each with its own captured
stdout/stderr and exit code. A failed build must leave datapackage/ byte for
byte as it was; a failed `add` must leave the repository untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import tree_bytes
from tests.hostile_texts import hostile_texts

_DRIVER = r"""
import contextlib, io, json, sys
from kzlabour.cli import main

results = []
for argv in json.load(open(sys.argv[1])):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main(argv)
        except SystemExit as exc:
            rc = exc.code
    results.append({"rc": rc, "out": out.getvalue(), "err": err.getvalue()})
print(json.dumps(results))
"""

SIDECAR = (
    "title: A hostile text\nurl: https://example.org/hostile\nretrieved: 2026-11-24\n"
    "language: en\nrights: Test text.\n"
)


def run_cli(tmp_path: Path, commands: list[list[str]], env: dict[str, str] | None = None) -> list[Any]:
    plan = tmp_path / "commands.json"
    plan.write_text(json.dumps(commands))
    proc = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(plan)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results: list[Any] = json.loads(proc.stdout)
    return results


def assert_clean(result: dict[str, Any], name: str) -> None:
    """Exit 0, or exit 1 with one stderr line naming the file; never a traceback or 'unexpected'."""
    assert "Traceback" not in result["err"] and "unexpected" not in result["err"], result["err"]
    if result["rc"] == 0:
        return
    assert result["rc"] == 1, result
    lines = result["err"].splitlines()
    assert len(lines) == 1, result["err"]
    assert lines[0].startswith("kzlabour: error: ") and name in lines[0], lines[0]


def one_source_repo(repo: Path) -> Path:
    """The repository copy with one source: builds stay quick while every check still runs."""
    texts = sorted((repo / "sources").glob("*.txt"))
    for text in texts[1:]:
        for path in (text, text.with_suffix(".yaml"), repo / "curation" / f"{text.stem}.yaml"):
            path.unlink(missing_ok=True)
    return repo


CASES = sorted(set(hostile_texts()) - {"100k-bullets"})  # 100,000 demands: ~30 s a build; parse covers it


def test_build_on_hostile_sources_fails_cleanly_and_keeps_the_package(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp_path = tmp_path_factory.mktemp("work")  # `repo` is the test's tmp_path: never copy it into itself
    repo = one_source_repo(repo)
    subprocess.run([sys.executable, "-m", "kzlabour", "build", "--root", str(repo)], check=True)
    before = tree_bytes(repo / "datapackage")
    commands, outcome = [], {}
    for case in CASES:
        work = tmp_path / case
        shutil.copytree(repo, work)
        (work / "sources" / "hostile.txt").write_bytes(hostile_texts()[case])
        (work / "sources" / "hostile.yaml").write_text(SIDECAR)
        commands.append(["build", "--root", str(work)])
    results = run_cli(tmp_path, commands, env={"KZLABOUR_MAX_SOURCE_BYTES": "5000000"})
    for case, result in zip(CASES, results, strict=True):
        work = tmp_path / case
        assert_clean(result, "hostile.txt")
        outcome[case] = result["rc"]
        if result["rc"]:
            assert tree_bytes(work / "datapackage") == before, case
            assert not list(work.glob(".datapackage*")), case
        else:
            sources = (work / "datapackage" / "sources.csv").read_text(encoding="utf-8")
            assert "hostile.txt" in sources, case
    # Stored texts are UTF-8 without NUL or control bytes; `add` converts the others.
    refused = {"binary", "nul-bytes", "invalid-utf8", "utf16-bom", "utf16-be-no-bom", "cp1251", "koi8-r"}
    assert {case for case, rc in outcome.items() if rc} == refused


def test_validate_reports_hostile_sources_by_file(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp_path = tmp_path_factory.mktemp("work")  # `repo` is the test's tmp_path: never copy it into itself
    repo = one_source_repo(repo)
    commands = []
    for case in CASES:
        work = tmp_path / case
        shutil.copytree(repo, work)
        (work / "sources" / "hostile.txt").write_bytes(hostile_texts()[case])
        (work / "sources" / "hostile.yaml").write_text(SIDECAR)
        commands.append(["validate", str(work)])
    results = run_cli(tmp_path, commands, env={"KZLABOUR_MAX_SOURCE_BYTES": "5000000"})
    for case, result in zip(CASES, results, strict=True):
        assert "Traceback" not in result["err"] and "unexpected" not in result["err"], (case, result)
        assert result["rc"] == 1, (case, result["out"][-2000:])  # at least: the package now drifts
        lines = [line for line in result["out"].splitlines() if ": error: [" in line]
        assert lines, (case, result["out"][-2000:])
        assert result["out"].splitlines()[-1].startswith("checked "), case
        if case in ("binary", "nul-bytes", "cp1251", "koi8-r", "utf16-bom", "invalid-utf8"):
            assert any(line.startswith("sources/hostile.txt") for line in lines), (case, lines)


def test_add_hostile_files(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp_path = tmp_path_factory.mktemp("work")  # `repo` is the test's tmp_path: never copy it into itself
    repo = one_source_repo(repo)
    before = tree_bytes(repo)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    commands = []
    for case in CASES:
        (incoming / f"{case}.txt").write_bytes(hostile_texts()[case])
        work = tmp_path / f"repo-{case}"
        shutil.copytree(repo, work)
        commands.append(
            ["add", str(incoming / f"{case}.txt"), "--url", "https://example.org/x", "--root", str(work)]
        )
    results = run_cli(tmp_path, commands, env={"KZLABOUR_MAX_SOURCE_BYTES": "5000000"})
    for case, result in zip(CASES, results, strict=True):
        work = tmp_path / f"repo-{case}"
        assert_clean(result, f"{case}.txt")
        after = tree_bytes(work)
        if result["rc"]:
            assert after == before, case
            continue
        added = sorted(set(after) - set(before))
        assert len(added) == 3, (case, added)  # the text, its sidecar and a draft curation
        text = next(name for name in added if name.endswith(".txt"))
        stored = after[text].decode("utf-8")  # always stored as UTF-8, never garbled
        assert "\x00" not in stored
    failed = {case for case, result in zip(CASES, results, strict=True) if result["rc"]}
    assert {"binary", "nul-bytes", "empty", "whitespace"} <= failed


def test_add_converts_legacy_encodings_to_the_same_text(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp_path = tmp_path_factory.mktemp("work")  # `repo` is the test's tmp_path: never copy it into itself
    from tests.hostile_texts import LETTER_RU

    repo = one_source_repo(repo)
    commands, cases = [], ["cp1251", "koi8-r", "utf16-bom", "utf16-be-no-bom"]
    for case in cases:
        (tmp_path / f"{case}.txt").write_bytes(hostile_texts()[case])
        shutil.copytree(repo, tmp_path / f"repo-{case}")
        commands.append(
            [
                "add",
                str(tmp_path / f"{case}.txt"),
                "--url",
                "https://example.org/x",
                "--root",
                str(tmp_path / f"repo-{case}"),
            ]
        )
    for case, result in zip(cases, run_cli(tmp_path, commands), strict=True):
        assert result["rc"] == 0, (case, result["err"])
        stored = [
            p
            for p in (tmp_path / f"repo-{case}" / "sources").glob("*.txt")
            if p.name not in {t.name for t in (repo / "sources").glob("*.txt")}
        ]
        assert [p.read_text(encoding="utf-8") for p in stored] == [LETTER_RU], case


def test_symlinks_and_paths_outside_sources(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp_path = tmp_path_factory.mktemp("work")  # `repo` is the test's tmp_path: never copy it into itself
    repo = one_source_repo(repo)
    outside = tmp_path / "outside.txt"
    outside.write_text("To the Minister.\nWe demand the release of the strikers.\n")
    secret = tmp_path / "secret.yaml"
    secret.write_text(SIDECAR)
    variants = {}
    # a source text that is a link to a file outside sources/
    work = tmp_path / "text-link"
    shutil.copytree(repo, work)
    (work / "sources" / "linked.txt").symlink_to(outside)
    (work / "sources" / "linked.yaml").write_text(SIDECAR)
    variants["text-link"] = (work, "linked.txt", "is a symbolic link")
    # a sidecar that is a link to a file outside sources/
    work = tmp_path / "sidecar-link"
    shutil.copytree(repo, work)
    (work / "sources" / "plain.txt").write_bytes(outside.read_bytes())
    (work / "sources" / "plain.yaml").symlink_to(secret)
    variants["sidecar-link"] = (work, "plain.yaml", "is a symbolic link")
    # a curation file naming a source outside sources/
    work = tmp_path / "curation-outside"
    shutil.copytree(repo, work)
    curation = next(iter(sorted((work / "curation").glob("*.yaml"))))
    text = curation.read_text(encoding="utf-8").splitlines(keepends=True)
    text = ["source: ../../outside.txt\n" if line.startswith("source:") else line for line in text]
    curation.write_text("".join(text), encoding="utf-8")
    variants["curation-outside"] = (work, curation.name, "../../outside.txt")
    before = {name: tree_bytes(work / "datapackage") for name, (work, _, _) in variants.items()}
    results = run_cli(tmp_path, [["build", "--root", str(work)] for work, _, _ in variants.values()])
    for (name, (work, file, problem)), result in zip(variants.items(), results, strict=True):
        assert_clean(result, file)
        assert result["rc"] == 1, name
        assert problem in result["err"], (name, result["err"])
        assert tree_bytes(work / "datapackage") == before[name]
