"""The header helper's vocabularies (lexicon/header.yaml, lexicon/places.yaml), loaded once, lazily."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["any_match", "lexicon", "matches", "months", "pattern", "patterns", "places", "split_anchored"]

_DIR = Path(__file__).resolve().parent / "lexicon"


def _load(name: str) -> dict[str, Any]:
    import yaml  # only when a lexicon is first needed

    data: dict[str, Any] = yaml.safe_load((_DIR / name).read_text(encoding="utf-8"))
    return data


@cache
def lexicon() -> dict[str, Any]:
    """lexicon/header.yaml as loaded."""
    return _load("header.yaml")


@cache
def places() -> dict[str, Any]:
    """lexicon/places.yaml as loaded."""
    return _load("places.yaml")


def _get(path: str) -> Any:
    node: Any = lexicon()
    for key in path.split("."):
        node = node[key]
    return node


@cache
def pattern(path: str) -> re.Pattern[str]:
    """One compiled case-insensitive pattern from header.yaml, by dotted key ("anchors.repost")."""
    value = _get(path)
    if isinstance(value, list):
        value = "|".join(f"(?:{v})" for v in value)
    return re.compile(str(value), re.IGNORECASE)


@cache
def patterns(path: str) -> tuple[re.Pattern[str], ...]:
    """Each pattern of a list in header.yaml, compiled case-insensitively."""
    return tuple(re.compile(str(v), re.IGNORECASE) for v in _get(path))


@cache
def split_anchored(path: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The patterns of a list split into line-start ones ("^…", without the ^) and the rest.

    A search of the whole list (pattern(path)) tries every alternative at every position of a
    line; a line-start one can only match at position 0, so one `match` there answers for all of
    them and only the rest are searched. (A "^" item is anchored as a whole: no top-level "|";
    tests/parser/test_speed_shortcuts.py holds the lexicon to that.)
    """
    node = _get(path)
    starts = [str(p)[1:] for p in node if str(p).startswith("^")]
    rest = [str(p) for p in node if not str(p).startswith("^")]

    def join(parts: list[str]) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{x})" for x in parts), re.I) if parts else None

    return join(starts), join(rest)


def matches(path: str, s: str) -> bool:
    """Whether one pattern of the list at `path` matches `s`: as pattern(path).search, sooner."""
    start, rest = split_anchored(path)
    return bool((start and start.match(s)) or (rest and rest.search(s)))


def any_match(path: str, text: str) -> bool:
    """Whether one pattern of the list at `path` matches somewhere in `text`."""
    return pattern(path).search(text) is not None


@cache
def months() -> dict[str, int]:
    """Every month name or stem of every language, lower case, to its number; longest first."""
    table: dict[str, int] = {}
    for names in lexicon()["months"].values():
        table.update({str(k).lower(): int(v) for k, v in names.items()})
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))
