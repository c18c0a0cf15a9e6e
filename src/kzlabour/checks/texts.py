"""Sources and sidecars: each text UTF-8, plain, within the size limit, named by the rules, with a sidecar.

Returns the texts that can be read, so the later checks use them without
reading twice. Every fault of every file is reported, not only the first.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from kzlabour.report import Problem, Report

if TYPE_CHECKING:
    from kzlabour.models.provenance import Provenance
    from kzlabour.sources import SourceText

__all__ = ["check_texts"]

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # tab, line breaks, \f and \v are text
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_MAX_PER_FILE = 10
_ADD = "add texts with `kzlabour add FILE --url URL`, which converts and checks them"


def check_texts(root: Path, report: Report) -> list[SourceText]:
    """Check sources/; the readable texts (with valid sidecars), sorted by name."""
    from kzlabour.sources import MAX_SOURCE_BYTES, SourceText, source_paths

    sources = root / "sources"
    readable: list[SourceText] = []
    seen: dict[str, str] = {}
    for other in sorted(sources.iterdir()):
        if other.suffix not in (".txt", ".yaml") or not other.is_file():
            report.add(
                Problem(
                    "source-unexpected-file",
                    _rel(root, other),
                    "is not a source text (.txt) or a sidecar (.yaml)",
                    hint="sources/ holds only NAME.txt and NAME.yaml; " + _ADD,
                )
            )
    for path in source_paths(sources):
        rel = _rel(root, path)
        if not _NAME.match(path.stem):
            report.add(
                Problem(
                    "source-name",
                    rel,
                    "name is not lowercase letters, digits, '_' and '-'",
                    hint=f"rename it (and its sidecar) to e.g. {_suggest(path.stem)}.txt",
                )
            )
        if path.is_symlink():
            report.add(Problem("source-symlink", rel, "is a symbolic link", hint="store the text itself"))
            continue
        data = path.read_bytes()
        if len(data) > MAX_SOURCE_BYTES:
            report.add(
                Problem(
                    "source-too-large",
                    rel,
                    f"is {len(data)} bytes, over the {MAX_SOURCE_BYTES}-byte limit",
                    hint="a source is one page of letters; split it or check it is text",
                )
            )
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            report.add(
                Problem(
                    "source-duplicate",
                    rel,
                    f"has the same bytes (SHA-256 {digest[:12]}…) as {seen[digest]}",
                    hint="remove this copy and its sidecar",
                )
            )
        seen.setdefault(digest, rel)
        text = _check_text(rel, data, report)
        provenance = _check_sidecar(root, path, report)
        if text is not None and provenance is not None:
            readable.append(SourceText.from_bytes(path, data, text, "utf-8", provenance))
    stems = {p.stem for p in source_paths(sources)}
    for sidecar in sorted(sources.glob("*.yaml")):
        if sidecar.stem not in stems:
            report.add(
                Problem(
                    "sidecar-orphan",
                    _rel(root, sidecar),
                    "has no source text beside it",
                    hint=f"add sources/{sidecar.stem}.txt or delete this sidecar",
                )
            )
    return readable


def _rel(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _suggest(stem: str) -> str:
    from kzlabour.slugs import ascii_slug

    return ascii_slug(stem, separator="_") or "letter"


def _check_text(rel: str, data: bytes, report: Report) -> str | None:
    """The decoded text, or None after reporting why it cannot be one."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.add(
            Problem(
                "source-not-utf8",
                rel,
                f"is not UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1].hex()})",
                line=line,
                hint="re-" + _ADD + " (it records the original encoding)",
            )
        )
        return None
    if not text.strip():
        report.add(Problem("source-empty", rel, "holds no text", hint="delete it or add the letter's text"))
        return None
    if text.startswith("\ufeff"):
        report.add(Problem("source-bom", rel, "starts with a byte-order mark", line=1, hint="re-" + _ADD))
    found = 0
    for n, line_text in enumerate(text.split("\n"), 1):
        match = _CONTROL.search(line_text)
        if match is None:
            continue
        char = match.group()
        code, what = (
            ("source-nul", "holds a NUL byte")
            if char == "\x00"
            else (
                "source-control-character",
                f"holds control character U+{ord(char):04X}",
            )
        )
        report.add(Problem(code, rel, what, line=n, hint="source texts are plain text; remove it"))
        found += 1
        if found == _MAX_PER_FILE:
            break
    return None if found else text


def _check_sidecar(root: Path, text_path: Path, report: Report) -> Provenance | None:
    from kzlabour.checks import model_problems
    from kzlabour.models.provenance import Provenance
    from kzlabour.sources import sidecar_path
    from kzlabour.yamlio import YamlError, read_yaml

    sidecar = sidecar_path(text_path)
    rel = _rel(root, sidecar)
    if not sidecar.is_file():
        report.add(
            Problem(
                "sidecar-missing",
                _rel(root, text_path),
                f"has no provenance sidecar {sidecar.name}",
                hint="write it with title, url, retrieved, language and rights, or " + _ADD,
            )
        )
        return None
    try:
        data = read_yaml(sidecar)
    except YamlError as exc:
        report.add(Problem("sidecar-yaml", rel, exc.problem, line=exc.line, hint="fix the YAML syntax"))
        return None
    if not isinstance(data, dict):
        report.add(
            Problem(
                "sidecar-field",
                rel,
                "is not a mapping of fields",
                line=1,
                hint="write `title:`, `url:`, `retrieved:`, `language:` and `rights:` lines",
            )
        )
        return None
    provenance, problems = model_problems(
        "sidecar-field",
        sidecar,
        rel,
        data,
        Provenance,
        hint="required: title, retrieved (YYYY-MM-DD), language (ISO 639-1), rights; optional url",
    )
    for problem in problems:
        report.add(problem)
    return provenance if isinstance(provenance, Provenance) else None
