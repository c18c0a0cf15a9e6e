"""Checks for data packages from elsewhere: remote URLs, links, checksums and keys.

`kzlabour.load` treats every package it is given as untrusted. This module holds
the checks it applies beside the archive checks in `loader.py`: a URL is fetched
only when the caller allows it (and then within a size limit), no file of the
package may be a symbolic link or leave the package, `SHA256SUMS` (when the
package has one) must match every file it lists, and every primary and foreign
key must hold, so that no partial or inconsistent Dataset is ever returned.
Every failure is a PackageError naming the file and what is wrong.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from kzlabour.errors import PackageError

if TYPE_CHECKING:
    from kzlabour.models.rows import Row

__all__ = [
    "MAX_DESCRIPTOR_BYTES",
    "MAX_REMOTE_BYTES",
    "check_inside",
    "check_keys",
    "check_resource_path",
    "fetch",
    "is_url",
    "read_descriptor",
    "verify_checksums",
]

MAX_DESCRIPTOR_BYTES = 10_000_000
MAX_REMOTE_BYTES = 200_000_000
CHECKSUMS = "SHA256SUMS"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_SUM_LINE = re.compile(r"^([0-9a-fA-F]{64}) [ *](.+)$")


def is_url(text: str) -> bool:
    """Whether a path string is a URL (scheme://...), which the Data Package spec allows for resources."""
    return bool(_URL.match(text))


def check_resource_path(name: str, rpath: str, where: Path | str, allow_remote: bool) -> None:
    """A resource path must be relative, inside the package, without `..`; a URL only when allowed."""
    if is_url(rpath):
        if not allow_remote:
            raise PackageError(
                f"{where}: resource {name!r} path {rpath!r} is a remote URL and leaves the package; "
                "refused (pass allow_remote=True to download it)"
            )
        if not rpath.lower().startswith(("https://", "http://")):
            raise PackageError(f"{where}: resource {name!r} URL {rpath!r} is not http(s); refused")
        return
    pure = PurePosixPath(rpath)
    if not rpath or pure.is_absolute() or ".." in pure.parts or "\\" in rpath or ":" in rpath:
        raise PackageError(f"{where}: resource {name!r} path {rpath!r} leaves the package; refused")


def check_inside(folder: Path, path: Path) -> None:
    """A package file must be a regular file inside the package folder, not a symbolic link."""
    if path.is_symlink():
        raise PackageError(f"{path}: is a symbolic link; refused (a package holds plain files)")
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        raise PackageError(f"{path}: lies outside the package folder {folder}; refused") from None
    if path.exists() and not path.is_file():
        raise PackageError(f"{path}: is not a regular file")


def read_descriptor(path: Path, max_bytes: int = MAX_DESCRIPTOR_BYTES) -> dict[str, Any]:
    """The JSON object of a datapackage.json, within a size limit; PackageError for anything else."""
    import json

    check_inside(path.parent, path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PackageError(f"{path}: is {size} bytes, over the {max_bytes}-byte limit for a descriptor")
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        problem = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise PackageError(f"{path}: not a readable JSON descriptor ({problem})") from None
    if not isinstance(descriptor, dict):
        raise PackageError(f"{path}: the descriptor is not a JSON object")
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
        raise PackageError(f"{path}: `resources` is not a list of objects")
    return descriptor


def fetch(url: str, dest: Path, max_bytes: int = MAX_REMOTE_BYTES, timeout: float = 60.0) -> Path:
    """Download an http(s) URL to `dest`, refusing more than `max_bytes`; PackageError on any failure."""
    import urllib.error
    import urllib.request

    if not url.lower().startswith(("https://", "http://")):
        raise PackageError(f"{url}: only http(s) URLs can be downloaded")
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, open(dest, "wb") as out:
            total = 0
            while chunk := response.read(1 << 16):
                total += len(chunk)
                if total > max_bytes:
                    raise PackageError(f"{url}: larger than the {max_bytes}-byte download limit; refused")
                out.write(chunk)
    except (OSError, ValueError, urllib.error.URLError) as exc:
        raise PackageError(f"{url}: cannot be downloaded ({exc})") from None
    return dest


def verify_checksums(folder: Path) -> list[str]:
    """Check every file `folder/SHA256SUMS` lists (sha256sum format); the names checked, [] without one."""
    sums = folder / CHECKSUMS
    if not sums.exists():
        return []
    check_inside(folder, sums)
    try:
        lines = sums.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PackageError(f"{sums}: cannot be read ({exc})") from None
    checked = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        match = _SUM_LINE.match(line)
        if not match:
            raise PackageError(f"{sums}:{n}: not a `SHA256  FILE` line")
        digest, name = match.group(1).lower(), match.group(2)
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts or "\\" in name:
            raise PackageError(f"{sums}:{n}: {name!r} points outside the package; refused")
        path = folder / name
        check_inside(folder, path)
        if not path.is_file():
            raise PackageError(f"{sums}:{n}: lists {name}, which is missing")
        if _sha256(path) != digest:
            raise PackageError(f"{path}: its SHA-256 does not match {CHECKSUMS}; the file was altered")
        checked.append(name)
    return checked


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def check_keys(
    tables: Mapping[str, Sequence[Row]], models: Sequence[type[Row]], files: Mapping[str, Path]
) -> None:
    """Primary keys unique and every foreign key present (null references allowed), else PackageError.

    Keys are compared a whole column at a time (sets); only when a check fails are the rows
    walked, to name the first offending row as `file:LINE` (LINE 2 is the first row), in the
    order the checks run: every primary key, then every foreign key, in `models` order.
    """
    keys: dict[str, set[Any]] = {}
    for model in models:
        column = _column(tables.get(model.resource, []), model.primary_key)
        unique = set(column)
        if len(unique) != len(column):
            seen: set[Any] = set()
            for n, key in enumerate(column, start=2):
                if key in seen:
                    raise PackageError(
                        f"{files[model.resource]}:{n}: duplicate primary key {_show(model.primary_key, key)}"
                    )
                seen.add(key)
        keys[model.resource] = unique
    for model in models:
        for fields, resource, ref_fields in model.foreign_keys:
            targets = keys.get(resource)
            if targets is None:
                continue
            if ref_fields != tuple(next(m for m in models if m.resource == resource).primary_key):
                targets = set(_column(tables.get(resource, []), ref_fields))
            values = _column(tables.get(model.resource, []), fields)
            missing = {v for v in set(values) - targets if not _has_null(v, len(fields))}
            if not missing:
                continue
            for n, value in enumerate(values, start=2):
                if value in missing:
                    raise PackageError(
                        f"{files[model.resource]}:{n}: {_show(fields, value)} "
                        f"is not in {resource} (broken foreign key)"
                    )


def _column(rows: Sequence[Row], fields: Sequence[str]) -> list[Any]:
    """The key of every row: the value itself for a one-field key, else the tuple of values."""
    from operator import attrgetter

    return list(map(attrgetter(*fields), rows))


def _has_null(key: Any, width: int) -> bool:
    return key is None if width == 1 else any(v is None for v in key)


def _show(fields: Sequence[str], key: Any) -> str:
    values = (key,) if len(fields) == 1 else key
    return ", ".join(f"{f}={v!r}" for f, v in zip(fields, values, strict=True))
