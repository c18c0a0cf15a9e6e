"""Curation files (and the registry, when there is one): safe YAML, schema-valid, applying to what exists.

The static checks here need no parsing; whether each entry applies to a
letter of its text (its number, its start, its fields' values) is checked by
the drift step, which parses the texts whose curation changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kzlabour.report import Problem, Report

__all__ = ["check_curation", "check_registry", "check_registry_letters"]

_HINT = "see README, 'How the data is made': source, optional spans, letters with letter/start/set"


def check_curation(root: Path, texts: dict[str, str], report: Report) -> set[str]:
    """Check curation/*.yaml against the texts (name -> decoded text); the names of the files at fault."""
    from kzlabour.checks import model_problems, yaml_lines
    from kzlabour.contribute import DRAFT_MARK
    from kzlabour.curate import CURATABLE, CurationFile
    from kzlabour.yamlio import YamlError, read_yaml

    folder = root / "curation"
    faulty: set[str] = set()
    if not folder.is_dir():
        return faulty
    for path in sorted(folder.iterdir()):
        rel = str(path.relative_to(root))
        before = len(report.errors)
        if path.suffix != ".yaml":
            report.add(
                Problem(
                    "curation-unexpected-file",
                    rel,
                    "is not a curation file (NAME.yaml)",
                    hint="curation/ holds only NAME.yaml for sources/NAME.txt",
                )
            )
            continue
        source = f"{path.stem}.txt"
        if not (root / "sources" / source).is_file():
            report.add(
                Problem(
                    "curation-orphan",
                    rel,
                    f"curates sources/{source}, which does not exist",
                    hint="rename it after its source text or delete it",
                )
            )
            continue
        try:
            data = read_yaml(path)
        except YamlError as exc:
            report.add(Problem("curation-yaml", rel, exc.problem, line=exc.line, hint="fix the YAML syntax"))
            faulty.add(source)
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith(DRAFT_MARK):
            report.add(
                Problem(
                    "curation-draft",
                    rel,
                    "is a draft written by `kzlabour add`, not yet reviewed",
                    line=1,
                    hint="check the parser's output, correct it here, delete line 1",
                    severity="warning",
                )
            )
        curation, problems = model_problems("curation-schema", path, rel, data, CurationFile, _HINT)
        for problem in problems:
            report.add(problem)
        if curation is not None:
            lines = yaml_lines(text)
            _check_entries(rel, source, curation, lines, texts.get(source), CURATABLE, report)
        if len(report.errors) > before:
            faulty.add(source)
    return faulty


def _check_entries(
    rel: str,
    source: str,
    curation: Any,
    lines: dict[tuple[str | int, ...], int],
    text: str | None,
    curatable: tuple[str, ...],
    report: Report,
) -> None:
    if curation.source != source:
        report.add(
            Problem(
                "curation-source",
                rel,
                f"source: names {curation.source!r}, but the file curates {source}",
                line=lines.get(("source",)),
                hint=f"write `source: {source}`",
            )
        )
    if curation.spans is not None and text is not None:
        previous = 0
        for i, (start, end) in enumerate(curation.spans):
            if not previous <= start < end <= len(text):
                report.add(
                    Problem(
                        "curation-spans",
                        rel,
                        f"spans[{i}] [{start}, {end}] is not an ordered span inside the text (0-{len(text)})",
                        line=lines.get(("spans", i)),
                        hint="spans are [start, end] offsets, ascending, not overlapping",
                    )
                )
            previous = max(previous, end)
    first_line: dict[int, int | None] = {}
    for i, entry in enumerate(curation.letters):
        line = lines.get(("letters", i))
        if entry.letter in first_line:
            report.add(
                Problem(
                    "curation-duplicate-id",
                    rel,
                    f"letter {entry.letter} is curated twice (first on line {first_line[entry.letter]})",
                    line=line,
                    hint="merge the two entries into one",
                )
            )
        first_line.setdefault(entry.letter, line)
        if curation.spans is not None and entry.letter > len(curation.spans):
            report.add(
                Problem(
                    "curation-no-such-letter",
                    rel,
                    f"letter {entry.letter}: the spans give only {len(curation.spans)} letters",
                    line=line,
                    hint="fix the number or the spans",
                )
            )
        for name in sorted(set(entry.set) - set(curatable)):
            report.add(
                Problem(
                    "curation-unknown-field",
                    rel,
                    f"letter {entry.letter}: no field {name!r}",
                    line=lines.get(("letters", i, "set", name), line),
                    hint="curatable fields: " + ", ".join(curatable),
                )
            )


def check_registry(root: Path, report: Report) -> bool:
    """registry/organisations/*.yaml and registry/people/*.yaml: YAML, schema, ids; then the registry's
    own cross-checks (references, curated decisions), through its loader, when the registry exists."""
    import importlib

    from kzlabour.checks import model_problems
    from kzlabour.errors import KzlabourError
    from kzlabour.yamlio import YamlError, read_yaml

    folder = root / "registry"
    if not folder.is_dir():
        return True
    try:
        entities = importlib.import_module("kzlabour.models.entities")
        store = importlib.import_module("kzlabour.registry.store")
    except ImportError:
        return True
    before = len(report.errors)
    ids: dict[str, str] = {}
    for kind, model in (("organisations", entities.Organisation), ("people", entities.Person)):
        for path in sorted((folder / kind).glob("*.yaml")):
            rel = str(path.relative_to(root))
            try:
                data = read_yaml(path)
            except YamlError as exc:
                report.add(
                    Problem("registry-yaml", rel, exc.problem, line=exc.line, hint="fix the YAML syntax")
                )
                continue
            entity, problems = model_problems(
                "registry-schema", path, rel, data, model, "see the registry's README section", strict=False
            )
            for problem in problems:
                report.add(problem)
            if entity is None:
                continue
            if entity.id != path.stem:
                report.add(
                    Problem(
                        "registry-id",
                        rel,
                        f"id {entity.id!r} differs from the file name",
                        line=1,
                        hint=f"name the file {entity.id}.yaml",
                    )
                )
            if entity.id in ids:
                report.add(
                    Problem(
                        "registry-duplicate-id",
                        rel,
                        f"id {entity.id!r} is already used by {ids[entity.id]}",
                        hint="give one of them another id, or merge them",
                    )
                )
            ids.setdefault(entity.id, rel)
    if len(report.errors) > before:
        return False
    try:
        store.read_registry(root)
    except KzlabourError as exc:
        file, _, message = str(exc).partition(": ")
        where = str(Path(file).relative_to(root)) if Path(file).is_relative_to(root) else file
        report.add(Problem("registry-invalid", where, message or str(exc), hint="see the registry's rules"))
        return False
    return True


def check_registry_letters(root: Path, letter_ids: set[str], report: Report) -> None:
    """Memberships that cite a letter must cite one the package has."""
    import importlib

    from kzlabour.checks import yaml_lines

    try:
        store = importlib.import_module("kzlabour.registry.store")
        registry = store.read_registry(root)
    except Exception:  # reported by check_registry
        return
    for person in registry.people.values():
        path = Path(registry.files[person.id])
        for i, membership in enumerate(person.memberships):
            letter = getattr(membership, "letter", None)
            if letter and letter not in letter_ids:
                lines = yaml_lines(path.read_text(encoding="utf-8"))
                report.add(
                    Problem(
                        "registry-letter",
                        str(path.relative_to(root)) if path.is_relative_to(root) else str(path),
                        f"membership of {membership.organisation!r} cites letter {letter!r}, "
                        "which does not exist",
                        line=lines.get(("memberships", i)),
                        hint="cite a letter id of letters.csv (SOURCE_STEM/ORDER)",
                    )
                )
