"""Reading curated YAML safely: safe loader, size limit, no anchors or aliases (no billion laughs)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from kzlabour.errors import KzlabourError

__all__ = ["MAX_YAML_BYTES", "MAX_YAML_DEPTH", "YamlError", "read_yaml"]

MAX_YAML_BYTES = 2_000_000
MAX_YAML_DEPTH = 64


class YamlError(KzlabourError):
    """A YAML file cannot be read; names the file and, where known, the line."""

    def __init__(self, path: Path | str, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


def read_yaml(path: Path, max_bytes: int = MAX_YAML_BYTES) -> Any:
    """The data of a YAML file, read with a safe loader that refuses anchors, aliases and deep nesting.

    The file must be a regular file (not a symbolic link, device or pipe) of at most `max_bytes`.
    """
    import yaml

    raw = _read_bounded(path, max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(path, None, f"is not UTF-8 (byte {exc.start})") from None
    loader = None
    try:
        loader = _no_alias_loader()(text)
        return _dates_as_text(loader.get_single_data())
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise YamlError(path, line, f"invalid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise YamlError(path, None, f"invalid YAML: {_one_line(str(exc))}") from None
    except RecursionError:
        raise YamlError(path, None, f"invalid YAML: nested deeper than {MAX_YAML_DEPTH} levels") from None
    finally:
        if loader is not None:
            loader.dispose()


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    import stat

    if path.is_symlink():
        raise YamlError(path, None, "is a symbolic link; refused (keep the file itself in the repository)")
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise YamlError(path, None, "is not a regular file")
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise YamlError(path, None, f"cannot be read ({exc.strerror})") from None
    if len(raw) > max_bytes:
        raise YamlError(path, None, f"is over the {max_bytes}-byte limit for YAML files")
    return raw


def _one_line(text: str) -> str:
    return " ".join(text.split())


@cache
def _no_alias_loader() -> Any:
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.MarkedYAMLError(
                    None, None, "anchors and aliases (*name) are not allowed", event.start_mark
                )
            if self.depth >= MAX_YAML_DEPTH:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.MarkedYAMLError(
                    None, None, f"nested deeper than {MAX_YAML_DEPTH} levels", event.start_mark
                )
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    return NoAliasLoader


def _dates_as_text(value: Any) -> Any:
    """YAML reads 1999-11-17 as a date; kzlabour keeps dates as ISO text (partial dates too)."""
    import datetime

    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value
