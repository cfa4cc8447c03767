"""schema.org JSON-LD graphs for each kind of page, as plain dicts.

The theme override serialises them with Jinja's ``tojson`` (``<``, ``>``, ``&`` become
``\\u003c``…), so no text can close the ``<script>`` block. Only real schema.org
types and properties are used, each on a type in its domain; dates only on
CreativeWork types; every URL absolute.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import urls
from .model import Area, Dates, Faq, Glossary, Term
from .plaintext import plain_text

CONTEXT = "https://schema.org"
Graph = dict[str, Any]


def glossary_id(site_url: str) -> str:
    return site_url.rstrip("/") + "/#glossary"


def date_modified(graph: Graph | None) -> str | None:
    """The first ``dateModified`` in a page's graph: its sitemap ``lastmod`` (None for an undated page)."""
    return next((node["dateModified"] for node in (graph or {}).get("@graph", []) if "dateModified" in node), None)


def _graph(*nodes: dict[str, Any] | None) -> Graph:
    return {"@context": CONTEXT, "@graph": [node for node in nodes if node]}


def breadcrumb(site_url: str, trail: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Home first; integer positions 1..n; absolute ``item`` on all but the last crumb."""
    items = []
    for position, (name, src) in enumerate(trail, start=1):
        item: dict[str, Any] = {"@type": "ListItem", "position": position, "name": name}
        if position < len(trail):
            item["item"] = urls.absolute(site_url, src)
        items.append(item)
    return {"@type": "BreadcrumbList", "@id": urls.absolute(site_url, trail[-1][1]) + "#breadcrumb",
            "itemListElement": items}


def faq_page(page_url: str, faq: Sequence[Faq]) -> dict[str, Any] | None:
    if not faq:
        return None
    return {
        "@type": "FAQPage", "@id": page_url + "#faq", "url": page_url,
        "mainEntity": [{"@type": "Question", "name": item.question,
                        "acceptedAnswer": {"@type": "Answer", "text": plain_text(item.answer)}} for item in faq],
    }


def defined_term_ref(site_url: str, term: Term) -> dict[str, Any]:
    url = urls.absolute(site_url, urls.term_page(term.id))
    return {"@type": "DefinedTerm", "@id": url + "#term", "name": term.name, "url": url}


def list_item(position: int, item: dict[str, Any]) -> dict[str, Any]:
    """A ListItem as Google's list rules want it: an integer position and an ``item``
    that carries its own ``name`` and ``url`` (an ``@id`` alone is an error to validators)."""
    return {"@type": "ListItem", "position": position, "item": item}


def term_graph(site_url: str, term: Term, area: Area | None, dates: Dates) -> Graph:
    page_url = urls.absolute(site_url, urls.term_page(term.id))
    trail = [("Home", urls.HOME)]
    if area:
        trail.append((area.name, urls.area_page(area.id)))
    trail.append((term.name, urls.term_page(term.id)))
    defined = {**defined_term_ref(site_url, term), "description": term.summary,
               "inDefinedTermSet": {"@id": glossary_id(site_url)}}
    if term.aliases:
        defined["alternateName"] = list(term.aliases)
    if term.same_as:
        defined["sameAs"] = list(term.same_as)
    page = {
        "@type": "WebPage", "@id": page_url, "url": page_url, "name": term.name,
        "description": term.summary, "datePublished": dates.published, "dateModified": dates.modified,
        "breadcrumb": {"@id": page_url + "#breadcrumb"}, "mainEntity": {"@id": page_url + "#term"},
        "isPartOf": {"@id": site_url.rstrip("/") + "/#website"},
    }
    return _graph(page, defined, breadcrumb(site_url, trail), faq_page(page_url, term.faq))


def area_graph(site_url: str, area: Area, members: Sequence[Term], src: str, dates: Dates,
               *, first_page: bool) -> Graph:
    page_url = urls.absolute(site_url, src)
    collection = {
        "@type": "CollectionPage", "@id": page_url, "url": page_url, "name": area.name,
        "description": area.summary, "datePublished": dates.published, "dateModified": dates.modified,
        "breadcrumb": {"@id": page_url + "#breadcrumb"},
        "hasPart": [{"@type": "WebPage", "@id": urls.absolute(site_url, urls.term_page(t.id)),
                     "url": urls.absolute(site_url, urls.term_page(t.id)), "name": t.name} for t in members],
        "mainEntity": {"@id": page_url + "#terms"},
    }
    item_list = {
        "@type": "ItemList", "@id": page_url + "#terms", "name": f"{area.name} terms",
        "numberOfItems": len(members),
        "itemListElement": [list_item(position, defined_term_ref(site_url, t))
                            for position, t in enumerate(members, start=1)],
    }
    trail = [("Home", urls.HOME), ("Areas", urls.AREAS), (area.name, src)]
    faq = faq_page(page_url, area.faq) if first_page else None
    return _graph(collection, item_list, faq, breadcrumb(site_url, trail))


def home_graph(site_url: str, glossary: Glossary, title: str, description: str) -> Graph:
    root = site_url.rstrip("/") + "/"
    term_set = {
        "@type": "DefinedTermSet", "@id": glossary_id(site_url), "name": title, "url": root,
        "description": description,
        "hasDefinedTerm": [defined_term_ref(site_url, t) for t in glossary.terms if t.listed],
    }
    website = {"@type": "WebSite", "@id": root + "#website", "url": root, "name": title,
               "description": description}
    return _graph(term_set, website)


def simple_page_graph(site_url: str, src: str, name: str, trail: Sequence[tuple[str, str]],
                      page_type: str = "WebPage") -> Graph:
    """Index, tag, calculator and hand-written pages: a WebPage (or CollectionPage) and its breadcrumb."""
    page_url = urls.absolute(site_url, src)
    page = {"@type": page_type, "@id": page_url, "url": page_url, "name": name,
            "breadcrumb": {"@id": page_url + "#breadcrumb"}}
    return _graph(page, breadcrumb(site_url, [("Home", urls.HOME), *trail]))


def disambiguation_graph(site_url: str, src: str, title: str, description: str, senses: Sequence[Term],
                         dates: Dates) -> Graph:
    """A word's disambiguation page: a CollectionPage whose ItemList points at each sense's DefinedTerm."""
    page_url = urls.absolute(site_url, src)
    page = {"@type": "CollectionPage", "@id": page_url, "url": page_url, "name": title,
            "description": description, "datePublished": dates.published, "dateModified": dates.modified,
            "breadcrumb": {"@id": page_url + "#breadcrumb"}, "mainEntity": {"@id": page_url + "#senses"},
            "isPartOf": {"@id": site_url.rstrip("/") + "/#website"}}
    item_list = {"@type": "ItemList", "@id": page_url + "#senses", "name": title, "numberOfItems": len(senses),
                 "itemListElement": [list_item(position, defined_term_ref(site_url, term))
                                     for position, term in enumerate(senses, start=1)]}
    return _graph(page, item_list, breadcrumb(site_url, [("Home", urls.HOME), (title, src)]))
