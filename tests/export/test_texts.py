"""Where exports find the letters' texts: beside or in the package folder, in a release .zip, or named."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from kzlabour.errors import ExportError
from kzlabour.export.texts import MAX_TEXT_BYTES, read_texts
from kzlabour.loader import Dataset, load
from kzlabour.tables import Tables


def _release_zip(built: Path, out: Path, *, big: str | None = None) -> Path:
    """An archive laid out as `kzlabour release` writes it: the package on top, the texts in sources/."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted((built / "datapackage").iterdir()):
            zf.write(path, path.name)
        for path in sorted((built / "sources").glob("*.txt")):
            if path.name == big:  # stored, not deflated: the loader refuses zip-bomb ratios
                zf.writestr(f"sources/{path.name}", b"x" * (MAX_TEXT_BYTES + 5), zipfile.ZIP_STORED)
            else:
                zf.writestr(f"sources/{path.name}", path.read_bytes())
    return out


def test_texts_beside_the_package_folder(dataset: Dataset, built: Path) -> None:
    texts = read_texts(dataset)
    assert texts.folder == built / "sources"
    assert set(texts.texts) == {s.file for s in dataset.tables.sources}  # type: ignore[union-attr]
    assert texts.note() == f"letter texts read from {built / 'sources'}"


def test_texts_inside_an_unpacked_release(built: Path, tmp_path: Path) -> None:
    shutil.copytree(built / "datapackage", tmp_path / "release")
    shutil.copytree(built / "sources", tmp_path / "release" / "sources")
    texts = read_texts(load(tmp_path / "release"))
    assert texts.folder == tmp_path / "release" / "sources" and len(texts.texts) == 4


def test_texts_from_the_release_zip_the_package_came_from(built: Path, tmp_path: Path) -> None:
    archive = _release_zip(built, tmp_path / "kzlabour-data.zip")
    dataset = load(archive)
    texts = read_texts(dataset)
    assert texts.folder == archive
    first = dataset.tables.letters[0]  # type: ignore[union-attr]
    source = (built / "sources" / first.source).read_text(encoding="utf-8")
    assert texts.letter_text(first.source, first.start, first.end) == source[first.start : first.end]


def test_an_oversized_text_in_an_archive_is_refused_unread(built: Path, tmp_path: Path) -> None:
    name = sorted(p.name for p in (built / "sources").glob("*.txt"))[0]
    archive = _release_zip(built, tmp_path / "big.zip", big=name)
    with pytest.raises(ExportError, match=rf"big.zip/{name}: over {MAX_TEXT_BYTES} bytes, not a source text"):
        read_texts(load(archive))


def test_a_text_that_is_not_utf8_is_refused(dataset: Dataset, tmp_path: Path) -> None:
    assert dataset.tables is not None
    data = "Письмо".encode("cp1251")
    first = dataset.tables.sources[0].model_copy(update={"sha256": hashlib.sha256(data).hexdigest()})
    tables = Tables(**{**dataset.tables.__dict__, "sources": [first]})
    (tmp_path / first.file).write_bytes(data)
    with pytest.raises(ExportError, match=rf"{first.file}: not UTF-8 \(byte 0\)"):
        read_texts(replace(dataset, tables=tables), tmp_path)


def test_no_texts_anywhere(dataset: Dataset, tmp_path: Path) -> None:
    texts = read_texts(replace(dataset, origin=str(tmp_path)))
    assert texts.folder is None and texts.texts == {}
    assert texts.letter_text("a.txt", 0, 5) is None
    assert texts.note().startswith("letter texts not included: no sources/ folder beside the package")
