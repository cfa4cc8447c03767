"""Unit tests: problems across files. One-mistake cases live in tests/fixtures/broken/."""

from pathlib import Path

from site_build.extension import NO_CALCULATORS, registry
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
    found, _ = check(tmp_path, [strict_only] if strict_only else None, calculators={})
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
    found, files = check(Path(__file__).resolve().parent.parent, calculators=registry())
    assert [str(p) for p in found] == []
    assert files > 80


def test_a_collision_is_reported_once_in_each_file(tmp_path):
    """The alias sorts first, so it meets both the later term's name and its id: one line each."""
    found = problems_for(tmp_path, {"terms/aaa.yml": "name: Aaa\nkind: definition\nsummary: S.\nareas: [margin]\n"
                                    "aliases: [Mark Price]\nrelated: [mark-price]\n"})
    collisions = [line for line in found if "[name-collision]" in line]
    assert collisions == [
        "terms/aaa.yml:5:11: error: alias 'Mark Price' collides with name 'Mark Price' of terms/mark-price.yml; "
        "make it an alias of one term, or rename one; or, if both meanings are real, add an entry "
        "'mark-price: {name: …, senses: [aaa, mark-price]}' to terms/senses.yml [name-collision]",
        "terms/mark-price.yml:1:7: error: name 'Mark Price' collides with alias 'Mark Price' of terms/aaa.yml; "
        "make it an alias of one term, or rename one; or, if both meanings are real, add an entry "
        "'mark-price: {name: …, senses: [aaa, mark-price]}' to terms/senses.yml [name-collision]"]


def tag_problems(tmp_path: Path, tags: str) -> list[str]:
    """Every problem ``glossary check terms/tags.yml`` reports for this tag file."""
    return problems_for(tmp_path, {"terms/tags.yml": tags}, strict_only="terms/tags.yml")


def test_a_tag_file_is_validated_like_every_other_file(tmp_path):
    cases = {
        "margin:\n  name: Margin\n  summary: Collateral.\n  colour: blue\n":
            ["terms/tags.yml:4:3: error: unknown key 'colour'; allowed keys: name, summary [unknown-key]"],
        "margin:\n  name: [Margin]\n  summary: Collateral.\n":
            ["terms/tags.yml:2:9: error: 'name' must be text, got a list [wrong-type]"],
        "margin:\n  name: Margin\n  summary:\n":
            ["terms/tags.yml:1:1: error: required key 'summary' is missing; add it "
             "(One plain-text sentence saying what the tag groups.) [missing-key]"],
        "margin:\n  name: Margin\n  summary: '  '\n":
            ["terms/tags.yml:3:12: error: 'summary' is empty; write it or remove the key [empty-value]"],
        "margin:\n  name: Margin\n  summary: Collateral **rules**.\n":
            ["terms/tags.yml:3:12: error: 'summary' is plain text; remove Markdown and HTML from it [plain-markup]"],
        'margin:\n  name: Margin\n  summary: "Collateral\\x07 rules."\n':
            ["terms/tags.yml:3:12: error: 'summary' holds the control character U+0007; remove it [control-character]"],
        "margin:\n  name: Margin\n  name: Margins\n  summary: Collateral.\n":
            ["terms/tags.yml:3:3: error: key 'name' appears twice (first at line 2); keep one [duplicate-key]"],
        "margin:\n  name: Margin\n summary: Collateral.\n":
            ["terms/tags.yml:3:2: error: line 3 is indented 1 space, but the key 'name' on line 2 is at 2; indent it "
             "by 2 spaces to line it up [bad-indent]"],
        "margin: {name: Margin, summary: [Collateral.}\n":
            ["terms/tags.yml:1:45: error: YAML syntax error: did not find expected ',' or ']'; fix the YAML at this "
             "position [yaml-syntax]"],
        "Margin_Calls: {name: Margin calls, summary: Collateral.}\nmargin: {name: Margin, summary: Collateral.}\n":
            ["terms/tags.yml:1:1: error: tag id 'Margin_Calls' is not a kebab-case ASCII id; rename it to "
             "'margin-calls' [bad-id]"],
        "margin: {name: Margin, summary: Collateral, posted and kept.}\n":
            ["terms/tags.yml:1:45: error: unknown key 'posted and kept.' in tag 'margin': an unquoted comma or colon "
             "cut the text before it short; quote the whole value (summary: \"…, …\") or write the entry as a block "
             "[unknown-key]"],
        "margin: {name: Margin, summary: Collateral., id: margin}\n":
            ["terms/tags.yml:1:46: error: 'id' is not a tag key: the tag's id is 'margin', the key before the entry; "
             "remove it [unknown-key]"],
    }
    for text, expected in cases.items():
        assert [line for line in tag_problems(tmp_path, text) if "unknown-tag" not in line] == expected, text


def test_a_tag_with_a_typo_key_suggests_the_right_one(tmp_path):
    found = tag_problems(tmp_path, "margin:\n  name: Margin\n  summary: Collateral.\n  nme: Margins\n")
    assert found == ["terms/tags.yml:4:3: error: unknown key 'nme' (did you mean 'name'?); allowed keys: name, "
                     "summary [unknown-key]"]


def test_tag_summaries_with_commas_and_colons_render_in_full(tmp_path):
    """Each summary in a tag file reaches its tag page whole (the site once cut them at a comma)."""
    import shutil

    from conftest import ROOT
    from site_build.project import Project, generate
    from site_build.render import Settings

    summaries = {"margin": "Collateral, posted and kept: the rules that size it.",
                 "risk": "Ways a position, venue or protocol can lose money."}
    tags = "".join(f"{tag}:\n  name: {tag.title()}\n  summary: \"{text}\"\n" for tag, text in summaries.items())
    problems_for(tmp_path, {"terms/tags.yml": tags, "terms/mark-price.yml": BASE["terms/mark-price.yml"] +
                            "tags: [margin, risk]\n"})
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    generated = generate(Project(tmp_path, Settings(site_url="https://example.org/")), NO_CALCULATORS)
    assert generated.errors == []
    pages = {output.src: output.content for output in generated.files}
    for tag, text in summaries.items():
        assert text in pages[f"tags/{tag}.md"], tag


def test_a_question_is_the_same_whatever_its_case_spacing_and_punctuation():
    from site_build.crossref import question_key

    assert question_key(" How is the MARK-price\tcomputed?! ") == question_key("how is the mark price computed")
    assert question_key("How is the mark price computed?") != question_key("How is the index price computed?")


def test_a_repeated_question_warns_on_each_page_but_not_from_a_redirect(tmp_path):
    faq = "faq:\n  - question: What is the mark price?\n    answer: A fair price.\n"
    found = problems_for(tmp_path, {
        "terms/mark-price.yml": BASE["terms/mark-price.yml"] + faq,
        "terms/old-mark.yml": ("name: Old Mark\nkind: definition\nsummary: Retired.\nareas: [margin]\n"
                               "status: deprecated\nreplaced_by: mark-price\n" + faq.replace("mark", "MARK")),
        "terms/areas/margin.yml": BASE["terms/areas/margin.yml"] + faq.replace("?", " ?"),
    })
    repeats = [line for line in found if "[repeated-question]" in line]
    assert [line.split(": warning: ")[0] for line in repeats] == ["terms/areas/margin.yml:4:15", "terms/mark-price.yml:7:15"]
    assert "also asked in terms/mark-price.yml;" in repeats[0] and "also asked in terms/areas/margin.yml;" in repeats[1]
