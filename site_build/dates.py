"""Publication dates and change history from git: one ``git log`` pass for every file.

A page's ``datePublished`` is its file's first commit and ``dateModified`` its last; the
same pass keeps, per file, every commit that touched it (time and subject), newest first,
for the Atom feed (``site_build.feed``) and each term page's "History". Without git, in a
shallow clone, or for a file git does not know yet, dates fall back to one fixed date
(``SOURCE_DATE_EPOCH``, else the last commit, else a constant) and the history is empty,
so a build never depends on file modification times or the clock.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .model import Dates

FALLBACK_DATE = "2026-01-01"
_MARK = "\x1e"  # starts each commit in the log
_FIELD = "\x1f"  # separates a commit's time from its subject
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Change:
    """One commit that touched a file: committer time (ISO 8601 with offset) and subject."""

    when: str
    subject: str

    @property
    def day(self) -> str:
        """The commit's date as ``YYYY-MM-DD`` (the committer's own calendar day, as ``%cs``)."""
        return self.when[:10]

    @property
    def instant(self) -> datetime.datetime:
        """The commit time as an aware datetime, for ordering changes across time zones."""
        return datetime.datetime.fromisoformat(self.when)


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def epoch_day(environ: Mapping[str, str] = os.environ) -> datetime.date | None:
    """``SOURCE_DATE_EPOCH`` as a UTC day, or None when it is not set (to a number of seconds)."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch.isdigit() else None


def fallback_date(root: Path) -> str:
    """``SOURCE_DATE_EPOCH``, else the newest commit's date, else a fixed constant."""
    day = epoch_day()
    if day is not None:
        return day.isoformat()
    last = _git(root, "log", "-1", "--format=%cs")
    return last.strip() if last and last.strip() else FALLBACK_DATE


def history(root: Path, folder: str) -> dict[str, tuple[Change, ...]]:
    """Every file under ``folder`` (paths relative to ``root``) → its changes, newest first.

    One ``git log`` call; empty without git or in a shallow clone (whose oldest commit
    would pass for every file's first publication).
    """
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() == "true":
        return {}
    log = _git(root, "log", f"--format={_MARK}%cI{_FIELD}%s", "--name-only", "--no-renames", "--", folder)
    if not log:
        return {}
    prefix = (_git(root, "rev-parse", "--show-prefix") or "").strip()
    changes: dict[str, list[Change]] = {}
    for entry in log.split(_MARK)[1:]:
        head, *names = entry.strip("\n").splitlines()
        when, _, subject = head.partition(_FIELD)
        change = Change(when.strip(), " ".join(_CONTROL.sub("", subject).split()))  # shown as plain text
        for name in filter(None, names):
            path = name[len(prefix):] if prefix and name.startswith(prefix) else name
            changes.setdefault(path, []).append(change)  # log runs newest → oldest
    return {path: tuple(found) for path, found in changes.items()}


class DateBook:
    """Looks up a file's dates and changes, falling back to the fixed date for unknown files."""

    def __init__(self, root: Path, folder: str = "terms") -> None:
        self._changes = history(root, folder)
        self.fallback = fallback_date(root)

    @classmethod
    def fixed(cls, day: str) -> DateBook:
        """A date book that answers ``day`` for every file (tests, reproducible exports)."""
        book = cls.__new__(cls)
        book._changes, book.fallback = {}, day
        return book

    def of(self, path: str) -> Dates:
        found = self._changes.get(path)
        return Dates(found[-1].day, found[0].day) if found else Dates(self.fallback, self.fallback)

    def changes(self, path: str) -> tuple[Change, ...]:
        """The file's commits, newest first; empty when git does not know it."""
        return self._changes.get(path, ())

    @property
    def fallback_time(self) -> str:
        """The fallback date as an RFC 3339 time (midnight UTC), for feeds."""
        return f"{self.fallback}T00:00:00Z"
