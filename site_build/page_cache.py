"""The preview's kept pages: each page's rendered HTML and template output of the last build.

``incremental.Reuse`` asks for a page's kept HTML under the page's key and stores what a
build rendered; ``start`` begins a build and ``forget_missing`` ends it, so a page that
disappears is forgotten one build later. Plain values only: no MkDocs objects but a
page's table of contents (titles, ids and levels).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Rendered:
    """What ``Page.render`` and ``on_page_content`` leave on a page, for one key."""

    key: str
    content: str
    toc: Any  # MkDocs' TableOfContents: plain titles, ids and levels, no file objects
    title: str | None
    anchors: frozenset[str]
    links: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # linked file's src → (anchor, link)
    lookups: tuple[tuple[str, str | None], ...] = ()  # each path its links looked up → that file's URL


SHOWN = 12  # re-rendered pages the log line names


@dataclass
class Counts:
    """How many pages one build rendered and how many it reused (the log line, the tests)."""

    rendered: int = 0
    reused_markdown: int = 0
    reused_output: int = 0
    changed: list[str] = field(default_factory=list)

    def line(self, pages: int) -> str:
        shown = ", ".join(self.changed[:SHOWN]) + (" …" if len(self.changed) > SHOWN else "")
        return (f"preview: {self.rendered} of {pages} pages re-rendered, Markdown reused for "
                f"{self.reused_markdown}, HTML reused for {self.reused_output}"
                + (f" ({shown})" if self.changed else ""))


class PageCache:
    """The previous build's rendered pages and outputs, by page path, looked up by key.

    ``start`` begins a build: what the last build kept becomes what this one may reuse,
    so a page that disappears is forgotten one build later.
    """

    def __init__(self) -> None:
        self._rendered: dict[str, Rendered] = {}
        self._outputs: dict[str, tuple[str, str]] = {}
        self._last_rendered: dict[str, Rendered] = {}
        self._last_outputs: dict[str, tuple[str, str]] = {}
        self.counts = Counts()

    def start(self) -> None:
        self._last_rendered, self._rendered = {**self._last_rendered, **self._rendered}, {}
        self._last_outputs, self._outputs = {**self._last_outputs, **self._outputs}, {}
        self.counts = Counts()

    def rendered(self, src: str, key: str, resolves: Any = None) -> Rendered | None:
        """The page's rendered HTML from the last build, when its key is the same (and
        ``resolves(kept)``: its links still find the same files)."""
        kept = self._last_rendered.get(src)
        if kept is None or kept.key != key or (resolves is not None and not resolves(kept)):
            return None
        self._rendered[src] = kept
        self.counts.reused_markdown += 1
        return kept

    def keep_rendered(self, src: str, rendered: Rendered) -> None:
        self._rendered[src] = rendered
        self.counts.rendered += 1
        self.counts.changed.append(src)

    def output(self, src: str, key: str) -> str | None:
        """The page's template output from the last build, when its key is the same."""
        kept = self._last_outputs.get(src)
        if kept is None or kept[0] != key:
            return None
        self.counts.reused_output += 1
        return kept[1]

    def keep_output(self, src: str, key: str, html: str) -> None:
        self._outputs[src] = (key, html)

    def forget_missing(self, present: Iterable[str]) -> None:
        """Drop what belongs to pages this build no longer has."""
        keep = set(present)
        self._rendered = {k: v for k, v in self._rendered.items() if k in keep}
        self._outputs = {k: v for k, v in self._outputs.items() if k in keep}
        self._last_rendered, self._last_outputs = {}, {}
