"""sources/ -> parse -> curation -> tables -> datapackage/ (validated, written atomically).

A build is a pure function of the repository's sources, curation and the
code: the same inputs give the same bytes (no clock, no set ordering), and the
previous package is replaced only by a complete, valid new one.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, overload

from kzlabour.errors import CurationError, KzlabourError
from kzlabour.models import Letter
from kzlabour.models.rows import ROW_MODELS, Row, SourceRow
from kzlabour.sources import SourceText

__all__ = ["BuildResult", "build", "check_build", "plan_build"]

PACKAGE_DIR = "datapackage"
_NEW_PREFIX = f".{PACKAGE_DIR}.new-"


@dataclass
class BuildResult:
    """What a build writes (file name -> bytes), the published letters and the curation notices."""

    files: dict[str, bytes]
    letters: list[Letter]
    notices: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    version: str = ""
    path: Path | None = None
    inputs: str = ""  # kzlabour.buildstamp.inputs_key of what the build read ("" without cache)

    def describe(self) -> str:
        where = f" -> {self.path}" if self.path else ""
        lines = [
            f"kzlabour data package {self.version}{where}",
            "  " + ", ".join(f"{n} {name}" for name, n in self.counts.items()),
        ]
        if self.notices:
            lines.append(
                f"  {len(self.notices)} curation notices (overrides the parser now matches): "
                "`kzlabour validate` lists them"
            )
        return "\n".join(lines)


def plan_build(root: Path, *, jobs: int | None = None, cache: bool = True) -> BuildResult:
    """Everything a build would write, computed in memory; raises KzlabourError on bad input.

    Texts are parsed in `jobs` processes (default: every core, for larger corpora) and,
    with `cache`, parse results are reused from `.kzlabour-cache/` (see kzlabour.cache).
    """
    from kzlabour import __version__
    from kzlabour.buildstamp import inputs_key
    from kzlabour.bulk import gc_paused, models_in, share_fields_set
    from kzlabour.parallel import parse_sources
    from kzlabour.sources import read_source, source_paths

    sources_dir, curation_dir = root / "sources", root / "curation"
    if not sources_dir.is_dir():
        raise KzlabourError(f"{sources_dir}: no sources folder (run kzlabour at the repository root)")
    texts = [read_source(p) for p in source_paths(sources_dir)]
    _check_orphan_curation(curation_dir, {t.path.stem for t in texts})
    letters: list[Letter] = []
    notices: list[str] = []
    parsed = parse_sources(root, texts, jobs=jobs, cache=cache)
    with gc_paused():  # after parsing (worker processes inherit nothing from here)
        for src, src_parsed in zip(texts, parsed, strict=True):
            source_letters, source_notices = letters_of(root, src, parsed=src_parsed)
            letters += source_letters
            notices += source_notices
        del parsed
        share_fields_set(models_in(letters))
        files, counts = package_files(root, texts, letters)
    inputs = inputs_key(root, texts) if cache else ""  # the build stamp lives in the cache
    return BuildResult(files, letters, notices, counts, __version__, inputs=inputs)


def letters_of(
    root: Path, src: SourceText, parsed: list[Letter] | None = None
) -> tuple[list[Letter], list[str]]:
    """The published letters of one source text (parsed, then curated) and its curation notices.

    `parsed` is the parser's output for the text with its curated spans, when already computed.
    """
    from kzlabour.curate import apply_curation, curation_path, read_curation
    from kzlabour.parser import parse

    cpath = curation_path(root / "curation", src.name)
    curation = read_curation(cpath) if cpath.is_file() else None
    if curation is not None and curation.source != src.name:
        raise CurationError(f"{cpath}: source: names {curation.source!r}, but the file curates {src.name}")
    spans = list(curation.spans) if curation and curation.spans is not None else None
    if parsed is None:
        parsed = parse(src.text, src.name, src.sha256, spans=spans)
    if curation is None:
        return parsed, []
    result = apply_curation(parsed, curation, cpath.relative_to(root))
    return result.letters, result.notices


def curation_sha256(root: Path, source_name: str) -> str | None:
    """SHA-256 of the curation file of a source text, None when it has none."""
    import hashlib

    from kzlabour.curate import curation_path

    cpath = curation_path(root / "curation", source_name)
    return hashlib.sha256(cpath.read_bytes()).hexdigest() if cpath.is_file() else None


def letters_sha256(letters: Sequence[Letter]) -> str:
    """SHA-256 of letters as canonical JSON: what `kzlabour validate` checks committed rows against."""
    import hashlib
    import json

    data = [letter.model_dump(mode="json") for letter in letters]
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def package_files(
    root: Path, texts: Sequence[SourceText], letters: Sequence[Letter]
) -> tuple[dict[str, bytes], dict[str, int]]:
    """The package's files (name -> bytes) and row counts for these texts and their published letters."""
    from kzlabour import __version__
    from kzlabour.parser import PARSER_VERSION
    from kzlabour.registry import read_registry, resolve_letters
    from kzlabour.schema import dump_json, package_descriptor
    from kzlabour.tables import letters_to_tables, letters_with_ids

    by_source: dict[str, list[Letter]] = {}
    for letter in letters:
        by_source.setdefault(letter.source.path, []).append(letter)
    rows = [
        SourceRow(
            file=s.name,
            sha256=s.sha256,
            parser_version=PARSER_VERSION,
            curation_sha256=curation_sha256(root, s.name),
            letters_sha256=letters_sha256(by_source.get(s.name, [])),
            **s.provenance.model_dump(),
        )
        for s in texts
    ]
    resolution = resolve_letters(letters_with_ids(letters), read_registry(root))
    tables = letters_to_tables(letters, rows, resolution)
    del resolution  # the largest structure besides the rows: free it before the CSV is written
    resources = tables.resources()
    _check_keys(resources)
    counts = {name: len(model_rows) for name, model_rows in resources.items()}
    del tables
    files = {}
    for name in list(resources):
        # Each table's rows are dropped once written: the peak holds one table twice, not all.
        files[f"{name}.csv"] = _csv_bytes(resources.pop(name), _model_for(name))
    created = max((s.provenance.retrieved for s in texts), default="1970-01-01")
    descriptor = package_descriptor(
        version=__version__,
        created=f"{created}T00:00:00Z",
        sources=[_source_entry(s.provenance.title, s.provenance.url) for s in texts],
    )
    files["datapackage.json"] = dump_json(descriptor).encode("utf-8")
    return files, counts


def _check_keys(resources: dict[str, Sequence[Row]]) -> None:
    """Primary and foreign keys of the tables a build made, before any byte is written.

    Types, enums and patterns need no second check: every row is a validated row model, and the
    Table Schemas are generated from those models (a test fails when they drift). Frictionless
    checks the written package again in `kzlabour validate` and `kzlabour release`.
    """
    from kzlabour.errors import PackageError
    from kzlabour.untrusted import check_keys

    files = {m.resource: Path(PACKAGE_DIR, f"{m.resource}.csv") for m in ROW_MODELS}
    try:
        check_keys(resources, ROW_MODELS, files)
    except PackageError as exc:
        raise KzlabourError(f"the built package would be invalid, nothing was written: {exc}") from None


def _source_entry(title: str, url: str | None) -> dict[str, str]:
    return {"title": title, "path": url} if url else {"title": title}


def _check_orphan_curation(curation_dir: Path, stems: set[str]) -> None:
    if not curation_dir.is_dir():
        return
    for path in sorted(curation_dir.glob("*.yaml")):
        if path.stem not in stems:
            raise CurationError(f"{path}: curates sources/{path.stem}.txt, which does not exist")


def _model_for(resource: str) -> type[Row]:
    return next(m for m in ROW_MODELS if m.resource == resource)


def _csv_bytes(rows: Sequence[Row], model: type[Row]) -> bytes:
    """RFC 4180 CSV, UTF-8, \\n line ends; null is the empty cell (models forbid empty strings)."""
    out = io.BytesIO()
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text, lineterminator="\n")
    names = list(model.model_fields)
    writer.writerow(names)
    for row in rows:
        data = row.model_dump(mode="json")
        writer.writerow(["" if data[n] is None else data[n] for n in names])
    text.flush()
    return out.getvalue()


def build(root: Path = Path("."), *, jobs: int | None = None, cache: bool = True) -> BuildResult:
    """Build datapackage/ and schema/ under `root`; the old package is replaced only by a valid new one.

    `jobs` and `cache` are those of `plan_build`. The new package's keys are checked in memory
    before anything is written (see `_check_keys`); `kzlabour validate` adds Frictionless.
    """
    from kzlabour import buildstamp
    from kzlabour.schema import write_schemas

    target = root / PACKAGE_DIR
    _recover(target)
    result = plan_build(root, jobs=jobs, cache=cache)
    tmp = Path(tempfile.mkdtemp(prefix=_NEW_PREFIX, dir=root))
    try:
        os.chmod(tmp, 0o755)
        for name, data in sorted(result.files.items()):
            _write_file(tmp / name, data)
        _swap(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    write_schemas(root / "schema")
    if result.inputs:
        buildstamp.record(root, result.inputs, result.files)
    result.path = target
    return result


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _swap(new: Path, target: Path) -> None:
    """Replace `target` by `new` so that a kill at any moment leaves the old or the new folder.

    On Linux one atomic exchange (renameat2 RENAME_EXCHANGE); elsewhere two renames,
    and `_recover` puts the old folder back if a kill fell between them.
    """
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists() and _exchange(new, target):
        os.rename(new, old)  # after the exchange, `new` holds the previous package
    else:
        if target.exists():
            os.rename(target, old)
        os.rename(new, target)
    _fsync_dir(target.parent)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False where the system cannot."""
    import ctypes
    import errno
    import sys

    if sys.platform != "linux":
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _fsync_dir(folder: Path) -> None:
    """Make the renames in `folder` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _recover(target: Path) -> None:
    """Undo what an interrupted build left: the old folder put back, unfinished new folders removed."""
    old = target.with_name(f".{target.name}.old")
    if old.is_dir() and not target.exists():
        os.rename(old, target)
    shutil.rmtree(old, ignore_errors=True)
    for leftover in sorted(target.parent.glob(_NEW_PREFIX + "*")):
        shutil.rmtree(leftover, ignore_errors=True)


@overload
def check_build(root: Path = ..., with_notices: Literal[False] = ...) -> list[str]: ...
@overload
def check_build(root: Path = ..., *, with_notices: Literal[True]) -> tuple[list[str], list[str]]: ...
def check_build(
    root: Path = Path("."), with_notices: bool = False
) -> list[str] | tuple[list[str], list[str]]:
    """Drift: one line per file of datapackage/ or schema/ that differs from what a build would write.

    With `with_notices`, also the curation notices of that build.
    """
    from kzlabour.schema import write_schemas

    result = plan_build(root)
    target = root / PACKAGE_DIR
    drift = []
    for name, data in sorted(result.files.items()):
        path = target / name
        if not path.is_file():
            drift.append(f"{PACKAGE_DIR}/{name} is missing")
        elif path.read_bytes() != data:
            drift.append(f"{PACKAGE_DIR}/{name} differs from a fresh build")
    if target.is_dir():
        drift += [
            f"{PACKAGE_DIR}/{p.name} is not written by a build"
            for p in sorted(target.iterdir())
            if p.name not in result.files
        ]
    drift += [f"schema/{name} differs from the models" for name in write_schemas(root / "schema", check=True)]
    return (drift, result.notices) if with_notices else drift
