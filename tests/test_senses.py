"""One meaning per page: terms/senses.yml, the links and pages an ambiguous word gets."""

from __future__ import annotations

import shutil

from conftest import FIXTURES
from site_build.autolink import PageLinks, link_markdown, mentioned_ids
from site_build.linker import Ambiguous, Linker
from site_build.pipeline import load

WORD = Ambiguous("margin-disambiguation", (("margin-balance", frozenset({"margin"})),
                                           ("profit-margin", frozenset({"venues"})),
                                           ("variation-margin", frozenset({"margin", "futures"}))))
LINKER = Linker([("Margin Balance", "margin-balance"), ("Margin", "margin-balance"), ("Margin", "profit-margin"),
                 ("Initial Margin", "initial-margin")], {"Margin": WORD})


def linked(text: str, areas: tuple[str, ...], exclude: str = "") -> tuple[str, PageLinks]:
    page = PageLinks(href=lambda target: f"{target}.md", exclude=exclude, areas=areas)
    return link_markdown(text, LINKER, page), page


def test_an_ambiguous_word_links_to_the_first_sense_sharing_an_area():
    out, page = linked("Post margin first.", ("futures", "margin"))
    assert "[margin](margin-balance.md)" in out and page.linked == ["margin-balance"]
    out, _ = linked("Post margin first.", ("venues",))
    assert "[margin](profit-margin.md)" in out


def test_without_a_shared_area_it_links_to_the_disambiguation_page_without_a_tooltip():
    out, page = linked("Margin, and margin again.", ("options",))
    assert out == "[Margin](margin-disambiguation.md){ .glossary-link }, and margin again."
    assert page.linked == [] and page.pages == ["margin-disambiguation"]
    assert mentioned_ids("Margin here.", LINKER, areas=("options",)) == set()
    assert mentioned_ids("Margin here.", LINKER, areas=("venues",)) == {"profit-margin"}


def test_longer_names_still_win_over_the_ambiguous_word():
    out, _ = linked("Initial margin and margin balance.", ("options",))
    assert "[Initial margin](initial-margin.md)" in out and "[margin balance](margin-balance.md)" in out


def copy_fixture(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "glossary", project)
    return project


def collisions(project) -> list[str]:
    loaded = load(project, calculators={})
    return sorted(f"{p.path}:{p.line} {p.code}" for p in loaded.problems if p.code in
                  ("name-collision", "alias-is-id", "sense-key", "sense-not-claimed", "unknown-term"))


def test_a_shared_alias_is_legal_exactly_when_an_entry_lists_every_claimant(tmp_path):
    project = copy_fixture(tmp_path)
    assert collisions(project) == []
    (project / "terms" / "senses.yml").unlink()
    assert collisions(project) == ["terms/margin-balance.yml:5 name-collision",
                                   "terms/profit-margin.yml:5 name-collision"]
    (project / "terms" / "senses.yml").write_text("margin:\n  name: Margin\n  senses: [margin-balance, mark-price]\n")
    problems = load(project, calculators={}).problems
    collision = next(p for p in problems if p.code == "name-collision")
    assert "terms/senses.yml:1 lists 'margin' without profit-margin" in collision.message
    assert any(p.code == "sense-not-claimed" and p.line == 3 for p in problems)


def test_an_alias_equal_to_the_primary_id_is_legal_with_an_entry(tmp_path):
    project = copy_fixture(tmp_path)
    text = (project / "terms" / "profit-margin.yml").read_text()
    (project / "terms" / "profit-margin.yml").write_text(text.replace("aliases: [Margin]", "aliases: [Margin Balance]"))
    (project / "terms" / "senses.yml").write_text(
        "margin-balance:\n  name: Margin Balance\n  senses: [margin-balance, profit-margin]\n")
    assert collisions(project) == []


def test_the_word_slug_belongs_to_the_primary_sense(tmp_path):
    from test_golden import render_fixture

    _, files = render_fixture()
    by_src = {f.src: f for f in files}
    redirect = by_src["terms/margin/index.html"].content
    assert 'href="../margin-balance/"' in redirect and "profit-margin" not in redirect
    assert sum(f.src == "terms/margin/index.html" for f in files) == 1
    graph = by_src["terms/margin-disambiguation.md"].jsonld["@graph"]
    items = next(node for node in graph if node["@type"] == "ItemList")["itemListElement"]
    assert [i["item"]["@id"] for i in items] == ["https://example.org/glossary/terms/margin-balance/#term",
                                                 "https://example.org/glossary/terms/profit-margin/#term"]
    assert "Other meanings of Margin" in by_src["terms/margin-balance.md"].content
    assert "most often means [Margin Balance]" in by_src["terms/profit-margin.md"].content
