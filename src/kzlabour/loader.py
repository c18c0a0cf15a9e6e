"""Open a kzlabour data package as typed models: the bundled one, a folder, a datapackage.json or a .zip.

A package from elsewhere is untrusted: resource paths must stay inside it,
archives are checked before extraction, and any bad row is a PackageError
naming the file and row; no partial Dataset is ever returned.
"""

from __future__ import annotations

import csv
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from kzlabour.errors import PackageError
from kzlabour.models import Letter
from kzlabour.models.rows import ROW_MODELS, OrganisationRow, PersonRow, Row
from kzlabour.untrusted import (
    CHECKSUMS,
    check_inside,
    check_keys,
    check_resource_path,
    fetch,
    is_url,
    read_descriptor,
    verify_checksums,
)

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from kzlabour.registry.views import Entities, OrganisationRecord, PersonRecord
    from kzlabour.tables import Tables

__all__ = ["Dataset", "bundled_package", "load"]

MAX_ZIP_BYTES = 200_000_000
MAX_ZIP_RATIO = 200
MAX_ZIP_MEMBERS = 10_000


@dataclass(frozen=True)
class Dataset:
    """A loaded data package: letters as models, plus its name, version and origin."""

    name: str
    version: str
    origin: str
    letters: list[Letter]
    organisations: list[OrganisationRow]
    people: list[PersonRow]
    # every resource's rows as loaded (exports use them) and the descriptor's metadata (licence, sources)
    tables: Tables | None = field(default=None, repr=False, compare=False)
    descriptor: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def organisation(self, entity_id: str) -> OrganisationRecord:
        """One organisation by id, with its names, members and `.letters`; EntityNotFound if none."""
        return self._entities.organisation(entity_id)

    def person(self, entity_id: str) -> PersonRecord:
        """One person by id, with names, memberships and `.letters`; EntityNotFound if none."""
        return self._entities.person(entity_id)

    def find(self, text: str, limit: int = 10) -> list[OrganisationRecord | PersonRecord]:
        """Organisations and people named like `text` in any script or spelling, best first."""
        return self._entities.find(text, limit=limit)

    @cached_property
    def _entities(self) -> Entities:
        from kzlabour.registry.views import Entities
        from kzlabour.tables import Tables

        tables = self.tables or Tables(organisations=self.organisations, people=self.people)
        return Entities(tables, self.letters)

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


def load(path: str | Path | None = None, *, allow_remote: bool = False) -> Dataset:
    """Load a data package: None for the bundled one, else a folder, a datapackage.json or a .zip.

    The package is untrusted (see `kzlabour.untrusted`): an http(s) URL, as `path` or as a
    resource path, is downloaded only with `allow_remote=True`; anything else is read locally.
    """
    if path is None:
        return _load_folder(bundled_package())
    if is_url(str(path)):
        return _load_remote(str(path), allow_remote)
    p = Path(path)
    if not p.exists():
        raise PackageError(f"{p}: no such file or folder")
    if p.is_file() and p.suffix.lower() == ".zip":
        with _extracted(p) as folder:
            dataset = _load_folder(folder, allow_remote=allow_remote)
            return replace(dataset, origin=str(p))
    if p.is_file():
        return _load_folder(p.parent, descriptor_name=p.name, allow_remote=allow_remote)
    return _load_folder(p, allow_remote=allow_remote)


def _load_remote(url: str, allow_remote: bool) -> Dataset:
    """Download a package archive or descriptor (and the descriptor's relative resources), then load it."""
    if not allow_remote:
        raise PackageError(f"{url}: a remote URL; refused (pass allow_remote=True to download it)")
    from urllib.parse import urljoin, urlsplit

    name = PurePosixPath(urlsplit(url).path).name or "datapackage.json"
    with tempfile.TemporaryDirectory(prefix="kzlabour-remote-") as tmp:
        if name.lower().endswith(".zip"):
            local = fetch(url, Path(tmp) / "package.zip")
        else:
            local = fetch(url, Path(tmp) / "datapackage.json")
            for resource in read_descriptor(local).get("resources", []):
                rpath = resource.get("path")
                if isinstance(rpath, str) and not is_url(rpath):
                    check_resource_path(str(resource.get("name")), rpath, url, allow_remote)
                    fetch(urljoin(url, rpath), Path(tmp) / rpath)
        return replace(load(local, allow_remote=True), origin=url)


@contextmanager
def _extracted(archive: Path) -> Iterator[Path]:
    """Extract a package archive after checking it: no path escaping, no links, no zip bomb."""
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise PackageError(f"{archive}: not a readable zip archive ({exc})") from None
    with zf, tempfile.TemporaryDirectory(prefix="kzlabour-") as tmp:
        members = zf.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise PackageError(f"{archive}: holds {len(members)} members, over {MAX_ZIP_MEMBERS}; refused")
        total = packed = 0
        for info in members:
            _check_member(archive, info)
            total += info.file_size
            packed += info.compress_size
            if total > MAX_ZIP_BYTES:
                raise PackageError(f"{archive}: unpacks to over {MAX_ZIP_BYTES} bytes; refused")
        if total > 1_000_000 and total > MAX_ZIP_RATIO * max(packed, 1):
            raise PackageError(f"{archive}: compresses over {MAX_ZIP_RATIO}:1 in total (zip bomb?); refused")
        zf.extractall(tmp)
        roots = [d for d in Path(tmp).rglob("datapackage.json")]
        if not roots:
            raise PackageError(f"{archive}: holds no datapackage.json")
        for sums in sorted(Path(tmp).rglob(CHECKSUMS), key=lambda r: len(r.parts))[:1]:
            verify_checksums(sums.parent)
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


def _load_folder(
    folder: Path, descriptor_name: str = "datapackage.json", allow_remote: bool = False
) -> Dataset:
    from kzlabour.bulk import gc_paused
    from kzlabour.tables import RowError, Tables, tables_to_letters

    descriptor_path = folder / descriptor_name
    descriptor = read_descriptor(descriptor_path)
    paths = _resource_paths(descriptor, descriptor_path, allow_remote)
    verify_checksums(folder)
    tables = Tables()
    files: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="kzlabour-resources-") as downloads, gc_paused():
        for model in ROW_MODELS:
            if model.resource not in paths:
                raise PackageError(f"{descriptor_path}: no resource {model.resource!r}")
            rpath = paths[model.resource]
            if is_url(rpath):
                files[model.resource] = fetch(rpath, Path(downloads) / f"{model.resource}.csv")
            else:
                files[model.resource] = folder / rpath
                check_inside(folder, files[model.resource])
            setattr(tables, model.resource, _read_rows(files[model.resource], model))
        check_keys(tables.resources(), ROW_MODELS, files)
        try:
            letters = tables_to_letters(tables)
        except RowError as exc:
            # the letter models check more than the row models (blank text, span and flag order)
            raise PackageError(f"{files[exc.resource]}:{exc.index + 2}: {exc.field}: {exc.message}") from None
        except (KeyError, ValueError) as exc:
            raise PackageError(f"{folder}: inconsistent tables ({exc})") from None
    return Dataset(
        name=str(descriptor.get("name", "")),
        version=str(descriptor.get("version", "")),
        origin=str(folder),
        letters=letters,
        organisations=tables.organisations,
        people=tables.people,
        tables=tables,
        descriptor={k: v for k, v in descriptor.items() if k != "resources"},
    )


def _resource_paths(descriptor: dict[str, Any], where: Path, allow_remote: bool = False) -> dict[str, str]:
    """Resource name -> relative path; absolute paths, `..` and unallowed URLs refused (Data Package spec)."""
    paths = {}
    for resource in descriptor.get("resources", []):
        name, rpath = resource.get("name"), resource.get("path")
        if not isinstance(name, str) or not isinstance(rpath, str):
            raise PackageError(f"{where}: a resource without a name or a single path")
        check_resource_path(name, rpath, where, allow_remote)
        if name in paths:
            raise PackageError(f"{where}: resource {name!r} is described twice")
        paths[name] = rpath
    return paths


# Rows validated per pydantic call: large enough to amortise the call, small enough that
# the row dicts waiting for validation stay a small part of the loaded package's memory.
CHUNK_ROWS = 5_000


def _read_rows(path: Path, model: type[Row]) -> list[Any]:
    """The rows of one CSV resource as `model`s (lax: text to int, bool, enum); the empty cell is null.

    Rows are validated a chunk at a time, but the problem reported is always the first in file
    order, as `path:LINE: field: message`, where LINE counts records (the header is 1; blank
    lines are skipped and not counted, as `csv.DictReader` does).
    """
    from pydantic import ValidationError

    from kzlabour.bulk import share_fields_set

    expected = list(model.model_fields)
    adapter = _rows_adapter(model)
    rows: list[Any] = []
    pending: list[dict[str, str | None]] = []
    line = 2  # the line number of pending[0]

    def validate_pending() -> None:
        nonlocal line
        try:
            validated = adapter.validate_python(pending, strict=False)
        except ValidationError as exc:
            # a list's errors come item by item, in order: the first is the first bad row's
            first = exc.errors(include_url=False)[0]
            index, *loc = first["loc"]
            field = ".".join(str(x) for x in loc)
            raise PackageError(f"{path}:{line + int(index)}: {field}: {first['msg']}") from None
        share_fields_set(validated)
        rows.extend(validated)
        line += len(pending)
        pending.clear()

    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header != expected:
                raise PackageError(f"{path}: header {header} is not {expected}")
            width = len(expected)
            try:
                for record in reader:
                    if not record:
                        continue
                    if len(record) != width:
                        validate_pending()
                        raise PackageError(f"{path}:{line}: the row has more or fewer cells than the header")
                    pending.append({k: v or None for k, v in zip(expected, record, strict=True)})
                    if len(pending) >= CHUNK_ROWS:
                        validate_pending()
            except (OSError, UnicodeDecodeError, csv.Error):
                validate_pending()  # a bad row before the unreadable part is the first problem
                raise
            validate_pending()
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise PackageError(f"{path}: cannot be read ({exc})") from None


@cache
def _rows_adapter(model: type[Row]) -> TypeAdapter[list[Any]]:
    """A validator for a list of `model` rows: one call per chunk instead of one per row."""
    from pydantic import TypeAdapter

    return TypeAdapter(list[model])  # type: ignore[valid-type]
