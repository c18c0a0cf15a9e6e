"""Shared fixtures: the repository root and the texts in ../shared (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_pairs() -> list[tuple[Path, Path]]:
    """(text, gold) pairs of the seeds and the dev set, or [] when ../shared is absent."""
    pairs = []
    for gold_dir, text_dir in (
        (SHARED / "gold", SHARED / "seeds"),
        (SHARED / "dev/gold", SHARED / "dev/texts"),
    ):
        for gold in sorted(gold_dir.glob("*.json")):
            pairs.append((text_dir / (gold.stem + ".txt"), gold))
    return pairs


def read_gold(path: Path) -> list[dict[str, Any]]:
    letters: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["letters"]
    return letters


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repository")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's data (sources, curation, package, schema) to build in."""
    import shutil

    for name in ("sources", "curation", "registry", "datapackage", "schema"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file below a folder, by relative path: for byte-exact comparisons."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
