"""The Atom 1.0 feed (``/feed.xml``): the stable terms most recently added or changed.

Every date and change summary comes from the ``DateBook`` that dates the pages (one
``git log`` pass): an entry's ``updated`` is its file's newest commit, ``published`` its
first, and its content the newest commit's subject. Without git every term carries the
fallback date and no change text, so the feed still validates and never reads the clock.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from . import urls
from .dates import Change, DateBook
from .model import Glossary, Term

FEED = "feed.xml"
LIMIT = 50
ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot hold (escaping is ElementTree's)."""
    return _NOT_XML.sub("", value)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _text(text)
    return element


def recent(glossary: Glossary, dates: DateBook, limit: int = LIMIT) -> list[tuple[Term, tuple[Change, ...]]]:
    """Stable terms with their changes, newest change first (ties by id), at most ``limit``."""
    fallback = Change(dates.fallback_time, "")
    dated = [(term, dates.changes(term.path)) for term in glossary.terms if term.listed]
    dated.sort(key=lambda pair: pair[0].id)
    dated.sort(key=lambda pair: (pair[1] or (fallback,))[0].instant, reverse=True)
    return dated[:limit]


def _entry(feed: ET.Element, site_url: str, term: Term, changes: tuple[Change, ...], fallback: str) -> None:
    url = urls.absolute(site_url, urls.term_page(term.id))
    entry = _add(feed, "entry")
    _add(entry, "id", url)
    _add(entry, "title", term.name, type="text")
    _add(entry, "updated", changes[0].when if changes else fallback)
    _add(entry, "published", changes[-1].when if changes else fallback)
    _add(entry, "link", rel="alternate", type="text/html", href=url)
    _add(entry, "summary", term.summary, type="text")
    if changes and changes[0].subject:
        _add(entry, "content", changes[0].subject, type="text")


def atom(glossary: Glossary, dates: DateBook, site_url: str, title: str, description: str) -> str:
    """The feed as UTF-8 XML text: feed id, title, updated, self link, author, entries."""
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "en"})
    entries = recent(glossary, dates)
    home = urls.absolute(site_url, urls.HOME)
    _add(feed, "id", home)
    _add(feed, "title", title, type="text")
    if description:
        _add(feed, "subtitle", description, type="text")
    newest = entries[0][1] if entries else ()
    _add(feed, "updated", newest[0].when if newest else dates.fallback_time)  # entries run newest first
    _add(feed, "link", rel="self", type="application/atom+xml", href=home + FEED)
    _add(feed, "link", rel="alternate", type="text/html", href=home)
    author = _add(feed, "author")
    _add(author, "name", f"{title} contributors")
    _add(author, "uri", home)
    for term, changes in entries:
        _entry(feed, site_url, term, changes, dates.fallback_time)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
