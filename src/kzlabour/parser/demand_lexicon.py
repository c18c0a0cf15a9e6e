"""The vocabulary of demanding (lexicon/demands.yaml), compiled once per language.

Phrases in the data file are plain words; this module turns each list into one
alternation regex, longest phrase first, so that "call upon" wins over "call".
Every pattern is a flat alternation of literals: no nested quantifiers, so
matching stays linear on any input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["DemandLexicon", "demand_lexicon", "phrase_pattern"]

_NOTHING = re.compile(r"(?!x)x")
# Languages with a section in the data file; anything else reads as English.
LANGUAGES = ("en", "ru", "kk")


def phrase_pattern(phrases: list[str] | tuple[str, ...]) -> str:
    """One non-capturing alternation of `phrases`, longest first; spaces match any whitespace run."""
    cleaned = sorted({p.strip() for p in phrases if p and p.strip()}, key=lambda p: (-len(p), p))
    if not cleaned:
        return r"(?!x)x"  # matches nothing
    parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in cleaned]
    return "(?:" + "|".join(parts) + ")"


def _words(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    return tuple(str(v) for v in value)


@dataclass(frozen=True)
class DemandLexicon:
    """One language's lists, as phrases and as compiled patterns (all case-insensitive)."""

    language: str
    lists: dict[str, tuple[str, ...]]
    patterns: dict[str, re.Pattern[str]]

    def words(self, key: str) -> tuple[str, ...]:
        return self.lists.get(key, ())

    def pattern(self, key: str) -> re.Pattern[str]:
        """The compiled list; a list the language does not give matches nothing."""
        return self.patterns.get(key, _NOTHING)


def _bounded(alternation: str) -> str:
    """Match a phrase as whole words (\\w boundaries that also work for Cyrillic)."""
    return r"(?<!\w)" + alternation + r"(?!\w)"


@cache
def _raw() -> dict[str, Any]:
    import yaml  # only when demands are first read

    text = resources.files("kzlabour.parser").joinpath("lexicon/demands.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def demand_lexicon(language: str | None) -> DemandLexicon:
    """The compiled vocabulary of `language` (ISO 639-1); unknown languages read as English."""
    lang = language if language in LANGUAGES else "en"
    raw: dict[str, Any] = _raw().get(lang) or {}
    lists = {key: _words(raw, key) for key, value in raw.items() if isinstance(value, list)}
    flags = re.IGNORECASE
    patterns: dict[str, re.Pattern[str]] = {}
    for key, words in lists.items():
        if key.endswith("_regex"):
            patterns[key] = re.compile("|".join(f"(?:{w})" for w in words) or r"(?!x)x", flags)
        else:
            patterns[key] = re.compile(_bounded(phrase_pattern(words)), flags)
    for key, value in raw.items():
        if isinstance(value, str) and key.endswith("_regex"):
            patterns[key] = re.compile(value, flags)
    return DemandLexicon(language=lang, lists=lists, patterns=patterns)
