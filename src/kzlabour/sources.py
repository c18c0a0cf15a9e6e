"""The source texts in `sources/`: each `NAME.txt` with its provenance sidecar `NAME.yaml`.

Texts are read as stored bytes; their SHA-256 is of those bytes and every
span indexes their decoded text. Nothing here rewrites a source.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from kzlabour.errors import KzlabourError, SourceError
from kzlabour.models.provenance import Provenance

__all__ = [
    "MAX_SOURCE_BYTES",
    "SourceText",
    "read_provenance",
    "read_source",
    "read_text_bytes",
    "source_paths",
]

LIMIT_VARIABLE = "KZLABOUR_MAX_SOURCE_BYTES"


def _limit_from_environment(default: int) -> int:
    value = os.environ.get(LIMIT_VARIABLE, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) <= 0:
        raise KzlabourError(f"{LIMIT_VARIABLE}={value!r}: not a positive whole number of bytes")
    return int(value)


# Texts are page copies of letters; anything larger is almost surely not one letter page.
# Default 1,000,000 bytes; set KZLABOUR_MAX_SOURCE_BYTES to change it (read once, at import).
MAX_SOURCE_BYTES = _limit_from_environment(1_000_000)


@dataclass(frozen=True)
class SourceText:
    """One source text as stored: its file, the SHA-256 of its bytes, decoded text and provenance.

    The bytes themselves are not kept (a build holds every text at once): use `from_bytes`.
    """

    path: Path
    sha256: str
    text: str
    encoding: str
    provenance: Provenance

    @classmethod
    def from_bytes(
        cls, path: Path, data: bytes, text: str, encoding: str, provenance: Provenance
    ) -> SourceText:
        return cls(path, hashlib.sha256(data).hexdigest(), text, encoding, provenance)

    @property
    def name(self) -> str:
        return self.path.name


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


def read_text_bytes(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a text file: a regular file of at most `max_bytes` (never a device or a pipe)."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(mode):
        raise SourceError(str(path), "is not a regular file", "give the path of a text file")
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise SourceError(
            str(path),
            f"is over the {max_bytes}-byte limit for a source text",
            f"split it into letters, or raise the limit with {LIMIT_VARIABLE}",
        )
    return data


def read_source(text_path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> SourceText:
    """Read a stored source text and its sidecar. Stored texts must be UTF-8."""
    if text_path.is_symlink():
        raise SourceError(str(text_path), "is a symbolic link", "store the text itself in sources/")
    data = read_text_bytes(text_path, max_bytes)
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
    return SourceText.from_bytes(text_path, data, text, "utf-8", read_provenance(text_path))
