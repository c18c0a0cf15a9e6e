"""Open a kzlabour data package as typed models: the bundled one, a folder, a datapackage.json or a .zip.

A package from elsewhere is untrusted: resource paths must stay inside it,
archives are checked before extraction, and any bad row is a PackageError
naming the file and row; no partial Dataset is ever returned.
"""

from __future__ import annotations

import csv
import json
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from kzlabour.errors import PackageError
from kzlabour.models import Letter
from kzlabour.models.rows import ROW_MODELS, OrganisationRow, PersonRow, Row

__all__ = ["Dataset", "bundled_package", "load"]

MAX_ZIP_BYTES = 200_000_000
MAX_ZIP_RATIO = 200


@dataclass(frozen=True)
class Dataset:
    """A loaded data package: letters as models, plus its name, version and origin."""

    name: str
    version: str
    origin: str
    letters: list[Letter]
    organisations: list[OrganisationRow]
    people: list[PersonRow]

    def describe(self) -> str:
        demands = sum(len(letter.demands) for letter in self.letters)
        return "\n".join(
            [
                f"{self.name} {self.version}",
                f"loaded from {self.origin}",
                f"letters {len(self.letters)}, organisations {len(self.organisations)}, "
                f"people {len(self.people)}, demands {demands}",
            ]
        )


def bundled_package() -> Path:
    """The package shipped with the library (wheel), or the repository's (editable install)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / "datapackage", here.parent.parent / "datapackage"):
        if (candidate / "datapackage.json").is_file():
            return candidate
    raise PackageError(
        "no bundled data package found: reinstall kzlabour, or run `kzlabour build` in a checkout"
    )


def load(path: str | Path | None = None) -> Dataset:
    """Load a data package: None for the bundled one, else a folder, a datapackage.json or a .zip."""
    if path is None:
        return _load_folder(bundled_package())
    p = Path(path)
    if not p.exists():
        raise PackageError(f"{p}: no such file or folder")
    if p.is_file() and p.suffix.lower() == ".zip":
        with _extracted(p) as folder:
            dataset = _load_folder(folder)
            return Dataset(
                dataset.name, dataset.version, str(p), dataset.letters, dataset.organisations, dataset.people
            )
    if p.is_file():
        return _load_folder(p.parent, descriptor_name=p.name)
    return _load_folder(p)


@contextmanager
def _extracted(archive: Path) -> Iterator[Path]:
    """Extract a package archive after checking it: no path escaping, no links, no zip bomb."""
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise PackageError(f"{archive}: not a readable zip archive ({exc})") from None
    with zf, tempfile.TemporaryDirectory(prefix="kzlabour-") as tmp:
        total = 0
        for info in zf.infolist():
            _check_member(archive, info)
            total += info.file_size
            if total > MAX_ZIP_BYTES:
                raise PackageError(f"{archive}: unpacks to over {MAX_ZIP_BYTES} bytes; refused")
        zf.extractall(tmp)
        roots = [d for d in Path(tmp).rglob("datapackage.json")]
        if not roots:
            raise PackageError(f"{archive}: holds no datapackage.json")
        yield min(roots, key=lambda r: len(r.parts)).parent


def _check_member(archive: Path, info: zipfile.ZipInfo) -> None:
    name = PurePosixPath(info.filename)
    if name.is_absolute() or ".." in name.parts or "\\" in info.filename:
        raise PackageError(f"{archive}: member {info.filename!r} points outside the archive; refused")
    if (info.external_attr >> 16) & 0o170000 == 0o120000:
        raise PackageError(f"{archive}: member {info.filename!r} is a symbolic link; refused")
    if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
        raise PackageError(
            f"{archive}: member {info.filename!r} compresses over {MAX_ZIP_RATIO}:1 (zip bomb?)"
        )


def _load_folder(folder: Path, descriptor_name: str = "datapackage.json") -> Dataset:
    from kzlabour.tables import Tables, tables_to_letters

    descriptor_path = folder / descriptor_name
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(f"{descriptor_path}: not a readable JSON descriptor ({exc})") from None
    if not isinstance(descriptor, dict):
        raise PackageError(f"{descriptor_path}: the descriptor is not a JSON object")
    paths = _resource_paths(descriptor, descriptor_path)
    tables = Tables()
    for model in ROW_MODELS:
        if model.resource not in paths:
            raise PackageError(f"{descriptor_path}: no resource {model.resource!r}")
        rows = _read_rows(folder / paths[model.resource], model)
        setattr(tables, model.resource, rows)
    try:
        letters = tables_to_letters(tables)
    except (KeyError, ValueError) as exc:
        raise PackageError(f"{folder}: inconsistent tables ({exc})") from None
    return Dataset(
        name=str(descriptor.get("name", "")),
        version=str(descriptor.get("version", "")),
        origin=str(folder),
        letters=letters,
        organisations=tables.organisations,
        people=tables.people,
    )


def _resource_paths(descriptor: dict[str, Any], where: Path) -> dict[str, str]:
    """Resource name -> relative path, refusing URLs, absolute paths and `..` (Data Package spec)."""
    paths = {}
    for resource in descriptor.get("resources", []):
        name, rpath = resource.get("name"), resource.get("path")
        if not isinstance(name, str) or not isinstance(rpath, str):
            raise PackageError(f"{where}: a resource without a name or a single path")
        pure = PurePosixPath(rpath)
        if "://" in rpath or pure.is_absolute() or ".." in pure.parts or "\\" in rpath:
            raise PackageError(f"{where}: resource {name!r} path {rpath!r} leaves the package; refused")
        paths[name] = rpath
    return paths


def _read_rows(path: Path, model: type[Row]) -> list[Any]:
    from pydantic import ValidationError

    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            expected = list(model.model_fields)
            if reader.fieldnames != expected:
                raise PackageError(f"{path}: header {reader.fieldnames} is not {expected}")
            rows = []
            for n, record in enumerate(reader, start=2):
                try:
                    rows.append(model.model_validate(_typed(record), strict=False))
                except ValidationError as exc:
                    first = exc.errors()[0]
                    field = ".".join(str(x) for x in first["loc"])
                    raise PackageError(f"{path}:{n}: {field}: {first['msg']}") from None
                except ValueError as exc:
                    raise PackageError(f"{path}:{n}: {exc}") from None
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise PackageError(f"{path}: cannot be read ({exc})") from None


def _typed(record: dict[str | None, str | None]) -> dict[str, Any]:
    """CSV text to values: the empty cell is null; the row model converts the rest."""
    if None in record or None in record.values():
        raise ValueError("the row has more or fewer cells than the header")
    return {str(k): (None if v == "" else v) for k, v in record.items()}
