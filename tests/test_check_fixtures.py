"""`glossary check` on broken files: one mistake per case, the exact lines it prints.

Each folder under ``tests/fixtures/broken/`` holds the file(s) of one mistake and
``expected.txt``, the exact output lines for those files. The files are laid over the
small valid glossary in ``tests/fixtures/check-base/``, plus a generated ``see-also``
term that relates to every case term, so that only the ``orphan-term`` case warns about
orphans. ``pytest tests/test_check_fixtures.py --update-golden=problems`` rewrites every
``expected.txt`` (review the diff).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, ROOT
from site_build.cli import main
from site_build.slugs import ID_PATTERN
from site_build.source import parse_document

BROKEN = FIXTURES / "broken"
CASES = sorted(p for p in BROKEN.iterdir() if p.is_dir())
# The problems a JSON Schema can express; the editor schema must flag a file exactly
# when the validator reports one of these.
SCHEMA_CODES = {"unknown-key", "id-mismatch", "wrong-type", "missing-key", "empty-value", "summary-too-long",
                "bad-kind", "bad-status", "bad-reference", "duplicate-item", "bad-source-url",
                "deprecated-without-replacement", "bad-same-as-url"}


def case_files(case: Path) -> list[Path]:
    return sorted(p.relative_to(case) for p in case.rglob("*") if p.is_file() and p.name != "expected.txt")


def assemble(case: Path, project: Path) -> Path:
    """The base glossary with the case's files laid over it."""
    shutil.copytree(FIXTURES / "check-base", project)
    stems = [p.stem for p in case_files(case) if p.parent == Path("terms") and ID_PATTERN.match(p.stem)]
    linked = [] if case.name == "orphan-term" else sorted(set(stems))
    (project / "terms" / "see-also.yml").write_text(
        "name: See Also\nkind: definition\nsummary: Links the case terms.\nareas: [margin]\n"
        f"related: [initial-margin, {', '.join(linked)}]\n", encoding="utf-8")
    for rel in case_files(case):
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case / rel, project / rel)
    return project


def run_check(project: Path, files: list[Path], *options: str, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(project), "check", *options, *(str(project / f) for f in files)])
    return code, capsys.readouterr().out.splitlines()


def readme_codes() -> set[str]:
    """The codes in the README's problem-code table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Problem codes", 1)[1].split("\n## ", 1)[0]
    return {code for line in table.splitlines() if line.startswith("| `")
            for code in re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`", line.split(" | ")[0])}


_CODE = r"([a-z0-9]+(?:-[a-z0-9]+)+)"
_EMITTED = (
    re.compile(rf" \[{_CODE}\][\"']"),  # printed by the CLI: "error: … [calc-input]"
    re.compile(rf"\"(?:error|warning)\",\s*\"{_CODE}\""),  # Problem(path, line, col, "error", "code", …)
    re.compile(rf"\b(?:report|_problem|_error|refuse)\((?:[^()\"]|\([^()]*\))*?\"{_CODE}\""),
    re.compile(rf"\byield \(?[^,\n]+,\s*\"{_CODE}\""),  # markup.unsafe_spans: (offset, "code", message)
)


def emitted_codes() -> set[str]:
    """Every code the package can print: literals in the source, and the ones built from declarations."""
    from site_build.schema import AREA_FIELDS, REQUIRED_WHEN, TAG_FIELDS, TERM_FIELDS

    codes = {code for path in (ROOT / "site_build").glob("*.py") for pattern in _EMITTED
             for code in pattern.findall(path.read_text(encoding="utf-8"))}
    for spec in (*TERM_FIELDS, *AREA_FIELDS, *TAG_FIELDS):
        codes |= {f"bad-{spec.key}"} if spec.type == "enum" else set()  # FieldChecker._enum
        codes |= {f"{spec.key}-too-long"} if spec.max_length else set()  # FieldChecker._plain
        codes |= {f"unknown-{spec.refers_to}"} if spec.type == "id-list" else set()  # crossref references
    return codes | {f"{value}-without-replacement" for _, value, _ in REQUIRED_WHEN}


def test_there_is_a_case_for_every_mistake():
    assert len(CASES) >= 35
    codes = {line.rsplit("[", 1)[1].rstrip("]") for case in CASES
             for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines()}
    assert codes - readme_codes() == set(), "every code needs a README line"


def test_every_code_the_package_can_print_is_in_the_readme_table():
    emitted = emitted_codes()
    assert {"calc-input", "calc-usage", "io-error", "unknown-key", "raw-html", "bad-kind", "duplicate-key",
            "new-exists", "summary-too-long", "deprecated-without-replacement", "bad-indent"} <= emitted
    assert len(emitted) >= 60
    assert emitted - readme_codes() == set(), "every code needs a row in the README's problem-code table"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_each_broken_case_prints_its_exact_lines(case, tmp_path, capsys, update_golden):
    project = assemble(case, tmp_path / "project")
    code, out = run_check(project, case_files(case), capsys=capsys)
    lines, summary = out[:-1], out[-1]
    expected = case / "expected.txt"
    if "problems" in update_golden:
        expected.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == expected.read_text(encoding="utf-8").splitlines(), (
        f"{case.name}/expected.txt differs; if intended, run pytest tests/test_check_fixtures.py "
        f"--update-golden=problems and review the diff")
    has_error = any(": error: " in line for line in lines)
    assert code == (1 if has_error else 0)
    assert summary.startswith(("1 error", f"{sum(': error: ' in x for x in lines)} error"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_the_editor_schema_agrees_with_the_validator(case, tmp_path, capsys):
    project = assemble(case, tmp_path / "project")
    _, out = run_check(project, case_files(case), "--format", "json", capsys=capsys)
    problems = json.loads("\n".join(out))
    for rel in case_files(case):
        if rel.parts[0] != "terms":
            continue  # a venue data file (calculators/data/) is no term, area or tag file
        document, read_problems = parse_document((case / rel).read_bytes(), rel.as_posix())
        if document is None or read_problems:
            continue  # the YAML itself is refused: nothing for a schema to judge
        schema_file = ("tags.schema.json" if rel.name == "tags.yml" else
                       "senses.schema.json" if rel.name == "senses.yml" else
                       "area.schema.json" if rel.parent.name == "areas" else "term.schema.json")
        schema = json.loads((ROOT / "schema" / schema_file).read_text(encoding="utf-8"))
        as_editor_reads = json.loads(json.dumps(document.data, default=str))  # YAML 1.2: 2026-12-01 is text
        schema_errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(as_editor_reads)]
        validator_codes = {p["code"] for p in problems if p["path"] == rel.as_posix()} & SCHEMA_CODES
        assert bool(schema_errors) == bool(validator_codes), (schema_errors, validator_codes)


def test_check_leaves_every_file_byte_for_byte_unchanged(tmp_path, capsys):
    for case in CASES:
        project = assemble(case, tmp_path / case.name)
        before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
        run_check(project, [], capsys=capsys)
        run_check(project, [], "--format", "github", capsys=capsys)
        assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before, case.name


def test_github_format_escapes_and_locates(tmp_path, capsys):
    project = assemble(BROKEN / "unknown-area", tmp_path / "project")
    code, out = run_check(project, [Path("terms/typo-area.yml")], "--format", "github", capsys=capsys)
    assert code == 1
    assert out == ["::error file=terms/typo-area.yml,line=5,col=9,title=unknown-area::"
                   "unknown area 'margn' in 'areas' (did you mean 'margin'?) [unknown-area]"]


def test_paths_limit_the_report_not_the_loading(tmp_path, capsys):
    project = assemble(BROKEN / "replacement-loop", tmp_path / "project")
    _, out = run_check(project, [Path("terms/loop-b.yml")], capsys=capsys)
    assert [line.split(":")[0] for line in out[:-1]] == ["terms/loop-b.yml"]
    assert "loop-b → loop-a → loop-b" in out[0]


def test_a_clean_run_prints_one_summary_line(tmp_path, capsys):
    project = assemble(BROKEN / "orphan-term", tmp_path / "project")
    (project / "terms" / "unlinked.yml").unlink()
    code, out = run_check(project, [], "--strict", capsys=capsys)
    assert code == 0
    assert len(out) == 1 and out[0].startswith("3 terms OK (")


def test_strict_fails_on_warnings(tmp_path, capsys):
    project = assemble(BROKEN / "orphan-term", tmp_path / "project")
    assert run_check(project, [], capsys=capsys)[0] == 0
    assert run_check(project, [], "--strict", capsys=capsys)[0] == 1


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err
