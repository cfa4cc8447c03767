"""Publication dates from git history: one ``git log`` pass for every file.

A page's ``datePublished`` is its file's first commit and ``dateModified`` its last.
Without git, in a shallow clone, or for a file git does not know yet, both fall back
to one fixed date (``SOURCE_DATE_EPOCH``, else the last commit, else a constant), so a
build never depends on file modification times or the clock.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

from .model import Dates

FALLBACK_DATE = "2026-01-01"
_MARK = "\x1e"


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                                timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def fallback_date(root: Path) -> str:
    """``SOURCE_DATE_EPOCH``, else the newest commit's date, else a fixed constant."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date().isoformat()
    last = _git(root, "log", "-1", "--format=%cs")
    return last.strip() if last and last.strip() else FALLBACK_DATE


def history_dates(root: Path, folder: str) -> dict[str, Dates]:
    """Dates for every file under ``folder`` (paths relative to ``root``), from one git call."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() == "true":
        return {}
    log = _git(root, "log", f"--format={_MARK}%cs", "--name-only", "--no-renames", "--", folder)
    if not log:
        return {}
    prefix = (_git(root, "rev-parse", "--show-prefix") or "").strip()
    dates: dict[str, Dates] = {}
    for entry in log.split(_MARK)[1:]:
        day, *names = entry.strip().splitlines()
        for name in filter(None, names):
            path = name[len(prefix):] if prefix and name.startswith(prefix) else name
            newest = dates[path].modified if path in dates else day
            dates[path] = Dates(published=day, modified=newest)  # log runs newest → oldest
    return dates


class DateBook:
    """Looks up a file's dates, falling back to the fixed date for unknown files."""

    def __init__(self, root: Path, folder: str = "terms") -> None:
        self._dates = history_dates(root, folder)
        self.fallback = fallback_date(root)

    @classmethod
    def fixed(cls, day: str) -> DateBook:
        """A date book that answers ``day`` for every file (tests, reproducible exports)."""
        book = cls.__new__(cls)
        book._dates, book.fallback = {}, day
        return book

    def of(self, path: str) -> Dates:
        return self._dates.get(path, Dates(self.fallback, self.fallback))
