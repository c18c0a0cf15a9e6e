"""A freshly built copy of the repository's package (with its sources/ beside it) for the export tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kzlabour.loader import Dataset, load
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository copy built with the current code: exports see the package the code writes now."""
    from kzlabour.package import build

    root = tmp_path_factory.mktemp("repo")
    for name in ("sources", "curation", "registry", "datapackage", "schema"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, root / name)
    build(root)
    return root


@pytest.fixture(scope="session")
def dataset(built: Path) -> Dataset:
    return load(built / "datapackage")
