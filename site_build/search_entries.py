"""The preview's search entries, kept per page: Material indexes only pages that changed.

Material's search plugin parses every page's HTML into sections on every build; under
``mkdocs serve`` that was a fifth of a rebuild, for pages whose HTML had not changed.
``SearchEntries.wrap`` makes one build's search index reuse a page's entries from the
last build when everything the indexer reads is the same: the page's address, its HTML
(for generated pages, the headings the adapter leaves it: ``site_build.search``), its
title, table of contents, tags and search settings. The index written is the one a fresh
indexing would write, entry for entry. No MkDocs or Material import here: the adapter
passes the index object in.
"""

from __future__ import annotations

from typing import Any

from .memo import fingerprint


def _toc(items: Any) -> list:
    """Titles, anchors and nesting of a table of contents (what section titles come from)."""
    return [(item.title, item.url, _toc(item.children or [])) for item in items or []]


def page_key(page: Any) -> str:
    """Everything Material's ``add_entry_from_context`` reads from ``page``."""
    meta = page.meta
    return fingerprint(page.url, page.content, str(page.title), meta.get("title"), meta.get("tags"),
                       meta.get("search"), _toc(page.toc))


class SearchEntries:
    """Each page's entries from the last build, by address, under the key they were made for."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[str, list[dict]]] = {}
        self._now: dict[str, tuple[str, list[dict]]] = {}
        self.reused = 0
        self.indexed = 0

    def wrap(self, index: Any) -> None:
        """Make ``index.add_entry_from_context`` (one build's index) reuse unchanged pages."""
        self._last, self._now = {**self._last, **self._now}, {}
        self.reused = self.indexed = 0
        add = index.add_entry_from_context

        def add_entry(page: Any) -> None:
            key = page_key(page)
            kept = self._last.get(page.url)
            if kept is not None and kept[0] == key:
                index.entries.extend(dict(entry) for entry in kept[1])
                self.reused += 1
            else:
                before = len(index.entries)
                add(page)
                kept = (key, [dict(entry) for entry in index.entries[before:]])
                self.indexed += 1
            self._now[page.url] = kept

        index.add_entry_from_context = add_entry

    def finish(self) -> None:
        """After a build: forget pages it did not index (deleted terms)."""
        self._last, self._now = self._now, {}
