"""What a build wrote from which inputs, so that `kzlabour validate` need not rebuild to see no drift.

After a build replaces datapackage/, it records in `.kzlabour-cache/builds/` the SHA-256 of
every file it wrote, under a key that hashes everything the build read: every source text
(its SHA-256), sidecar, curation and registry file (byte for byte), the code (every file of
the kzlabour package) and the versions of the installed distributions. The drift check of
`kzlabour validate` computes the same key: when a stamp exists and datapackage/ holds exactly
the files it lists, with their hashes, a build would write these very bytes (builds are pure
functions of their inputs), so the rebuild is skipped.

The stamp is local, never committed: a fresh clone has none and rebuilds, and nothing in a
pull request can vouch for its own package. Like the parse cache it can only save time: a
missing, unreadable or foreign stamp means "rebuild".
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzlabour.sources import SourceText

__all__ = ["inputs_key", "record", "unchanged"]

_FOLDER = "builds"
_CODE_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt"}


def inputs_key(root: Path, texts: Sequence[SourceText]) -> str:
    """SHA-256 of everything a build of these texts under `root` reads, and of the code it runs."""
    from kzlabour.curate import curation_path
    from kzlabour.sources import sidecar_path

    digest = hashlib.sha256(_environment().encode("utf-8"))
    for src in sorted(texts, key=lambda t: t.name):
        digest.update(f"\0source\0{src.name}\0{src.sha256}".encode())
        _add_file(digest, sidecar_path(src.path))
        _add_file(digest, curation_path(root / "curation", src.name))
    registry = root / "registry"
    for path in sorted(registry.rglob("*")) if registry.is_dir() else []:
        if path.is_file():
            digest.update(f"\0registry\0{path.relative_to(registry).as_posix()}".encode())
            _add_file(digest, path)
    return digest.hexdigest()


def record(root: Path, key: str, files: Mapping[str, bytes]) -> None:
    """Remember that the inputs `key` build into these files (best effort: a cache, never required)."""
    from kzlabour.atomicio import write_atomic
    from kzlabour.cache import CACHE_DIR

    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}
    folder = root / CACHE_DIR / _FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.json"):
            old.unlink(missing_ok=True)  # one stamp: the last build's
        write_atomic(folder / f"{key}.json", json.dumps(hashes, indent=0).encode("utf-8"))
    except OSError:
        pass


def unchanged(root: Path, texts: Sequence[SourceText], package: Path) -> bool:
    """Whether `package` holds exactly the files the last build of these texts (and of the same
    curation, registry, code and libraries) wrote, byte for byte."""
    from kzlabour.cache import CACHE_DIR

    folder = root / CACHE_DIR / _FOLDER
    if not package.is_dir() or not any(folder.glob("*.json")):
        return False  # a fresh clone: no stamp, so the inputs are not even hashed
    try:
        hashes = json.loads((folder / f"{inputs_key(root, texts)}.json").read_bytes())
        if not isinstance(hashes, dict) or {p.name for p in package.iterdir()} != set(hashes):
            return False
        return all(_sha256(package / name) == hashes[name] for name in hashes)
    except (OSError, ValueError):
        return False


def _add_file(digest: hashlib._Hash, path: Path) -> None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        digest.update(b"\0absent")
        return
    digest.update(f"\0{len(data)}\0".encode())
    digest.update(data)


def _sha256(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


@cache
def _environment() -> str:
    """The code and the libraries a build runs: every file of kzlabour, every installed distribution."""
    import sys
    from importlib import metadata

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(here.rglob("*")):
        if path.is_file() and path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return "\n".join([sys.version, digest.hexdigest(), *versions])
