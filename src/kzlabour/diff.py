"""Compare two data packages: rows added, removed and changed, schema changes, and the bump they require.

Semantic versioning of the data: a breaking schema change (a resource or field
removed, renamed or retyped, a key changed, a field made required, an enum
value dropped) requires a major bump; new data (rows added) or new optional
fields and resources a minor one; corrections (rows changed or withdrawn,
descriptions reworded) a patch.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kzlabour.errors import PackageError
from kzlabour.versions import BUMPS, Bump

__all__ = ["PackageDiff", "ResourceDiff", "SchemaChange", "diff_packages", "open_package"]

_KEY_SEP = " | "


@dataclass(frozen=True)
class SchemaChange:
    """One change of a resource's Table Schema and the bump it requires."""

    resource: str
    field: str | None
    change: str
    bump: Bump

    def text(self) -> str:
        where = f"{self.resource}.{self.field}" if self.field else self.resource
        return f"{where}: {self.change} ({self.bump})"


@dataclass
class ResourceDiff:
    """Rows of one resource, by primary key: added, removed, and changed (with the fields that changed)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass
class PackageDiff:
    """Everything that differs between two packages, and the version bump it requires."""

    old_version: str
    new_version: str
    resources: dict[str, ResourceDiff] = field(default_factory=dict)
    schema: list[SchemaChange] = field(default_factory=list)

    @property
    def bump(self) -> Bump:
        levels: list[Bump] = ["none"]
        levels += [c.bump for c in self.schema]
        for rows in self.resources.values():
            if rows.added:
                levels.append("minor")
            if rows.removed or rows.changed:
                levels.append("patch")
        return max(levels, key=BUMPS.index)

    def render(self, fmt: str = "text") -> str:
        if fmt == "json":
            data = {
                "old_version": self.old_version,
                "new_version": self.new_version,
                "bump": self.bump,
                "resources": {k: asdict(v) for k, v in self.resources.items() if v},
                "schema": [asdict(c) for c in self.schema],
            }
            return json.dumps(data, ensure_ascii=False, indent=1)
        lines = [f"kzlabour data {self.old_version} -> {self.new_version}"]
        for name, rows in self.resources.items():
            if not rows:
                continue
            lines.append(
                f"{name}: {len(rows.added)} added, {len(rows.removed)} removed, {len(rows.changed)} changed"
            )
            lines += [f"  + {key}" for key in rows.added]
            lines += [f"  - {key}" for key in rows.removed]
            lines += [f"  ~ {key}: {', '.join(fields)}" for key, fields in rows.changed.items()]
        if self.schema:
            lines.append("schema:")
            lines += [f"  {c.text()}" for c in self.schema]
        lines.append(f"required version bump: {self.bump}")
        return "\n".join(lines)


def diff_packages(old: Path, new: Path) -> PackageDiff:
    """Compare two package folders (each holding a datapackage.json)."""
    old_desc, new_desc = _descriptor(old), _descriptor(new)
    result = PackageDiff(str(old_desc.get("version", "")), str(new_desc.get("version", "")))
    old_res, new_res = _resources(old_desc, old), _resources(new_desc, new)
    for name in sorted(old_res.keys() - new_res.keys()):
        result.schema.append(SchemaChange(name, None, "resource removed", "major"))
    for name in sorted(new_res.keys() - old_res.keys()):
        result.schema.append(SchemaChange(name, None, "resource added", "minor"))
    for name in [n for n in new_res if n in old_res]:
        result.schema += _schema_changes(
            name, old_res[name].get("schema", {}), new_res[name].get("schema", {})
        )
    for name in new_res:
        old_rows = _rows(old, old_res[name]) if name in old_res else {}
        result.resources[name] = _row_changes(old_rows, _rows(new, new_res[name]))
    for name in old_res.keys() - new_res.keys():
        result.resources[name] = ResourceDiff(removed=sorted(_rows(old, old_res[name])))
    return result


@contextmanager
def open_package(spec: str | Path, root: Path = Path(".")) -> Iterator[Path]:
    """A package folder for a folder, a datapackage.json, a repository root, a .zip or a git ref."""
    from kzlabour.versions import git_package

    p = Path(spec)
    if p.is_file() and p.suffix.lower() == ".zip":
        from kzlabour.loader import _extracted

        with _extracted(p) as folder:
            yield folder
    elif p.is_file() and p.name == "datapackage.json":
        yield p.parent
    elif (p / "datapackage.json").is_file():
        yield p
    elif (p / "datapackage" / "datapackage.json").is_file():
        yield p / "datapackage"
    elif p.exists():
        raise PackageError(f"{p}: neither a package folder, a datapackage.json, a .zip nor a repository root")
    elif p.suffix.lower() in (".zip", ".json") or p.is_absolute():
        raise PackageError(f"{p}: no such file or folder")
    else:
        with git_package(root, str(spec)) as folder:
            yield folder


def _descriptor(folder: Path) -> dict[str, Any]:
    path = folder / "datapackage.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PackageError(f"{path}: not a readable JSON descriptor ({exc})") from None
    if not isinstance(data, dict):
        raise PackageError(f"{path}: the descriptor is not a JSON object")
    return data


def _resources(descriptor: dict[str, Any], folder: Path) -> dict[str, dict[str, Any]]:
    from kzlabour.checks.resources import unsafe_path

    out = {}
    for res in descriptor.get("resources", []):
        name, path = res.get("name"), res.get("path")
        if not isinstance(name, str) or not isinstance(path, str) or unsafe_path(path):
            raise PackageError(f"{folder}/datapackage.json: resource {name!r} has no safe relative path")
        out[name] = res
    return out


def _fields(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in schema.get("fields", []) if isinstance(f, dict) and "name" in f}


def _schema_changes(resource: str, old: dict[str, Any], new: dict[str, Any]) -> list[SchemaChange]:
    changes: list[SchemaChange] = []
    of, nf = _fields(old), _fields(new)
    removed = [n for n in of if n not in nf]
    added = [n for n in nf if n not in of]
    renamed: dict[str, str] = {}
    for name in removed:
        twin = next((a for a in added if a not in renamed.values() and _same_shape(of[name], nf[a])), None)
        if twin is not None and len(removed) == len(added):
            renamed[name] = twin
    for name in removed:
        change = f"field renamed to {renamed[name]!r}" if name in renamed else "field removed"
        changes.append(SchemaChange(resource, name, change, "major"))
    for name in added:
        if name in renamed.values():
            continue
        required = _constraints(nf[name]).get("required", False)
        changes.append(
            SchemaChange(
                resource,
                name,
                f"{'required' if required else 'optional'} field added",
                "major" if required else "minor",
            )
        )
    for name in [n for n in nf if n in of]:
        changes += _field_changes(resource, name, of[name], nf[name])
    for key, label in (("primaryKey", "primary key"), ("foreignKeys", "foreign keys")):
        if old.get(key) != new.get(key):
            changes.append(SchemaChange(resource, None, f"{label} changed", "major"))
    return changes


def _same_shape(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a.get("type") == b.get("type") and _constraints(a) == _constraints(b))


def _constraints(f: dict[str, Any]) -> dict[str, Any]:
    value = f.get("constraints", {})
    return value if isinstance(value, dict) else {}


def _field_changes(resource: str, name: str, old: dict[str, Any], new: dict[str, Any]) -> list[SchemaChange]:
    out = []
    if old.get("type") != new.get("type") or old.get("format") != new.get("format"):
        out.append(SchemaChange(resource, name, f"retyped {old.get('type')} -> {new.get('type')}", "major"))
    oc, nc = _constraints(old), _constraints(new)
    if nc.get("required", False) and not oc.get("required", False):
        out.append(SchemaChange(resource, name, "now required", "major"))
    elif oc.get("required", False) and not nc.get("required", False):
        out.append(SchemaChange(resource, name, "now optional", "minor"))
    if "enum" in oc or "enum" in nc:
        before, after = set(oc.get("enum", [])), set(nc.get("enum", []))
        if "enum" not in nc:
            out.append(SchemaChange(resource, name, "enum constraint dropped", "minor"))
        elif "enum" not in oc or before - after:
            gone = ", ".join(sorted(map(str, before - after))) or "all values"
            out.append(SchemaChange(resource, name, f"enum values removed: {gone}", "major"))
        elif after - before:
            out.append(
                SchemaChange(
                    resource,
                    name,
                    f"enum values added: {', '.join(sorted(map(str, after - before)))}",
                    "minor",
                )
            )
    others = {k for k in oc.keys() | nc.keys() if k not in ("required", "enum") and oc.get(k) != nc.get(k)}
    if others:
        out.append(SchemaChange(resource, name, f"constraint changed: {', '.join(sorted(others))}", "major"))
    if not out and old != new:
        out.append(SchemaChange(resource, name, "description or title changed", "patch"))
    return out


def _rows(folder: Path, resource: dict[str, Any]) -> dict[str, dict[str, str]]:
    path = folder / resource["path"]
    key = resource.get("schema", {}).get("primaryKey") or []
    key = [key] if isinstance(key, str) else list(key)
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            records = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise PackageError(f"{path}: cannot be read ({exc})") from None
    out = {}
    for n, record in enumerate(records, start=2):
        ident = _KEY_SEP.join(str(record.get(k, "")) for k in key) if key else str(n)
        out[ident] = {str(k): v or "" for k, v in record.items()}
    return out


def _row_changes(old: dict[str, dict[str, str]], new: dict[str, dict[str, str]]) -> ResourceDiff:
    diff = ResourceDiff(
        added=[k for k in new if k not in old],
        removed=[k for k in old if k not in new],
    )
    for key in [k for k in new if k in old]:
        # fields only one side has are schema changes, reported as such
        common = old[key].keys() & new[key].keys()
        fields = sorted(f for f in common if old[key][f] != new[key][f])
        if fields:
            diff.changed[key] = fields
    return diff
