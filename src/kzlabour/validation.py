"""Checks of a repository (sources, sidecars, curation, package, drift) or of a data package folder.

Every problem is collected into one Report, each naming its file and, where
there is one, the line or row; nothing is raised for bad data.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kzlabour.errors import KzlabourError
from kzlabour.report import Problem, Report

__all__ = ["validate", "validate_package", "validate_repository"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validate(path: Path | str = ".") -> Report:
    """Validate a repository root (it has sources/) or a data package (folder or datapackage.json)."""
    p = Path(path)
    if p.is_file() and p.name == "datapackage.json":
        return validate_package(p.parent)
    if (p / "sources").is_dir():
        return validate_repository(p)
    if (p / "datapackage.json").is_file():
        return validate_package(p)
    report = Report()
    report.add(
        Problem(
            "not-found",
            str(p),
            "is neither a kzlabour repository nor a data package folder",
            hint="give the repository root or a folder holding datapackage.json",
        )
    )
    return report


def validate_package(folder: Path) -> Report:
    """Frictionless validation of a package folder (schemas, types, enums, primary and foreign keys)."""
    report = Report(checked=[f"{folder}/datapackage.json"])
    descriptor = folder / "datapackage.json"
    if not descriptor.is_file():
        report.add(Problem("package-missing", str(descriptor), "does not exist", hint="run `kzlabour build`"))
        return report
    from frictionless import validate as frictionless_validate

    result = frictionless_validate(str(descriptor))
    for error in result.errors:
        report.add(Problem(f"frictionless-{error.type}", str(descriptor), error.message))
    for task in result.tasks:
        where = str(folder / task.place) if task.place else str(descriptor)
        for error in task.errors:
            row = getattr(error, "row_number", None)
            report.add(Problem(f"frictionless-{error.type}", where, error.message, line=row))
    return report


def validate_repository(root: Path) -> Report:
    """Every check a contribution gets: sources and sidecars, curation, the package and its drift."""
    report = Report(checked=["sources/", "curation/", "datapackage/"])
    _check_sources(root, report)
    report.extend(_check_package_and_drift(root))
    return report


def _check_sources(root: Path, report: Report) -> None:
    from kzlabour.errors import SourceError
    from kzlabour.sources import MAX_SOURCE_BYTES, read_provenance, source_paths

    sources = root / "sources"
    texts = source_paths(sources)
    seen: dict[str, str] = {}
    for text in texts:
        rel = str(text.relative_to(root))
        data = text.read_bytes()
        if len(data) > MAX_SOURCE_BYTES:
            report.add(Problem("source-too-large", rel, f"is {len(data)} bytes, over {MAX_SOURCE_BYTES}"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            report.add(
                Problem(
                    "source-duplicate",
                    rel,
                    f"has the same bytes as {seen[digest]}",
                    hint="remove one of the two copies",
                )
            )
        seen.setdefault(digest, rel)
        _check_text(rel, data, report)
        try:
            read_provenance(text)
        except (SourceError, KzlabourError) as exc:
            report.add(Problem("sidecar-invalid", str(text.with_suffix(".yaml").relative_to(root)), str(exc)))
    stems = {t.stem for t in texts}
    for sidecar in sorted(sources.glob("*.yaml")):
        if sidecar.stem not in stems:
            report.add(
                Problem(
                    "sidecar-orphan",
                    str(sidecar.relative_to(root)),
                    "has no source text beside it",
                    hint=f"add sources/{sidecar.stem}.txt or delete the sidecar",
                )
            )


def _check_text(rel: str, data: bytes, report: Report) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.add(
            Problem(
                "source-not-utf8",
                rel,
                f"is not UTF-8 (byte {exc.start})",
                line=line,
                hint="add it with `kzlabour add`, which converts it",
            )
        )
        return
    match = _CONTROL.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        report.add(
            Problem(
                "source-control-character",
                rel,
                f"holds control character {match.group()!r}",
                line=line,
                hint="remove it; source texts are plain text",
            )
        )


def _check_package_and_drift(root: Path) -> Report:
    from kzlabour.package import check_build

    report = validate_package(root / "datapackage")
    try:
        drift, notices = check_build(root, with_notices=True)
    except KzlabourError as exc:
        file, _, message = str(exc).partition(": ")
        report.add(Problem("build-failed", file, message or str(exc)))
        return report
    for notice in notices:
        file, _, message = notice.partition(": ")
        report.add(Problem("curation-redundant", file, message, severity="notice"))
    for line in drift:
        file, _, message = line.partition(" ")
        report.add(Problem("package-drift", file, message, hint="run `kzlabour build` and commit the result"))
    return report
