"""The checks `kzlabour validate` runs, one module per part of a contribution.

texts (sources and sidecars), curation (and the registry), resources (the
package's own paths), drift (the package against a fresh, incremental build),
duplicates (the same letter under two names) and release (version and
changelog). Each adds Problems to a Report; none raises for bad data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kzlabour.report import Problem

__all__ = ["model_problems", "yaml_lines"]


def yaml_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """Line (from 1) of every mapping key and sequence item of a YAML text, by its path of keys/indices.

    Call only on text that `read_yaml` accepted (no aliases); {} if it does not compose.
    """
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[tuple[str | int, ...], int] = {}

    def walk(n: Any, path: tuple[str | int, ...]) -> None:
        if isinstance(n, yaml.MappingNode):
            for key, value in n.value:
                sub = (*path, str(key.value))
                lines[sub] = key.start_mark.line + 1
                walk(value, sub)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                lines[(*path, i)] = item.start_mark.line + 1
                walk(item, (*path, i))

    if node is not None:
        walk(node, ())
    return lines


def line_of(lines: dict[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> int | None:
    """The line of the deepest prefix of `loc` the YAML has (pydantic locations name model fields)."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def model_problems(
    code: str, path: Path, rel: str, data: Any, model: Any, hint: str = "", strict: bool | None = None
) -> tuple[Any, list[Problem]]:
    """Validate YAML data against a model: (the model or None, one Problem per error with its line)."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data, strict=strict), []
    except ValidationError as exc:
        lines = yaml_lines(path.read_text(encoding="utf-8"))
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            where = ".".join(str(p) for p in loc) or "(top level)"
            message = "missing required field" if error["type"] == "missing" else error["msg"]
            problems.append(Problem(code, rel, f"{where}: {message}", line=line_of(lines, loc), hint=hint))
        return None, problems
