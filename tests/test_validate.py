"""Unit tests: problems across files. One-mistake cases live in tests/fixtures/broken/."""

from pathlib import Path

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


def test_a_collision_is_reported_once_in_each_file(tmp_path):
    """The alias sorts first, so it meets both the later term's name and its id: one line each."""
    found = problems_for(tmp_path, {"terms/aaa.yml": "name: Aaa\nkind: definition\nsummary: S.\nareas: [margin]\n"
                                    "aliases: [Mark Price]\nrelated: [mark-price]\n"})
    collisions = [line for line in found if "[name-collision]" in line]
    assert collisions == [
        "terms/aaa.yml:5:11: error: alias 'Mark Price' collides with name 'Mark Price' of terms/mark-price.yml; "
        "make it an alias of one term, or rename one [name-collision]",
        "terms/mark-price.yml:1:7: error: name 'Mark Price' collides with alias 'Mark Price' of terms/aaa.yml; "
        "make it an alias of one term, or rename one [name-collision]"]
