"""Reading paths: area sections on the hub, a term's neighbours, and the breadcrumb."""

from __future__ import annotations

from site_build.model import Area, Glossary, Section, Term
from site_build.sections import OTHER_TERMS, SectionIndex, hub_groups


def term(index: int, area: str = "a") -> Term:
    return Term(id=f"t{index:02d}", path=f"terms/t{index:02d}.yml", name=f"Term {index:02d}",
                kind="definition", summary="s", areas=(area,))


def glossary(count: int, sections: tuple[Section, ...] = ()) -> Glossary:
    return Glossary(tuple(term(i) for i in range(count)), (Area("a", "terms/areas/a.yml", "Area A", "s",
                                                                 sections=sections),), ())


def test_hub_groups_follow_the_sections_then_other_terms():
    g = glossary(4, (Section("Second", ("t03", "t01")), Section("Empty", ("t99",))))
    groups = hub_groups(g.areas[0], g.members("a"))
    assert [(x.title, [t.id for t in x.terms]) for x in groups] == [("Second", ["t03", "t01"]),
                                                                     (OTHER_TERMS, ["t00", "t02"])]
    assert [(x.title, len(x.terms)) for x in hub_groups(Area("a", "p", "A", "s"), g.members("a"))] == [("", 4)]


def test_neighbours_are_bounded_and_centred_on_the_term():
    g = glossary(40)
    index = SectionIndex(g, limit=15)
    middle = index.neighbours(g.term_by_id["t20"])
    assert [t.id for t in middle.terms] == [f"t{i:02d}" for i in range(13, 28)] and middle.current == "t20"
    assert index.neighbours(g.term_by_id["t01"]).terms[0].id == "t00"
    assert [t.id for t in index.neighbours(g.term_by_id["t39"]).terms][-1] == "t39"
    assert all(len(index.neighbours(t).terms) == 15 for t in g.terms)


def test_neighbours_stay_inside_the_terms_section():
    g = glossary(5, (Section("Pair", ("t04", "t02")),))
    index = SectionIndex(g)
    pair = index.neighbours(g.term_by_id["t02"])
    assert (pair.title, [t.id for t in pair.terms]) == ("Pair", ["t04", "t02"])
    assert index.neighbours(g.term_by_id["t00"]).title == OTHER_TERMS


def test_area_pages_paginate_across_sections():
    from test_golden import golden_files

    files = golden_files()
    first, second = files["areas/margin.md"], files["areas/margin/page/2.md"]
    assert first.index("### Opening a position") < first.index("### Keeping it open")
    assert "### Keeping it open" in second and f"### {OTHER_TERMS}" in second
    assert "Margin Balance" in second and "Mark Price" in second and "Mark Price" not in first.split("## Freq")[0]


def test_the_visible_breadcrumb_is_the_json_ld_trail():
    import json

    from test_golden import golden_files

    files = golden_files()
    page = files["terms/maintenance-margin.md"]
    graph = json.loads(files["terms/maintenance-margin.md.jsonld"])["@graph"]
    trail = next(node for node in graph if node["@type"] == "BreadcrumbList")["itemListElement"]
    crumb = page.split('<nav class="glossary-breadcrumb" aria-label="Breadcrumb">', 1)[1].split("</nav>", 1)[0]
    assert [item["name"] for item in trail] == ["Home", "Margin", "Maintenance Margin"]
    assert all(f">{item['name']}<" in crumb for item in trail)
    assert '<span aria-current="page">Maintenance Margin</span>' in crumb
