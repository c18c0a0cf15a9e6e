"""Parse results cached on disk, so that a build re-parses only the texts that changed.

An entry holds the letters `parse(text, name, sha256, spans=spans)` returned. It
is keyed by everything that output depends on: the source's SHA-256 and file
name, the curated spans, `PARSER_VERSION` and a fingerprint of the parser's and
the models' code and vocabularies (so a parser edited without a version bump,
as happens while developing, is not served stale results either). Entries live
in `.kzlabour-cache/parse/<version>-<fingerprint>/`; a build under another
parser version never reads them and prunes them. An entry that cannot be read,
does not describe the same input or does not validate as letters is ignored and
rebuilt: the cache can only save time, never change a build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kzlabour.models import Letter

__all__ = ["CACHE_DIR", "ParseCache", "code_fingerprint", "identity", "write_entry"]

CACHE_DIR = ".kzlabour-cache"
Spans = Sequence[tuple[int, int]] | None


@cache
def code_fingerprint() -> str:
    """SHA-256 of the parser version and of every file of kzlabour.parser and kzlabour.models."""
    from kzlabour.parser import PARSER_VERSION

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(PARSER_VERSION.encode("utf-8"))
    for folder in (here / "parser", here / "models"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".json", ".txt"}:
                digest.update(str(path.relative_to(here)).encode("utf-8") + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _entry_adapter() -> Any:
    """Reads an entry's JSON and validates its letters in one pass (pydantic-core, no dicts between)."""
    from pydantic import TypeAdapter
    from typing_extensions import TypedDict  # pydantic needs it before Python 3.12

    class Entry(TypedDict):
        input: dict[str, Any]
        letters: list[Letter]

    return TypeAdapter(Entry)


@dataclass
class ParseCache:
    """The parse cache under a repository root (`root/.kzlabour-cache`); counts hits and misses."""

    root: Path
    hits: int = 0
    misses: int = 0
    used: set[str] = field(default_factory=set)

    @property
    def folder(self) -> Path:
        from kzlabour.parser import PARSER_VERSION

        return self.root / CACHE_DIR / "parse" / f"{_safe(PARSER_VERSION)}-{code_fingerprint()[:16]}"

    def key(self, name: str, sha256: str, spans: Spans) -> str:
        return hashlib.sha256(json.dumps(identity(name, sha256, spans)).encode("utf-8")).hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def entry(self, name: str, sha256: str, spans: Spans) -> tuple[Path, dict[str, Any]]:
        """Where the entry of this input goes and what it must say it is (for `write_entry`)."""
        key = self.key(name, sha256, spans)
        self.used.add(key)
        return self.path(key), identity(name, sha256, spans)

    def get(self, name: str, sha256: str, spans: Spans) -> list[Letter] | None:
        """The cached letters of this input, or None (missing, unreadable, stale or invalid entry)."""
        key = self.key(name, sha256, spans)
        self.used.add(key)
        letters = self._read(self.path(key), identity(name, sha256, spans))
        if letters is None:
            self.misses += 1
        else:
            self.hits += 1
        return letters

    def put(self, name: str, sha256: str, spans: Spans, letters: Sequence[Letter]) -> None:
        key = self.key(name, sha256, spans)
        self.used.add(key)
        write_entry(self.path(key), identity(name, sha256, spans), letters)

    def prune(self) -> int:
        """Delete other parser versions' entries and this version's entries not used since creation."""
        removed = 0
        base = self.root / CACHE_DIR / "parse"
        try:
            if base.is_dir():
                for other in base.iterdir():
                    if other != self.folder:
                        shutil.rmtree(other, ignore_errors=True)
                        removed += 1
            if self.folder.is_dir():
                for entry in self.folder.glob("*/*.json"):
                    if entry.stem not in self.used:
                        entry.unlink(missing_ok=True)
                        removed += 1
        except OSError:
            pass  # pruning only saves space; another build may be pruning the same folder
        return removed

    def _read(self, path: Path, expected: dict[str, Any]) -> list[Letter] | None:
        try:
            entry = _entry_adapter().validate_json(path.read_bytes())
        except (OSError, ValueError):
            # ValueError covers bad JSON, bad UTF-8 and pydantic's ValidationError.
            return None
        if entry["input"] != expected:
            return None
        letters: list[Letter] = entry["letters"]
        return letters


def write_entry(path: Path, stated: dict[str, Any], letters: Sequence[Letter]) -> bool:
    """Write one entry atomically (temporary file + rename): a killed build leaves no half entry.

    The cache only saves time: when it cannot be written (disk full, read-only, a folder removed
    by another build's prune), the build goes on without it and this returns False.
    """
    payload = {"input": stated, "letters": [letter.model_dump(mode="json") for letter in letters]}
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False
    return True


def identity(name: str, sha256: str, spans: Spans) -> dict[str, Any]:
    """What an entry must state about its input to be trusted."""
    from kzlabour.parser import PARSER_VERSION

    return {
        "parser_version": PARSER_VERSION,
        "code": code_fingerprint(),
        "source": name,
        "sha256": sha256,
        "spans": None if spans is None else [[int(s), int(e)] for s, e in spans],
    }


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in ".-_" else "_" for c in text)
