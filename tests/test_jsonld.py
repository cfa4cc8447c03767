"""Unit tests: JSON-LD graphs follow DESIGN.md's shapes."""

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
    assert "datePublished" not in term
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert [c.get("item") for c in crumbs] == [SITE, SITE + "areas/margin/", None]
    assert nodes["FAQPage"]["mainEntity"][0]["acceptedAnswer"]["text"] == "A."


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
