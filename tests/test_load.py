"""load(): bundled, folder, datapackage.json, zip; untrusted packages refused; wheel install."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import kzlabour
from kzlabour import loader
from kzlabour import tables as tables_module
from kzlabour.errors import PackageError
from kzlabour.models.rows import ROW_MODELS, Row
from tests.conftest import ROOT


@pytest.fixture
def package(tmp_path: Path) -> Path:
    folder = tmp_path / "pkg"
    shutil.copytree(ROOT / "datapackage", folder)
    return folder


def test_folder_json_and_zip_give_the_same_letters(package: Path, tmp_path: Path) -> None:
    bundled = kzlabour.load().letters
    assert kzlabour.load(package).letters == bundled
    assert kzlabour.load(package / "datapackage.json").letters == bundled
    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in sorted(package.iterdir()):
            zf.write(f, f"kzlabour-data/{f.name}")
    loaded = kzlabour.load(archive)
    assert loaded.letters == bundled
    assert loaded.origin == str(archive)


def test_zip_slip_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../evil.txt", "x")
    with pytest.raises(PackageError, match="points outside the archive"):
        kzlabour.load(archive)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("datapackage.json", b"0" * 5_000_000)
    with pytest.raises(PackageError, match="zip bomb"):
        kzlabour.load(archive)


@pytest.mark.parametrize("path", ["../letters.csv", "/etc/passwd", "https://example.org/letters.csv"])
def test_resource_paths_must_stay_inside(package: Path, path: str) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text())
    descriptor["resources"][1]["path"] = path
    (package / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(PackageError, match="leaves the package; refused"):
        kzlabour.load(package)


def test_bad_row_names_file_and_row(package: Path) -> None:
    csv = package / "demands.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[3] = "freedom"
    lines[1] = ",".join(cells)
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PackageError, match=r"demands\.csv:2: category"):
        kzlabour.load(package)


def test_bad_json_descriptor(package: Path) -> None:
    (package / "datapackage.json").write_text("{not json")
    with pytest.raises(PackageError, match="not a readable JSON descriptor"):
        kzlabour.load(package)


def test_missing_path() -> None:
    with pytest.raises(PackageError, match="no such file or folder"):
        kzlabour.load("/nonexistent/package")


@pytest.mark.slow
def test_wheel_install_loads_outside_the_repository(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("kzlabour-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        assert "kzlabour/_data/datapackage/datapackage.json" in zf.namelist()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-c", str(ROOT / "constraints.txt")]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True)
    code = "import kzlabour; ds = kzlabour.load(); print(len(ds.letters), ds.letters[0].date, ds.origin)"
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    out = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
        env=clean_env,
    ).stdout.split()
    assert out[:2] == ["5", "2026-05-26"]
    assert "site-packages/kzlabour/_data/datapackage" in out[2]


# --- bulk validation: the first bad row is still named, wherever it lies -------------------------


def _reference_read(path: Path, model: type[Row]) -> list[Row] | str:
    """The rows, or the first problem's message, as load() read tables one row at a time."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        expected = list(model.model_fields)
        if reader.fieldnames != expected:
            return f"{path}: header {reader.fieldnames} is not {expected}"
        rows: list[Row] = []
        for n, record in enumerate(reader, start=2):
            if None in record or None in record.values():
                return f"{path}:{n}: the row has more or fewer cells than the header"
            try:
                cells = {str(k): v or None for k, v in record.items()}
                rows.append(model.model_validate(cells, strict=False))
            except ValidationError as exc:
                first = exc.errors()[0]
                return f"{path}:{n}: {'.'.join(str(x) for x in first['loc'])}: {first['msg']}"
        return rows


# replacement cells: empty, blank, wrong types, bad and good dates, codes and enum values;
# "<drop>" cuts the row short, "<blank>" makes it a blank line
_CELLS = ["", " ", "x", "-1", "0", "7", "abc/1", "2012-13-01", "2012", "KZ", "XX", "en", "freedom", "sender"]
_EDITS = st.sampled_from([*_CELLS, "true", "<drop>", "<blank>"])


@settings(max_examples=150, deadline=None)
@given(
    model=st.sampled_from(ROW_MODELS),
    edits=st.lists(
        st.tuples(st.integers(0, 10_000), st.integers(0, 30), _EDITS),
        max_size=4,
    ),
    chunk=st.integers(1, 7),
)
def test_bulk_reading_agrees_with_row_by_row(
    model: type[Row], edits: list[tuple[int, int, str]], chunk: int
) -> None:
    source = ROOT / "datapackage" / f"{model.resource}.csv"
    records = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"))))
    for row, column, value in edits:
        if len(records) < 2:
            break
        record = records[1 + row % (len(records) - 1)]
        if value == "<blank>":
            record.clear()  # a blank line: skipped, and not counted in line numbers
        elif value == "<drop>" and record:
            del record[column % len(record) :]
        elif record:
            record[column % len(record)] = value
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / source.name
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(records)
        path.write_text(out.getvalue(), encoding="utf-8")
        expected = _reference_read(path, model)
        with patch.object(loader, "CHUNK_ROWS", chunk):
            if isinstance(expected, str):
                with pytest.raises(PackageError) as caught:
                    loader._read_rows(path, model)
                assert str(caught.value) == expected
            else:
                rows = loader._read_rows(path, model)
                assert rows == expected
                assert [r.model_fields_set for r in rows] == [r.model_fields_set for r in expected]


def test_a_bad_row_deep_in_a_large_table_is_named(package: Path) -> None:
    path = package / "demands.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header, first = lines[0], next(csv.reader([lines[1]]))
    extra = []
    for n in range(12_000):
        cells = [first[0], str(1000 + n), *first[2:]]
        if n == 11_000:
            cells[3] = "freedom"
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(cells)
        extra.append(out.getvalue())
    path.write_text("\n".join([header, *lines[1:], *extra]) + "\n", encoding="utf-8")
    bad_line = len(lines) + 11_000 + 1
    assert bad_line > 2 * loader.CHUNK_ROWS
    with pytest.raises(PackageError, match=rf"demands\.csv:{bad_line}: category: Input should be"):
        kzlabour.load(package)


def _set_cell(path: Path, line: int, column: str, value: str) -> None:
    records = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    records[line - 1][records[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("chunk", [1, 2, 1000])
@pytest.mark.parametrize(
    ("table", "line", "column", "value", "problem"),
    [
        ("letter_parties", 40, "name", " ", r"name: Value error, an empty string is not a value"),
        ("letter_parties", 41, "start", "99999", r"span: Value error, span end \d+ lies before its start"),
        ("letter_about", 4, "role", "  ", r"role: Value error, an empty string is not a value"),
        ("demands", 20, "target", " ", r"target: Value error, an empty string is not a value"),
        ("letters", 5, "flags", "truncated;mojibake", r"flags: Value error, flags must be unique and in"),
        ("letters", 6, "place", " ", r"place: Value error, an empty string is not a value"),
        ("letters", 3, "date_start", "99999", r"evidence\.date: Value error, span end \d+ lies before"),
        ("letters", 4, "start", "99999", r"source: Value error, source span end \d+ lies before its start"),
    ],
)
def test_a_row_that_makes_an_invalid_letter_is_named(
    package: Path, table: str, line: int, column: str, value: str, problem: str, chunk: int
) -> None:
    """Letters check more than rows (blank text, span and flag order): the row at fault is named."""
    _set_cell(package / f"{table}.csv", line, column, value)
    with patch.object(tables_module, "_CHUNK_LETTERS", chunk), pytest.raises(PackageError) as caught:
        kzlabour.load(package)
    assert re.search(rf"{table}\.csv:{line}: {problem}", str(caught.value)), str(caught.value)


def test_a_party_that_names_no_one_is_named(package: Path) -> None:
    path = package / "letter_parties.csv"
    for column in ("name", "role", "organisation"):
        _set_cell(path, 30, column, "")
    with pytest.raises(PackageError, match=r"letter_parties\.csv:30: : Value error, a party needs at least"):
        kzlabour.load(package)


def test_loading_leaves_the_garbage_collector_as_it_was(package: Path) -> None:
    assert gc.isenabled()
    kzlabour.load(package)
    assert gc.isenabled()
    gc.disable()
    try:
        kzlabour.load(package)
        assert not gc.isenabled()
    finally:
        gc.enable()
    _set_cell(package / "demands.csv", 3, "category", "freedom")
    with pytest.raises(PackageError):
        kzlabour.load(package)
    assert gc.isenabled()


def _reference_check_keys(tables: dict[str, list[Row]], files: dict[str, Path]) -> str | None:
    """The first key problem's message, as load() checked keys one row at a time (or None)."""
    keys: dict[str, set[tuple[object, ...]]] = {}
    for model in ROW_MODELS:
        seen: set[tuple[object, ...]] = set()
        for n, row in enumerate(tables[model.resource], start=2):
            key = tuple(getattr(row, f) for f in model.primary_key)
            if key in seen:
                shown = ", ".join(f"{f}={v!r}" for f, v in zip(model.primary_key, key, strict=True))
                return f"{files[model.resource]}:{n}: duplicate primary key {shown}"
            seen.add(key)
        keys[model.resource] = seen
    for model in ROW_MODELS:
        for fields, resource, _ in model.foreign_keys:
            for n, row in enumerate(tables[model.resource], start=2):
                value = tuple(getattr(row, f) for f in fields)
                if not any(v is None for v in value) and value not in keys[resource]:
                    shown = ", ".join(f"{f}={v!r}" for f, v in zip(fields, value, strict=True))
                    return f"{files[model.resource]}:{n}: {shown} is not in {resource} (broken foreign key)"
    return None


_KEY_FIELDS = {
    m.resource: sorted({*m.primary_key, *(f for fields, _, _ in m.foreign_keys for f in fields)})
    for m in ROW_MODELS
}


@settings(max_examples=150, deadline=None)
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from([m.resource for m in ROW_MODELS if m.resource != "other_names"]),
            st.integers(0, 10_000),
            st.integers(0, 10),
            st.integers(0, 10_000),
            st.sampled_from(["copy", "duplicate", "nowhere", "null"]),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_column_key_checks_agree_with_row_by_row(edits: list[tuple[str, int, int, int, str]]) -> None:
    """Keys checked a column at a time name the same first problem as the row-by-row check."""
    from kzlabour.untrusted import check_keys

    loaded = kzlabour.load().tables
    assert loaded is not None
    tables = {name: list(rows) for name, rows in loaded.resources().items()}
    for resource, at, which, source, action in edits:
        rows = tables[resource]
        n = at % len(rows)
        if action == "duplicate":
            rows.insert(n, rows[source % len(rows)])
            continue
        field = _KEY_FIELDS[resource][which % len(_KEY_FIELDS[resource])]
        if action == "copy":  # another row's value: may duplicate a key or stay valid
            value: object = getattr(rows[source % len(rows)], field)
        else:
            value = None if action == "null" else "nowhere"
        rows[n] = rows[n].model_copy(update={field: value})
    files = {m.resource: Path(f"{m.resource}.csv") for m in ROW_MODELS}
    expected = _reference_check_keys(tables, files)
    if expected is None:
        check_keys(tables, ROW_MODELS, files)
    else:
        with pytest.raises(PackageError) as caught:
            check_keys(tables, ROW_MODELS, files)
        assert str(caught.value) == expected
