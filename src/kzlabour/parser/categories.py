"""The category of a demand: a transparent rule set over cue words (lexicon/categories.yaml).

The rules (ANNOTATION-DECISIONS §21, docs/demand-categories.md): the head of the
demand decides — the words before a means or emphasis marker ("by …",
"– especially …"); within it the earliest strong cue wins, ties going to the
more specific category; then strong cues anywhere, then weak cues. Several
different rights named together are rights in general (democratic_rights).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from kzlabour.models import DemandCategory

__all__ = ["categorise"]

_LANGUAGES = ("en", "ru", "kk")
_NOTHING = re.compile(r"(?!x)x")


@dataclass(frozen=True)
class _Rules:
    order: tuple[DemandCategory, ...]
    rights_family: frozenset[DemandCategory]
    head_break: re.Pattern[str]
    # One pattern per level: a named group per category, in `order`, so that the leftmost match
    # is the earliest cue and a tie at one place goes to the category listed first.
    strong: re.Pattern[str]
    weak: re.Pattern[str]


@cache
def _data() -> dict[str, Any]:
    import yaml  # only when the first demand is categorised

    text = resources.files("kzlabour.parser").joinpath("lexicon/categories.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _compile(groups: list[tuple[DemandCategory, list[str]]]) -> re.Pattern[str]:
    parts = [f"(?P<{c.value}>" + "|".join(f"(?:{f})" for f in frags) + ")" for c, frags in groups if frags]
    if not parts:
        return _NOTHING
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


@cache
def _rules(language: str) -> _Rules:
    data = _data()
    lang = language if language in _LANGUAGES else "en"
    order = tuple(DemandCategory(c) for c in data.get("order") or [])
    cues = data.get("cues") or {}
    levels: dict[str, list[tuple[DemandCategory, list[str]]]] = {"strong": [], "weak": []}
    for category in order:
        for level, out in levels.items():
            per_language = (cues.get(category.value) or {}).get(level) or {}
            # Proper names of another language still count (an English convention in a Russian letter).
            fragments = list(per_language.get(lang) or [])
            if lang != "en":
                fragments += [f for f in per_language.get("en") or [] if f[:1].isupper()]
            out.append((category, fragments))
    breaks = (data.get("head_breaks") or {}).get(lang) or []
    return _Rules(
        order=order,
        rights_family=frozenset(DemandCategory(c) for c in data.get("rights_family") or []),
        head_break=re.compile("|".join(f"(?:{b})" for b in breaks), re.IGNORECASE) if breaks else _NOTHING,
        strong=_compile(levels["strong"]),
        weak=_compile(levels["weak"]),
    )


@lru_cache(maxsize=4096)
def categorise(text: str, language: str | None) -> DemandCategory:
    """The one category a demand's words ask for (§21); `other` when no cue is found."""
    rules = _rules(language or "en")
    head = _head(text, rules)
    in_head = [_category(m) for m in rules.strong.finditer(head)]
    if len({c for c in in_head if c in rules.rights_family}) >= 3:
        return DemandCategory.democratic_rights  # several rights named together: rights in general
    if in_head:
        return in_head[0]
    for pattern, where in ((rules.strong, text), (rules.weak, head), (rules.weak, text)):
        m = pattern.search(where)
        if m:
            return _category(m)
    return DemandCategory.other


def _category(m: re.Match[str]) -> DemandCategory:
    return DemandCategory(m.lastgroup or DemandCategory.other.value)


def _head(text: str, rules: _Rules) -> str:
    """The words before the first means or emphasis marker (not before the third word)."""
    for count, m in enumerate(rules.head_break.finditer(text)):
        if count >= 5:
            break
        if len(text[: m.start()].split()) >= 3:
            return text[: m.start()]
    return text
