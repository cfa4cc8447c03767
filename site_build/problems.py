"""Problems: every mistake a user can make, as a value, printed in one place.

A problem is never raised; pipeline stages return them alongside their results so
that a single run can report every mistake in every file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem: ``path:line:col: severity: message [code]``."""

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.code}]"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sort by file, then line and column, dropping exact repeats."""
    return sorted(set(problems))


def count_summary(problems: list[Problem], terms_checked: int) -> str:
    """The one-line summary printed after the problem list."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"{terms_checked} terms OK"
    files = len({p.path for p in problems})
    return f"{_count(errors, 'error')}, {_count(warnings, 'warning')} in {_count(files, 'file')}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def format_text(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


def _escape_github(text: str, *, property_value: bool = False) -> str:
    """Escape for GitHub workflow commands (``%``, CR, LF; ``:`` and ``,`` in properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problems: list[Problem]) -> str:
    """Workflow annotations, shown inline on a pull request's changed files."""
    lines = []
    for p in problems:
        props = f"file={_escape_github(p.path, property_value=True)},line={p.line},col={p.col}"
        title = _escape_github(p.code, property_value=True)
        message = _escape_github(f"{p.message} [{p.code}]")
        lines.append(f"::{p.severity} {props},title={title}::{message}")
    return "\n".join(lines)


def format_json(problems: list[Problem]) -> str:
    return json.dumps([asdict(p) for p in problems], indent=2, ensure_ascii=False)


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}
