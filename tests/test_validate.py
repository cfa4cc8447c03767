"""Unit tests: validation and cross-reference problems, with their exact messages."""

from pathlib import Path

import pytest

from site_build.pipeline import check

BASE = {
    "terms/tags.yml": "margin: {name: Margin, summary: Collateral rules.}\n",
    "terms/areas/margin.yml": "name: Margin\nsummary: Collateral.\n",
    "terms/initial-margin.yml": ("name: Initial Margin\nkind: definition\nsummary: Collateral to open.\n"
                                 "areas: [margin]\nrelated: [mark-price]\naliases: [IM]\n"),
    "terms/mark-price.yml": ("name: Mark Price\nkind: definition\nsummary: Fair price.\nareas: [margin]\n"
                             "related: [initial-margin]\n"),
}


def problems_for(tmp_path: Path, files: dict[str, str], strict_only: str | None = None) -> list[str]:
    for name, text in {**BASE, **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    found, _ = check(tmp_path, [strict_only] if strict_only else None)
    return [str(p) for p in found if p.code != "small-area"]


def test_the_base_fixture_is_clean(tmp_path):
    assert problems_for(tmp_path, {}) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("name: X\nkind: definition\nsummary: S.\nareas: [margin]\nrelatd: [mark-price]\n",
     "terms/x.yml:5:1: error: unknown key 'relatd' (did you mean 'related'?); allowed keys: aliases, areas, "
     "body, calculator, distinct_from, example, faq, kind, name, related, replaced_by, sources, status, summary, "
     "tags [unknown-key]"),
    ("name: X\nkind: definition\nareas: [margin]\n",
     "terms/x.yml:1:1: error: required key 'summary' is missing; add it (One or two plain-text sentences that "
     "define the term on their own.) [missing-key]"),
    ("name: X\nkind: article\nsummary: S.\nareas: [margin]\n",
     "terms/x.yml:2:7: error: 'kind' must be one of term, definition, not 'article' [bad-kind]"),
    ("name: 12\nkind: definition\nsummary: S.\nareas: [margin]\n",
     "terms/x.yml:1:7: error: 'name' must be text, got a number [wrong-type]"),
    ("name: X\nkind: definition\nsummary: S.\nareas: [margn]\n",
     "terms/x.yml:4:9: error: unknown area 'margn' in 'areas' (did you mean 'margin'?) [unknown-area]"),
    ("name: X\nkind: definition\nsummary: S.\nareas: [margin]\nrelated: [mark-prices]\n",
     "terms/x.yml:5:11: error: unknown term 'mark-prices' in 'related' (did you mean 'mark-price'?) [unknown-term]"),
    ("name: X\nkind: definition\nsummary: S.\nareas: [margin]\ntags: [margins]\n",
     "terms/x.yml:5:8: error: unknown tag 'margins' in 'tags' (did you mean 'margin'?) [unknown-tag]"),
    ("name: X\nkind: definition\nsummary: S.\nareas: [margin]\naliases: [Mark Prices]\n",
     "terms/x.yml:5:11: error: alias 'Mark Prices' collides with id 'mark-price' of terms/mark-price.yml; "
     "make it an alias of one term, or rename one [alias-is-id]"),
    ("name: X\nkind: definition\nsummary: S.\nareas: [margin]\naliases: [Im]\n",
     "terms/x.yml:5:11: error: alias 'Im' collides with alias 'IM' of terms/initial-margin.yml; "
     "make it an alias of one term, or rename one [name-collision]"),
    ("name: X\nkind: definition\nsummary: S.\nareas: [margin]\naliases: [initial-margin]\n",
     "terms/x.yml:5:11: error: alias 'initial-margin' collides with id 'initial-margin' of "
     "terms/initial-margin.yml; make it an alias of one term, or rename one [alias-is-id]"),
    ("name: X\nkind: definition\nsummary: S <b>bold</b>.\nareas: [margin]\n",
     "terms/x.yml:3:12: error: raw HTML '<b>' is not allowed; use Markdown or plain words [raw-html]"),
    ("name: X\nkind: definition\nsummary: S.\nareas: [margin]\nrelated: [x]\n",
     "terms/x.yml:5:11: error: 'related' lists the term itself; remove 'x' [self-reference]"),
])
def test_single_mistakes_give_exact_messages(tmp_path, text, expected):
    found = problems_for(tmp_path, {"terms/x.yml": text}, "terms/x.yml")
    assert expected in found, found


def test_file_name_must_be_a_kebab_case_id(tmp_path):
    found = problems_for(tmp_path, {"terms/Bad_Name.yml": "name: Bad\nkind: definition\nsummary: S.\nareas: [margin]\n"},
                         "terms/Bad_Name.yml")
    assert found == ["terms/Bad_Name.yml:1:1: error: file name 'Bad_Name' is not a kebab-case ASCII id; "
                     "rename it to 'bad-name.yml' [bad-id]"]


def test_all_problems_are_collected_not_just_the_first(tmp_path):
    found = problems_for(tmp_path, {
        "terms/a.yml": "name: A\nkind: nope\nsummary: S.\nareas: [nowhere]\n",
        "terms/b.yml": "name: [broken\n",
    })
    codes = sorted(line.rsplit("[", 1)[1].rstrip("]") for line in found if ": error: " in line)
    assert codes == ["bad-kind", "unknown-area", "yaml-syntax"]


def test_near_duplicate_names_warn_unless_declared_distinct(tmp_path):
    entry = "kind: definition\nsummary: S.\nareas: [margin]\nrelated: [initial-margin]\n"
    files = {"terms/maintenance-margin-requirements.yml": "name: Maintenance Margin Requirements\n" + entry,
             "terms/margin-maintenance-requirement.yml": "name: Margin Maintenance Requirement\n" + entry}
    found = problems_for(tmp_path, files)
    assert any("[near-duplicate]" in line for line in found)
    files["terms/margin-maintenance-requirement.yml"] += "distinct_from: [maintenance-margin-requirements]\n"
    assert not any("[near-duplicate]" in line for line in problems_for(tmp_path, files))


def test_orphans_are_warned(tmp_path):
    found = problems_for(tmp_path, {"terms/lonely.yml": "name: Lonely\nkind: definition\nsummary: S.\nareas: [margin]\n"})
    assert ("terms/lonely.yml:1:7: warning: no other term links to 'lonely'; mention it in a related term's text "
            "or 'related' [orphan-term]") in found


def test_the_real_glossary_is_clean():
    found, files = check(Path(__file__).resolve().parent.parent)
    assert [str(p) for p in found] == []
    assert files > 80
