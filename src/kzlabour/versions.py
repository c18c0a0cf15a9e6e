"""Versions: semantic version numbers, CHANGELOG.md entries, release tags and packages at a git ref.

Code and data share one version. A bump is judged by its highest changed
component; below 1.0.0 a minor bump (0.1 -> 0.2) may carry breaking changes,
as semantic versioning allows for initial development.
"""

from __future__ import annotations

import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from kzlabour.errors import KzlabourError

__all__ = [
    "BUMPS",
    "Bump",
    "bump_of",
    "changelog_versions",
    "git_package",
    "is_semver",
    "latest_release_tag",
    "project_version",
    "satisfies",
]

Bump = Literal["none", "patch", "minor", "major"]
BUMPS: tuple[Bump, ...] = ("none", "patch", "minor", "major")
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
_CHANGELOG_ENTRY = re.compile(r"^## \[([^\]]+)\]", re.MULTILINE)
_VERSION_LINE = re.compile(r'^__version__ = "([^"]+)"', re.MULTILINE)


def is_semver(version: str) -> bool:
    return bool(SEMVER.match(version))


def _triple(version: str) -> tuple[int, int, int]:
    match = SEMVER.match(version)
    if not match:
        raise KzlabourError(f"{version!r} is not a semantic version (MAJOR.MINOR.PATCH)")
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def bump_of(old: str, new: str) -> Bump | Literal["downgrade"]:
    """Which component went up from `old` to `new` ("none" when equal, "downgrade" when lower)."""
    a, b = _triple(old), _triple(new)
    if b < a:
        return "downgrade"
    if b == a:
        return "none"
    if b[0] > a[0]:
        return "major"
    return "minor" if b[1] > a[1] else "patch"


def satisfies(old: str, new: str, required: Bump) -> bool:
    """Whether `old` -> `new` is the bump `required` or a larger one (0.x: minor counts as major)."""
    actual = bump_of(old, new)
    if actual == "downgrade":
        return False
    if actual == "minor" and _triple(old)[0] == 0:
        actual = "major"
    return BUMPS.index(actual) >= BUMPS.index(required)


def changelog_versions(text: str) -> list[str]:
    """The versions that have a `## [VERSION]` section in a Keep a Changelog file, in file order."""
    return [v for v in _CHANGELOG_ENTRY.findall(text) if v.lower() != "unreleased"]


def project_version(root: Path) -> str | None:
    """The version of a checkout (src/kzlabour/__init__.py), else of its package, else None."""
    init = root / "src" / "kzlabour" / "__init__.py"
    if init.is_file():
        match = _VERSION_LINE.search(init.read_text(encoding="utf-8"))
        if match:
            return match.group(1)
    descriptor = root / "datapackage" / "datapackage.json"
    if descriptor.is_file():
        import json

        try:
            version = json.loads(descriptor.read_text(encoding="utf-8")).get("version")
        except (ValueError, AttributeError):
            return None
        return str(version) if version else None
    return None


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise KzlabourError(f"git cannot be run ({exc})") from None


def is_git_checkout(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-inside-work-tree").stdout.strip() == b"true"
    except KzlabourError:
        return False


def latest_release_tag(root: Path) -> str | None:
    """The highest tag that is a version (`v1.2.3` or `1.2.3`), or None when there is none."""
    if not is_git_checkout(root):
        return None
    tags = _git(root, "tag", "--list").stdout.decode("utf-8", "replace").split()
    versions = [(_triple(t.removeprefix("v")), t) for t in tags if is_semver(t.removeprefix("v"))]
    return max(versions)[1] if versions else None


@contextmanager
def git_package(root: Path, ref: str, folder: str = "datapackage") -> Iterator[Path]:
    """The package folder as committed at a git ref, extracted into a temporary folder."""
    if ref.startswith("-"):
        raise KzlabourError(f"{ref!r}: not a git ref")
    proc = _git(root, "archive", "--format=tar", f"{ref}", "--", folder)
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise KzlabourError(
            f"{ref}: no {folder}/ at this git ref ({message[-1] if message else 'git failed'})"
        )
    with tempfile.TemporaryDirectory(prefix="kzlabour-ref-") as tmp:
        archive = Path(tmp) / "ref.tar"
        archive.write_bytes(proc.stdout)
        with tarfile.open(archive) as tar:
            tar.extractall(Path(tmp) / "tree", filter="data")
        yield Path(tmp) / "tree" / folder
