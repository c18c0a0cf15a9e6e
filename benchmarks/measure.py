"""One measurement, run in a fresh process by benchmarks/run.py; prints one JSON object.

    python benchmarks/measure.py TASK [options]

Timings exclude the interpreter's start and (except `import`) the import of
kzlabour and frictionless, which are measured on their own. The parent
process reads this process's peak memory from the kernel; `children_maxrss_kb`
is the largest worker process (parsing in several processes).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))


def _clock() -> float:
    return time.perf_counter()


def task_parse(args: argparse.Namespace) -> dict[str, Any]:
    """Parse throughput on one core: the texts of a folder (or the real texts), in order."""
    from kzlabour.parser import parse

    paths = _text_paths(args)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    # Before the clock starts, load what is loaded once per language (vocabularies, compiled
    # patterns, the registry): one short text in each of en, ru and kk. One-time setup is the
    # import figure's business; this figure is throughput.
    warm_up = (
        "To the Minister of Labour\n\nAlmaty, 12 March 2012\n\nDear Minister,\n\nWe demand the release"
        " of Maksat Dosmagambetov, arrested after the strike, and an end to the persecution of"
        " independent trade unions.\n\nSincerely,\nJohn Smith, General Secretary, Trade Union\n",
        "Министру труда\n\nг. Актау, 12 марта 2012 г.\n\nУважаемый министр!\n\nМы требуем освободить"
        " Максата Досмагамбетова и прекратить преследование независимых профсоюзов.\n\n"
        "С уважением,\nИван Петров, председатель профсоюза\n",
        "Еңбек министріне\n\nАқтау қаласы, 2012 жылғы 12 наурыз\n\nҚұрметті министр!\n\nБіз"
        " Максат Досмағамбетовты босатуды және тәуелсіз кәсіподақтарды қудалауды тоқтатуды талап"
        " етеміз.\n\nҚұрметпен,\nАйгүл Серікова, кәсіподақ төрайымы\n",
    )
    for warm in warm_up:
        parse(warm)
    start = _clock()
    letters = sum(len(parse(t, p.name)) for t, p in zip(texts, paths, strict=True))
    seconds = _clock() - start
    size = sum(len(t.encode("utf-8")) for t in texts)
    return {"seconds": seconds, "bytes": size, "texts": len(texts), "letters": letters}


def _text_paths(args: argparse.Namespace) -> list[Path]:
    if args.real:
        root = HERE.parent
        folders = [
            root / "sources",
            root.parent / "shared" / "seeds",
            root.parent / "shared" / "dev" / "texts",
        ]
        return [p for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))]
    paths = sorted(Path(args.corpus, "sources").glob("*.txt"))
    return paths[: args.limit] if args.limit else paths


def task_parse_scale(args: argparse.Namespace) -> dict[str, Any]:
    """Parse time of one text holding k letters, for growing k: linear means constant time per MB."""
    import random

    from benchmarks.corpus import Registry, letter_text
    from kzlabour.parser import parse

    rng = random.Random(args.seed)
    reg = Registry(rng, 300, 100)
    pool = [letter_text(rng, reg, rng.choice(("en", "ru", "kk"))) for _ in range(max(args.k))]
    parse(pool[0])
    out = {}
    for k in args.k:
        text = "\n\n".join(pool[:k])
        start = _clock()
        parse(text)
        out[str(k)] = {"seconds": _clock() - start, "bytes": len(text.encode("utf-8"))}
    return {"seconds": sum(v["seconds"] for v in out.values()), "sizes": out}


def task_registry(args: argparse.Namespace) -> dict[str, Any]:
    """Index N entities and resolve M mentions in varied spellings (kzlabour.registry.match.Index)."""
    import random

    try:
        from kzlabour.registry.match import Index
    except ImportError as exc:
        return {"absent": f"kzlabour.registry is not available ({exc})"}
    from benchmarks.corpus import Registry

    rng = random.Random(args.seed)
    half = args.entities // 2
    reg = Registry(rng, n_people=half, n_orgs=args.entities - half)
    start = _clock()
    index = Index()
    for n, person in enumerate(reg.people):
        index.add(f"p{n}", "person", [f"{person.given} {person.family}"], None)
    for n, org in enumerate(reg.orgs):
        abbreviations = [org.abbreviation] if org.abbreviation else []
        index.add(f"o{n}", "organisation", [org.en, org.ru, org.kk], None, abbreviations)
    indexed = _clock() - start
    mentions = []
    for _ in range(args.mentions):
        if rng.random() < 0.5:
            mentions.append(("person", reg.person_name(reg.person(), rng.choice(("en", "ru")))))
        else:
            mentions.append(("organisation", reg.org_name(reg.org(), rng.choice(("en", "ru", "kk")))))
    start = _clock()
    found = sum(1 for kind, text in mentions if index.lookup(kind, text).ids)  # type: ignore[arg-type]
    resolved = _clock() - start
    return {
        "seconds": indexed + resolved,
        "index_seconds": indexed,
        "lookup_seconds": resolved,
        "entities": len(reg.people) + len(reg.orgs),
        "mentions": len(mentions),
        "distinct_mentions": len(set(mentions)),
        "matched": found,
    }


def task_post_parse(args: argparse.Namespace) -> dict[str, Any]:
    """Everything a build does after parsing (registry resolution, tables, CSV), on `factor` copies.

    The letters of a built repository are copied `factor` times under new source names
    (r1_NAME.txt, ...), so that what follows parsing can be measured at 100,000 letters
    without parsing 100,000 letters; the package it makes is written to `--out`.
    """
    import dataclasses

    import kzlabour
    from kzlabour.bulk import gc_paused, models_in, share_fields_set
    from kzlabour.package import package_files
    from kzlabour.sources import read_source, source_paths

    repo = Path(args.root)
    texts = [read_source(p) for p in source_paths(repo / "sources")]
    letters = kzlabour.load(repo / "datapackage").letters
    all_texts, all_letters = [], []
    for k in range(args.factor):
        prefix = f"r{k}_" if k else ""
        for t in texts:
            all_texts.append(dataclasses.replace(t, path=t.path.with_name(prefix + t.path.name)))
        for letter in letters:
            source = letter.source.model_copy(update={"path": prefix + letter.source.path})
            all_letters.append(letter.model_copy(update={"source": source}))
    start = _clock()
    with gc_paused():  # as plan_build runs these stages
        share_fields_set(models_in(all_letters))
        files, counts = package_files(repo, all_texts, all_letters)
    seconds = _clock() - start
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (out / name).write_bytes(data)
    return {"seconds": seconds, "letters": len(all_letters), "counts": counts}


def task_build(args: argparse.Namespace) -> dict[str, Any]:
    import frictionless  # noqa: F401  (imported before the clock, as for the reference)

    from kzlabour.package import build

    root = Path(args.root)
    start = _clock()
    result = build(root, jobs=args.jobs, cache=not args.no_cache)
    seconds = _clock() - start
    return {"seconds": seconds, "counts": result.counts, "letters": len(result.letters)}


def task_validate(args: argparse.Namespace) -> dict[str, Any]:
    import frictionless  # noqa: F401

    from kzlabour.validation import validate

    start = _clock()
    report = validate(Path(args.path))
    seconds = _clock() - start
    codes: dict[str, int] = {}
    for problem in report.problems:
        codes[problem.code] = codes.get(problem.code, 0) + 1
    return {"seconds": seconds, "ok": report.ok, "problems": codes}


def task_frictionless(args: argparse.Namespace) -> dict[str, Any]:
    """The reference: bare frictionless.validate on the package's descriptor, in process."""
    from frictionless import validate

    start = _clock()
    report = validate(str(Path(args.path) / "datapackage.json"))
    seconds = _clock() - start
    return {"seconds": seconds, "ok": bool(report.valid)}


def task_load(args: argparse.Namespace) -> dict[str, Any]:
    import kzlabour

    kzlabour.load  # noqa: B018  (resolve the lazy attribute before the clock)
    import kzlabour.loader

    start = _clock()
    dataset = kzlabour.load(args.path)
    seconds = _clock() - start
    return {"seconds": seconds, "letters": len(dataset.letters)}


def task_profile(args: argparse.Namespace) -> dict[str, Any]:
    """cProfile of a build (warm or cold): the functions with the largest cumulative time."""
    import cProfile
    import io
    import pstats

    import frictionless  # noqa: F401

    from kzlabour.package import build

    profiler = cProfile.Profile()
    start = _clock()
    profiler.enable()
    build(Path(args.root), jobs=args.jobs, cache=not args.no_cache)
    profiler.disable()
    seconds = _clock() - start
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
    return {"seconds": seconds, "profile": out.getvalue()}


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="task", required=True)
    p = sub.add_parser("parse")
    p.add_argument("--corpus")
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--real", action="store_true")
    p = sub.add_parser("parse-scale")
    p.add_argument("--k", type=lambda s: [int(x) for x in s.split(",")], default=[4, 16, 64])
    p.add_argument("--seed", type=int, default=15)
    p = sub.add_parser("registry")
    p.add_argument("--entities", type=int, default=50_000)
    p.add_argument("--mentions", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=15)
    for name in ("build", "profile"):
        p = sub.add_parser(name)
        p.add_argument("--root", required=True)
        p.add_argument("--jobs", type=int, default=None)
        p.add_argument("--no-cache", action="store_true")
        p.add_argument("--sort", default="cumulative")
        p.add_argument("--top", type=int, default=40)
    p = sub.add_parser("post-parse")
    p.add_argument("--root", required=True)
    p.add_argument("--factor", type=int, default=1)
    p.add_argument("--out")
    for name in ("validate", "frictionless", "load"):
        p = sub.add_parser(name)
        p.add_argument("--path", required=True)
    args = parser.parse_args()
    task = {
        "parse": task_parse,
        "parse-scale": task_parse_scale,
        "registry": task_registry,
        "build": task_build,
        "post-parse": task_post_parse,
        "profile": task_profile,
        "validate": task_validate,
        "frictionless": task_frictionless,
        "load": task_load,
    }[args.task]
    result = task(args)
    result["children_maxrss_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps(result))


if __name__ == "__main__":
    main()
