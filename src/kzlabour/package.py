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

__all__ = ["BuildResult", "build", "check_build", "plan_build"]

PACKAGE_DIR = "datapackage"


@dataclass
class BuildResult:
    """What a build writes (file name -> bytes), the published letters and the curation notices."""

    files: dict[str, bytes]
    letters: list[Letter]
    notices: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    version: str = ""
    path: Path | None = None

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


def plan_build(root: Path) -> BuildResult:
    """Everything a build would write, computed in memory; raises KzlabourError on bad input."""
    from kzlabour import __version__
    from kzlabour.curate import apply_curation, curation_path, read_curation
    from kzlabour.parse import PARSER_VERSION, parse
    from kzlabour.schema import dump_json, package_descriptor
    from kzlabour.sources import read_source, source_paths
    from kzlabour.tables import letters_to_tables

    sources_dir, curation_dir = root / "sources", root / "curation"
    if not sources_dir.is_dir():
        raise KzlabourError(f"{sources_dir}: no sources folder (run kzlabour at the repository root)")
    texts = [read_source(p) for p in source_paths(sources_dir)]
    _check_orphan_curation(curation_dir, {t.path.stem for t in texts})
    letters: list[Letter] = []
    notices: list[str] = []
    for src in texts:
        cpath = curation_path(curation_dir, src.name)
        curation = read_curation(cpath) if cpath.is_file() else None
        if curation is not None and curation.source != src.name:
            raise CurationError(
                f"{cpath}: source: names {curation.source!r}, but the file curates {src.name}"
            )
        spans = list(curation.spans) if curation and curation.spans is not None else None
        parsed = parse(src.text, src.name, src.sha256, spans=spans)
        if curation is None:
            letters += parsed
            continue
        result = apply_curation(parsed, curation, cpath.relative_to(root))
        letters += result.letters
        notices += result.notices
    rows = [
        SourceRow(file=s.name, sha256=s.sha256, parser_version=PARSER_VERSION, **s.provenance.model_dump())
        for s in texts
    ]
    tables = letters_to_tables(letters, rows)
    files = {
        f"{name}.csv": _csv_bytes(model_rows, _model_for(name))
        for name, model_rows in tables.resources().items()
    }
    created = max((s.provenance.retrieved for s in texts), default="1970-01-01")
    descriptor = package_descriptor(
        version=__version__,
        created=f"{created}T00:00:00Z",
        sources=[_source_entry(s.provenance.title, s.provenance.url) for s in texts],
    )
    files["datapackage.json"] = dump_json(descriptor).encode("utf-8")
    counts = {name: len(model_rows) for name, model_rows in tables.resources().items()}
    return BuildResult(files, letters, notices, counts, __version__)


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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = list(model.model_fields)
    writer.writerow(names)
    for row in rows:
        data = row.model_dump(mode="json")
        writer.writerow(["" if data[n] is None else data[n] for n in names])
    return out.getvalue().encode("utf-8")


def build(root: Path = Path(".")) -> BuildResult:
    """Build datapackage/ and schema/ under `root`; the old package is replaced only by a valid new one."""
    from kzlabour.schema import write_schemas
    from kzlabour.validation import validate_package

    result = plan_build(root)
    target = root / PACKAGE_DIR
    _recover(target)
    tmp = Path(tempfile.mkdtemp(prefix=".datapackage.new-", dir=root))
    try:
        for name, data in sorted(result.files.items()):
            _write_file(tmp / name, data)
        report = validate_package(tmp)
        if not report.ok:
            raise KzlabourError(
                "the built package is invalid, nothing was replaced:\n" + report.render("text")
            )
        _swap(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    write_schemas(root / "schema")
    result.path = target
    return result


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _swap(new: Path, target: Path) -> None:
    """Replace `target` by `new`: two renames; `_recover` restores the old folder if killed between them."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.rename(target, old)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _recover(target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    if old.is_dir() and not target.exists():
        os.rename(old, target)


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
