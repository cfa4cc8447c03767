"""Dated venue figures: ``accessed`` dates on sources and venue data files, held against today.

One-mistake cases live in tests/fixtures/broken/ (stale-venue-figure, accessed-in-future,
undated-venue-figure, accessed-bad-date); these test the date rules with an injected
today, the data files, and the page's "accessed" line.
"""

from __future__ import annotations

import datetime
import json
import shutil

import pytest

from conftest import FIXTURES, ROOT
from site_build.accessed import Dated, check_accessed, check_dates, data_files, months_before, today
from site_build.extension import NO_CALCULATORS
from site_build.pipeline import load
from site_build.project import Project, generate
from site_build.render import Settings

DAY = datetime.date


def test_today_comes_from_source_date_epoch_when_set():
    assert today({"SOURCE_DATE_EPOCH": "1764547200"}) == DAY(2025, 12, 1)
    assert today({"SOURCE_DATE_EPOCH": " "}) == datetime.date.today()
    assert today({}) == datetime.date.today()


@pytest.mark.parametrize(("day", "months", "expected"), [
    (DAY(2026, 12, 1), 24, DAY(2024, 12, 1)),
    (DAY(2026, 3, 31), 1, DAY(2026, 2, 28)),
    (DAY(2026, 2, 28), 24, DAY(2024, 2, 28)),
    (DAY(2028, 2, 29), 24, DAY(2026, 2, 28)),
    (DAY(2026, 1, 15), 13, DAY(2024, 12, 15)),
])
def test_months_before_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert months_before(day, months) == expected


def _dated(day: DAY) -> Dated:
    return Dated("terms/x.yml", 9, 15, day, "source 'Tiers'")


def test_24_months_old_is_fresh_a_day_more_is_stale_and_tomorrow_is_an_error():
    now = DAY(2026, 12, 1)
    assert check_dates([_dated(DAY(2024, 12, 1)), _dated(now)], now) == []
    (stale,) = check_dates([_dated(DAY(2024, 11, 30))], now)
    assert (stale.severity, stale.code, stale.line, stale.col) == ("warning", "stale-venue-figure", 9, 15)
    (future,) = check_dates([_dated(DAY(2026, 12, 2))], now)
    assert (future.severity, future.code) == ("error", "accessed-in-future")


def _project(tmp_path, accessed: str):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "check-base", project)
    (project / "terms" / "see-also.yml").write_text(
        "name: See Also\nkind: term\nsummary: Links the base terms.\nareas: [margin]\n"
        "related: [initial-margin]\nbody: |\n  Tiers change.\nsources:\n"
        f"  - title: Venue tiers\n    url: https://example.com/tiers\n    accessed: {accessed}\n", encoding="utf-8")
    return project


def test_a_source_is_judged_against_the_injected_today(tmp_path):
    loaded = load(_project(tmp_path, "2024-06-30"), calculators={})
    now = DAY(2026, 12, 1)
    (problem,) = check_accessed(loaded.glossary, loaded.positions, loaded.root, now)
    assert (problem.path, problem.line, problem.code) == ("terms/see-also.yml", 11, "stale-venue-figure")
    assert check_accessed(loaded.glossary, loaded.positions, loaded.root, DAY(2025, 1, 1)) == []


def test_load_reads_today_from_source_date_epoch(tmp_path, monkeypatch):
    project = _project(tmp_path, "2026-06-30")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01: the date is ahead of it
    assert [p.code for p in load(project, calculators={}).problems] == ["accessed-in-future"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01
    assert [p.code for p in load(project, calculators={}).problems] == []


def test_a_data_file_is_dated_through_its_source_block(tmp_path):
    project = _project(tmp_path, "2026-06-30")
    folder = project / "calculators" / "data"
    folder.mkdir(parents=True)
    (folder / "venue.json").write_text(json.dumps({"source": {"title": "Old table", "accessed": "2020-01-01"},
                                                   "tiers": []}, indent=2), encoding="utf-8")
    (folder / "notes.txt").write_text("not data", encoding="utf-8")
    assert data_files(project) == [folder / "venue.json"]
    loaded = load(project, calculators={})
    problems = check_accessed(loaded.glossary, loaded.positions, project, DAY(2026, 12, 1))
    assert [(p.path, p.line, p.code) for p in problems] == [
        ("calculators/data/venue.json", 4, "stale-venue-figure")]
    assert "source 'Old table' was read on 2020-01-01" in problems[0].message


def test_every_shipped_venue_data_file_is_dated():
    files = data_files(ROOT)
    assert files, "calculators/data/ holds the published tier table"
    for file in files:
        source = json.loads(file.read_text(encoding="utf-8"))["source"]
        assert datetime.date.fromisoformat(source["accessed"]) <= datetime.date.today(), file.name


def test_the_page_shows_when_a_source_was_accessed(tmp_path):
    project = _project(tmp_path, "2026-12-01")
    shutil.copytree(ROOT / "templates", project / "templates")
    generated = generate(Project(project, Settings(site_url="https://example.org/")), NO_CALCULATORS)
    assert generated.errors == []
    page = {output.src: output.content for output in generated.files}["terms/see-also.md"]
    assert ('[Venue tiers](https://example.com/tiers) (accessed <time datetime="2026-12-01">1 December 2026</time>)'
            in page)


def test_the_tier_table_a_calculator_page_starts_from_is_dated():
    from site_build.calculator_pages import tier_table_source

    source = tier_table_source()
    assert source["url"].startswith("https://www.binance.com/")
    assert source["as published on"] == ("2021-03-18", "18 March 2021")
    assert source["accessed"] == ("2026-11-21", "21 November 2026")
