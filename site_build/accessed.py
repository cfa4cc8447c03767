"""Dated venue figures: every ``accessed`` date held against today.

A figure a venue can change (a tier table, a fee, a rate limit, a funding interval) says
when it was read: a term's source carries ``accessed: YYYY-MM-DD``, and so does each venue
data file under ``calculators/data/`` (in its ``source`` block). A date in the future is
an error (nobody has read it yet); one more than ``STALE_MONTHS`` before today is a
warning (``--strict`` fails on it): the venue has likely changed the figure since.
"Today" is ``SOURCE_DATE_EPOCH`` when set, so a build is reproducible, else the clock.
"""

from __future__ import annotations

import calendar
import datetime
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .dates import epoch_day
from .model import Glossary
from .problems import Problem
from .source import Document, SourceMap, read_document

STALE_MONTHS = 24
DATA_FOLDER = "calculators/data"
DATA_SUFFIXES = (".json", ".yml", ".yaml")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def today(environ: Mapping[str, str] = os.environ) -> datetime.date:
    """``SOURCE_DATE_EPOCH`` as a UTC day when it is set, else the system date."""
    return epoch_day(environ) or datetime.date.today()


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month ``months`` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def as_date(value: object) -> datetime.date | None:
    """A ``YYYY-MM-DD`` day, from a YAML date or text; None for anything else."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def long_date(day: datetime.date) -> str:
    """``1 December 2026``: how a page writes the day."""
    return f"{day.day} {day.strftime('%B %Y')}"


@dataclass(frozen=True)
class Dated:
    """One ``accessed`` date, where it is written, and what it dates."""

    path: str
    line: int
    column: int
    accessed: datetime.date
    what: str


def _term_dates(glossary: Glossary, positions: Mapping[str, SourceMap]) -> Iterator[Dated]:
    for term in glossary.terms:
        source_map = positions.get(term.path, SourceMap())
        for index, source in enumerate(term.sources):
            if source.accessed is not None:
                line, column = source_map.value_at(("sources", index, "accessed"))
                yield Dated(term.path, line, column, source.accessed, f"source '{source.title}'")


def data_files(root: Path) -> list[Path]:
    """The venue data files: ``calculators/data/*.json`` (or YAML), by name."""
    folder = root / DATA_FOLDER
    return sorted(p for p in folder.iterdir() if p.suffix in DATA_SUFFIXES) if folder.is_dir() else []


def _data_dates(root: Path) -> tuple[list[Dated], list[Problem]]:
    """Each data file's ``source.accessed``; a file without one, or with a bad one, is a problem."""
    dated, problems = [], []
    for file in data_files(root):
        document, found = read_document(file, file.relative_to(root).as_posix())
        problems += found
        if document is not None:
            item, problem = _data_date(document)
            dated += [item] if item else []
            problems += [problem] if problem else []
    return dated, problems


def _data_date(document: Document) -> tuple[Dated | None, Problem | None]:
    source = document.data.get("source") if isinstance(document.data, dict) else None
    value = source.get("accessed") if isinstance(source, dict) else None
    line, column = document.positions.value_at(("source", "accessed"))
    if value is None:
        return None, Problem(document.path, line, column, "warning", "undated-venue-figure",
                             "this venue data file does not say when its figures were read; add "
                             "\"accessed\": \"YYYY-MM-DD\" to its \"source\"")
    day = as_date(value)
    if day is None:
        return None, Problem(document.path, line, column, "error", "bad-date",
                             f"'accessed' must be the day the source was read, written YYYY-MM-DD, got {value!r}")
    title = source.get("title", document.path)
    return Dated(document.path, line, column, day, f"source '{title}'"), None


def check_dates(dated: list[Dated], now: datetime.date) -> list[Problem]:
    """An error for a date after ``now``, a warning for one more than ``STALE_MONTHS`` before it."""
    oldest = months_before(now, STALE_MONTHS)
    problems = []
    for item in dated:
        if item.accessed > now:
            problems.append(Problem(item.path, item.line, item.column, "error", "accessed-in-future",
                                    f"{item.what} was accessed on {item.accessed.isoformat()}, which is after today; "
                                    "write the day you read it"))
        elif item.accessed < oldest:
            problems.append(Problem(item.path, item.line, item.column, "warning", "stale-venue-figure",
                                    f"{item.what} was read on {item.accessed.isoformat()}, more than {STALE_MONTHS} "
                                    f"months ago; check the venue's current figure, update the text and "
                                    "the 'accessed' date"))
    return problems


def check_accessed(glossary: Glossary, positions: Mapping[str, SourceMap], root: Path,
                   now: datetime.date | None = None) -> list[Problem]:
    """Every dated figure of the glossary and of the venue data files, held against ``now`` (default: ``today()``)."""
    data, problems = _data_dates(root)
    return problems + check_dates([*_term_dates(glossary, positions), *data], now or today())
