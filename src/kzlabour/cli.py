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
    p.add_argument("--jobs", type=int, metavar="N", help="processes to parse with (default: every core)")
    p.add_argument("--no-cache", action="store_true", help="re-parse every text; ignore .kzlabour-cache/")
    p.set_defaults(handler=_cmd_build)

    p = sub.add_parser("validate", help="validate the repository or a data package folder")
    p.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="DIR")
    p.add_argument("--format", choices=["text", "json", "github"], default="text")
    p.add_argument("--full", action="store_true", help="re-parse every text for the drift check")
    p.add_argument("--against", metavar="REF", help="git ref of the release base (default: latest tag)")
    p.set_defaults(handler=_cmd_validate)

    p = sub.add_parser("add", help="add a letter's text to sources/ with its sidecar and a draft curation")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--url", required=True, help="where the text was found")
    p.add_argument("--retrieved", metavar="DATE", help="when it was collected, YYYY-MM-DD (default: today)")
    p.add_argument("--title", help="a short title (default: the text's first line)")
    p.add_argument("--language", help="ISO 639-1 code (default: what the parser finds)")
    p.add_argument("--rights", help="the text's rights (default: third-party text kept for research)")
    p.add_argument("--name", help="file name to store it under (default: NNN_<hash>)")
    p.add_argument("--root", type=Path, default=Path("."), help="repository root (default: .)")
    p.set_defaults(handler=_cmd_add)

    p = sub.add_parser("diff", help="what changed between two packages, and the version bump it needs")
    p.add_argument("old", metavar="OLD", help="package folder, datapackage.json, .zip or git ref")
    p.add_argument("new", metavar="NEW", help="package folder, datapackage.json, .zip or git ref")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=_cmd_diff)

    p = sub.add_parser("release", help="write dist/kzlabour-data-VERSION.zip (package, sources, SHA256SUMS)")
    p.add_argument("--root", type=Path, default=Path("."), help="repository root (default: .)")
    p.add_argument("--out", type=Path, help="output folder (default: ROOT/dist)")
    p.set_defaults(handler=_cmd_release)

    p = sub.add_parser("letters", help="the published, curated letters")
    p.add_argument("--source", help="only the letters of this source text (file name)")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.add_argument("--package", help="a data package folder, datapackage.json or .zip (default: bundled)")
    p.set_defaults(handler=_cmd_letters)

    p = sub.add_parser("info", help="package name, version, counts and where it is loaded from")
    p.add_argument("--package", help="a data package folder, datapackage.json or .zip (default: bundled)")
    p.set_defaults(handler=_cmd_info)

    p = sub.add_parser("entities", help="organisations and people, or the mentions that need a decision")
    p.add_argument("--unresolved", action="store_true", help="ambiguous mentions of the repository's letters")
    p.add_argument("--package", help="a data package folder, datapackage.json or .zip (default: bundled)")
    p.add_argument("--root", type=Path, default=Path("."), help="repository root for --unresolved")
    p.set_defaults(handler=_cmd_entities)

    p = sub.add_parser("schema", help="write schema/ (Table Schemas and JSON Schemas) from the models")
    p.add_argument("--root", type=Path, default=Path("."), help="repository root (default: .)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 when schema/ would change")
    p.set_defaults(handler=_cmd_schema)

    p = sub.add_parser("export", help="the package as sqlite (+ Datasette metadata), cmif, popolo or parquet")
    from kzlabour.export import FORMATS

    p.add_argument("format", choices=FORMATS, metavar="FORMAT", help=", ".join(FORMATS))
    p.add_argument("out", type=Path, metavar="OUT", help="file to write (parquet: a folder)")
    _export_options(p)
    p.add_argument("--url", help="cmif: the address the file is published at (its idno)")
    p.add_argument("--editor", help="cmif: the editor named in the header")
    p.add_argument("--email", help="cmif: the editor's e-mail")
    p.set_defaults(handler=_cmd_export)

    p = sub.add_parser("report", help="a static HTML page of the letters in the folder OUT")
    p.add_argument("out", type=Path, metavar="OUT")
    _export_options(p)
    p.set_defaults(handler=_cmd_report)
    return parser


def _export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--package", help="a data package folder, datapackage.json or .zip (default: bundled)")
    p.add_argument("--sources", type=Path, metavar="DIR", help="folder or .zip of the source texts")


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
    from kzlabour.parser import parse_bytes
    from kzlabour.sources import read_text_bytes

    for path in args.files:
        _print_letters(parse_bytes(read_text_bytes(path), path.name), args.format)
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
    summary = build(args.root, jobs=args.jobs, cache=not args.no_cache)
    print(summary.describe())
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from kzlabour.validation import validate

    report = validate(args.path, full=args.full, against=args.against)
    out = report.render(args.format)
    if out:
        print(out)
    return 0 if report.ok else 1


def _cmd_add(args: argparse.Namespace) -> int:
    from kzlabour.contribute import DEFAULT_RIGHTS, add_source

    result = add_source(
        args.file,
        url=args.url,
        retrieved=args.retrieved,
        title=args.title,
        language=args.language,
        rights=args.rights or DEFAULT_RIGHTS,
        name=args.name,
        root=args.root,
    )
    print(result.describe())
    return 0


def _cmd_diff(args: argparse.Namespace) -> int:
    from kzlabour.diff import diff_packages, open_package

    with open_package(args.old) as old, open_package(args.new) as new:
        print(diff_packages(old, new).render(args.format))
    return 0


def _cmd_release(args: argparse.Namespace) -> int:
    from kzlabour.release import release

    print(release(args.root, args.out))
    return 0


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


def _cmd_entities(args: argparse.Namespace) -> int:
    if args.unresolved:
        from kzlabour.registry.listing import unresolved_mentions

        decisions, notices = unresolved_mentions(args.root)
        for decision in decisions:
            print(decision.text())
        for notice in notices:
            print(notice)
        hint = "decide in registry/ with other_names or distinct_from"
        print(f"{len(decisions)} mentions need a decision ({hint})", file=sys.stderr)
        return 0
    from kzlabour.loader import load
    from kzlabour.registry.listing import entity_lines

    for line in entity_lines(load(args.package)):
        print(line)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from kzlabour.schema import write_schemas

    changed = write_schemas(args.root / "schema", check=args.check)
    for name in changed:
        print(f"{'would change' if args.check else 'wrote'} schema/{name}", file=sys.stderr)
    return 1 if (args.check and changed) else 0


def _cmd_export(args: argparse.Namespace) -> int:
    from kzlabour.export import export_dataset
    from kzlabour.loader import load

    options: dict[str, Any] = {}
    if args.format in ("sqlite", "parquet"):
        options["sources"] = args.sources
    if args.format == "cmif":
        options.update(url=args.url, editor=args.editor, email=args.email)
    print(export_dataset(load(args.package), args.format, args.out, **options).describe())
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from kzlabour.export import write_report
    from kzlabour.loader import load

    print(write_report(load(args.package), args.out, sources=args.sources).describe())
    return 0
