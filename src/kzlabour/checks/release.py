"""Release: the version is a semantic version, bumped as the changes since the base require, and logged.

The base is `against` (a git ref), else the latest release tag; with no tag
at all the version must simply be valid with its CHANGELOG.md entry. The
CITATION.cff version, when the file exists, must be the same version.
"""

from __future__ import annotations

import re
from pathlib import Path

from kzlabour.report import Problem, Report

__all__ = ["check_release"]

_CFF_VERSION = re.compile(r"^version:\s*[\"']?([^\"'\s#]+)", re.MULTILINE)


def check_release(root: Path, report: Report, against: str | None = None) -> None:
    from kzlabour.errors import KzlabourError
    from kzlabour.versions import changelog_versions, is_semver, latest_release_tag, project_version

    changelog = root / "CHANGELOG.md"
    version = project_version(root)
    if not changelog.is_file() and against is None:
        report.add(
            Problem("release-unchecked", "CHANGELOG.md", "absent: release checks skipped", severity="notice")
        )
        return
    report.checked.append("release")
    if version is None or not is_semver(version):
        report.add(
            Problem(
                "release-version-invalid",
                "src/kzlabour/__init__.py",
                f"version {version!r} is not a semantic version MAJOR.MINOR.PATCH",
                hint="set __version__ to e.g. 1.2.0",
            )
        )
        return
    _check_citation(root, version, report)
    logged = changelog_versions(changelog.read_text(encoding="utf-8")) if changelog.is_file() else []
    base = against if against is not None else latest_release_tag(root)
    if base is None:
        _need_entry(version, logged, report, "")
        return
    try:
        required, base_version = _required_bump(root, base)
    except KzlabourError as exc:
        report.add(Problem("release-base", base, str(exc), hint="give --against a tag, branch or commit"))
        return
    _judge(version, base, base_version, required, logged, report)


def _judge(
    version: str, base: str, base_version: str, required: str, logged: list[str], report: Report
) -> None:
    from kzlabour.versions import is_semver, satisfies

    if required == "none":
        return
    if not is_semver(base_version):
        report.add(Problem("release-base", base, f"its package version {base_version!r} is not semantic"))
        return
    if not satisfies(base_version, version, required):  # type: ignore[arg-type]
        report.add(
            Problem(
                "release-version-not-bumped",
                "src/kzlabour/__init__.py",
                f"data or schema changed since {base} ({base_version}) in a way that needs a {required} "
                f"bump, but the version is {version}",
                hint=f"raise __version__ (and CITATION.cff) for a {required} release; "
                f"`kzlabour diff {base} .` lists the changes",
            )
        )
    _need_entry(version, logged, report, f" (changes since {base})")


def _need_entry(version: str, logged: list[str], report: Report, why: str) -> None:
    if version not in logged:
        report.add(
            Problem(
                "release-changelog-missing",
                "CHANGELOG.md",
                f"has no `## [{version}]` section{why}",
                hint=f"add `## [{version}] - YYYY-MM-DD` with Added/Changed/Fixed/Data/Schema entries",
            )
        )


def _check_citation(root: Path, version: str, report: Report) -> None:
    path = root / "CITATION.cff"
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    match = _CFF_VERSION.search(text)
    cited = match.group(1) if match else None
    if cited != version:
        line = text[: match.start()].count("\n") + 1 if match else None
        report.add(
            Problem(
                "release-citation-version",
                "CITATION.cff",
                f"cites version {cited!r}, not {version}",
                line=line,
                hint=f"write `version: {version}`",
            )
        )


def _required_bump(root: Path, base: str) -> tuple[str, str]:
    """The bump the changes from `base` to the working tree's package require, and the base's version."""
    from kzlabour.diff import diff_packages, open_package

    with open_package(base, root) as old:
        diff = diff_packages(old, root / "datapackage")
    return diff.bump, diff.old_version
