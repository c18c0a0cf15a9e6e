"""Add a new source text: `kzlabour add FILE --url URL`.

The text is decoded (a legacy encoding is converted to UTF-8 and recorded in
the sidecar, never stored garbled), stored under a normalised name in
`sources/` with its provenance sidecar, parsed, and given a draft curation
file for review. The three files appear together or not at all.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzlabour.errors import KzlabourError, SourceError

if TYPE_CHECKING:
    from kzlabour.models import Letter
    from kzlabour.models.provenance import Provenance

__all__ = ["DEFAULT_RIGHTS", "DRAFT_MARK", "AddResult", "add_source", "normalise_name"]

DEFAULT_RIGHTS = (
    "Third-party text, reproduced for research and documentation; rights remain with its authors."
)
# First line of a draft curation file; `kzlabour validate` warns while it is there.
DRAFT_MARK = "# DRAFT curation written by `kzlabour add`"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class AddResult:
    """What `add_source` wrote and what the parser found in the text."""

    name: str
    written: tuple[Path, ...]
    provenance: Provenance
    letters: list[Letter]
    text: str

    def describe(self) -> str:
        """What was found, each value with the line it came from, for a one-minute human check."""
        lines = [f"added {', '.join(str(p) for p in self.written)}"]
        if self.provenance.encoding:
            lines.append(f"  converted from {self.provenance.encoding} to UTF-8")
        lines.append(f"  the parser found {len(self.letters)} letter(s):")
        for n, letter in enumerate(self.letters, 1):
            lines += _describe_letter(n, letter, self.text)
        lines.append(
            f"check it; where it is wrong, edit curation/{Path(self.name).stem}.yaml, "
            "then run `kzlabour build` and `kzlabour validate`"
        )
        return "\n".join(lines)


def normalise_name(name: str) -> str:
    """A stem of lowercase ASCII letters, digits, `_` and `-` ('Письмо ITUC 2011' -> 'pismo_ituc_2011')."""
    from kzlabour.slugs import ascii_slug

    stem = ascii_slug(Path(name).stem, separator="_", max_length=60, word_boundary=True)
    if not stem or not _NAME.match(stem):
        raise KzlabourError(f"{name!r}: cannot be made into a source name (letters, digits, _ and -)")
    return stem


def add_source(
    file: Path | str,
    *,
    url: str | None,
    retrieved: str | None = None,
    title: str | None = None,
    language: str | None = None,
    rights: str = DEFAULT_RIGHTS,
    name: str | None = None,
    root: Path | str = ".",
) -> AddResult:
    """Copy a text into `root/sources/` with its sidecar and a draft curation; nothing is left on failure."""
    from kzlabour.parser import parse
    from kzlabour.parser.decode import decode
    from kzlabour.sources import read_text_bytes

    root, path = Path(root), Path(file)
    sources, curation = root / "sources", root / "curation"
    if not sources.is_dir():
        raise KzlabourError(f"{sources}: no sources folder (run kzlabour add at the repository root)")
    decoded = decode(read_text_bytes(path), str(path))
    if not decoded.text.strip():
        raise SourceError(str(path), "holds no text")
    data = decoded.text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    _refuse_duplicate(sources, data, path)
    stem = normalise_name(name) if name else _next_name(sources, digest)
    source_name = f"{stem}.txt"
    letters = parse(decoded.text, source_name, digest)
    provenance = _provenance(
        path,
        title=title or _first_line(decoded.text),
        url=url,
        retrieved=retrieved,
        language=language or _language(letters),
        rights=rights,
        encoding=None if decoded.encoding == "utf-8" else decoded.encoding,
    )
    files = {
        sources / source_name: data,
        sources / f"{stem}.yaml": _sidecar_yaml(source_name, provenance).encode("utf-8"),
        curation / f"{stem}.yaml": draft_curation(source_name, letters).encode("utf-8"),
    }
    _write_all(files)
    written = tuple(p.relative_to(root) for p in files)
    return AddResult(source_name, written, provenance, letters, decoded.text)


def _refuse_duplicate(sources: Path, data: bytes, path: Path) -> None:
    digest = hashlib.sha256(data).hexdigest()
    for existing in sorted(sources.glob("*.txt")):
        if (
            existing.stat().st_size == len(data)
            and hashlib.sha256(existing.read_bytes()).hexdigest() == digest
        ):
            raise SourceError(str(path), f"is already in the repository as sources/{existing.name}")


def _next_name(sources: Path, digest: str) -> str:
    """The repository's convention: a running number and the hash prefix, `004_1f2e3d4c5b6a7980`."""
    numbers = [int(m.group(1)) for p in sources.glob("*.txt") if (m := re.match(r"^(\d+)_", p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{digest[:16]}"


def _first_line(text: str) -> str:
    line = next((x.strip() for x in text.splitlines() if x.strip()), "untitled")
    return line if len(line) <= 120 else line[:117].rstrip() + "..."


def _language(letters: Sequence[Letter]) -> str:
    return next((letter.language for letter in letters if letter.language), "en")


def _provenance(path: Path, **fields: Any) -> Provenance:
    import datetime

    from pydantic import ValidationError

    from kzlabour.models.provenance import Provenance

    if fields["retrieved"] is None:
        fields["retrieved"] = datetime.date.today().isoformat()
    try:
        return Provenance.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise KzlabourError(f"{path}: --{field}: {first['msg']}") from None


def _sidecar_yaml(source_name: str, provenance: Provenance) -> str:
    import yaml

    body = yaml.safe_dump(
        provenance.model_dump(mode="json", exclude_none=False),
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    return f"# Provenance of sources/{source_name} (the text itself is kept byte for byte).\n{body}"


def draft_curation(source_name: str, letters: Sequence[Letter]) -> str:
    """A curation file with no overrides yet, listing what the parser found (commented) for review."""
    import yaml

    found = [
        {
            "letter": n,
            "start": letter.source.start,
            "set": _without_spans(
                {k: v for k, v in letter.to_json_dict().items() if k not in ("source", "evidence")}
            ),
        }
        for n, letter in enumerate(letters, 1)
    ]
    listing = yaml.safe_dump({"letters": found}, allow_unicode=True, sort_keys=False, width=100)
    commented = "".join(f"# {line}\n" for line in listing.splitlines())
    return (
        f"{DRAFT_MARK} for sources/{source_name}: review it.\n"
        "# The parser found what is listed in the comments below. Where it is wrong, copy that letter's\n"
        "# entry above the comments (uncommented), keep under `set:` only the fields to correct, with the\n"
        "# right values, and delete this first line. An empty `letters: []` publishes the parser's output.\n"
        f"source: {source_name}\n"
        "letters: []\n"
        f"{commented}"
    )


def _without_spans(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_spans(v) for k, v in value.items() if k != "span"}
    if isinstance(value, list):
        return [_without_spans(v) for v in value]
    return value


def _write_all(files: dict[Path, bytes]) -> None:
    """Write every file or none: temporary files beside the targets, then renames, undone on failure."""
    for target in files:
        if target.exists():
            raise KzlabourError(f"{target}: already exists; nothing was written")
    temps: dict[Path, Path] = {}
    done: list[Path] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.adding")
            temps[target] = tmp
            with open(tmp, "xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for target, tmp in temps.items():
            os.rename(tmp, target)
            done.append(target)
    except BaseException:
        for path in [*done, *temps.values()]:
            path.unlink(missing_ok=True)
        raise


def _describe_letter(n: int, letter: Letter, text: str) -> list[str]:
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def at(start: int | None) -> str:
        if start is None:
            return ""
        import bisect

        line = bisect.bisect_right(starts, start)
        content = text[starts[line - 1] :].split("\n", 1)[0].strip()
        return f"    <- line {line}: {content[:80]}"

    out = [f"  letter {n} (characters {letter.source.start}-{letter.source.end})"]
    for field in ("date", "place", "reference", "language", "title"):
        value = getattr(letter, field)
        span = getattr(letter.evidence, field)
        out.append(f"    {field:<11} {value if value is not None else '-'}{at(span.start if span else None)}")
    kinds = {"senders": "sender", "signatories": "signatory", "recipients": "recipient"}
    for field in ("senders", "signatories", "recipients", "copies", "contacts"):
        for party in getattr(letter, field):
            label = ", ".join(x for x in (party.name, party.role, party.organisation) if x) or "?"
            kind = kinds.get(field, field[:-1].replace("copie", "copy"))
            out.append(f"    {kind:<11} {label}{at(party.span.start if party.span else None)}")
    for demand in letter.demands:
        out.append(
            f"    demand      [{demand.category.value}] {demand.text[:70]}"
            f"{at(demand.span.start if demand.span else None)}"
        )
    return out
