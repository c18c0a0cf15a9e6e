"""Fuzz kzlabour.parse: generated inputs must never crash it, hang it or give spans outside the text.

Outside CI (it takes minutes). Two engines:

  .venv/bin/python fuzz/fuzz_parse.py hypothesis --examples 100000
  .venv/bin/python fuzz/fuzz_parse.py atheris --runs 100000      # needs `pip install atheris`

`hypothesis` draws texts from two strategies: arbitrary Unicode, and texts
assembled from the pieces letters are made of (letterheads, dates, salutations,
names, bullets, quotes, sign-offs, page furniture) in any order and with noise,
so that the fuzzer reaches the parser's deeper paths; each text is parsed as a
string and, encoded in UTF-8, cp1251 or UTF-16, as bytes. `atheris` is
coverage-guided over the raw bytes (parse_bytes) and their decoding (parse).

Properties: parse never raises; it returns Letters whose spans lie inside the
text, in order; parse_bytes raises nothing but SourceError; one input never
takes more than --slow seconds (reported). Results go to stdout; the last run
is recorded in docs/fuzzing.md.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from typing import Any

PIECES = [
    "International Trade Union Confederation\n",
    "Федерация профсоюзов Республики Казахстан\n",
    "Қазақстан Республикасы кәсіподақтары федерациясы\n",
    "Brussels, 12 March 2012\n",
    "Алматы, 5 мая 2011 г.\n",
    "12.03.2012\n",
    "Ref: ITUC/2012/045\n",
    "To: President Nursultan Nazarbayev\n",
    "Министру труда\n",
    "cc: ILO Director-General\n",
    "Dear President,\n",
    "Уважаемый министр!\n",
    "We demand the immediate release of Natalia Sokolova.\n",
    "Мы требуем освободить Наталью Соколову.\n",
    "\u2022 We call on the authorities to drop all charges.\n",
    "1. Reinstate the dismissed workers;\n",
    '"We are not afraid," said the workers.\n',
    "\u00abМы не боимся\u00bb\n",
    "Yours sincerely,\n",
    "С уважением,\n",
    "Sharan Burrow\nGeneral Secretary\n",
    "NAME, Given, ",
    "Sokolova, Natalia (Lawyer), Aktau\n",
    "Tel: +7 701 123 45 67, e-mail: union@example.org\n",
    "Page 2 of 3\n",
    "Posted by admin on 12 March 2012\n",
    "Signatories:\n",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u00a0",
    "\ufeff",
    "    ",
]


def _check(text: str, letters: list[Any]) -> None:
    previous = 0
    for letter in letters:
        start, end = letter.source.start, letter.source.end
        assert 0 <= start < end <= len(text), (start, end, len(text))
        assert start >= previous, "letters out of order"
        previous = start


def run_hypothesis(examples: int, slow: float) -> int:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    from kzlabour.errors import SourceError
    from kzlabour.parser import parse, parse_bytes

    noise = st.text(max_size=20)
    assembled = st.lists(st.sampled_from(PIECES) | noise, max_size=60).map("".join)
    texts = st.text(max_size=2000) | assembled
    stats = {"n": 0, "letters": 0, "slowest": 0.0, "slow": 0, "errors": 0}
    started = time.monotonic()

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(texts, st.sampled_from(["utf-8", "cp1251", "utf-16"]))
    def fuzz(text: str, encoding: str) -> None:
        t0 = time.perf_counter()
        letters = parse(text)
        _check(text, letters)
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8", "surrogatepass")
        try:
            parse_bytes(data)
        except SourceError:
            stats["errors"] += 1
        elapsed = time.perf_counter() - t0
        stats["n"] += 1
        stats["letters"] += len(letters)
        stats["slowest"] = max(stats["slowest"], elapsed)
        if elapsed > slow:
            stats["slow"] += 1
            print(f"slow input ({elapsed:.2f} s): {text[:200]!r}", file=sys.stderr)
        if stats["n"] % 10_000 == 0:
            print(f"  {stats['n']} inputs, {time.monotonic() - started:.0f} s", flush=True)

    try:
        fuzz()
    except Exception as exc:  # the falsifying example is printed by hypothesis
        print(f"CRASH after {stats['n']} inputs: {type(exc).__name__}: {exc}")
        return 1
    print(
        f"hypothesis: {stats['n']} inputs, no crash; {stats['letters']} letters found; "
        f"{stats['errors']} byte inputs refused with SourceError; slowest input {stats['slowest']:.2f} s; "
        f"{stats['slow']} over {slow} s; {time.monotonic() - started:.0f} s in all"
    )
    return 0


def run_atheris(runs: int, argv: list[str]) -> int:
    try:
        import atheris
    except ImportError:
        print("atheris is not installed (pip install atheris)", file=sys.stderr)
        return 2
    with atheris.instrument_imports():
        from kzlabour.errors import SourceError
        from kzlabour.parser import parse, parse_bytes

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        text = fdp.ConsumeUnicodeNoSurrogates(len(data))
        _check(text, parse(text))
        with contextlib.suppress(SourceError):
            parse_bytes(data)

    atheris.Setup([sys.argv[0], f"-runs={runs}", "-max_len=4096", *argv], one_input)
    atheris.Fuzz()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("engine", choices=["hypothesis", "atheris"])
    parser.add_argument("--examples", type=int, default=100_000, help="hypothesis inputs (default 100000)")
    parser.add_argument("--runs", type=int, default=100_000, help="atheris inputs (default 100000)")
    parser.add_argument("--slow", type=float, default=5.0, help="report inputs slower than this (s)")
    args, rest = parser.parse_known_args()
    if args.engine == "hypothesis":
        return run_hypothesis(args.examples, args.slow)
    return run_atheris(args.runs, rest)


if __name__ == "__main__":
    sys.exit(main())
