"""Parsing in several processes gives the same letters, in the same order, as parsing serially."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlabour.cache import ParseCache
from kzlabour.package import build, plan_build
from kzlabour.parallel import MIN_PARALLEL, ParseTask, _processes, default_jobs, parse_all
from kzlabour.parser import parse
from tests.conftest import tree_bytes


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = pytest.importorskip("benchmarks.corpus", reason="benchmarks/ is not in the sdist")
    root = tmp_path_factory.mktemp("synthetic")
    corpus.generate(root, letters=24, seed=7)
    return root


def test_a_parallel_build_is_byte_identical_to_a_serial_one(synthetic: Path, tmp_path: Path) -> None:
    import shutil

    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    shutil.copytree(synthetic, serial)
    shutil.copytree(synthetic, parallel)
    build(serial, jobs=1, cache=False)
    build(parallel, jobs=2, cache=False)
    assert tree_bytes(serial / "datapackage") == tree_bytes(parallel / "datapackage")
    assert tree_bytes(serial / "schema") == tree_bytes(parallel / "schema")


def test_parallel_results_keep_task_order_and_fill_the_cache(synthetic: Path, tmp_path: Path) -> None:
    texts = sorted((synthetic / "sources").glob("*.txt"))[:6]
    tasks = [ParseTask(p.name, p.read_text(encoding="utf-8"), f"{n:064x}") for n, p in enumerate(texts)]
    expected = [parse(t.text, t.name, t.sha256) for t in tasks]
    cache = ParseCache(tmp_path)
    assert parse_all(tasks, cache, jobs=2) == expected
    assert (cache.hits, cache.misses) == (0, 6)
    again = ParseCache(tmp_path)
    assert parse_all(tasks, again, jobs=2) == expected
    assert (again.hits, again.misses) == (6, 0)


def test_a_parallel_plan_equals_a_serial_plan_on_the_repository(repo: Path) -> None:
    assert plan_build(repo, jobs=2, cache=False).files == plan_build(repo, jobs=1, cache=False).files


def test_process_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZLABOUR_JOBS", "3")
    assert default_jobs() == 3
    assert _processes(None, MIN_PARALLEL - 1) == 1
    assert _processes(None, MIN_PARALLEL) == 3
    assert _processes(2, 1) == 1
    assert _processes(4, 2) == 2
    assert _processes(1, 100) == 1
    monkeypatch.setenv("KZLABOUR_JOBS", "zero")
    assert default_jobs() >= 1
