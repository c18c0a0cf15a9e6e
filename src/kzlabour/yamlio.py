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
    if _plainly_shallow(text):
        fast = _read_with_libyaml(text)
        if fast is not _FAILED:
            return fast
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


_FAILED = object()
# A text without these characters holds no anchor (&), alias (*), flow collection ([ {) or complex
# key (?), so it cannot refer to itself, and nesting needs indentation (see _plainly_shallow);
# libyaml accepts some tabs and block-scalar headers that the pure-Python scanner refuses, so tabs,
# block scalars (| >), tags (!), directives (%), reserved characters, byte-order marks and line
# breaks other than \n take the checking path.
_SLOW_PATH_CHARS = frozenset("&*[]{}?\t|>!%@`\ufeff\r\x85\u2028\u2029")
_MAX_FAST_INDENT = 30
_MAX_FAST_DASHES = 8


def _plainly_shallow(text: str) -> bool:
    """Whether libyaml may read `text`: no anchors, aliases or flow collections, shallow indentation.

    Block nesting needs indentation (a line adds at most a few levels: `- - key: x`), so with
    indentation under 30 columns libyaml's recursive composer is never asked to go deep; the
    depth limit itself is then checked on the data (`_depth`).
    """
    if not _SLOW_PATH_CHARS.isdisjoint(text):
        return False
    for line in text.splitlines():
        body = line.lstrip(" ")
        if len(line) - len(body) >= _MAX_FAST_INDENT:
            return False
        if len(body) - len(body.lstrip("- ")) > _MAX_FAST_DASHES:
            return False
    return True


def _read_with_libyaml(text: str) -> Any:
    """The data as libyaml's safe loader reads it (about 6x faster), or _FAILED on any error or
    on nesting over MAX_YAML_DEPTH: the checking pure-Python loader then reads the text again and
    words the error, so both paths accept and refuse the same files."""
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", None)
    if loader_class is None:
        return _FAILED
    loader = loader_class(text)
    try:
        data = loader.get_single_data()
    except (yaml.YAMLError, RecursionError, ValueError):
        return _FAILED
    finally:
        loader.dispose()
    return _FAILED if _depth(data) > MAX_YAML_DEPTH else _dates_as_text(data)


def _depth(value: Any) -> int:
    """Nodes from the root to the deepest leaf, as the composer counts them (a scalar is 1)."""
    if isinstance(value, dict):
        return 1 + max((max(_depth(k), _depth(v)) for k, v in value.items()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 1


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
