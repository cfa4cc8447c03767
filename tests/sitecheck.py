"""Helpers for built-site tests: list pages, find broken internal links, read JSON-LD, catch
what an in-process MkDocs build logs."""

from __future__ import annotations

import contextlib
import json
import logging
import posixpath
import urllib.parse
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path


class PageParser(HTMLParser):
    """Collects link targets, JSON-LD blocks and the refresh target of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.jsonld: list[str] = []
        self.refresh = ""
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.targets.append(attributes[name])
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.refresh = (attributes.get("content") or "").split("url=", 1)[-1]
        self._in_jsonld = tag == "script" and attributes.get("type") == "application/ld+json"
        if self._in_jsonld:
            self.jsonld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_redirect(page: PageParser) -> bool:
    return bool(page.refresh)


def parse_site(site: Path) -> dict[Path, PageParser]:
    """Every HTML page of ``site``, parsed once: for tests that read a large site several times."""
    return {file: parse(file) for file in html_pages(site)}


def broken_links(site: Path, base_path: str = "/", pages: Mapping[Path, PageParser] | None = None) -> list[str]:
    """``page -> target`` for every internal href/src that does not resolve to a file.

    ``base_path`` is the path of ``site_url``: root-relative links (MkDocs uses them
    on the 404 page) must start with it. ``pages``: the site already parsed (``parse_site``).
    """
    files, folders = set(), {"."}  # the tree walked once: a set lookup per link, not two stat calls
    for item in site.rglob("*"):
        (folders if item.is_dir() else files).add(item.relative_to(site).as_posix())
    broken = []
    for file, page in (parse_site(site) if pages is None else pages).items():
        for target in page.targets:
            parsed = urllib.parse.urlsplit(target)
            if parsed.scheme or parsed.netloc or not parsed.path:
                continue
            page_dir = file.parent.relative_to(site).as_posix()
            path = urllib.parse.unquote(parsed.path)
            if path.startswith("/"):
                if not path.startswith(base_path):
                    broken.append(f"{file.relative_to(site)} -> {target} (outside {base_path})")
                    continue
                path, page_dir = path[len(base_path):] or ".", ""
            resolved = posixpath.normpath(posixpath.join(page_dir, path))
            if resolved.startswith(".."):
                broken.append(f"{file.relative_to(site)} -> {target} (leaves the site)")
                continue
            if resolved in folders:
                resolved = posixpath.normpath(posixpath.join(resolved, "index.html"))
            if resolved not in files:
                broken.append(f"{file.relative_to(site)} -> {target}")
    return broken


def jsonld_graphs(page: PageParser) -> list[dict]:
    """Every JSON-LD block, parsed strictly (duplicate keys and NaN refused)."""
    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), f"duplicate keys in JSON-LD: {keys}"
        return dict(pairs)

    def no_constants(name):
        raise ValueError(f"non-JSON constant {name} in JSON-LD")

    return [json.loads(block, object_pairs_hook=no_duplicates, parse_constant=no_constants)
            for block in page.jsonld]


def types_of(graph: dict) -> set[str]:
    return {node["@type"] for node in graph["@graph"]}


@contextlib.contextmanager
def mkdocs_log(level: int = logging.WARNING):
    """The messages an in-process MkDocs build logs at ``level`` and above, caught where
    MkDocs' command line prints them: a handler on the ``mkdocs`` logger (yields the list)."""
    messages: list[str] = []
    handler = logging.Handler(level)
    handler.emit = lambda record: messages.append(record.getMessage())
    logger = logging.getLogger("mkdocs")
    before = logger.level
    logger.addHandler(handler)
    logger.setLevel(level if before == logging.NOTSET else min(before, level))
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(before)
