"""Doubling the input at most about doubles parse time: kzlabour.parse on texts of n, 2n, 4n, 8n bytes.

Run:  .venv/bin/python benchmarks/bench_linear.py [--base 125000] [--runs 3] [--max-ratio 2.6]

For each kind of text (a realistic letter repeated, and adversarial runs of
characters that trip regular expressions) it times `parse` at four sizes,
each the median of --runs runs, and prints the ratio of each size's time to
the previous one. A linear parser gives ratios near 2; a quadratic one near 4.
Exit status 1 when any ratio exceeds --max-ratio (default 2.6: doubling plus
noise on a shared machine); the last run's table is kept in docs/fuzzing.md.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from collections.abc import Callable

LETTER = (
    "International Trade Union Confederation\nBrussels, 12 March 2012\n\n"
    "To: President Nursultan Nazarbayev\nAstana, Kazakhstan\n\nDear President,\n\n"
    "We demand the immediate release of Natalia Sokolova, lawyer of the oil workers' union.\n"
    "We call on the authorities to drop all charges against the strikers.\n\n"
    "Yours sincerely,\n\nSharan Burrow\nGeneral Secretary\n\n\n"
)

KINDS: dict[str, str] = {
    "letters": LETTER,
    "bullets": "\u2022 We demand freedom of association.\n",
    "names": "NAME, Given, ",
    "quotes": '"\u00ab\u201c',
    "no-spaces": "x",
    "spaces": " ",
    "dots": ".",
    "capital-words": "Trade Union ",
    "dates": "12 March ",
}


HEAD, TAIL = LETTER.split("Yours sincerely,")
TAIL = "Yours sincerely," + TAIL


def _text(kind: str, size: int) -> str:
    """`size` bytes of text: the letter repeated, or an adversarial unit inside one letter."""
    unit = KINDS[kind]
    if kind == "letters":
        return unit * max(1, size // len(unit.encode("utf-8")))
    body = unit * max(1, (size - len(LETTER)) // len(unit.encode("utf-8")))
    return HEAD + body + "\n" + TAIL


def _median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--base", type=int, default=125_000, help="smallest size in bytes (default 125000)")
    args.add_argument("--runs", type=int, default=3, help="runs per size; the median counts (default 3)")
    args.add_argument("--max-ratio", type=float, default=2.6, help="largest acceptable ratio (default 2.6)")
    args.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds to run")
    opts = args.parse_args(argv)

    from kzlabour.parser import parse

    parse(LETTER)  # load the lexicons once, outside the timings
    sizes = [opts.base * 2**k for k in range(4)]
    print(f"| text | {' | '.join(f'{s // 1000} KB' for s in sizes)} | ratios (each size / previous) |")
    print(f"|---|{'---|' * len(sizes)}---|")
    worst = 0.0
    for kind in opts.kinds.split(","):
        times = [_median_time(lambda n=n, k=kind: parse(_text(k, n)), opts.runs) for n in sizes]
        # ratios of times under 50 ms are timer noise, not growth: shown as "-"
        ratios = [b / a if a >= 0.05 else None for a, b in itertools.pairwise(times)]
        worst = max([worst, *(r for r in ratios if r is not None)])
        cells = " | ".join(f"{t:.2f} s" for t in times)
        shown = " ".join("-" if r is None else f"{r:.2f}" for r in ratios)
        print(f"| {kind} | {cells} | {shown} |", flush=True)
    print(f"\nworst ratio {worst:.2f} (limit {opts.max_ratio})")
    return 0 if worst <= opts.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
