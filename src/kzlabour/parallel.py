"""Parsing many source texts for a build: cached results first, the rest on every core, in input order.

The result is the same list, in the same order, whatever the number of
processes: each text is parsed by the same pure function, and results are
collected in the order of the tasks, not of completion.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzlabour.bulk import gc_paused
from kzlabour.cache import ParseCache
from kzlabour.models import Letter
from kzlabour.sources import SourceText

__all__ = ["ParseTask", "default_jobs", "parse_all", "parse_sources", "process_context"]

# Below this many texts to parse, starting processes costs more than it saves.
MIN_PARALLEL = 16


@dataclass(frozen=True)
class ParseTask:
    """One source text to parse: its file name, decoded text, hash and the curated spans, if any."""

    name: str
    text: str
    sha256: str
    spans: tuple[tuple[int, int], ...] | None = None


def default_jobs() -> int:
    """Processes to parse with: $KZLABOUR_JOBS, else the cores this process may run on."""
    env = os.environ.get("KZLABOUR_JOBS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def parse_all(
    tasks: Sequence[ParseTask], cache: ParseCache | None = None, jobs: int | None = None
) -> list[list[Letter]]:
    """The letters of each task, in task order; cached results are reused, new ones are cached.

    `jobs` None chooses `default_jobs()` and stays serial for fewer than MIN_PARALLEL texts;
    `jobs` 1 is serial; a larger `jobs` always uses that many processes when there are
    at least two texts to parse.
    """
    with gc_paused():  # reading a warm cache makes every letter's models at once
        results: list[list[Letter] | None] = [
            cache.get(t.name, t.sha256, t.spans) if cache is not None else None for t in tasks
        ]
    todo = [i for i, letters in enumerate(results) if letters is None]
    entries = [_entry(cache, tasks[i]) for i in todo]
    work = [(tasks[i], entry) for i, entry in zip(todo, entries, strict=True)]
    processes = _processes(jobs, len(work))
    if processes <= 1:
        parsed = [_parse_one(item) for item in work]
    else:
        chunk = max(1, min(64, len(work) // (processes * 8)))
        with ProcessPoolExecutor(processes, mp_context=process_context()) as pool:
            parsed = list(pool.map(_parse_one, work, chunksize=chunk))
    for i, letters in zip(todo, parsed, strict=True):
        results[i] = letters
    return [letters if letters is not None else [] for letters in results]


def _processes(jobs: int | None, n: int) -> int:
    if n < 2:
        return 1
    if jobs is None:
        return min(default_jobs(), n) if n >= MIN_PARALLEL else 1
    return max(1, min(jobs, n))


def process_context() -> Any:
    """How kzlabour starts worker processes: fork where it is safe, else spawn."""
    # fork shares the parent's imported parser and vocabularies at no cost; macOS and
    # Windows only offer spawn safely.
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _entry(cache: ParseCache | None, task: ParseTask) -> tuple[Path, dict[str, Any]] | None:
    return None if cache is None else cache.entry(task.name, task.sha256, task.spans)


def _parse_one(item: tuple[ParseTask, tuple[Path, dict[str, Any]] | None]) -> list[Letter]:
    from kzlabour.cache import write_entry
    from kzlabour.parser import parse

    task, entry = item
    letters = parse(task.text, task.name, task.sha256, spans=task.spans)
    if entry is not None:
        write_entry(entry[0], entry[1], letters)
    return letters


def parse_sources(
    root: Path, texts: Sequence[SourceText], *, jobs: int | None = None, cache: bool = True
) -> list[list[Letter]]:
    """The parser's output for each source text of a repository (with its curated spans), in order.

    With `cache`, results are read from and written to `root/.kzlabour-cache`, and entries
    no longer used (other parser versions, changed texts) are pruned when anything was parsed.
    """
    from kzlabour.curate import curation_path, read_curation

    tasks = []
    for src in texts:
        cpath = curation_path(root / "curation", src.name)
        curation = read_curation(cpath) if cpath.is_file() else None
        spans = tuple(curation.spans) if curation and curation.spans is not None else None
        tasks.append(ParseTask(src.name, src.text, src.sha256, spans))
    store = ParseCache(root) if cache else None
    results = parse_all(tasks, store, jobs)
    if store is not None and store.misses:
        store.prune()
    return results
