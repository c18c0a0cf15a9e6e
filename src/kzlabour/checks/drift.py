"""Drift: the committed package against what a build would write, re-parsing only what changed.

The `sources` table records, per text, the SHA-256 of its bytes, the parser
version, the SHA-256 of its curation file and of its published letters. When
the first three are unchanged and the committed rows still give letters with
the recorded SHA-256 (no hand edit), the text's published letters are the
committed ones and it is not parsed again; `full=True` re-parses every text.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kzlabour.report import Problem, Report

if TYPE_CHECKING:
    from kzlabour.models import Letter
    from kzlabour.sources import SourceText

__all__ = ["DriftResult", "check_drift"]

_REBUILD = "run `kzlabour build` and commit the result"


@dataclass
class DriftResult:
    """The published letters a build would give (when every text could be built) and what was parsed."""

    letters: list[Letter] = field(default_factory=list)
    reparsed: list[str] = field(default_factory=list)
    complete: bool = False


def check_drift(
    root: Path,
    texts: list[SourceText],
    skip: set[str],
    report: Report,
    full: bool = False,
    registry_ok: bool = True,
) -> DriftResult:
    """Compare datapackage/ and schema/ with a build of `texts`; texts named in `skip` are at fault
    (and with a faulty registry, no build is compared: its errors are reported already)."""
    from kzlabour import buildstamp
    from kzlabour.errors import KzlabourError
    from kzlabour.package import PACKAGE_DIR, curation_sha256, letters_of, letters_sha256, package_files
    from kzlabour.parser import PARSER_VERSION

    result = DriftResult()
    committed = {} if full else _committed(root / PACKAGE_DIR)
    built_all = not skip and registry_ok
    reused: dict[str, list[Letter]] = {}
    for src in texts:
        previous = committed.get(src.name)
        key = (src.sha256, PARSER_VERSION, curation_sha256(root, src.name) or "")
        if src.name not in skip and previous is not None and previous[0] == key:
            letters, recorded = previous[1], previous[2]
            if letters_sha256(letters) == recorded:
                reused[src.name] = letters
    changed = [t for t in texts if t.name not in skip and t.name not in reused]
    parsed = _parse(root, changed)
    for src in texts:
        if src.name in skip:
            continue
        if src.name in reused:
            result.letters += reused[src.name]
            continue
        result.reparsed.append(src.name)
        try:
            letters, notices = letters_of(root, src, parsed=parsed.get(src.name))
        except KzlabourError as exc:
            file, _, message = str(exc).partition(": ")
            report.add(
                Problem(
                    "curation-not-applicable",
                    _rel(root, file),
                    message or str(exc),
                    hint="fix the entry so it names a letter and fields the text has",
                )
            )
            built_all = False
            continue
        result.letters += letters
        for notice in notices:
            file, _, message = notice.partition(": ")
            report.add(
                Problem(
                    "curation-redundant",
                    file,
                    message,
                    severity="notice",
                    hint="delete the override: curation shrinks as the parser improves",
                )
            )
    report.checked.append(f"drift ({len(result.reparsed)} of {len(texts)} texts parsed)")
    if not built_all:
        report.add(
            Problem(
                "package-drift-unchecked",
                PACKAGE_DIR,
                "not compared with a build: fix the errors above first",
                severity="notice",
            )
        )
        return result
    target = root / PACKAGE_DIR
    if not full and buildstamp.unchanged(root, texts, target):
        # the last build read these very inputs and wrote these very files: no rebuild needed
        result.complete = True
        report.checked.append("drift: datapackage/ is what the last build of these inputs wrote")
        _check_schemas(root, report)
        return result
    try:
        files, _ = package_files(root, texts, result.letters)
    except (KzlabourError, ValueError) as exc:
        message = " ".join(str(exc).split())[:400]
        report.add(Problem("build-failed", PACKAGE_DIR, message, hint="fix the data the message names"))
        return result
    result.complete = True
    for name, data in sorted(files.items()):
        path = target / name
        if not path.is_file():
            report.add(Problem("package-drift", f"{PACKAGE_DIR}/{name}", "is missing", hint=_REBUILD))
        elif path.read_bytes() != data:
            line = _first_difference(path.read_bytes(), data)
            report.add(
                Problem(
                    "package-drift",
                    f"{PACKAGE_DIR}/{name}",
                    "differs from a fresh build",
                    line=line,
                    hint=_REBUILD,
                )
            )
    if target.is_dir():
        for path in sorted(target.iterdir()):
            if path.name not in files:
                report.add(
                    Problem(
                        "package-drift",
                        f"{PACKAGE_DIR}/{path.name}",
                        "is not written by a build",
                        hint="delete it, or " + _REBUILD,
                    )
                )
    _check_schemas(root, report)
    return result


def _check_schemas(root: Path, report: Report) -> None:
    from kzlabour.schema import write_schemas

    for name in write_schemas(root / "schema", check=True):
        report.add(Problem("schema-drift", f"schema/{name}", "differs from the models", hint=_REBUILD))


def _parse(root: Path, texts: list[SourceText]) -> dict[str, list[Letter]]:
    """The parser's output for the changed texts, in parallel when there are many ({} on any error:
    each text is then parsed alone, so that an error names its own file)."""
    from kzlabour.errors import KzlabourError

    if len(texts) < 2:
        return {}
    try:
        from kzlabour.parallel import parse_sources

        return dict(zip((t.name for t in texts), parse_sources(root, texts, cache=False), strict=True))
    except (ImportError, KzlabourError, ValueError):
        return {}


def _rel(root: Path, file: str) -> str:
    p = Path(file)
    return str(p.relative_to(root)) if p.is_absolute() and p.is_relative_to(root) else file


def _first_difference(old: bytes, new: bytes) -> int:
    for n, (a, b) in enumerate(zip(old.split(b"\n"), new.split(b"\n"), strict=False), 1):
        if a != b:
            return n
    return min(old.count(b"\n"), new.count(b"\n")) + 1


def _committed(folder: Path) -> dict[str, tuple[tuple[str, str, str], list[Letter], str]]:
    """Per committed text: (sha256, parser version, curation sha256), its letters, their recorded sha256."""
    from kzlabour.errors import KzlabourError
    from kzlabour.loader import load

    try:
        with open(folder / "sources.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        if not rows or not {"curation_sha256", "letters_sha256"} <= rows[0].keys():
            return {}
        dataset = load(folder)
    except (OSError, UnicodeDecodeError, csv.Error, KzlabourError):
        return {}  # unreadable or older package: every text is parsed
    by_source: dict[str, list[Letter]] = {}
    for letter in dataset.letters:
        by_source.setdefault(letter.source.path, []).append(letter)
    return {
        row["file"]: (
            (row["sha256"], row["parser_version"], row["curation_sha256"] or ""),
            by_source.get(row["file"], []),
            row["letters_sha256"],
        )
        for row in rows
    }
