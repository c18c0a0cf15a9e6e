"""The exception tree: misuse and environment failures. Data problems are Problems in a Report."""

from __future__ import annotations

__all__ = ["CurationError", "ExportError", "KzlabourError", "PackageError", "SourceError"]


class KzlabourError(Exception):
    """Base of every error kzlabour raises on purpose; its message is one line for a user."""


class SourceError(KzlabourError):
    """A source text cannot be read as text."""

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        self.path, self.problem, self.hint = path, problem, hint
        super().__init__(f"{path}: {problem}" + (f" ({hint})" if hint else ""))


class CurationError(KzlabourError):
    """A curation file cannot be applied."""


class PackageError(KzlabourError):
    """A data package cannot be read, or is not a valid kzlabour package."""


class ExportError(KzlabourError):
    """A data package cannot be exported: a missing optional library, or source texts that do not match."""
