"""The disk cache behind ``glossary check`` (``site_build.disk_cache``): the same problems as a
check without it, nothing parsed or scanned again that did not change, keys that are the same
in every process, and nothing it cannot read or write ever an error."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from site_build import cli, disk_cache, pipeline, reader
from site_build.extension import registry
from site_build.pipeline import check

BROKEN_TERM = "name: [Broken\n"  # a YAML syntax error: a parse problem, no term
NO_AREA = "name: Orphan Fee\nkind: definition\nsummary: A fee no area lists.\nareas: [nowhere]\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the fixture glossary with a file that does not parse and one that does not
    validate, so that every kind of problem (parse, validation, cross-check, orphan) is cached."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "glossary", root)
    (root / "terms" / "broken.yml").write_text(BROKEN_TERM, encoding="utf-8")
    (root / "terms" / "orphan-fee.yml").write_text(NO_AREA, encoding="utf-8")
    return root


@pytest.fixture
def cache(tmp_path: Path) -> disk_cache.DiskCache:
    return disk_cache.DiskCache(tmp_path / "cache" / "results.sqlite3")


def checked(project: Path, cache: disk_cache.DiskCache | None):
    """``check`` with ``cache``, its database saved after, as ``glossary check`` leaves it."""
    try:
        return check(project, calculators=registry(), cache=cache)
    finally:
        if cache:
            cache.close()


def counting(monkeypatch) -> dict[str, list]:
    """Record which files are parsed and which terms scanned from here on."""
    seen: dict[str, list] = {"parsed": [], "scanned": []}
    parse, scan = reader.parse_document, pipeline._scan

    def parse_counted(raw, path):
        seen["parsed"].append(path)
        return parse(raw, path)

    def scan_counted(terms, linker):
        seen["scanned"] += [term.id for term in terms]
        return scan(terms, linker)

    monkeypatch.setattr(reader, "parse_document", parse_counted)
    monkeypatch.setattr(pipeline, "_scan", scan_counted)
    return seen


def edit_summary(project: Path, term_id: str, summary: str) -> None:
    file = project / "terms" / f"{term_id}.yml"
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    lines[at] = f"summary: {summary}\n"
    file.write_text("".join(lines), encoding="utf-8")


def test_a_second_check_parses_and_scans_nothing_and_reports_the_same(project, cache, monkeypatch):
    fresh = checked(project, None)
    assert {p.code for p in fresh[0]} >= {"yaml-syntax", "unknown-area"}, fresh  # the fixture's mistakes
    assert checked(project, cache) == fresh
    seen = counting(monkeypatch)
    assert checked(project, disk_cache.DiskCache(cache.file)) == fresh
    assert seen == {"parsed": [], "scanned": []}


def test_an_edited_file_is_the_only_one_parsed_and_scanned_again(project, cache, monkeypatch):
    checked(project, cache)
    edit_summary(project, "trading-fee", "A fee a venue charges per trade, taken from the Margin Balance.")
    seen = counting(monkeypatch)
    kept = checked(project, disk_cache.DiskCache(cache.file))
    assert seen == {"parsed": ["terms/trading-fee.yml"], "scanned": ["trading-fee"]}
    monkeypatch.undo()
    assert kept == checked(project, None)


def test_a_new_name_scans_every_term_again(project, cache, monkeypatch):
    """An alias changes what every text may mention: no term's kept mentions are used."""
    checked(project, cache)
    file = project / "terms" / "trading-fee.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("areas: [venues]", "areas: [venues]\naliases: [Fee]"),
                    encoding="utf-8")
    seen = counting(monkeypatch)
    kept = checked(project, disk_cache.DiskCache(cache.file))
    assert seen["parsed"] == ["terms/trading-fee.yml"]
    assert sorted(seen["scanned"]) == sorted(kept_ids := [t.id for t in pipeline.load(
        project, calculators=registry()).glossary.terms if t.has_page]) and len(kept_ids) > 5
    monkeypatch.undo()
    assert kept == checked(project, None)


# Prints the keys a check of the project would look up, in a fresh interpreter.
KEYS = """
import sys
from pathlib import Path
from site_build import disk_cache, pipeline
from site_build.extension import registry
root = Path(sys.argv[1])
glossary = pipeline.load(root, calculators=registry()).glossary
cache = disk_cache.DiskCache(Path(sys.argv[2]))
print(pipeline._names_digest(glossary))
print(sorted(cache.key("mentions", pipeline._names_digest(glossary), repr(pipeline._scanned(t))) for t in glossary.terms))
"""


def test_keys_are_the_same_whatever_the_string_hash_seed(project, tmp_path):
    """The ambiguous word's spellings and each sense's areas are sets, whose order follows the
    per-process string hash: a key built from them as they come would never be found again."""
    balance = project / "terms" / "margin-balance.yml"
    balance.write_text(balance.read_text(encoding="utf-8").replace("areas: [margin]", "areas: [margin, venues]")
                       .replace("aliases: [Margin]", "aliases: [Margin, margin]"), encoding="utf-8")
    outputs = {subprocess.run([sys.executable, "-c", KEYS, str(project), str(tmp_path / "unused.sqlite3")],
                              capture_output=True, text=True, check=True, cwd=ROOT,
                              env={"PYTHONHASHSEED": str(seed), "PATH": "/usr/bin:/bin"}).stdout
               for seed in range(4)}
    assert len(outputs) == 1, outputs


def test_a_file_that_is_not_a_database_is_made_again(project, cache):
    cache.file.parent.mkdir(parents=True)
    cache.file.write_bytes(b"not a database, " * 100)
    assert checked(project, cache) == checked(project, None)
    rows = sqlite3.connect(cache.file).execute("SELECT count(*) FROM results").fetchone()[0]
    assert rows > 10


def test_a_damaged_row_is_computed_again(project, cache):
    fresh = checked(project, cache)
    with sqlite3.connect(cache.file) as db:
        db.execute("UPDATE results SET value = x'80' WHERE key LIKE 'read-%'")
    assert checked(project, disk_cache.DiskCache(cache.file)) == fresh


def test_a_cache_that_cannot_be_made_changes_nothing(project, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("the cache's folder would be here", encoding="utf-8")
    assert checked(project, disk_cache.DiskCache(blocked / "results.sqlite3")) == checked(project, None)


def test_a_held_database_is_left_alone(project, cache, monkeypatch):
    """Another run writing (an exclusive lock): once the wait is over, this run reads nothing
    kept, keeps nothing, and reports what a check without the cache does."""
    checked(project, cache)
    monkeypatch.setattr(disk_cache, "WAIT_SECONDS", 0)
    holder = sqlite3.connect(cache.file)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        seen = counting(monkeypatch)
        assert checked(project, disk_cache.DiskCache(cache.file)) == checked(project, None)
        assert seen["parsed"]
    finally:
        holder.rollback()
        holder.close()


def test_other_code_finds_nothing_kept(project, cache, monkeypatch):
    checked(project, cache)
    monkeypatch.setattr(disk_cache, "code_fingerprint", lambda: b"another version of the package")
    seen = counting(monkeypatch)
    checked(project, disk_cache.DiskCache(cache.file))
    assert len(seen["parsed"]) == len(list((project / "terms").rglob("*.yml"))) - 2  # tags and senses: not cached


def test_rows_unused_for_30_days_are_dropped(project, cache, monkeypatch):
    day = 20_000
    monkeypatch.setattr(disk_cache, "_today", lambda: day)
    checked(project, cache)
    keys = _keys(cache.file)
    edit_summary(project, "trading-fee", "A first new summary.")
    day += disk_cache.UNUSED_DAYS
    checked(project, disk_cache.DiskCache(cache.file))
    assert keys < _keys(cache.file)  # 30 days unused: the trading fee's old rows are kept
    edit_summary(project, "trading-fee", "A second new summary.")
    day += disk_cache.UNUSED_DAYS + 1  # the first rows are 61 days old, the second 31: both go
    checked(project, disk_cache.DiskCache(cache.file))
    kept = _keys(cache.file)
    assert len(kept) == len(keys) and len(kept - keys) == 2  # its read and its mentions: the old ones dropped


def _keys(file: Path) -> set[str]:
    return {key for (key,) in sqlite3.connect(file).execute("SELECT key FROM results")}


def test_the_command_keeps_its_cache_where_it_is_told_and_no_cache_keeps_none(project, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "told"))
    assert cli.main(["--root", str(project), "check", "--no-cache"]) == 1
    assert not (tmp_path / "told").exists()
    assert cli.main(["--root", str(project), "check"]) == 1
    assert (tmp_path / "told" / "results.sqlite3").is_file()
    monkeypatch.delenv("GLOSSARY_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert disk_cache.default_folder() == tmp_path / "xdg" / disk_cache.FOLDER_NAME
    capsys.readouterr()
