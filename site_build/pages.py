"""Every file the site generates, in a stable order (``render_site``), and the index
pages: home (areas and the A–Z list), the areas, tags and calculators indexes, one page
per tag. Term, area and disambiguation pages come from ``render.Renderer``, redirects from
``redirects``, calculator pages from the ``Calculators`` handed in.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from . import jsonld, memo, urls
from .extension import NO_CALCULATORS, Calculators
from .model import Term
from .redirects import redirect_pages
from .render import OutputFile, Renderer
from .search import search_text
from .slugs import slugify


def render_site(renderer: Renderer, calculators: Calculators = NO_CALCULATORS) -> list[OutputFile]:
    """Every generated file of the site, in a stable order; the calculator index and pages
    only when there are calculators."""
    glossary = renderer.glossary
    files = [home(renderer), areas_index(renderer), tags_index(renderer)]
    if calculators.registry:
        files.append(calculators_index(renderer, calculators.registry, calculators.extra))
    files += [renderer.term(t) for t in glossary.terms if t.has_page]
    files += list(renderer.disambiguation_pages())
    for area in glossary.areas:
        files += list(renderer.area_pages(area.id))
    files += [tag(renderer, t.id) for t in glossary.tags]
    files += list(redirect_pages(renderer))
    files.append(renderer.glossary_json())
    users = tuple(t for t in glossary.terms if t.calculator and t.listed)  # what calculator pages list
    files += memo.cached("calculator pages", (), lambda: calculators.pages(renderer), same=users)
    return files


def home(renderer: Renderer) -> OutputFile:
    listed = sorted((t for t in renderer.glossary.terms if t.listed), key=lambda t: t.name.casefold())
    groups: dict[str, list[Term]] = {}
    for term in listed:
        initial = (slugify(term.name)[:1] or "#").upper()
        groups.setdefault(initial if initial in string.ascii_uppercase else "0–9", []).append(term)
    anchors = {letter: "letter-" + ("num" if letter == "0–9" else letter.lower())
               for letter in ["0–9", *string.ascii_uppercase]}
    letters = [(letter, anchor, letter in groups) for letter, anchor in anchors.items()
               if letter != "0–9" or letter in groups]
    ordered = [(letter, anchors[letter], groups[letter]) for letter, _, present in letters if present]
    counts = {area.id: len(renderer.glossary.members(area.id)) for area in renderer.glossary.areas}
    content = renderer.render_template("home.md.j2", here=urls.HOME, title=renderer.settings.title,
                           description=renderer.settings.description, areas=renderer.glossary.areas,
                           counts=counts, letters=letters, groups=ordered)
    graph = jsonld.home_graph(renderer.settings.site_url, renderer.glossary, renderer.settings.title,
                              renderer.settings.description)
    return OutputFile(urls.HOME, content, graph, in_nav=True, search=search_text(renderer.settings.description))


def listing(renderer: Renderer, src: str, title: str, description: str, entries: list[dict[str, Any]]) -> OutputFile:
    content = renderer.render_template("list.md.j2", title=title, description=description, entries=entries)
    graph = jsonld.simple_page_graph(renderer.settings.site_url, src, title, [(title, src)], "CollectionPage")
    return OutputFile(src, content, graph, in_nav=True)


def areas_index(renderer: Renderer) -> OutputFile:
    entries = [{"name": a.name, "summary": a.summary, "href": urls.href(urls.AREAS, urls.area_page(a.id)),
                "count": len(renderer.glossary.members(a.id))} for a in renderer.glossary.areas]
    return listing(renderer, urls.AREAS, "Areas", "Topic hubs that group related terms.", entries)


def tags_index(renderer: Renderer) -> OutputFile:
    entries = [{"name": t.name, "summary": t.summary, "href": urls.href(urls.TAGS, urls.tag_page(t.id)),
                "count": len(renderer.glossary.tagged(t.id))} for t in renderer.glossary.tags]
    return listing(renderer, urls.TAGS, "Tags", "Cross-cutting labels from a closed vocabulary.", entries)


def calculators_index(renderer: Renderer, calculators: Mapping[str, Any],
                      extra: tuple[tuple[str, str, str], ...] = ()) -> OutputFile:
    pages = [(calc_id, spec.title, spec.summary) for calc_id, spec in calculators.items()] + list(extra)
    entries = [{"name": title, "summary": summary, "count": None,
                "href": urls.href(urls.CALCULATORS, urls.calculator_page(page_id))}
               for page_id, title, summary in pages]
    return listing(renderer, urls.CALCULATORS, "Calculators",
                        "Small, tested calculators that run live in the page.", entries)


def tag(renderer: Renderer, tag_id: str) -> OutputFile:
    tag = renderer.glossary.tag_by_id[tag_id]
    here = urls.tag_page(tag_id)
    members = renderer.glossary.tagged(tag_id)
    content = memo.cached("tag page", here, lambda: renderer.render_template("tag.md.j2", tag=tag, here=here,
                                                                            members=members), same=(tag, *members))
    graph = jsonld.simple_page_graph(renderer.settings.site_url, here, f"Tag: {tag.name}",
                                [("Tags", urls.TAGS), (tag.name, here)], "CollectionPage")
    return OutputFile(here, content, graph, search=search_text(tag.summary))
