"""Data problems, collected rather than raised, and their renderings (text, JSON, GitHub annotations)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

__all__ = ["Problem", "Report"]

Severity = Literal["error", "warning", "notice"]


@dataclass(frozen=True)
class Problem:
    """One problem: a stable code, the file (and line or row), what is wrong and how to fix it."""

    code: str
    file: str
    message: str
    line: int | None = None
    hint: str = ""
    severity: Severity = "error"

    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def text(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.where()}: {self.severity}: [{self.code}] {self.message}{hint}"

    def github(self) -> str:
        level = {"error": "error", "warning": "warning", "notice": "notice"}[self.severity]
        line = f",line={self.line}" if self.line else ""
        message = (self.message + (f" ({self.hint})" if self.hint else "")).replace("%", "%25")
        message = message.replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.file}{line},title={self.code}::{message}"


@dataclass
class Report:
    """Every problem found; `ok` when none is an error."""

    problems: list[Problem] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, other: Report) -> None:
        self.problems += other.problems
        self.checked += other.checked

    def render(self, fmt: str = "text") -> str:
        if fmt == "json":
            return json.dumps(
                {"ok": self.ok, "checked": self.checked, "problems": [asdict(p) for p in self.problems]},
                ensure_ascii=False,
                indent=1,
            )
        if fmt == "github":
            return "\n".join(p.github() for p in self.problems)
        lines = [p.text() for p in self.problems]
        errors = len(self.errors)
        verdict = "valid" if self.ok else f"{errors} error{'s' if errors != 1 else ''}"
        lines.append(f"checked {', '.join(self.checked) or 'nothing'}: {verdict}")
        return "\n".join(lines)
