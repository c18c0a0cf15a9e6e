"""The source texts in `sources/`: each `NAME.txt` with its provenance sidecar `NAME.yaml`.

Texts are read as stored bytes; their SHA-256 is of those bytes and every
span indexes their decoded text. Nothing here rewrites a source.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from kzlabour.errors import SourceError
from kzlabour.models.provenance import Provenance

__all__ = ["MAX_SOURCE_BYTES", "SourceText", "read_provenance", "read_source", "source_paths"]

# Texts are page copies of letters; anything larger is almost surely not one letter page.
MAX_SOURCE_BYTES = 1_000_000


@dataclass(frozen=True)
class SourceText:
    """One source text as stored: its file, bytes, hash, decoded text and provenance."""

    path: Path
    data: bytes
    text: str
    encoding: str
    provenance: Provenance

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def source_paths(sources_dir: Path) -> list[Path]:
    """The `.txt` files of a sources folder, sorted by name."""
    return sorted(p for p in sources_dir.glob("*.txt") if p.is_file())


def sidecar_path(text_path: Path) -> Path:
    return text_path.with_suffix(".yaml")


def read_provenance(text_path: Path) -> Provenance:
    """The sidecar of a source text, validated; SourceError names the file when it is missing or wrong."""
    from pydantic import ValidationError

    from kzlabour.yamlio import read_yaml

    sidecar = sidecar_path(text_path)
    if not sidecar.is_file():
        raise SourceError(
            str(text_path), f"has no provenance sidecar {sidecar.name}", "run `kzlabour add` or write it"
        )
    data = read_yaml(sidecar)
    try:
        return Provenance.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise SourceError(str(sidecar), f"field {field}: {first['msg']}") from None


def read_source(text_path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> SourceText:
    """Read a stored source text and its sidecar. Stored texts must be UTF-8."""
    if text_path.is_symlink():
        raise SourceError(str(text_path), "is a symbolic link", "store the text itself in sources/")
    size = text_path.stat().st_size
    if size > max_bytes:
        raise SourceError(str(text_path), f"is {size} bytes, over the {max_bytes}-byte limit")
    data = text_path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            str(text_path),
            f"is not UTF-8 (byte {exc.start})",
            "add it with `kzlabour add`, which converts it and records the original encoding",
        ) from None
    if "\x00" in text:
        raise SourceError(str(text_path), "holds NUL bytes", "it is binary, not a text")
    return SourceText(text_path, data, text, "utf-8", read_provenance(text_path))
