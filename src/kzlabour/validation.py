"""Checks of a repository (sources, sidecars, curation, registry, package, drift, release) or of a package.

Every problem is collected into one Report, each naming its file and, where
there is one, the line or row, with a hint; nothing is raised for bad data.
The checks themselves live in `kzlabour.checks`, one module per part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kzlabour.report import Problem, Report

if TYPE_CHECKING:
    from kzlabour.models import Letter

__all__ = ["validate", "validate_package", "validate_repository"]

_FIX = "datapackage/ is written by `kzlabour build`: correct the source or curation, not the CSV"


def validate(path: Path | str = ".", *, full: bool = False, against: str | None = None) -> Report:
    """Validate a repository root (it has sources/) or a data package (folder or datapackage.json).

    `full` re-parses every text for the drift check (else only those whose hash, parser version
    or curation changed); `against` is the git ref of the release base (default: the latest tag).
    """
    p = Path(path)
    if p.is_file() and p.name == "datapackage.json":
        return validate_package(p.parent)
    if (p / "sources").is_dir():
        return validate_repository(p, full=full, against=against)
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
    """A package folder: safe resource paths, then Frictionless (schemas, types, enums, keys)."""
    from kzlabour.checks.resources import check_resources

    report = Report(checked=[f"{folder}/datapackage.json"])
    descriptor = folder / "datapackage.json"
    if not descriptor.is_file():
        report.add(Problem("package-missing", str(descriptor), "does not exist", hint="run `kzlabour build`"))
        return report
    if not check_resources(folder, report):
        return report  # never let a validator read outside the package
    from frictionless import validate as frictionless_validate

    result = frictionless_validate(str(descriptor))
    for error in result.errors:
        report.add(Problem(f"frictionless-{error.type}", str(descriptor), error.message, hint=_FIX))
    for task in result.tasks:
        where = str(folder / task.place) if task.place else str(descriptor)
        for error in task.errors:
            row = getattr(error, "row_number", None)
            report.add(Problem(f"frictionless-{error.type}", where, error.message, line=row, hint=_FIX))
    from kzlabour.injection import formula_problems

    report.problems += formula_problems(folder)  # cells a spreadsheet would run as formulas (warnings)
    return report


def validate_repository(root: Path, *, full: bool = False, against: str | None = None) -> Report:
    """Every check a contribution gets, all reported at once."""
    from kzlabour.checks.curation import check_curation, check_registry, check_registry_letters
    from kzlabour.checks.drift import check_drift
    from kzlabour.checks.duplicates import check_near_duplicates
    from kzlabour.checks.release import check_release
    from kzlabour.checks.texts import check_texts

    report = Report(checked=["sources/", "curation/"])
    package_exists = (root / "datapackage" / "datapackage.json").is_file()
    with _beside(validate_package, root / "datapackage", run=package_exists) as package_job:
        texts = check_texts(root, report)
        by_name = {t.name: t.text for t in texts}
        faulty = check_curation(root, by_name, report)
        registry_ok = check_registry(root, report)
        # the package's problems are reported here, after the inputs' (they ran at the same time)
        at_problem, at_checked = len(report.problems), len(report.checked)
        readable = {p.name for p in texts}
        unreadable = {p.name for p in (root / "sources").glob("*.txt")} - readable
        drift = check_drift(root, texts, faulty | unreadable, report, full=full, registry_ok=registry_ok)
        check_near_duplicates(drift.letters, by_name, report)
        if registry_ok and drift.complete:
            check_registry_letters(root, _letter_ids(drift.letters), report)
        check_release(root, report, against)
        package = package_job() if package_exists else Report()
    if package_exists:
        package.problems = [replace(p, file=_relative(root, p.file)) for p in package.problems]
        package.checked = ["datapackage/"]
    else:
        package.add(
            Problem(
                "package-missing",
                "datapackage/datapackage.json",
                "does not exist",
                hint="run `kzlabour build` and commit datapackage/",
            )
        )
    report.problems[at_problem:at_problem] = package.problems
    report.checked[at_checked:at_checked] = package.checked
    return report


@contextmanager
def _beside(function: Callable[[Path], Report], path: Path, run: bool) -> Iterator[Callable[[], Report]]:
    """Run `function(path)` in another process while the caller goes on (Frictionless is the
    longest check, and the others do not need its result); the yielded callable waits for it.
    Where no worker process can be started, or on one core, it runs in this process instead."""
    from concurrent.futures import ProcessPoolExecutor

    from kzlabour.parallel import default_jobs, process_context

    if not run or default_jobs() < 2:
        yield lambda: function(path)
        return
    try:
        pool = ProcessPoolExecutor(1, mp_context=process_context())
        future = pool.submit(function, path)
    except (OSError, RuntimeError):
        yield lambda: function(path)
        return
    try:
        yield future.result
    finally:
        pool.shutdown(cancel_futures=True)


def _relative(root: Path, file: str) -> str:
    path = Path(file)
    return str(path.relative_to(root)) if path.is_relative_to(root) else file


def _letter_ids(letters: list[Letter]) -> set[str]:
    ids: set[str] = set()
    order: dict[str, int] = {}
    for letter in letters:
        n = order[letter.source.path] = order.get(letter.source.path, 0) + 1
        ids.add(f"{Path(letter.source.path).stem}/{n}")
    return ids
