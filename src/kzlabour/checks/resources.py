"""The package's own paths: every resource path relative, inside the package, and a regular file."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from kzlabour.report import Problem, Report

__all__ = ["check_resources", "unsafe_path"]


def unsafe_path(path: str) -> str:
    """Why a resource path may not be used ('' when it is safe): the Data Package rules."""
    pure = PurePosixPath(path)
    if "://" in path:
        return "is a URL; a published package holds its data"
    if pure.is_absolute() or path.startswith("~") or (len(path) > 1 and path[1] == ":"):
        return "is absolute"
    if ".." in pure.parts:
        return "climbs out of the package with '..'"
    if "\\" in path:
        return "uses backslashes"
    return ""


def check_resources(folder: Path, report: Report) -> bool:
    """Add a Problem for each unsafe or missing resource path; True when all are safe to read."""
    descriptor = folder / "datapackage.json"
    rel = str(descriptor)
    try:
        data = json.loads(descriptor.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        report.add(
            Problem("package-descriptor", rel, f"is not readable JSON ({exc})", hint="run `kzlabour build`")
        )
        return False
    resources = data.get("resources") if isinstance(data, dict) else None
    if not isinstance(resources, list):
        report.add(
            Problem("package-descriptor", rel, "has no list of resources", hint="run `kzlabour build`")
        )
        return False
    safe = True
    root = folder.resolve()
    for n, res in enumerate(resources):
        name = res.get("name", f"#{n + 1}") if isinstance(res, dict) else f"#{n + 1}"
        path = res.get("path") if isinstance(res, dict) else None
        if not isinstance(path, str):
            report.add(Problem("package-resource-path", rel, f"resource {name!r} has no single path"))
            safe = False
            continue
        why = unsafe_path(path)
        if not why:
            target = (folder / path).resolve()
            if not target.is_relative_to(root):
                why = "leads outside the package (through a symbolic link)"
            elif not target.is_file():
                why = "does not exist"
        if why:
            report.add(
                Problem(
                    "package-resource-path",
                    rel,
                    f"resource {name!r} path {path!r} {why}",
                    hint="resource paths are relative file names inside the package folder",
                )
            )
            safe = False
    return safe
