"""Rerun every benchmark of kzlabour and print a table (issue 15).

    python benchmarks/run.py                      # 1,000 and 10,000 letters, 3 runs each
    python benchmarks/run.py --sizes 1000,10000,100000 --runs 3 --cold-runs 1
    python benchmarks/run.py --readme             # also write the table into benchmarks/README.md

Every measurement runs in a fresh process (benchmarks/measure.py), so peak
memory is that process's own high-water mark (from the kernel, `wait4`), and
timings are medians of `--runs` runs. Corpora are generated from `--seed`
under `--work` (default: a folder in the temporary directory) and reused. The
code measured is a snapshot of src/ taken when the run starts, so edits made
while it runs (a shared machine) do not mix two versions into one table, and
warm-cache builds stay warm.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import machine, render_markdown, render_text  # noqa: E402


@dataclass
class Runner:
    work: Path
    runs: int
    env: dict[str, str]
    results: list[dict[str, Any]] = field(default_factory=list)

    def child(self, *args: str) -> tuple[dict[str, Any], float, int]:
        """Run one measurement: (its JSON, wall seconds of the whole process, peak RSS in kB)."""
        cmd = [sys.executable, str(HERE / "measure.py"), *args]
        return self.command(cmd)

    def command(self, cmd: list[str]) -> tuple[dict[str, Any], float, int]:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        assert proc.stdout is not None and proc.stderr is not None
        out, err = proc.stdout.read(), proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')[-3000:]}")
        text = out.decode().strip().splitlines()
        data = json.loads(text[-1]) if text and text[-1].startswith("{") else {}
        return data, wall, usage.ru_maxrss

    def measure(
        self, name: str, size: int | None, args: list[str], runs: int | None = None, before: Any = None
    ) -> dict[str, Any]:
        """Run a measurement `runs` times; record median seconds, peak memory and the load average."""
        samples, rss, extra, loads = [], [], {}, []
        for _ in range(runs or self.runs):
            if before is not None:
                before()
            loads.append(os.getloadavg()[0])
            data, _wall, maxrss = self.child(*args)
            if "absent" in data:
                entry = {"name": name, "size": size, "absent": data["absent"]}
                self.results.append(entry)
                return entry
            samples.append(data["seconds"])
            rss.append(max(maxrss, data.get("children_maxrss_kb", 0)))
            extra = data
        entry = {
            "name": name,
            "size": size,
            "median": statistics.median(samples),
            "samples": samples,
            "peak_mb": max(rss) / 1024,
            "load": statistics.median(loads),
            "data": {k: v for k, v in extra.items() if k not in {"seconds", "profile"}},
        }
        self.results.append(entry)
        print(render_text([entry]), flush=True)
        # Saved after every measurement: a run that dies (disk full, killed) keeps what it measured.
        (self.work / "results-partial.json").write_text(json.dumps(self.results, indent=1))
        return entry


def snapshot_src(work: Path) -> Path:
    """Copy src/ so that the measured code cannot change during the run."""
    target = work / "src-snapshot"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "src", target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def fresh_repo(corpus: Path, repo: Path) -> None:
    """A repository with the corpus's sources and nothing built, nothing cached."""
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True)
    shutil.copytree(corpus / "sources", repo / "sources")


def ensure_corpus(work: Path, size: int, seed: int) -> Path:
    from benchmarks.corpus import generate

    corpus = work / f"corpus-{size}-seed{seed}"
    marker = corpus / "DONE"
    if not marker.is_file():
        shutil.rmtree(corpus, ignore_errors=True)
        counts = generate(corpus, size, seed)
        marker.write_text(json.dumps(counts))
    return corpus


def add_letter(repo: Path, n: int, seed: int) -> None:
    """One more source text in the repository (the contribution of an incremental build)."""
    import random

    from benchmarks.corpus import Registry, _sidecar, letter_text

    rng = random.Random(seed * 1000 + n)
    text = letter_text(rng, Registry(rng, 100, 40), "en")
    name = f"zz_added_{n:04d}"
    (repo / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
    (repo / "sources" / f"{name}.yaml").write_text(_sidecar(rng, "en", n), encoding="utf-8")


def run_size(r: Runner, size: int, args: argparse.Namespace) -> None:
    corpus = ensure_corpus(r.work, size, args.seed)
    repo = r.work / f"repo-{size}"
    cold_runs = args.cold_runs if size > 1000 else max(args.cold_runs, args.runs)
    r.measure(
        "build, cold (parse all, 2 cores)",
        size,
        ["build", "--root", str(repo)],
        runs=cold_runs,
        before=lambda: fresh_repo(corpus, repo),
    )
    r.measure("build, warm cache (nothing changed)", size, ["build", "--root", str(repo)])
    pkg = str(repo / "datapackage")
    r.measure("frictionless validate (reference)", size, ["frictionless", "--path", pkg])
    r.measure("kzlabour validate PACKAGE", size, ["validate", "--path", pkg])
    r.measure("kzlabour validate REPO (warm cache)", size, ["validate", "--path", str(repo)])
    r.measure("kzlabour.load()", size, ["load", "--path", pkg])
    counter = iter(range(1, 1000))
    r.measure(
        "build after adding 1 letter",
        size,
        ["build", "--root", str(repo)],
        before=lambda: add_letter(repo, next(counter), args.seed),
    )
    r.measure("build stages after parsing", size, ["post-parse", "--root", str(repo)])
    profiles = [("warm", [])] if size == max(args.sizes) else []
    # A serial cold profile is slow (the parser on one core): only at 1,000 letters or fewer.
    profiles += [("cold", ["--jobs", "1", "--no-cache"])] if size <= 1000 else []
    for label, extra in profiles if args.profile else []:
        data, _, _ = r.child("profile", "--root", str(repo), *extra, "--top", "45")
        (r.work / f"profile-{label}-{size}.txt").write_text(data["profile"])
        print(f"profile ({label}) written to {r.work / f'profile-{label}-{size}.txt'}", flush=True)


def run_cold_only(r: Runner, size: int, args: argparse.Namespace) -> None:
    """One cold build of a generated corpus of `size` letters: how build time grows with size."""
    corpus = ensure_corpus(r.work, size, args.seed)
    repo = r.work / f"repo-{size}"
    r.measure(
        "build, cold (parse all, 2 cores)",
        size,
        ["build", "--root", str(repo)],
        runs=1,
        before=lambda: fresh_repo(corpus, repo),
    )
    shutil.rmtree(repo, ignore_errors=True)  # gigabytes at 100,000 letters


def run_scaled(r: Runner, target: int, args: argparse.Namespace) -> None:
    """A package of `target` letters made from copies of the largest built repository's letters."""
    size = max(args.sizes)
    factor = max(1, round(target / size))
    repo, pkg = r.work / f"repo-{size}", r.work / f"scaled-{size * factor}"
    shutil.rmtree(pkg, ignore_errors=True)
    r.measure(
        f"build stages after parsing (x{factor} copies)",
        size * factor,
        ["post-parse", "--root", str(repo), "--factor", str(factor), "--out", str(pkg)],
        runs=1,
    )
    total = size * factor
    r.measure("frictionless validate (reference)", total, ["frictionless", "--path", str(pkg)])
    r.measure("kzlabour validate PACKAGE", total, ["validate", "--path", str(pkg)])
    r.measure("kzlabour.load()", total, ["load", "--path", str(pkg)])
    scaled_repo = r.work / f"scaled-repo-{total}"
    make_scaled_repo(repo, pkg, scaled_repo, factor)
    add_letter(scaled_repo, 1, args.seed)
    r.measure(
        "kzlabour validate REPO, 1 text added (no cache)",
        total,
        ["validate", "--path", str(scaled_repo)],
        runs=1,
    )


def make_scaled_repo(repo: Path, pkg: Path, out: Path, factor: int) -> None:
    """A repository whose sources are the copies (hard links) that the scaled package was made from.

    Its texts repeat each other, so validate also reports them as duplicates: the run measures
    the cost of every check on 100,000 letters, not a clean result.
    """
    shutil.rmtree(out, ignore_errors=True)
    (out / "sources").mkdir(parents=True)
    for k in range(factor):
        prefix = f"r{k}_" if k else ""
        for path in sorted((repo / "sources").iterdir()):
            os.link(path, out / "sources" / (prefix + path.name))
    shutil.copytree(pkg, out / "datapackage", copy_function=os.link)


def run_fixed(r: Runner, args: argparse.Namespace) -> None:
    py = [sys.executable]
    base = [r.command([*py, "-c", "pass"])[1] for _ in range(max(10, args.runs))]
    full = [r.command([*py, "-c", "import kzlabour"])[1] for _ in range(max(10, args.runs))]
    entry = {
        "name": "import kzlabour (added to bare python)",
        "size": None,
        "median": statistics.median(full) - statistics.median(base),
        "samples": full,
        "peak_mb": 0.0,
        "load": os.getloadavg()[0],
        "data": {"bare_python": statistics.median(base)},
    }
    r.results.append(entry)
    print(render_text([entry]), flush=True)
    corpus = ensure_corpus(r.work, min(args.sizes), args.seed)
    r.measure(
        "parse, synthetic (1 core)",
        None,
        ["parse", "--corpus", str(corpus), "--limit", str(args.parse_texts)],
    )
    r.measure("parse, real texts (1 core)", None, ["parse", "--real"])
    r.measure("parse, 1 text of k letters (1 core)", None, ["parse-scale", "--k", "8,64,256"], runs=1)
    r.measure("registry: 100,000 mentions vs 50,000 entities", None, ["registry"], runs=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rerun the kzlabour benchmarks.")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 10000])
    parser.add_argument(
        "--scaled",
        type=lambda s: [int(x) for x in s.split(",") if x],
        default=[100_000],
        help="package sizes made by copying the largest built size's letters",
    )
    parser.add_argument(
        "--cold-sizes",
        type=lambda s: [int(x) for x in s.split(",") if x],
        default=[],
        help="also one cold build of a generated corpus of each size (e.g. 100000), nothing else",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--cold-runs", type=int, default=1, help="cold builds above 1,000 letters")
    parser.add_argument("--parse-texts", type=int, default=150, help="synthetic texts for parse throughput")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kzlabour-bench")
    parser.add_argument(
        "--reuse-builds",
        action="store_true",
        help="skip the built sizes; make the scaled package from the last build",
    )
    parser.add_argument("--skip-fixed", action="store_true", help="skip import, parse and registry")
    parser.add_argument("--profile", action="store_true", help="profile builds at the largest size")
    parser.add_argument("--readme", action="store_true", help="write the results into benchmarks/README.md")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    snapshot = snapshot_src(args.work)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(snapshot), str(ROOT)]), "PYTHONHASHSEED": "0"}
    env.pop("KZLABOUR_JOBS", None)
    r = Runner(args.work, args.runs, env)
    info = machine(snapshot)
    print(render_text([], info), flush=True)
    if not args.skip_fixed:
        run_fixed(r, args)
    for size in args.sizes if not args.reuse_builds else []:
        run_size(r, size, args)
    for target in args.scaled:
        run_scaled(r, target, args)
    for size in args.cold_sizes:
        run_cold_only(r, size, args)
    info["load_after"] = os.getloadavg()
    print()
    print(render_text(r.results, info))
    payload = {"machine": info, "results": r.results}
    if args.json:
        args.json.write_text(json.dumps(payload, indent=1))
    (args.work / "results.json").write_text(json.dumps(payload, indent=1))
    if args.readme:
        readme = HERE / "README.md"
        start, end = "<!-- results:start -->", "<!-- results:end -->"
        text = readme.read_text(encoding="utf-8")
        head, _, rest = text.partition(start)
        _, _, tail = rest.partition(end)
        readme.write_text(f"{head}{start}\n{render_markdown(r.results, info)}\n{end}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
