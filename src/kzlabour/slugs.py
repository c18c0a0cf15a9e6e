"""ASCII identifiers from names in any script: entity ids and source file names.

One transliterator, named: python-slugify's default backend ("auto") switches to
`unidecode` wherever that package happens to be installed, which would change
published ids from one machine to the next (and it tries that import on every call).
"""

from __future__ import annotations

__all__ = ["ascii_slug"]


def ascii_slug(text: str, *, separator: str = "-", max_length: int = 0, word_boundary: bool = False) -> str:
    """Lowercase ASCII letters and digits joined by `separator` ('Назарбаев Н.' -> 'nazarbaev-n')."""
    from slugify import slugify

    return slugify(
        text,
        separator=separator,
        max_length=max_length,
        word_boundary=word_boundary,
        backend="text-unidecode",
    )
