"""Annotations: what each page hands ``overrides/main.html`` besides its HTML.

Every page gets its JSON-LD graph (a generated page's own, else a simple one for a
hand-written page), its modified date (the sitemap's ``lastmod``, never the clock), a term
page its section sidebar, and every page its OpenGraph and Twitter tags with its social
card. The MkDocs adapter (``site_build.plugin``) builds one ``Annotations`` per build from
the generated files and passes MkDocs' page and config objects in; this module imports
no MkDocs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import jsonld
from .cards import SITE_CARD, page_cards, social_tags
from .project import Generated

# serve only: a page's social tags are worked out once per distinct title, description and card
_CACHED_TAGS = functools.lru_cache(maxsize=1 << 16)(social_tags)


@dataclass(frozen=True)
class Annotations:
    """The per-page extras of one build, keyed by each page's source path."""

    graphs: Mapping[str, dict] = field(default_factory=dict)
    sidebars: Mapping[str, dict] = field(default_factory=dict)  # term pages' section lists
    search_texts: Mapping[str, str] = field(default_factory=dict)  # pages compact_index reduces
    cards: Mapping[str, str] = field(default_factory=dict)  # term page → its social card
    site_card: str | None = None  # every other page's card, when the build drew one
    fallback_day: str = ""  # the modified date of a page whose graph names none
    tags: Callable[..., list] = social_tags  # cards.social_tags, or its cached copy

    @classmethod
    def of(cls, generated: Generated, fallback_day: str, *, serving: bool) -> Annotations:
        """The annotations of ``generated``'s files; a preview remembers social tags it worked out."""
        files = generated.files
        return cls({f.src: f.jsonld for f in files if f.jsonld}, {f.src: f.sidebar for f in files if f.sidebar},
                   {f.src: f.search for f in files if f.search is not None},
                   page_cards([p.path for p in generated.published]),
                   next((p.path for p in generated.published if p.path == SITE_CARD), None),
                   fallback_day, _CACHED_TAGS if serving else social_tags)

    def annotate(self, page: Any, site_url: str) -> None:
        """Put ``page``'s graph, sidebar and modified date in its meta (before its Markdown is read)."""
        src = page.file.src_uri
        graph = self.graphs.get(src)
        if graph is None:  # a hand-written page from docs/
            title = page.meta.get("title") or page.title or src
            graph = jsonld.simple_page_graph(site_url, src, str(title), [(str(title), src)])
        page.meta["glossary_jsonld"] = graph
        if src in self.sidebars:
            page.meta["glossary_sidebar"] = self.sidebars[src]
        page.meta["glossary_modified"] = jsonld.date_modified(graph) or self.fallback_day  # the sitemap's lastmod
        page.update_date = page.meta["glossary_modified"]  # sitemap.xml.gz's timestamp, never the clock

    def add_social(self, page: Any, config: Any) -> None:
        """OpenGraph and Twitter tags for ``page``: a term's own card, else the site's."""
        src = page.file.src_uri
        page.meta["glossary_social"] = self.tags(
            title=str(page.title or config.site_name), url=page.canonical_url or config.site_url,
            description=str(page.meta.get("description") or config.site_description or config.site_name),
            site_name=config.site_name, site_url=config.site_url, article=src in self.cards,
            card=self.cards.get(src, self.site_card))

    def output_key(self, src: str) -> tuple[str | None, str | None, bool]:
        """What besides its own inputs shapes a page's output: its card, the site's, its indexing."""
        return self.cards.get(src), self.site_card, src in self.search_texts
