"""The letters' own words, for full-text search and the report: read from the source texts.

The data package holds facts and spans, not the third-party texts themselves
(they keep their own rights, see each sidecar's `rights`). A letter's text is
`source_text[start:end]`, so an export includes it only when the source texts
are at hand: a `sources/` folder in or beside the package folder (an unpacked
release archive, a checkout), the release .zip the package was loaded from, or
a folder or archive named by the caller. Each text must have exactly the
SHA-256 the package records, since every span indexes those bytes.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from kzlabour.errors import ExportError
from kzlabour.export.common import dataset_tables

if TYPE_CHECKING:
    from kzlabour.loader import Dataset

__all__ = ["SourceTexts", "find_sources", "read_texts"]

MAX_TEXT_BYTES = 1_000_000


@dataclass(frozen=True)
class SourceTexts:
    """Decoded source texts by file name, and the folder they came from (None: no texts)."""

    folder: Path | None = None
    texts: dict[str, str] = field(default_factory=dict)

    def letter_text(self, source: str, start: int, end: int) -> str | None:
        text = self.texts.get(source)
        return None if text is None else text[start:end]

    def note(self) -> str:
        """One line for the user on whether letter texts are included."""
        if self.folder is None:
            return (
                "letter texts not included: no sources/ folder beside the package "
                "(pass --sources DIR, e.g. the repository's or an unpacked release's sources/)"
            )
        return f"letter texts read from {self.folder}"


def find_sources(dataset: Dataset) -> Path | None:
    """Where the package's source texts are: a release .zip itself, or `sources/` in or beside its folder."""
    origin = Path(dataset.origin)
    if origin.is_file() and origin.suffix.lower() == ".zip":
        return origin
    if origin.is_dir():
        for candidate in (origin / "sources", origin.parent / "sources"):
            if candidate.is_dir():
                return candidate
    return None


def _from_zip(archive: Path, names: list[str]) -> dict[str, bytes | None]:
    """`sources/NAME` of a release archive (the shallowest such member); an oversized one is not unpacked."""
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise ExportError(f"{archive}: not a readable zip archive ({exc})") from None
    with zf:
        members: dict[str, zipfile.ZipInfo] = {}
        for info in sorted(zf.infolist(), key=lambda i: len(PurePosixPath(i.filename).parts)):
            parts = PurePosixPath(info.filename).parts
            if len(parts) >= 2 and parts[-2] == "sources" and ".." not in parts:
                members.setdefault(parts[-1], info)
        found: dict[str, bytes | None] = {}
        for name in names:
            member = members.get(name)
            if member is None:
                found[name] = None
            elif member.file_size > MAX_TEXT_BYTES:
                found[name] = b"\0" * (MAX_TEXT_BYTES + 1)  # refused as too large, not unpacked
            else:
                found[name] = zf.read(member)
        return found


def _from_folder(folder: Path, names: list[str]) -> dict[str, bytes | None]:
    found: dict[str, bytes | None] = {}
    for name in names:
        path = folder / name
        if path.is_file():
            with open(path, "rb") as fh:
                found[name] = fh.read(MAX_TEXT_BYTES + 1)
        else:
            found[name] = None
    return found


def read_texts(dataset: Dataset, sources: Path | None = None) -> SourceTexts:
    """Every source text the package names, checked against its recorded SHA-256.

    `sources` (a folder, or a release .zip) None looks in and beside the package, and in the
    release archive it was loaded from; when nothing is found the result holds no texts. A named
    or found place must hold every text, unchanged.
    """
    place = sources if sources is not None else find_sources(dataset)
    if place is None:
        return SourceTexts()
    rows = dataset_tables(dataset).sources
    names = [row.file for row in rows]
    if place.is_file() and place.suffix.lower() == ".zip":
        stored = _from_zip(place, names)
    elif place.is_dir():
        stored = _from_folder(place, names)
    else:
        raise ExportError(f"{place}: no such sources folder")
    texts = {}
    for row in rows:
        where = place / row.file
        data = stored[row.file]
        if data is None:
            raise ExportError(
                f"{where}: missing: the package names {row.file} (pass the sources/ it was built from)"
            )
        if len(data) > MAX_TEXT_BYTES:
            raise ExportError(f"{where}: over {MAX_TEXT_BYTES} bytes, not a source text")
        digest = hashlib.sha256(data).hexdigest()
        if digest != row.sha256:
            raise ExportError(
                f"{where}: SHA-256 {digest[:12]}… differs from the package's {row.sha256[:12]}…: "
                "the spans would not fit (rebuild the package, or pass the sources it was built from)"
            )
        try:
            texts[row.file] = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ExportError(f"{where}: not UTF-8 (byte {exc.start})") from None
    return SourceTexts(place, texts)
