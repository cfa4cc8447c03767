"""Redirect pages: every other address of a term leads to its page.

An alias's slug (``/terms/mm/`` for Maintenance Margin), a deprecated or merged term's id
and an ambiguous word's slug each get a small HTML page that sends the reader on (a script
keeping the query and fragment, a meta refresh, a canonical link, and a plain link for
readers with neither), so a renamed or merged term never becomes a 404.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import csp, memo, urls
from .crossref import final_target
from .model import Term
from .render import OutputFile, Renderer
from .slugs import slugify


def redirect_pages(renderer: Renderer) -> Iterator[OutputFile]:
    """A redirect page for each alias slug and each deprecated term.

    An ambiguous word's slug belongs to its primary sense: its own page when the id is the
    slug, else a redirect to it; the other senses make no page there.
    """
    glossary = renderer.glossary
    words = {sense.slug: sense for sense in glossary.senses}
    for term in glossary.terms:
        if not term.has_page:
            yield _redirect(renderer, term.id, term.name, final_target(term, glossary))
            continue
        spellings: dict[str, str] = {}  # "Stop Market" and "Stop-Market" share one slug: one page, the first
        for alias in term.aliases:
            spellings.setdefault(slugify(alias), alias)
        for slug, alias in spellings.items():
            if slug and slug != term.id and slug not in words:
                yield _redirect(renderer, slug, alias, term)
    for slug, sense in words.items():
        primary = glossary.term_by_id.get(sense.senses[0])
        if primary is not None and primary.has_page and primary.id != slug:
            yield _redirect(renderer, slug, sense.name, primary)


def _redirect(renderer: Renderer, slug: str, alias: str, target: Term) -> OutputFile:
    return memo.cached("redirect", (slug, alias, target.id, target.name),
                       lambda: _redirect_page(renderer, slug, alias, target))


def _redirect_page(renderer: Renderer, slug: str, alias: str, target: Term) -> OutputFile:
    src = urls.redirect_page(slug)
    content = renderer.render_template("redirect.html.j2", alias=alias, name=target.name,
                                       target=urls.html_href(src, urls.term_page(target.id)),
                                       canonical=urls.absolute(renderer.settings.site_url, urls.term_page(target.id)))
    return OutputFile(src, csp.with_policy(content))
