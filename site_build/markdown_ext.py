"""``glossary_links``: a Python-Markdown extension that links any site's pages to the glossary.

Enabled in a MkDocs, ProperDocs or Zensical ``mkdocs.yml``::

    markdown_extensions:
      - glossary_links:
          glossary: https://example.org/glossary/glossary.json   # or a local path

The first mention on each page of a term's name or alias becomes a link to its page, found
by the site's own ``Linker`` (longest match, plurals, capitals-only abbreviations), never
inside code, headings, links (Markdown or raw HTML) or URLs. It works on the element tree
after inline parsing, so whatever made an element code or a link (fences, superfences,
attribute lists) has already said so. The tooltip is the ``title`` attribute, holding the
summary: no script and no stylesheet are needed on a site we do not control, browsers show
it on hover, and it is the link's accessible description for screen readers (HTML-AAM), while
the link's name stays the word as written. A name two entries claim (an ambiguous word)
is not linked: glossary.json does not say which sense a page means.
"""

from __future__ import annotations

import logging
import re
import time
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from . import glossary_file
from .glossary_file import Entry, GlossaryFileError
from .linker import Linker, name_key

__all__ = ["GlossaryFileError", "GlossaryLinksExtension", "makeExtension"]
SKIPPED = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "button", "svg", "math",
                     "h1", "h2", "h3", "h4", "h5", "h6"})
_RAW_OPEN = re.compile(r"<(a|code|pre|kbd|samp|script|style|h[1-6])\b", re.IGNORECASE)
_RAW_CLOSE = re.compile(r"</(a|code|pre|kbd|samp|script|style|h[1-6])\s*>", re.IGNORECASE)
RETRY_SECONDS = 10


@dataclass
class _Loaded:
    """A glossary as loaded once per process: its linker and entries, or the problem that
    stopped it; the warnings and error are reported by the first page converted (``_Report``)."""

    linker: Linker | None
    entries: dict[str, Entry]
    messages: list[tuple[int, str]]  # (logging level, text)
    at: float
    reported: bool = False


_LOADED: dict[tuple, _Loaded] = {}  # each page builds its own Markdown, and so its own extension


def _index(entries: tuple[Entry, ...]) -> Linker:
    """A linker over every name that only one entry claims."""
    keyed = [(name_key(name), name, entry.id) for entry in entries for name in entry.names]
    claims: dict[tuple[str, ...], set[str]] = {}
    for key, _, entry_id in keyed:
        claims.setdefault(key, set()).add(entry_id)
    return Linker([(name, entry_id) for key, name, entry_id in keyed if len(claims[key]) == 1])


def _loaded(source: str, cache_dir: str, max_age: float, timeout: float) -> _Loaded:
    """The glossary at ``source``, read once per process (a local file again when it changes,
    a URL again after ``max_age``); a failure is tried again after ``RETRY_SECONDS`` (under
    ``serve`` the file may be fixed, the network back)."""
    path = Path(source).expanduser()
    local = "://" not in source and path.is_file()
    info = path.stat() if local else None
    stamp = (info.st_mtime_ns, info.st_size) if info else int(time.time() // max(max_age, 1))
    key = (source, cache_dir, stamp)
    known = _LOADED.get(key)
    if known is not None and (known.linker is not None or time.monotonic() - known.at < RETRY_SECONDS):
        return known
    warnings: list[str] = []
    try:
        entries = glossary_file.load(source, Path(cache_dir).expanduser(), max_age, timeout, warnings.append)
    except GlossaryFileError as error:
        loaded = _Loaded(None, {}, [(logging.ERROR, f"{error}; pages are not linked to the glossary")], time.monotonic())
    else:
        loaded = _Loaded(_index(entries), {e.id: e for e in entries}, [(logging.WARNING, w) for w in warnings],
                         time.monotonic())
    _LOADED[key] = loaded
    return loaded


class _Report(Treeprocessor):
    """Logs the glossary's warnings or error once, from the first page converted: never
    raised (MkDocs and Zensical print an exception from an extension with its traceback), and
    not when the extension is set up (MkDocs counts ``--strict`` warnings only while it builds)."""

    def __init__(self, md: Markdown, loaded: _Loaded) -> None:
        super().__init__(md)
        self.loaded = loaded

    def run(self, root: etree.Element) -> None:
        if not self.loaded.reported:
            self.loaded.reported = True
            for level, message in self.loaded.messages:
                glossary_file.LOG.log(level, "%s", message)


@dataclass
class _Page:
    """One page's state while its tree is walked in document order."""

    linked: set[str] = field(default_factory=set)
    raw_depth: int = 0  # inside a raw-HTML <a>, <code>, ... opened by a stashed tag


class GlossaryLinksTreeprocessor(Treeprocessor):
    """Links first mentions in the text of every element that is not code, a heading or a link."""

    def __init__(self, md: Markdown, linker: Linker, entries: dict[str, Entry]) -> None:
        super().__init__(md)
        self.linker, self.entries = linker, entries

    def run(self, root: etree.Element) -> None:
        self._walk(root, _Page())

    def _walk(self, element: etree.Element, page: _Page) -> None:
        children = list(element)
        if element.text:
            text, anchors = self._link(element.text, page)
            element.text = text
            for position, anchor in enumerate(anchors):
                element.insert(position, anchor)
        for child in children:
            if child.tag not in SKIPPED:
                self._walk(child, page)
            if child.tail:
                text, anchors = self._link(child.tail, page)
                child.tail = text
                at = list(element).index(child) + 1
                for offset, anchor in enumerate(anchors):
                    element.insert(at + offset, anchor)

    def _link(self, text: str, page: _Page) -> tuple[str, list[etree.Element]]:
        """``text`` up to the first link, and the links, each carrying the text after it."""
        if isinstance(text, AtomicString):
            return text, []
        head, anchors, position = None, [], 0
        pieces = []
        for segment in _segments(text):
            if HTML_PLACEHOLDER_RE.fullmatch(segment):
                self._track_raw(segment, page)
            elif page.raw_depth == 0:
                pieces += [(position + m.start, position + m.end, m.term_id) for m in self.linker.mentions(segment)]
            position += len(segment)
        cursor = 0
        for start, end, term_id in pieces:
            if term_id in page.linked:
                continue
            page.linked.add(term_id)
            entry = self.entries[term_id]
            anchor = etree.Element("a", {"href": entry.url, "class": "glossary-link",
                                         "title": entry.summary.replace("&", "&amp;")})
            anchor.text = text[start:end]
            if head is None:
                head = text[:start]
            else:
                anchors[-1].tail = text[cursor:start]
            anchors.append(anchor)
            cursor = end
        if not anchors:
            return text, []
        anchors[-1].tail = text[cursor:]
        return head, anchors

    def _track_raw(self, placeholder: str, page: _Page) -> None:
        index = int(HTML_PLACEHOLDER_RE.fullmatch(placeholder).group(1))
        blocks = self.md.htmlStash.rawHtmlBlocks
        raw = str(blocks[index]) if index < len(blocks) else ""
        page.raw_depth += len(_RAW_OPEN.findall(raw)) - len(_RAW_CLOSE.findall(raw))
        page.raw_depth = max(page.raw_depth, 0)


def _segments(text: str) -> list[str]:
    """``text`` cut at Python-Markdown's raw-HTML placeholders, which are segments of their own."""
    parts, position = [], 0
    for match in HTML_PLACEHOLDER_RE.finditer(text):
        parts += [text[position:match.start()], match.group(0)]
        position = match.end()
    parts.append(text[position:])
    return [part for part in parts if part]


class GlossaryLinksExtension(Extension):
    """``glossary_links``: see the module docstring; options below."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "glossary": ["", "URL or path of a published glossary.json (required)"],
            "cache_dir": ["~/.cache/glossary_links", "where a fetched glossary.json is kept"],
            "max_age": [86400, "seconds a fetched copy is used before it is fetched again"],
            "timeout": [10, "seconds to wait for the glossary URL"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        loaded = _loaded(str(self.getConfig("glossary")), str(self.getConfig("cache_dir")),
                         float(self.getConfig("max_age")), float(self.getConfig("timeout")))
        md.treeprocessors.register(_Report(md, loaded), "glossary_links_report", 30)
        if loaded.linker is not None:
            # After inline parsing (20), attribute lists (8) and abbreviations (7); before the TOC (5).
            md.treeprocessors.register(GlossaryLinksTreeprocessor(md, loaded.linker, loaded.entries), "glossary_links", 6)


def makeExtension(**kwargs) -> GlossaryLinksExtension:
    return GlossaryLinksExtension(**kwargs)
