"""Reuse under ``mkdocs serve``: a page whose inputs did not change is not rendered again.

A preview rebuild runs MkDocs' whole loop, but most of its time goes to two steps per
page: Python-Markdown (``Page.render``) and Material's template. After a save, nearly
every page has the same Markdown, the same links and the same theme as before, so both
results are kept from the previous build and handed back when their key is unchanged:

- the *rendered* key: the page's Markdown, its path and the Markdown configuration, and
  every file its links looked up must still resolve to the same address (a term added
  elsewhere re-renders only the pages whose links it changes);
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
from pathlib import Path
from typing import Any

from .page_cache import PageCache, Rendered


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
        self._files: Any = None
        self._rendering: list[tuple[str, str | None]] | None = None  # the lookups of the page being rendered
        self._keys: dict[str, str] = {}
        self._output_keys: dict[str, str] = {}
        self._restored: dict[str, Rendered] = {}
        self._outputs: dict[str, str] = {}
        self._urls: dict[str, str | None] = {}  # this build's address of each path a link looked up

    def start(self, config_file: Path | None, overrides: Path | None, markdown_config: object) -> None:
        """Begin a build: ``mkdocs.yml``, the theme overrides and the Markdown set-up key every page."""
        self.cache.start()
        self._config_key = digest(file_text(config_file), folder_fingerprint(overrides), markdown_config)
        self._files, self._keys, self._output_keys, self._restored, self._outputs = None, {}, {}, {}, {}
        self._rendering, self._urls = None, {}

    def before_render(self, page: Any, files: Any) -> None:
        if files is not self._files:
            self._files, self._urls = files, {}
            self._record_lookups(files)
        src, self._rendering = page.file.src_uri, None
        key = self._keys[src] = digest(self._config_key, src, page.markdown)
        kept = self.cache.rendered(src, key, lambda kept: all(self._url(path) == url for path, url in kept.lookups))
        if kept is not None:
            self._restored[src] = kept
            page.render = lambda config, files: _restore(page, kept, files)  # this page object only
        else:
            self._rendering = []

    def _url(self, path: str) -> str | None:
        """The address of the file at ``path`` in this build (None: no such file), once per path."""
        if path not in self._urls:
            found = self._files.get_file_from_path(path)
            self._urls[path] = found.url if found is not None else None
        return self._urls[path]

    def _record_lookups(self, files: Any) -> None:
        """Note each path a page's links look up while it renders (this ``Files`` only)."""
        find = files.get_file_from_path

        def recorded(path: str) -> Any:
            found = find(path)
            if self._rendering is not None:
                self._rendering.append((path, found.url if found is not None else None))
            return found
        files.get_file_from_path = recorded

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
        lookups, self._rendering = tuple(dict.fromkeys(self._rendering or ())), None
        self.cache.keep_rendered(src, Rendered(self._keys[src], html, page.toc, page._title_from_render,
                                               frozenset(page.present_anchor_ids or ()), links, lookups))

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


class FrontMatter:
    """MkDocs' front-matter split (``mkdocs.utils.meta.get_data``), once per distinct page text.

    Every build splits every page's YAML front matter with PyYAML's pure-Python loader, a
    sixth of a rebuild at 5,000 terms, for the same generated text as last time. While
    serving, the adapter points MkDocs at ``wrap(get_data)``; each call returns its own
    copy of the metadata, which plugins add keys to.
    """

    def __init__(self) -> None:
        self._last: dict[str, tuple[str, dict]] = {}
        self._now: dict[str, tuple[str, dict]] = {}

    def wrap(self, get_data: Any) -> Any:
        """``get_data`` remembered for one build (texts the last build did not split are forgotten)."""
        self._last, self._now = self._now or self._last, {}

        def split(source: str) -> tuple[str, dict]:
            kept = self._now.get(source) or self._last.get(source) or get_data(source)
            self._now[source] = kept
            return kept[0], dict(kept[1])
        return split


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
