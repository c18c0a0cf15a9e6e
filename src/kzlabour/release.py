"""`kzlabour release`: dist/kzlabour-data-VERSION.zip, the same bytes every time it is built.

The archive holds the data package at its top (so `kzlabour.load(zip)` and
Frictionless open it directly), the source texts with their sidecars under
`sources/`, CITATION.cff when there is one, and `SHA256SUMS` listing every
other member. Members are sorted, time-stamped 1980-01-01 and stored with
fixed permissions and compression: two builds of the same tree are
byte-identical.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from kzlabour.atomicio import write_atomic
from kzlabour.errors import KzlabourError

__all__ = ["SUMS_NAME", "release", "release_members"]

SUMS_NAME = "SHA256SUMS"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def release_members(root: Path) -> dict[str, bytes]:
    """Archive member name -> bytes: the package, the sources, CITATION.cff and SHA256SUMS."""
    package = root / "datapackage"
    members: dict[str, bytes] = {}
    for path in sorted(package.iterdir()):
        if path.is_file():
            members[path.name] = path.read_bytes()
    for path in sorted((root / "sources").iterdir()):
        if path.is_file() and path.suffix in (".txt", ".yaml"):
            members[f"sources/{path.name}"] = path.read_bytes()
    if (root / "CITATION.cff").is_file():
        members["CITATION.cff"] = (root / "CITATION.cff").read_bytes()
    sums = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(members.items()))
    members[SUMS_NAME] = sums.encode("ascii")
    return members


def release(root: Path | str = ".", out: Path | str | None = None, check: bool = True) -> Path:
    """Write `out/kzlabour-data-VERSION.zip` (default out: root/dist) and return its path.

    With `check` (the default) the package must be up to date with a build and valid, and its
    version must be the project's; a KzlabourError says what to fix otherwise.
    """
    from kzlabour.versions import is_semver, project_version

    root = Path(root)
    descriptor = root / "datapackage" / "datapackage.json"
    if not descriptor.is_file():
        raise KzlabourError(f"{descriptor}: no data package to release (run `kzlabour build`)")
    version = project_version(root)
    if version is None or not is_semver(version):
        raise KzlabourError(f"{root}: version {version!r} is not a semantic version")
    if check:
        _check_releasable(root, version)
    target = Path(out) if out is not None else root / "dist"
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"kzlabour-data-{version}.zip"
    write_atomic(path, zip_bytes(release_members(root)))
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A deterministic zip: sorted names, fixed times, permissions, system and compression level."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            zf.writestr(info, members[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


def _check_releasable(root: Path, version: str) -> None:
    import json

    from kzlabour.package import check_build
    from kzlabour.validation import validate_package

    packaged = json.loads((root / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    if packaged.get("version") != version:
        raise KzlabourError(
            f"datapackage/datapackage.json: version {packaged.get('version')!r} is not {version} "
            "(run `kzlabour build`)"
        )
    drift = check_build(root)
    if drift:
        raise KzlabourError(f"{drift[0]}: the package is not up to date (run `kzlabour build`)")
    report = validate_package(root / "datapackage")
    if not report.ok:
        first = report.errors[0]
        raise KzlabourError(f"{first.where()}: {first.message} (the package is invalid; nothing released)")
