"""Reuse under ``mkdocs serve``: a page whose inputs did not change is not rendered again.

A preview rebuild runs MkDocs' whole loop, but most of its time goes to two steps per
page: Python-Markdown (``Page.render``) and Material's template. After a save, nearly
every page has the same Markdown, the same links and the same theme as before, so both
results are kept from the previous build and handed back when their key is unchanged:

- the *rendered* key: the page's Markdown, its path, every file's path (links resolve
  against them) and the Markdown configuration;
- the *output* key: the rendered key, the page's title and metadata (JSON-LD, sidebar,
  dates), the navigation, the page's neighbours and card, the theme overrides and
  ``mkdocs.yml``.

Every page is still built, indexed for search and written: only the two steps are
skipped. A full ``mkdocs build`` never uses this (the adapter enables it only when
serving). No MkDocs import here: the adapter stores and restores what these hold.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def digest(*parts: object) -> str:
    """A stable fingerprint of ``parts`` (strings as they are, anything else as sorted JSON)."""
    sha = hashlib.blake2b(digest_size=16)
    for part in parts:
        text = part if isinstance(part, str) else json.dumps(part, sort_keys=True, default=str, ensure_ascii=False)
        sha.update(text.encode("utf-8", "surrogatepass"))
        sha.update(b"\0")
    return sha.hexdigest()


def folder_fingerprint(folder: Path | None) -> str:
    """Names, sizes and modification times of the files under ``folder`` (theme overrides)."""
    if folder is None or not folder.is_dir():
        return ""
    return digest([(p.relative_to(folder).as_posix(), s.st_size, s.st_mtime_ns)
                   for p in sorted(folder.rglob("*")) if p.is_file() and (s := p.stat())])


def file_text(path: Path | None) -> str:
    """The text of ``path`` (``mkdocs.yml``), or an empty string when there is none."""
    try:
        return path.read_text(encoding="utf-8") if path else ""
    except OSError:
        return ""


@dataclass(frozen=True)
class Rendered:
    """What ``Page.render`` and ``on_page_content`` leave on a page, for one key."""

    key: str
    content: str
    toc: Any  # MkDocs' TableOfContents: plain titles, ids and levels, no file objects
    title: str | None
    anchors: frozenset[str]
    links: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # linked file's src → (anchor, link)


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

    def rendered(self, src: str, key: str) -> Rendered | None:
        """The page's rendered HTML from the last build, when its key is the same."""
        kept = self._last_rendered.get(src)
        if kept is None or kept.key != key:
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


REUSED_TEMPLATE = "glossary-reused.html"  # renders the kept output as it is
_REUSED = "glossary_reused_page"


class Reuse:
    """The adapter's side of the cache, on MkDocs' page, file and navigation objects.

    ``before_render`` (from ``on_page_markdown``) makes a page whose rendered key is
    known restore its HTML instead of running Python-Markdown; ``choose_outputs`` (from
    ``on_env``, once every page's title is known) points each page whose output key is
    known at a template that writes the kept HTML; ``keep_output`` (from ``on_post_page``)
    stores what each page's template produced, before anything is added to it.
    """

    def __init__(self) -> None:
        self.cache = PageCache()
        self._config_key = ""
        self._files: object = None
        self._files_key = ""
        self._keys: dict[str, str] = {}
        self._output_keys: dict[str, str] = {}
        self._restored: dict[str, Rendered] = {}
        self._outputs: dict[str, str] = {}

    def start(self, config_file: Path | None, overrides: Path | None, markdown_config: object) -> None:
        """Begin a build: ``mkdocs.yml``, the theme overrides and the Markdown set-up key every page."""
        self.cache.start()
        self._config_key = digest(file_text(config_file), folder_fingerprint(overrides), markdown_config)
        self._files, self._keys, self._output_keys, self._restored, self._outputs = None, {}, {}, {}, {}

    def before_render(self, page: Any, files: Any) -> None:
        if files is not self._files:
            self._files, self._files_key = files, digest(sorted(f.src_uri for f in files))
        src = page.file.src_uri
        key = self._keys[src] = digest(self._config_key, self._files_key, src, page.markdown)
        kept = self.cache.rendered(src, key)
        if kept is not None:
            self._restored[src] = kept
            page.render = lambda config, files: _restore(page, kept, files)  # this page object only

    def restored(self, page: Any) -> str | None:
        """The kept HTML of a page ``before_render`` restored, else None (render it)."""
        kept = self._restored.get(page.file.src_uri)
        return kept.content if kept is not None else None

    def rendered(self, page: Any, html: str) -> None:
        """Keep a freshly rendered page's HTML and what MkDocs read from it."""
        src = page.file.src_uri
        if src not in self._keys:
            return
        links = tuple((target.src_uri, tuple(sorted(anchors.items())))
                      for target, anchors in (page.links_to_anchors or {}).items())
        self.cache.keep_rendered(src, Rendered(self._keys[src], html, page.toc, page._title_from_render,
                                               frozenset(page.present_anchor_ids or ()), links))

    def choose_outputs(self, env: Any, files: Any, nav: Any, extra: Any) -> None:
        """Point each page whose output key is unchanged at ``REUSED_TEMPLATE``.

        ``extra(src)`` is whatever else the adapter hands that page's template (its card).
        """
        import jinja2

        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({REUSED_TEMPLATE: "{{ " + _REUSED + " }}"}), env.loader])
        nav_key = digest(_nav_outline(nav.items) if nav is not None else [])
        for file in files:
            page, src = file.page, file.src_uri
            if page is None or src not in self._keys:
                continue
            neighbours = [(p.title, p.url) if p is not None else None
                          for p in (page.previous_page, page.next_page)]
            key = self._output_keys[src] = digest(self._keys[src], nav_key, page.title, page.meta, neighbours,
                                                  page.canonical_url, page.edit_url, extra(src))
            html = self.cache.output(src, key)
            if html is not None and "template" not in page.meta:
                self._outputs[src] = html
                page.meta["template"] = REUSED_TEMPLATE

    def context(self, context: dict, page: Any) -> dict:
        html = self._outputs.get(page.file.src_uri)
        if html is not None:
            context[_REUSED] = html
        return context

    def keep_output(self, page: Any, html: str) -> None:
        key = self._output_keys.get(page.file.src_uri)
        if key is not None:
            self.cache.keep_output(page.file.src_uri, key, html)

    def finish(self) -> str:
        """Forget pages that are gone; the log line saying what this build rendered."""
        self.cache.forget_missing(self._keys)
        return self.cache.counts.line(len(self._keys))


def _nav_outline(items: Any) -> list:
    """Titles, addresses and nesting of the navigation: every page's sidebar and tabs."""
    return [(item.title, getattr(item, "url", None), _nav_outline(item.children or []))
            for item in items]


def _restore(page: Any, kept: Rendered, files: Any) -> None:
    """What ``Page.render`` would have set, from the last build (same Markdown, same files)."""
    page.content = kept.content
    page.toc = kept.toc
    page._title_from_render = kept.title
    page.present_anchor_ids = set(kept.anchors)
    page.links_to_anchors = {target: dict(anchors) for src, anchors in kept.links
                             if (target := files.get_file_from_path(src)) is not None}
