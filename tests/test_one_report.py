"""One mistake, one report: a file that cannot be read reports its own problem, and only that.

An id whose file exists but gave no term, area or tag (a YAML error, no ``name``, a
broken area or tag file) is known to the other files: a reference to it is not an error
there, and no other file's check fails because of it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES, ROOT
from site_build.cli import main
from site_build.dates import DateBook
from site_build.pages import render_site
from site_build.pipeline import check, link, load
from site_build.render import Renderer, Settings, make_environment

HEADER = "# yaml-language-server: $schema=../schema/term.schema.json\n"
BROKEN = {
    # initial-margin.yml (untouched) relates to mark-price.
    "terms/mark-price.yml": HEADER + "name: [Mark Price\nkind: definition\nsummary: S.\nareas: [margin]\n",
    "terms/no-name.yml": HEADER + "kind: definition\nsummary: A term without a name.\nareas: [margin]\n",
    "terms/areas/torn.yml": "name: Torn\nsummary: [an area file with a YAML error\n",
}
REFERRERS = {
    "terms/see-also.yml": "name: See Also\nkind: definition\nsummary: Links every term.\nareas: [margin]\n"
                          "related: [initial-margin, refers-to-all, mark-price, no-name]\n",
    "terms/refers-to-all.yml": "name: Refers To All\nkind: definition\nsummary: Names every broken file.\n"
                               "areas: [margin, torn]\nrelated: [mark-price, no-name, initial-margin]\n"
                               "distinct_from: [mark-price, no-name]\n",
    "terms/retired.yml": "name: Retired\nkind: definition\nsummary: Replaced by a broken term.\n"
                         "areas: [torn]\nstatus: deprecated\nreplaced_by: no-name\n",
}


def broken_glossary(project: Path, files: dict[str, str] | None = None) -> Path:
    """The small valid glossary of the fixture cases, with the broken files and their referrers."""
    shutil.copytree(FIXTURES / "check-base", project)
    for rel, text in {**REFERRERS, **BROKEN, **(files or {})}.items():
        (project / rel).write_text(text, encoding="utf-8")
    return project


def check_json(project: Path, *args: str, capsys) -> tuple[int, list[dict]]:
    code = main(["--root", str(project), "check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_every_problem_is_in_a_broken_file(tmp_path, capsys):
    project = broken_glossary(tmp_path / "project")
    code, problems = check_json(project, capsys=capsys)
    assert code == 1
    assert {p["path"] for p in problems} == set(BROKEN), problems
    assert {p["path"]: p["code"] for p in problems} == {
        "terms/mark-price.yml": "yaml-syntax", "terms/no-name.yml": "missing-key", "terms/areas/torn.yml": "yaml-syntax"}


def test_checking_an_untouched_file_passes(tmp_path, capsys):
    project = broken_glossary(tmp_path / "project")
    for rel in ("terms/initial-margin.yml", "terms/refers-to-all.yml", "terms/retired.yml"):
        assert main(["--root", str(project), "check", "--strict", str(project / rel)]) == 0, rel
        assert "OK" in capsys.readouterr().out


def test_without_the_fix_the_references_are_real_errors(tmp_path):
    """The same references to files that do not exist at all are still reported."""
    project = broken_glossary(tmp_path / "project")
    for rel in BROKEN:
        (project / rel).unlink()
    problems, _ = check(project, ["terms/refers-to-all.yml", "terms/retired.yml", "terms/initial-margin.yml"], calculators={})
    assert sorted((p.path, p.code) for p in problems if p.is_error) == [
        ("terms/initial-margin.yml", "unknown-term"),
        *[("terms/refers-to-all.yml", code) for code in ["unknown-area", *["unknown-term"] * 4]],
        ("terms/retired.yml", "unknown-area"), ("terms/retired.yml", "unknown-term")]


def test_an_unreadable_tag_file_or_tag_entry_reports_once(tmp_path, capsys):
    tagged = {"terms/tagged.yml": "name: Tagged\nkind: definition\nsummary: S.\nareas: [margin]\ntags: [risk, margin]\n"}
    for index, tags in enumerate(["margin: {name: Margin\nrisk: {name: Risk, summary: R.}\n",
                                  "margin: {name: Margin, summary: M.}\nrisk: {name: Risk}\n"]):
        project = broken_glossary(tmp_path / f"p{index}", {**tagged, "terms/tags.yml": tags})
        _, problems = check_json(project, capsys=capsys)
        assert {p["path"] for p in problems} - set(BROKEN) == {"terms/tags.yml"}, problems


def test_orphan_warnings_wait_until_every_term_file_reads(tmp_path):
    """A term may be linked only from the unreadable file, so orphans are not judged yet."""
    lonely = {"terms/lonely.yml": "name: Lonely\nkind: definition\nsummary: Nobody links here.\nareas: [margin]\n"}
    project = broken_glossary(tmp_path / "project", lonely)
    assert [p for p in check(project, calculators={})[0] if p.code == "orphan-term"] == []
    for rel in BROKEN:
        (project / rel).unlink()
    assert [p.path for p in check(project, calculators={})[0] if p.code == "orphan-term"] == ["terms/lonely.yml"]


def test_an_unreadable_term_may_fill_a_small_area(tmp_path):
    project = broken_glossary(tmp_path / "project")
    (project / "terms/areas/torn.yml").write_text("name: Torn\nsummary: Two readable members.\n", encoding="utf-8")
    assert [p for p in check(project, calculators={})[0] if p.code == "small-area"] == []
    (project / "terms/mark-price.yml").unlink()
    (project / "terms/no-name.yml").unlink()
    assert [p.path for p in check(project, calculators={})[0] if p.code == "small-area"] == ["terms/areas/torn.yml"]


def test_pages_render_without_the_unreadable_ids(tmp_path):
    loaded = load(broken_glossary(tmp_path / "project"), calculators={})
    renderer = Renderer(loaded.glossary, link(loaded), DateBook.fixed("2024-05-01"),
                        Settings(site_url="https://example.org/"), make_environment(ROOT / "templates"))
    pages = {output.src: output.content for output in render_site(renderer)}
    page = pages["terms/refers-to-all.md"]
    assert "initial-margin" in page
    assert "mark-price" not in page and "no-name" not in page and "areas/torn" not in page
