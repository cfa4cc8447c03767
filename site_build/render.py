"""Render the linked glossary into pages: Markdown (plus JSON-LD) and a few raw files.

Pure: no file system or MkDocs here. ``pages.render_site`` returns ``OutputFile`` values that
the MkDocs adapter adds to the build and ``glossary export`` writes to disk. The redirect
pages are ``redirects``'.
"""

from __future__ import annotations

import json
import math
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import jsonld, memo, urls
from .autolink import PageLinks, link_markdown
from .dates import DateBook
from .markup import escape_plain, is_safe_url
from .model import Glossary, Term
from .pipeline import Linked
from .search import search_text
from .sections import SectionIndex
from .senses import disambiguation_id, hatnotes, listed_senses
from .snippets import code_tabs

PER_PAGE = 30
HISTORY = 5  # dated changes listed on a term page, newest first


@dataclass(frozen=True)
class Settings:
    """What rendering needs beyond the glossary itself: ``site_name`` and friends from
    ``mkdocs.yml`` (``site_build.plugin.project_for`` reads them for builds and exports)."""

    site_url: str
    edit_url: str = ""  # prefix of an "edit this file" URL, e.g. https://github.com/o/r/edit/main/
    per_page: int = PER_PAGE
    title: str = "Glossary"
    description: str = ""


@dataclass(frozen=True)
class OutputFile:
    """One generated file. ``jsonld`` is set for pages; ``in_nav`` for the few nav pages.

    ``search`` is the HTML text the search index keeps for the page instead of its full
    text (None keeps the full text); see ``site_build.search``.
    """

    src: str
    content: str
    jsonld: dict[str, Any] | None = None
    sidebar: dict[str, Any] | None = None  # a term page's section list, for the theme's left column
    in_nav: bool = False
    search: str | None = None
    origin: str = ""  # the file it is generated from, for messages (terms/x.yml)

    @property
    def is_page(self) -> bool:
        return self.src.endswith(".md")


def _safe_link_target(url: str) -> str:
    """Percent-encode characters that would end a Markdown link destination early."""
    if not is_safe_url(url):
        return "#"
    return urllib.parse.quote(url, safe="/:?#[]@!$&'*+,;=%~-._")


def make_environment(template_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        undefined=jinja2.StrictUndefined,
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(plain=escape_plain, url=_safe_link_target)
    env.globals.update(link=urls.href, term_page=urls.term_page, area_page=urls.area_page,
                       tag_page=urls.tag_page, contribute_page=urls.CONTRIBUTE, code_tabs=code_tabs)
    return env


@dataclass
class Renderer:
    """Renders each kind of page; holds the shared inputs so each method stays short."""

    glossary: Glossary
    linked: Linked
    dates: DateBook
    settings: Settings
    env: jinja2.Environment
    widget: Callable[[Term], str] = field(default=lambda term: "")

    def __post_init__(self) -> None:
        self.sections = SectionIndex(self.glossary)

    def render_template(self, template: str, **context: Any) -> str:
        """A content template rendered with the site's environment (used by extra pages too)."""
        return self.env.get_template(template).render(glossary=self.glossary, **context)

    def breadcrumb(self, here: str, trail: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """(name, relative href) from Home to the page; the page itself has no href."""
        full = [("Home", urls.HOME), *trail]
        return [(name, urls.html_href(here, src) if index < len(full) - 1 else "")
                for index, (name, src) in enumerate(full)]

    def sidebar(self, term: Term, here: str) -> dict[str, Any] | None:
        """The term's neighbours in its section: what the theme lists in the left column."""
        found = self.sections.neighbours(term)
        if found is None:
            return None
        return memo.cached("sidebar", (found.title, found.current, here), lambda: self._sidebar(found, here),
                           same=(found.area, *found.terms))

    def _sidebar(self, found: Any, here: str) -> dict[str, Any]:
        title = found.title if found.title != found.area.name else ""
        return {"title": title, "area": found.area.name,
                "href": urls.html_href(here, urls.area_page(found.area.id)),
                "entries": [{"name": t.name, "href": urls.html_href(here, urls.term_page(t.id)),
                             "current": t.id == found.current} for t in found.terms]}


    def term(self, term: Term) -> OutputFile:
        """A term page; under a preview, its Markdown is rendered again only when something
        it shows changed: the term, its texts, the terms it lists, links or mentions."""
        here = urls.term_page(term.id)
        by_id = self.glossary.term_by_id
        related = [by_id[t] for t in term.related if t in by_id and by_id[t].listed]
        referenced = [by_id[t] for t in self.linked.backlinks.get(term.id, ())]
        areas = [self.glossary.area_by_id[a] for a in term.areas if a in self.glossary.area_by_id]
        tags = [self.glossary.tag_by_id[t] for t in term.tags if t in self.glossary.tag_by_id]
        dates = self.dates.of(term.path)
        edit = self.settings.edit_url + term.path if self.settings.edit_url else ""
        trail = [(areas[0].name, urls.area_page(areas[0].id))] if areas else []
        texts = self.linked.texts[term.id]
        context = dict(term=term, texts=texts, here=here, related=related, referenced_by=referenced, areas=areas,
                       tags=tags, dates=dates, history=self.dates.changes(term.path)[:HISTORY], edit_url=edit,
                       widget=memo.cached("widget", (), lambda: self.widget(term), same=(term,)),
                       crumbs=self.breadcrumb(here, [*trail, (term.name, here)]),
                       hatnotes=list(hatnotes(term, self.glossary)))
        mentioned = [self.glossary.term_by_id.get(m) for m in texts.mentions]  # their summaries: tooltips
        shown = (term, texts, *related, None, *referenced, None, *areas, None, *tags, None, *mentioned)
        values = {k: v for k, v in context.items() if k not in ("term", "texts", "related", "referenced_by",
                                                                  "areas", "tags")}
        content = memo.cached("term page", values, lambda: self.render_template("term.md.j2", **context),
                              same=shown)
        graph = memo.cached("term graph", dates, lambda: jsonld.term_graph(
            self.settings.site_url, term, areas[0] if areas else None, dates), same=(term, areas[0] if areas else None))
        return OutputFile(here, content, graph, sidebar=self.sidebar(term, here),
                          search=search_text(term.summary, term.aliases), origin=term.path)

    def disambiguation_pages(self) -> Iterator[OutputFile]:
        """``/terms/<word>-disambiguation/`` for each ambiguous word: every sense, linked."""
        for sense in self.glossary.senses:
            terms = listed_senses(sense, self.glossary)
            if not terms:
                continue
            here = urls.term_page(disambiguation_id(sense.slug))
            title = f"{sense.name} (disambiguation)"
            names = ", ".join(t.name for t in terms)
            description = f"{sense.name} can mean {len(terms)} different terms in this glossary: {names}."
            entries = [(t, self.glossary.area_by_id.get(t.areas[0]) if t.areas else None) for t in terms]
            content = self.render_template("disambiguation.md.j2", sense=sense, here=here, title=title,
                                           description=description, entries=entries,
                                           crumbs=self.breadcrumb(here, [(title, here)]))
            graph = jsonld.disambiguation_graph(self.settings.site_url, here, title, description, terms,
                                                self.dates.of(sense.path))
            yield OutputFile(here, content, graph, search=search_text(description), origin=sense.path)

    def area_pages(self, area_id: str) -> Iterator[OutputFile]:
        area = self.glossary.area_by_id[area_id]
        groups = self.sections.groups[area_id]
        members = tuple(term for group in groups for term in group.terms)
        per_page = self.settings.per_page
        pages = max(1, math.ceil(len(members) / per_page))
        page = PageLinks(href=lambda target: urls.href(urls.area_page(area_id), urls.term_page(target)),
                         areas=(area_id,))
        body = link_markdown(area.body, self.linked.linker, page)
        answers = tuple(link_markdown(item.answer, self.linked.linker, page) for item in area.faq)
        for number in range(1, pages + 1):
            yield self._area_page(area, groups, members, number, (body, answers, page.linked))

    def _area_page(self, area: Any, groups: tuple, members: tuple[Term, ...], number: int,
                   texts: tuple[str, tuple[str, ...], list[str]]) -> OutputFile:
        """Page ``number`` of an area hub; under a preview, rendered again only when what it shows changed."""
        body, answers, linked = texts
        per_page = self.settings.per_page
        pages = max(1, math.ceil(len(members) / per_page))
        here = urls.area_page(area.id, number)
        chunk = members[(number - 1) * per_page: number * per_page]
        previous = urls.html_href(here, urls.area_page(area.id, number - 1)) if number > 1 else ""
        following = urls.html_href(here, urls.area_page(area.id, number + 1)) if number < pages else ""
        cut = _page_groups(groups, chunk)
        mentions = linked if number == 1 else []
        values = (here, number, pages, len(members), [title for title, _ in cut], body, answers, mentions,
                  previous, following)
        shown = (area, *chunk, None, *(self.glossary.term_by_id.get(m) for m in mentions))  # tooltips: summaries
        content = memo.cached("area page", values, lambda: self.render_template(
            "area.md.j2", area=area, here=here, number=number, pages=pages, total=len(members), groups=cut,
            body=body, answers=answers, mentions=mentions, previous=previous, next=following), same=shown)
        dates = self.dates.of(area.path)
        graph = memo.cached("area graph", (here, dates, number), lambda: jsonld.area_graph(
            self.settings.site_url, area, chunk, here, dates, first_page=number == 1), same=(area, *chunk))
        return OutputFile(here, content, graph, search=search_text(area.summary), origin=area.path)

    def glossary_json(self) -> OutputFile:
        """Every stable term as JSON: ``json.dumps(entries, indent=1)``, one entry at a time (``memo``)."""
        entries = [memo.cached("json entry", (), lambda t=t: _json_entry(t, self.settings.site_url), same=(t,))
                   for t in self.glossary.terms if t.listed]
        text = "[\n " + ",\n ".join(entries) + "\n]" if entries else "[]"
        return OutputFile(urls.GLOSSARY_JSON, text + "\n")


def _json_entry(t: Term, site_url: str) -> str:
    """One term's ``glossary.json`` entry, as ``json.dumps(indent=1)`` writes it one level down."""
    entry = {"id": t.id, "name": t.name, "kind": t.kind, "summary": t.summary,
             "aliases": list(t.aliases), "areas": list(t.areas), "tags": list(t.tags), "related": list(t.related),
             "url": urls.absolute(site_url, urls.term_page(t.id)), **({"same_as": list(t.same_as)} if t.same_as else {})}
    return json.dumps(entry, ensure_ascii=False, indent=1).replace("\n", "\n ")


def _page_groups(groups: tuple, chunk: tuple[Term, ...]) -> list[tuple[str, tuple[Term, ...]]]:
    """The hub groups cut to one page's terms, in order: (title, terms) for each group on it."""
    on_page = {term.id for term in chunk}
    cut = [(group.title, tuple(t for t in group.terms if t.id in on_page)) for group in groups]
    return [(title, terms) for title, terms in cut if terms]
