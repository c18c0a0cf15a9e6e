"""Bounded memos for the parser's pure helpers, for short arguments only.

The readers classify the same lines, words and phrases again and again (segmentation, then
the header, title and parties readers; the same bodies and positions under many names), so a
pure helper keeps its recent answers. A memo holds at most `maxsize` entries, and only for
string arguments of at most `longest` characters: a long argument (a paragraph, a garbage
line of megabytes) is computed afresh every time, so a memo never holds more than about
maxsize x longest characters, whatever the input. The helpers wrapped must be pure functions
of their arguments returning values nobody mutates (str, bool, None, tuples, frozen objects):
then a memo changes no output, only the time taken.

Closures, not a class with __call__: these run hundreds of thousands of times per corpus, and
a closure adds a small fraction of what an instance call would.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, ParamSpec, TypeVar

__all__ = ["line_memo", "memo"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def line_memo(maxsize: int, longest: int) -> Callable[[Callable[[str], _R]], Callable[[str], _R]]:
    """A memo for a helper of one string (a line, a word): the fast path of `memo`."""

    def decorate(function: Callable[[str], _R]) -> Callable[[str], _R]:
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(s: str) -> _R:
            return cached(s) if len(s) <= longest else function(s)

        _expose(call, cached)
        return call

    return decorate


def memo(maxsize: int, longest: int) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """A memo for a helper of several arguments; calls with a string over `longest` bypass it."""

    def decorate(function: Callable[_P, _R]) -> Callable[_P, _R]:
        cached: Any = lru_cache(maxsize=maxsize)(function)  # (typeshed wants hashable arguments)

        @wraps(function)
        def call(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            for value in (*args, *kwargs.values()):
                if isinstance(value, str) and len(value) > longest:
                    return function(*args, **kwargs)
            result: _R = cached(*args, **kwargs)
            return result

        _expose(call, cached)
        return call

    return decorate


def _expose(call: object, cached: object) -> None:
    """The lru_cache's introspection on the wrapper (cache_info, cache_clear, cache_parameters)."""
    for name in ("cache_info", "cache_clear", "cache_parameters"):
        setattr(call, name, getattr(cached, name))
