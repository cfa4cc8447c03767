"""Auto-linking a page's texts: the first mention of each other term links to it.

``link_markdown`` and ``link_plain`` write the links (with the term's tooltip) into a page's
Markdown as the ``Linker`` finds the mentions; ``mentioned_ids`` says which terms a text
would link, without writing anything, which is all ``glossary check`` needs for orphans.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .linker import Linker
from .markup import escape_plain, sanitize_chunk, split_markdown


@dataclass
class PageLinks:
    """Linking state of one page: which terms are linked already, and to what.

    ``areas`` are the page's areas, which pick the sense of an ambiguous word;
    ``pages`` the disambiguation pages linked (not terms, so not in ``linked``).
    """

    href: Callable[[str], str]
    exclude: str = ""
    linked: list[str] = field(default_factory=list)
    areas: tuple[str, ...] = ()
    pages: list[str] = field(default_factory=list)


def link_markdown(markdown: str, linker: Linker, page: PageLinks) -> str:
    """Sanitise Markdown from YAML and link the first mention of each term on the page."""
    out = []
    for chunk in split_markdown(markdown):
        text = sanitize_chunk(chunk)
        out.append(_link_prose(text, linker, page) if chunk.kind == "text" else text)
    return "".join(out)


def link_plain(text: str, linker: Linker, page: PageLinks) -> str:
    """Escape plain text for Markdown, then link mentions in it."""
    return _link_prose(escape_plain(text), linker, page)


def mentioned_ids(text: str, linker: Linker, *, markdown: bool = True, areas: tuple[str, ...] = ()) -> set[str]:
    """The term ids ``link_markdown`` (or ``link_plain``) would link in ``text`` on a page in
    ``areas``, without building the linked text: what ``glossary check`` needs to find orphans."""
    chunks = ([sanitize_chunk(c) for c in split_markdown(text) if c.kind == "text"] if markdown
              else [escape_plain(text)])
    found = set().union(*map(linker.targets, chunks))
    resolved = (linker.resolve(target, areas) for target in found)
    return {target for target, is_term in resolved if is_term}


def _link_prose(text: str, linker: Linker, page: PageLinks) -> str:
    pieces, position = [], 0
    for mention in linker.mentions(text):
        target, is_term = linker.resolve(mention.term_id, page.areas)
        if target == page.exclude or target in page.linked or target in page.pages:
            continue
        (page.linked if is_term else page.pages).append(target)
        label = text[mention.start:mention.end]
        tooltip = f' aria-describedby="glossary-tip-{target}"' if is_term else ""
        pieces += [text[position:mention.start], f'[{label}]({page.href(target)}){{ .glossary-link{tooltip} }}']
        position = mention.end
    pieces.append(text[position:])
    return "".join(pieces)
