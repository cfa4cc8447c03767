"""A compact search index: generated pages are found by name, alias, summary and heading.

Material indexes every word of every section. For a glossary that is mostly repetition
(each term's text is also quoted on hubs, tags and the A–Z index), and at 5,000 terms
the index grows to tens of megabytes that a reader downloads before search works. For
each generated page that declares a ``search`` text, ``compact_index`` keeps one entry:
its title, that text (summary and aliases) and its distinctive headings. Hand-written
pages keep their full text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

# A heading on more than this share of the compacted pages names a template section
# ("Worked example", "Sources"), not anything a reader searches a page for.
COMMON_HEADING_SHARE = 0.25
_HEADING = re.compile(r"<h[1-6][\s>].*?</h[1-6]>", re.DOTALL)


def search_text(summary: str, aliases: Iterable[str] = ()) -> str:
    """The indexed text of a generated page, as the HTML snippet search results show."""
    text = f"<p>{escape(summary)}</p>"
    names = list(aliases)
    return text + (f"<p>Also called: {escape(', '.join(names))}</p>" if names else "")


def compact_index(index: dict[str, Any], texts: Mapping[str, str]) -> dict[str, Any]:
    """``index`` with each page in ``texts`` (by location) reduced to one entry."""
    headings: dict[str, list[str]] = {}
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if page in texts and anchor and doc.get("title"):
            headings.setdefault(page, []).append(doc["title"])
    common = _common_headings(headings, len(texts))
    docs = []
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if page not in texts:
            docs.append(doc)
        elif not anchor:
            kept = [h for h in dict.fromkeys(headings.get(page, [])) if h not in common]
            text = texts[page] + "".join(f"<h2>{heading}</h2>" for heading in kept)
            docs.append({**doc, "text": text})
    return {**index, "docs": docs}


def _common_headings(headings: Mapping[str, list[str]], pages: int) -> set[str]:
    counts = Counter(title for titles in headings.values() for title in set(titles))
    return {title for title, count in counts.items() if count > COMMON_HEADING_SHARE * pages and count > 1}


def headings_only(html: str) -> str:
    """A page's headings alone: all the search index keeps of a page ``compact_index`` reduces.

    Material's search plugin parses the whole page into sections; for such a page only
    the page entry and the section titles survive compaction, so it is handed this
    skeleton to parse instead (the calculator pages' code made that a third of a build).
    """
    return "".join(_HEADING.findall(html))
