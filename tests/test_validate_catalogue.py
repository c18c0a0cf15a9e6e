"""A catalogue of broken contributions, one per kind of fault: each is rejected by `kzlabour validate`
with a message naming its file (and line where there is one), and validation changes nothing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import kzlabour
from kzlabour.report import Report
from kzlabour.sources import MAX_SOURCE_BYTES
from kzlabour.validation import validate
from tests.conftest import ROOT, tree_bytes

SIDECAR = (
    "title: A letter\nurl: https://example.org/a\nretrieved: 2026-11-24\nlanguage: en\n"
    "rights: Kept for research.\n"
)
LETTER = "To the Minister of Labour\n\nWe demand that the union be registered.\n\nITUC\n"
S0, S2 = "000_efc21f632b1710fe", "002_21dfb2a97649685c"

VERSION = kzlabour.__version__


def new_text(repo: Path, name: str, data: bytes, sidecar: str | None = SIDECAR) -> None:
    (repo / "sources" / f"{name}.txt").write_bytes(data)
    if sidecar is not None:
        (repo / "sources" / f"{name}.yaml").write_text(sidecar, encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass(frozen=True)
class Fault:
    id: str
    plant: Callable[[Path], None]
    code: str
    file: str
    message: str
    line: int | None = None


def _near_duplicate(repo: Path) -> None:
    text = (repo / "sources" / f"{S2}.txt").read_text(encoding="utf-8")
    new_text(repo, "copy_of_002", text.replace("the", "teh", 1).encode("utf-8"))
    curation = (repo / "curation" / f"{S2}.yaml").read_text(encoding="utf-8")
    (repo / "curation" / "copy_of_002.yaml").write_text(curation.replace(f"{S2}.txt", "copy_of_002.txt"))


def _symlink(repo: Path) -> None:
    os.symlink(repo / "sources" / f"{S0}.txt", repo / "sources" / "linked.txt")
    (repo / "sources" / "linked.yaml").write_text(SIDECAR)


def _resource_path(repo: Path) -> None:
    edit(repo / "datapackage" / "datapackage.json", '"path": "demands.csv"', '"path": "../demands.csv"')


def _bad_cell(repo: Path) -> None:
    path = repo / "datapackage" / "demands.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    fields = lines[1].split(",")
    fields[1] = "first"  # `order` must be an integer
    lines[1] = ",".join(fields)
    path.write_text("\n".join(lines), encoding="utf-8")


def _registry_twice(repo: Path) -> None:
    org = (repo / "registry" / "organisations" / "ituc.yaml").read_text(encoding="utf-8")
    target = repo / "registry" / "organisations" / "sharan-burrow.yaml"
    target.write_text(org.replace("id: ituc", "id: sharan-burrow"), encoding="utf-8")


PERSON = "registry/people/sharan-burrow.yaml"


def _bad_version(repo: Path) -> None:
    (repo / "src" / "kzlabour").mkdir(parents=True)
    (repo / "src" / "kzlabour" / "__init__.py").write_text('__version__ = "1.0"\n')


CATALOGUE = [
    Fault(
        "not-utf8",
        lambda r: new_text(r, "cp1251", "Министру труда\n".encode("cp1251")),
        "source-not-utf8",
        "sources/cp1251.txt",
        "is not UTF-8",
        1,
    ),
    Fault(
        "nul-byte",
        lambda r: new_text(r, "nul", LETTER.encode() + b"\x00\n"),
        "source-nul",
        "sources/nul.txt",
        "holds a NUL byte",
        6,
    ),
    Fault(
        "control-char",
        lambda r: new_text(r, "bell", b"To the Minister\x07\n" + LETTER.encode()),
        "source-control-character",
        "sources/bell.txt",
        "U+0007",
        1,
    ),
    Fault(
        "too-large",
        lambda r: new_text(r, "huge", b"word " * (MAX_SOURCE_BYTES // 5 + 1)),
        "source-too-large",
        "sources/huge.txt",
        f"over the {MAX_SOURCE_BYTES}-byte limit",
    ),
    Fault(
        "empty",
        lambda r: new_text(r, "empty", b"  \n\n"),
        "source-empty",
        "sources/empty.txt",
        "holds no text",
    ),
    Fault(
        "bom",
        lambda r: new_text(r, "bom", b"\xef\xbb\xbf" + LETTER.encode()),
        "source-bom",
        "sources/bom.txt",
        "byte-order mark",
        1,
    ),
    Fault(
        "bad-name",
        lambda r: new_text(r, "Letter To ITUC", LETTER.encode()),
        "source-name",
        "sources/Letter To ITUC.txt",
        "is not lowercase letters",
    ),
    Fault(
        "stray-file",
        lambda r: (r / "sources" / "letter.docx").write_bytes(b"PK\x03\x04"),
        "source-unexpected-file",
        "sources/letter.docx",
        "is not a source text",
    ),
    Fault("symlink", _symlink, "source-symlink", "sources/linked.txt", "is a symbolic link"),
    Fault(
        "same-bytes",
        lambda r: new_text(r, "again", (r / "sources" / f"{S0}.txt").read_bytes()),
        "source-duplicate",
        "sources/again.txt",
        f"same bytes (SHA-256 74485bcdcc83…) as sources/{S0}.txt",
    ),
    Fault(
        "same-letter",
        _near_duplicate,
        "source-near-duplicate",
        "sources/copy_of_002.txt",
        f"letter 1 repeats sources/{S2}.txt letter 1: same date 2011-06-16, same senders",
    ),
    Fault(
        "no-sidecar",
        lambda r: new_text(r, "lonely", LETTER.encode(), sidecar=None),
        "sidecar-missing",
        "sources/lonely.txt",
        "has no provenance sidecar lonely.yaml",
    ),
    Fault(
        "orphan-sidecar",
        lambda r: (r / "sources" / "ghost.yaml").write_text(SIDECAR),
        "sidecar-orphan",
        "sources/ghost.yaml",
        "has no source text beside it",
    ),
    Fault(
        "sidecar-yaml",
        lambda r: new_text(r, "broken", LETTER.encode(), "title: [unclosed\nurl: x\n"),
        "sidecar-yaml",
        "sources/broken.yaml",
        "invalid YAML",
    ),
    Fault(
        "sidecar-missing-field",
        lambda r: new_text(
            r, "norights", LETTER.encode(), SIDECAR.replace("rights: Kept for research.\n", "")
        ),
        "sidecar-field",
        "sources/norights.yaml",
        "rights: missing required field",
    ),
    Fault(
        "sidecar-bad-date",
        lambda r: new_text(r, "baddate", LETTER.encode(), SIDECAR.replace("2026-11-24", "24/11/2026")),
        "sidecar-field",
        "sources/baddate.yaml",
        "retrieved:",
        3,
    ),
    Fault(
        "sidecar-bad-language",
        lambda r: new_text(
            r, "badlang", LETTER.encode(), SIDECAR.replace("language: en", "language: english")
        ),
        "sidecar-field",
        "sources/badlang.yaml",
        "language:",
        4,
    ),
    Fault(
        "sidecar-unknown-field",
        lambda r: new_text(r, "extra", LETTER.encode(), SIDECAR + "author: X\n"),
        "sidecar-field",
        "sources/extra.yaml",
        "author: Extra inputs are not permitted",
        6,
    ),
    Fault(
        "curation-yaml",
        lambda r: (r / "curation" / f"{S0}.yaml").write_text("source: [\n"),
        "curation-yaml",
        f"curation/{S0}.yaml",
        "invalid YAML",
    ),
    Fault(
        "curation-alias",
        lambda r: (r / "curation" / f"{S0}.yaml").write_text(
            f"source: &s {S0}.txt\nletters: []\nagain: *s\n"
        ),
        "curation-yaml",
        f"curation/{S0}.yaml",
        "anchors and aliases",
        3,
    ),
    Fault(
        "curation-schema",
        lambda r: edit(r / "curation" / f"{S0}.yaml", "- letter: 1", "- letter: 0"),
        "curation-schema",
        f"curation/{S0}.yaml",
        "letters.0.letter: Input should be greater than or equal to 1",
    ),
    Fault(
        "curation-orphan",
        lambda r: (r / "curation" / "ghost.yaml").write_text("source: ghost.txt\n"),
        "curation-orphan",
        "curation/ghost.yaml",
        "curates sources/ghost.txt, which does not exist",
    ),
    Fault(
        "curation-stray-file",
        lambda r: (r / "curation" / "notes.txt").write_text("todo\n"),
        "curation-unexpected-file",
        "curation/notes.txt",
        "is not a curation file",
    ),
    Fault(
        "curation-wrong-source",
        lambda r: edit(r / "curation" / f"{S0}.yaml", f"source: {S0}.txt", f"source: {S2}.txt"),
        "curation-source",
        f"curation/{S0}.yaml",
        f"source: names '{S2}.txt'",
        2,
    ),
    Fault(
        "curation-twice",
        lambda r: (r / "curation" / f"{S2}.yaml").write_text(
            f"source: {S2}.txt\nletters:\n- letter: 1\n  set: {{place: London}}\n- letter: 1\n  set: {{}}\n"
        ),
        "curation-duplicate-id",
        f"curation/{S2}.yaml",
        "letter 1 is curated twice (first on line 3)",
        5,
    ),
    Fault(
        "curation-unknown-field",
        lambda r: (r / "curation" / f"{S2}.yaml").write_text(
            f"source: {S2}.txt\nletters:\n- letter: 1\n  set:\n    city: London\n"
        ),
        "curation-unknown-field",
        f"curation/{S2}.yaml",
        "letter 1: no field 'city'",
        5,
    ),
    Fault(
        "curation-no-such-letter",
        lambda r: (r / "curation" / f"{S2}.yaml").write_text(
            f"source: {S2}.txt\nletters:\n- letter: 9\n  set: {{place: London}}\n"
        ),
        "curation-not-applicable",
        f"curation/{S2}.yaml",
        "letter 9: no such letter",
    ),
    Fault(
        "curation-wrong-start",
        lambda r: (r / "curation" / f"{S2}.yaml").write_text(
            f"source: {S2}.txt\nletters:\n- letter: 1\n  start: 7\n  set: {{place: London}}\n"
        ),
        "curation-not-applicable",
        f"curation/{S2}.yaml",
        "not at 7 as the curation expects",
    ),
    Fault(
        "curation-spans",
        lambda r: edit(r / "curation" / f"{S0}.yaml", "  - 2262", "  - 99999"),
        "curation-spans",
        f"curation/{S0}.yaml",
        "spans[0] [2, 99999] is not an ordered span",
    ),
    Fault(
        "package-edited",
        lambda r: edit(r / "datapackage" / "letters.csv", "Astana", "Astana City"),
        "package-drift",
        "datapackage/letters.csv",
        "differs from a fresh build",
    ),
    Fault(
        "package-extra-file",
        lambda r: (r / "datapackage" / "notes.csv").write_text("a\n"),
        "package-drift",
        "datapackage/notes.csv",
        "is not written by a build",
    ),
    Fault("package-bad-cell", _bad_cell, "frictionless-type-error", "datapackage/demands.csv", "first", 2),
    Fault(
        "package-path-outside",
        _resource_path,
        "package-resource-path",
        "datapackage/datapackage.json",
        "resource 'demands' path '../demands.csv' climbs out of the package",
    ),
    Fault(
        "schema-edited",
        lambda r: (r / "schema" / "letters.table.json").write_text("{}\n"),
        "schema-drift",
        "schema/letters.table.json",
        "differs from the models",
    ),
    Fault(
        "registry-yaml",
        lambda r: (r / PERSON).write_text("id: sharan-burrow\nname: [\n"),
        "registry-yaml",
        PERSON,
        "invalid YAML",
    ),
    Fault(
        "registry-schema",
        lambda r: edit(r / PERSON, "country: AU", "country: Australia"),
        "registry-schema",
        PERSON,
        "country:",
        6,
    ),
    Fault(
        "registry-id-not-file-name",
        lambda r: edit(r / PERSON, "id: sharan-burrow", "id: s-burrow"),
        "registry-id",
        PERSON,
        "id 's-burrow' differs from the file name",
    ),
    Fault(
        "registry-id-twice",
        _registry_twice,
        "registry-duplicate-id",
        PERSON,
        "id 'sharan-burrow' is already used by registry/organisations/sharan-burrow.yaml",
    ),
    Fault(
        "registry-no-such-letter",
        lambda r: edit(r / PERSON, "0a33f0e0e450462f/1", "0a33f0e0e450462f/7"),
        "registry-letter",
        PERSON,
        "cites letter '001_0a33f0e0e450462f/7', which does not exist",
        8,
    ),
    Fault(
        "registry-unknown-organisation",
        lambda r: edit(r / PERSON, "organisation: ituc", "organisation: itux"),
        "registry-invalid",
        PERSON,
        "membership of 'itux', which is not an organisation of the registry",
    ),
    Fault(
        "citation-version",
        lambda r: edit(r / "CITATION.cff", f"version: {VERSION}", "version: 0.1"),
        "release-citation-version",
        "CITATION.cff",
        f"cites version '0.1', not {VERSION}",
        6,
    ),
    Fault(
        "version-not-semver",
        _bad_version,
        "release-version-invalid",
        "src/kzlabour/__init__.py",
        "version '1.0' is not a semantic version",
    ),
    Fault(
        "changelog-entry-missing",
        lambda r: edit(r / "CHANGELOG.md", f"## [{VERSION}]", "## [0.0.9]"),
        "release-changelog-missing",
        "CHANGELOG.md",
        f"has no `## [{VERSION}]` section",
    ),
]


def full_copy(tmp_path: Path) -> Path:
    """The repository's data and release files, copied: faults are planted in the copy only."""
    for name in ("sources", "curation", "datapackage", "schema", "registry"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("CHANGELOG.md", "CITATION.cff"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_the_catalogue_covers_at_least_twenty_kinds_of_fault() -> None:
    assert len({f.code for f in CATALOGUE}) >= 20
    assert len({f.id for f in CATALOGUE}) == len(CATALOGUE)


def test_the_unbroken_copy_is_valid(tmp_path: Path) -> None:
    report = validate(full_copy(tmp_path))
    assert report.ok, report.render()


@pytest.mark.parametrize("fault", CATALOGUE, ids=[f.id for f in CATALOGUE])
def test_each_fault_is_rejected_naming_its_file(fault: Fault, tmp_path: Path) -> None:
    repo = full_copy(tmp_path)
    fault.plant(repo)
    planted = tree_bytes(repo)
    report: Report = validate(repo)
    assert not report.ok
    found = [p for p in report.problems if p.code == fault.code and p.file == fault.file]
    assert found, f"no {fault.code} on {fault.file} in:\n{report.render()}"
    assert any(fault.message in p.message for p in found), report.render()
    if fault.line is not None:
        assert any(p.line == fault.line for p in found), [(p.message, p.line) for p in found]
    assert all(p.hint for p in found)
    assert f"{fault.file}" in report.render("text")
    assert tree_bytes(repo) == planted  # validation wrote nothing
