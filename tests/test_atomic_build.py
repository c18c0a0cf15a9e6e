"""Atomic, reproducible builds: a build killed at any moment leaves the previous package or the new one.

The kill test runs `kzlabour.package.build` in a subprocess that SIGKILLs itself
just before executing a randomly chosen line of `kzlabour/package.py` (a line
tracer switched on after parsing, so every write, validation, rename and
clean-up step is a candidate), or after a random delay; then it compares every
byte of `datapackage/` with the previous and the new package.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kzlabour.package import _recover, _swap, build, plan_build
from tests.conftest import tree_bytes

KILL_RUNS = 20

# Counts the lines of kzlabour/package.py executed after planning; kills itself before line N (N > 0).
_CHILD = r"""
import os, signal, sys, pathlib
import kzlabour.package as pkg

root, kill_at = pathlib.Path(sys.argv[1]), int(sys.argv[2])
count = 0

def local(frame, event, arg):
    global count
    if event == "line":
        count += 1
        if count == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
    return local

def tracer(frame, event, arg):
    return local if frame.f_code.co_filename == pkg.__file__ else None

planned = pkg.plan_build
def plan_then_trace(*args, **kwargs):
    result = planned(*args, **kwargs)
    sys.settrace(tracer)
    return result

pkg.plan_build = plan_then_trace
pkg.build(root)
sys.settrace(None)
print(count)
"""


def _child(root: Path, kill_at: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(root), str(kill_at)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _set_title(repo: Path, title: str) -> None:
    sidecar = next(iter(sorted((repo / "sources").glob("*.yaml"))))
    lines = sidecar.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f'title: "{title}"\n' if line.startswith("title:") else line for line in lines]
    sidecar.write_text("".join(lines), encoding="utf-8")


def _package_of(repo: Path) -> dict[str, bytes]:
    return plan_build(repo).files


def _one_source(repo: Path) -> Path:
    """The repository copy with its smallest source text only: the kill test builds it 40 times."""
    texts = sorted((repo / "sources").glob("*.txt"), key=lambda p: p.stat().st_size)
    for text in texts[1:]:
        for path in (text, text.with_suffix(".yaml"), repo / "curation" / f"{text.stem}.yaml"):
            path.unlink(missing_ok=True)
    return repo


def test_a_build_killed_at_random_points_leaves_old_or_new_package(repo: Path) -> None:
    seed = int(os.environ.get("KZLABOUR_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    repo = _one_source(repo)
    titles = ["Kill test title A", "Kill test title B"]
    _set_title(repo, titles[1])
    build(repo)
    previous = tree_bytes(repo / "datapackage")
    # How many traced lines a whole build executes: the range the kill points are drawn from.
    started = time.monotonic()
    proc = _child(repo, 0)
    out, err = proc.communicate(timeout=120)
    duration = time.monotonic() - started
    assert proc.returncode == 0, err
    lines = int(out.strip())
    assert lines > 20
    outcomes = {"old": 0, "new": 0}
    for run in range(KILL_RUNS):
        _set_title(repo, titles[run % 2])
        new = _package_of(repo)
        assert new != previous
        if run % 4 == 3:  # every fourth run: SIGKILL from outside after a random delay
            proc = _child(repo, 0)
            time.sleep(rng.uniform(0.1, duration))
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=120)
            where = "random delay"
        else:
            kill_at = rng.randint(1, lines)
            proc = _child(repo, kill_at)
            proc.communicate(timeout=120)
            assert proc.returncode == -signal.SIGKILL, f"seed {seed}: line {kill_at} was never reached"
            where = f"line {kill_at}"
        state = tree_bytes(repo / "datapackage")
        assert state in (previous, new), f"seed {seed}, run {run}, killed at {where}: a mixed package"
        outcomes["old" if state == previous else "new"] += 1
        build(repo)  # a later build recovers and completes
        assert tree_bytes(repo / "datapackage") == new
        assert sorted(p.name for p in repo.iterdir() if p.name.startswith(".datapackage")) == []
        previous = new
    assert outcomes["old"] > 0, f"seed {seed}: no kill fell before the swap {outcomes}"


def test_an_interrupted_rename_pair_is_recovered(repo: Path) -> None:
    """The fallback without an atomic exchange: killed between its two renames."""
    target = repo / "datapackage"
    before = tree_bytes(target)
    os.rename(target, repo / ".datapackage.old")
    (repo / ".datapackage.new-x1").mkdir()
    (repo / ".datapackage.new-x1" / "letters.csv").write_text("half")
    _recover(target)
    assert tree_bytes(target) == before
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith(".")) == []


def test_swap_without_atomic_exchange(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kzlabour.package as pkg

    monkeypatch.setattr(pkg, "_exchange", lambda a, b: False)
    new = repo / ".datapackage.new-y"
    new.mkdir()
    (new / "a.csv").write_bytes(b"x\n")
    _swap(new, repo / "datapackage")
    assert tree_bytes(repo / "datapackage") == {"a.csv": b"x\n"}
    assert not new.exists() and not (repo / ".datapackage.old").exists()


def test_swap_exchanges_atomically_on_linux(repo: Path) -> None:
    import kzlabour.package as pkg

    if sys.platform != "linux":
        pytest.skip("renameat2 is Linux only")
    a, b = repo / "a", repo / "b"
    a.mkdir()
    b.mkdir()
    (a / "f").write_text("a")
    assert pkg._exchange(a, b) is True
    assert (b / "f").read_text() == "a" and not (a / "f").exists()


@pytest.mark.parametrize("seeds", [("0", "1", "4242"), ("random", "123456789", "2")])
def test_builds_are_identical_across_hash_seeds_and_locales(repo: Path, seeds: tuple[str, ...]) -> None:
    outputs = []
    for n, seed in enumerate(seeds):
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "TZ": ["UTC", "Asia/Almaty", "America/Los_Angeles"][n],
            "LC_ALL": ["C", "C.UTF-8", "C"][n],
        }
        subprocess.run(
            [sys.executable, "-m", "kzlabour", "build", "--root", str(repo)],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append(tree_bytes(repo / "datapackage"))
    assert outputs[0] == outputs[1] == outputs[2]


def test_created_comes_from_the_data_not_the_clock(repo: Path) -> None:
    import json

    _set_title(repo, "Another title")
    sidecar = next(iter(sorted((repo / "sources").glob("*.yaml"))))
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(
        "".join(
            "retrieved: 2031-02-03\n" if line.startswith("retrieved:") else line
            for line in text.splitlines(keepends=True)
        ),
        encoding="utf-8",
    )
    descriptor = json.loads(plan_build(repo).files["datapackage.json"])
    assert descriptor["created"] == "2031-02-03T00:00:00Z"
