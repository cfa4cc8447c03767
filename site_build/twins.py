"""Markdown twins of term and area pages, and the ``llms.txt`` files that list them.

LLM tools and scripts read clean Markdown more reliably than themed HTML: each term page
has a twin at ``terms/<id>.md`` (definition, body with its formula and worked example,
FAQ, related terms, sources; no widget markup) and each area at ``areas/<id>.md``.
``llms.txt`` follows llmstxt.org (an H1, a summary blockquote, sections of links);
``llms-full.txt`` is every term twin in one file. Text from YAML goes through the same
sanitiser as the HTML pages, so a twin rendered by some other Markdown tool is as inert
as the site. Links between twins are relative; links in ``llms.txt`` absolute.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from . import memo, urls
from .markup import escape_plain, is_safe_url, sanitize_markdown
from .model import Area, Faq, Glossary, Term

LICENCE = "Content licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."


def term_twin_path(term_id: str) -> str:
    return f"terms/{term_id}.md"


def area_twin_path(area_id: str) -> str:
    return f"areas/{area_id}.md"


def _rel(here: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(here))


def _link(text: str, target: str) -> str:
    return f"[{escape_plain(text)}](<{target}>)"


def _sources(term: Term) -> list[str]:
    lines = []
    for source in term.sources:
        if not is_safe_url(source.url):
            continue
        dated = f" (accessed {source.accessed})" if source.accessed else ""
        lines.append(f"- {_link(source.title, source.url)}{dated}")
    return lines


def _faq(items: Iterable[Faq]) -> list[str]:
    """The FAQ section's lines (none without questions): each question a heading, its answer below."""
    lines = []
    for item in items:
        lines += [f"### {escape_plain(item.question)}", "", sanitize_markdown(item.answer).strip(), ""]
    return ["## Frequently asked questions", "", *lines] if lines else []


def term_twin(glossary: Glossary, term: Term, site_url: str) -> str:
    """The Markdown twin of one term page (under a preview, remembered: ``memo``)."""
    by_id = glossary.term_by_id
    areas = [glossary.area_by_id[a] for a in term.areas if a in glossary.area_by_id]
    related = [by_id[r] for r in term.related if r in by_id and by_id[r].listed]
    return memo.cached("twin", site_url, lambda: _term_twin(term, areas, related, site_url),
                       same=(term, *areas, None, *related))


def _term_twin(term: Term, areas: list[Area], related: list[Term], site_url: str) -> str:
    here = term_twin_path(term.id)
    out = [f"# {escape_plain(term.name)}", "", f"> {escape_plain(term.summary)}", ""]
    facts = []
    if term.aliases:
        facts.append("Also called: " + ", ".join(escape_plain(a) for a in term.aliases) + ".")
    if areas:
        facts.append("Area: " + ", ".join(_link(a.name, _rel(here, area_twin_path(a.id))) for a in areas) + ".")
    out += [" ".join(facts), ""] if facts else []
    if term.body.strip():
        out += [sanitize_markdown(term.body).strip(), ""]
    out += _faq(term.faq)
    if related:
        out += ["## Related terms", ""]
        out += [f"- {_link(r.name, _rel(here, term_twin_path(r.id)))}: {escape_plain(r.summary)}" for r in related]
        out.append("")
    sources = _sources(term)
    if sources:
        out += ["## Sources", "", *sources, ""]
    page = urls.absolute(site_url, urls.term_page(term.id))
    out += ["---", "", f"Web page: <{page}>. {LICENCE}"]
    return "\n".join(out) + "\n"


def area_twin(glossary: Glossary, area: Area, site_url: str) -> str:
    """The Markdown twin of an area hub: its text and FAQ, then its terms."""
    here = area_twin_path(area.id)
    out = [f"# {escape_plain(area.name)}", "", f"> {escape_plain(area.summary)}", ""]
    if area.body.strip():
        out += [sanitize_markdown(area.body).strip(), ""]
    out += ["## Terms", ""]
    out += [f"- {_link(t.name, _rel(here, term_twin_path(t.id)))}: {escape_plain(t.summary)}"
            for t in glossary.members(area.id)]
    out.append("")
    out += _faq(area.faq)
    out += ["---", "", f"Web page: <{urls.absolute(site_url, urls.area_page(area.id))}>. {LICENCE}"]
    return "\n".join(out) + "\n"


def twins(glossary: Glossary, site_url: str) -> list[tuple[str, str]]:
    """``(path, Markdown)`` of every twin: stable terms, then areas."""
    files = [(term_twin_path(t.id), term_twin(glossary, t, site_url)) for t in glossary.terms if t.listed]
    files += [(area_twin_path(a.id), area_twin(glossary, a, site_url)) for a in glossary.areas]
    return files


def _entries(items: Iterable[tuple[str, str, str]], site_url: str) -> list[str]:
    return [f"- [{escape_plain(name)}]({urls.file_url(site_url, path)}): {escape_plain(summary)}"
            for name, path, summary in items]


def llms_txt(glossary: Glossary, site_url: str, title: str, description: str,
             extra: Iterable[tuple[str, str, str]] = ()) -> str:
    """``llms.txt``: the site in one screen, with a link to every twin."""
    listed = sorted((t for t in glossary.terms if t.listed), key=lambda t: t.name.casefold())
    out = [f"# {escape_plain(title)}", "", f"> {escape_plain(description)}", "",
           "Each link below is a Markdown copy of a web page: the definition, formula, worked "
           "example, FAQ, related terms and sources. " + LICENCE, "", "## Areas", ""]
    out += _entries(((a.name, area_twin_path(a.id), a.summary) for a in glossary.areas), site_url)
    out += ["", "## Terms", ""]
    out += _entries(((t.name, term_twin_path(t.id), t.summary) for t in listed), site_url)
    out += ["", "## Optional", ""]
    out += _entries(extra, site_url)
    return "\n".join(out) + "\n"


def llms_full_txt(glossary: Glossary, site_url: str, title: str, description: str) -> str:
    """``llms-full.txt``: every term twin, in A–Z order, in one file."""
    listed = sorted((t for t in glossary.terms if t.listed), key=lambda t: t.name.casefold())
    parts = [f"# {escape_plain(title)}\n\n> {escape_plain(description)}\n"]
    parts += [memo.cached("demoted twin", (), lambda t=t: _demoted(term_twin(glossary, t, site_url)),
                          same=(term_twin(glossary, t, site_url),)) for t in listed]
    return "\n".join(parts)


def _demoted(markdown: str) -> str:
    """Every ATX heading one level down (outside code fences), so each term sits under the H1."""
    lines, fenced = [], False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        lines.append("#" + line if not fenced and line.startswith("#") else line)
    return "\n".join(lines)
