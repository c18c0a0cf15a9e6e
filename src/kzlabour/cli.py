"""The `kzlabour` command: a thin layer over the library, one library function per command.

Errors are one line on stderr with exit code 1 (2 for usage); `--debug` shows the traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kzlabour.models import Letter

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("kzlabour: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:
        if args.debug:
            raise
        from kzlabour.errors import KzlabourError

        prefix = "error" if isinstance(exc, (KzlabourError, OSError)) else f"unexpected {type(exc).__name__}"
        print(f"kzlabour: {prefix}: {_one_line(exc)}", file=sys.stderr)
        return 1


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " | ".join(line.strip() for line in text.splitlines() if line.strip())


def _parser() -> argparse.ArgumentParser:
    from kzlabour import __version__

    parser = argparse.ArgumentParser(prog="kzlabour", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"kzlabour {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="raw parser output for source texts (no curation)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.set_defaults(handler=_cmd_parse)

    p = sub.add_parser("build", help="sources + curation -> datapackage/")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 when the package would change")
    p.add_argument("--root", type=Path, default=Path("."), help="repository root (default: .)")
    p.set_defaults(handler=_cmd_build)

    p = sub.add_parser("validate", help="validate the repository or a data package folder")
    p.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="DIR")
    p.add_argument("--format", choices=["text", "json", "github"], default="text")
    p.set_defaults(handler=_cmd_validate)

    p = sub.add_parser("letters", help="the published, curated letters")
    p.add_argument("--source", help="only the letters of this source text (file name)")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.add_argument("--package", help="a data package folder, datapackage.json or .zip (default: bundled)")
    p.set_defaults(handler=_cmd_letters)

    p = sub.add_parser("info", help="package name, version, counts and where it is loaded from")
    p.add_argument("--package", help="a data package folder, datapackage.json or .zip (default: bundled)")
    p.set_defaults(handler=_cmd_info)

    p = sub.add_parser("schema", help="write schema/ (Table Schemas and JSON Schemas) from the models")
    p.add_argument("--root", type=Path, default=Path("."), help="repository root (default: .)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 when schema/ would change")
    p.set_defaults(handler=_cmd_schema)
    return parser


def _print_letters(letters: Sequence[Letter], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps([letter.to_json_dict() for letter in letters], ensure_ascii=False, indent=1))
        return
    for n, letter in enumerate(letters, 1):
        print(_letter_table(n, letter))


def _letter_table(n: int, letter: Letter) -> str:
    def names(parties: Sequence[Any]) -> str:
        return "; ".join(p.name or p.organisation or p.role or "" for p in parties) or "-"

    rows = [
        f"letter {n}  {letter.source.path} [{letter.source.start}:{letter.source.end}]",
        f"  date        {letter.date or '-'}    place {letter.place or '-'}    "
        f"reference {letter.reference or '-'}    language {letter.language or '-'}",
        f"  title       {letter.title or '-'}",
        f"  senders     {names(letter.senders)}",
        f"  signatories {names(letter.signatories)}",
        f"  recipients  {names(letter.recipients)}",
        f"  copies      {names(letter.copies)}",
        f"  contacts    {names(letter.contacts)}",
    ]
    rows += [f"  demand      [{d.category.value}] {d.text}" for d in letter.demands]
    if letter.flags:
        rows.append("  flags       " + ", ".join(f.value for f in letter.flags))
    return "\n".join(rows)


def _cmd_parse(args: argparse.Namespace) -> int:
    from kzlabour.parse import parse_file

    for path in args.files:
        _print_letters(parse_file(path), args.format)
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from kzlabour.package import build, check_build

    if args.check:
        drift = check_build(args.root)
        for line in drift:
            print(f"drift: {line}", file=sys.stderr)
        if drift:
            print(
                "kzlabour: the committed package differs from a build: run `kzlabour build`", file=sys.stderr
            )
            return 1
        print("datapackage/ is up to date")
        return 0
    summary = build(args.root)
    print(summary.describe())
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from kzlabour.validation import validate

    report = validate(args.path)
    out = report.render(args.format)
    if out:
        print(out)
    return 0 if report.ok else 1


def _cmd_letters(args: argparse.Namespace) -> int:
    from kzlabour.loader import load

    dataset = load(args.package)
    letters = dataset.letters
    if args.source:
        wanted = Path(args.source).name
        letters = [letter for letter in letters if letter.source.path == wanted]
    _print_letters(letters, args.format)
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from kzlabour.loader import load

    print(load(args.package).describe())
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from kzlabour.schema import write_schemas

    changed = write_schemas(args.root / "schema", check=args.check)
    for name in changed:
        print(f"{'would change' if args.check else 'wrote'} schema/{name}", file=sys.stderr)
    return 1 if (args.check and changed) else 0
