"""Unit tests: JSON-LD graphs follow DESIGN.md's shapes."""

import json
from dataclasses import replace
from pathlib import Path

from vocabulary import vocabulary_errors

from site_build import jsonld
from site_build.model import Area, Dates, Faq, Glossary, Term

SITE = "https://example.org/glossary/"
TERM = Term(id="maintenance-margin", path="terms/maintenance-margin.yml", name="Maintenance Margin",
            kind="term", summary="Minimum equity.", areas=("margin",), aliases=("MM",),
            faq=(Faq("Q?", "A."),))
AREA = Area(id="margin", path="terms/areas/margin.yml", name="Margin", summary="Collateral.")
DATES = Dates("2024-05-01", "2025-01-02")


def by_type(graph):
    return {node["@type"]: node for node in graph["@graph"]}


def test_term_graph():
    graph = jsonld.term_graph(SITE, TERM, AREA, DATES)
    assert graph["@context"] == "https://schema.org"
    nodes = by_type(graph)
    assert set(nodes) == {"WebPage", "DefinedTerm", "BreadcrumbList", "FAQPage"}
    page_url = "https://example.org/glossary/terms/maintenance-margin/"
    assert nodes["WebPage"]["@id"] == page_url and nodes["WebPage"]["datePublished"] == "2024-05-01"
    assert nodes["WebPage"]["mainEntity"] == {"@id": page_url + "#term"}
    term = nodes["DefinedTerm"]
    assert term["@id"] == page_url + "#term" and term["alternateName"] == ["MM"]
    assert term["inDefinedTermSet"] == {"@id": "https://example.org/glossary/#glossary"}
    assert "datePublished" not in term and "sameAs" not in term
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert [c.get("item") for c in crumbs] == [SITE, SITE + "areas/margin/", None]
    assert nodes["FAQPage"]["mainEntity"][0]["acceptedAnswer"]["text"] == "A."


def test_same_as_urls_become_the_defined_terms_same_as():
    wiki = ("https://en.wikipedia.org/wiki/Margin_(finance)", "https://example.org/concepts/margin")
    graph = jsonld.term_graph(SITE, replace(TERM, same_as=wiki), AREA, DATES)
    nodes = by_type(graph)
    assert nodes["DefinedTerm"]["sameAs"] == list(wiki)
    assert "sameAs" not in nodes["WebPage"]
    assert vocabulary_errors(graph) == []


def test_area_graph_lists_pages_in_has_part_and_terms_in_item_list():
    nodes = by_type(jsonld.area_graph(SITE, AREA, [TERM], "areas/margin.md", DATES, first_page=True))
    assert nodes["CollectionPage"]["hasPart"][0]["@type"] == "WebPage"
    assert nodes["ItemList"]["itemListElement"][0]["item"]["@id"].endswith("#term")
    assert "FAQPage" not in nodes  # the area has no faq


def test_home_graph():
    nodes = by_type(jsonld.home_graph(SITE, Glossary((TERM,), (AREA,), ()), "G", "D"))
    assert nodes["DefinedTermSet"]["@id"] == SITE + "#glossary"
    assert nodes["DefinedTermSet"]["hasDefinedTerm"][0]["@type"] == "DefinedTerm"
    assert nodes["WebSite"]["url"] == SITE


GOLDEN = Path(__file__).resolve().parent / "golden"


def list_item_errors(graph):
    """Google's rule for an ItemList's entries: a ListItem with an integer position, and
    either ``url`` and ``name`` of its own or an ``item`` that has both."""
    errors = []
    for node in graph["@graph"]:
        if node.get("@type") != "ItemList":
            continue
        for index, entry in enumerate(node.get("itemListElement", [])):
            item = entry.get("item") if isinstance(entry.get("item"), dict) else {}
            where = f"{node.get('@id')}[{index}]"
            if entry.get("@type") != "ListItem":
                errors.append(f"{where}: not a ListItem")
            if type(entry.get("position")) is not int:
                errors.append(f"{where}: position {entry.get('position')!r} is not an integer")
            if not (entry.get("url") and entry.get("name")) and not (item.get("url") and item.get("name")):
                errors.append(f"{where}: needs url and name, or an item with them")
    return errors


def test_the_list_item_rule_catches_an_id_only_entry():
    graph = {"@graph": [{"@type": "ItemList", "@id": "L", "itemListElement": [
        {"@type": "ListItem", "position": 1, "item": {"@id": "https://x/#term"}},
        {"@type": "ListItem", "position": "2", "url": "https://y/", "name": "Y"}]}]}
    assert list_item_errors(graph) == ["L[0]: needs url and name, or an item with them",
                                       "L[1]: position '2' is not an integer"]


def test_area_item_list_entries_name_and_locate_each_term():
    other = Term(id="initial-margin", path="terms/initial-margin.yml", name="Initial Margin",
                 kind="definition", summary="Opening collateral.", areas=("margin",))
    graph = jsonld.area_graph(SITE, AREA, [other, TERM], "areas/margin.md", DATES, first_page=True)
    entries = by_type(graph)["ItemList"]["itemListElement"]
    assert [e["position"] for e in entries] == [1, 2]
    assert entries[1]["item"] == {"@type": "DefinedTerm", "@id": SITE + "terms/maintenance-margin/#term",
                                  "name": "Maintenance Margin", "url": SITE + "terms/maintenance-margin/"}
    assert list_item_errors(graph) == []
    assert vocabulary_errors(graph) == []


def test_every_golden_item_list_follows_the_list_item_rule():
    graphs = {p.relative_to(GOLDEN).as_posix(): json.loads(p.read_text(encoding="utf-8")) for p in GOLDEN.rglob("*.jsonld")}
    lists = [name for name, graph in graphs.items() if any(n["@type"] == "ItemList" for n in graph["@graph"])]
    assert len(lists) >= 3  # every area page, the paginated one too
    assert {name: list_item_errors(graph) for name, graph in graphs.items() if list_item_errors(graph)} == {}


def test_faq_answers_in_json_ld_are_plain_text():
    from site_build.plaintext import plain_text

    hostile = "See [the docs](javascript:alert(1)), `x < y`, **bold** and <script>alert(1)</script><scr<b>ipt>."
    assert plain_text(hostile) == "See the docs, x < y, bold and alert(1)‹script>."
    assert plain_text("## Heading\n\n![chart](data:x) [ref][1]\n\n[1]: https://example.org") == "Heading chart ref"
