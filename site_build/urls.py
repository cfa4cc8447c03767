"""Where every generated page lives, and how pages link to each other.

Pages are addressed by MkDocs source paths (``terms/x.md``); all links between them
are relative, so the site works under any sub-path (``/<repo>/`` on GitHub Pages).
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import urlsplit

HOME = "index.md"
AREAS = "areas/index.md"
TAGS = "tags/index.md"
CALCULATORS = "calculators/index.md"
CONTRIBUTE = "contribute.md"
GLOSSARY_JSON = "glossary.json"


def term_page(term_id: str) -> str:
    return f"terms/{term_id}.md"


def calculator_page(calc_id: str) -> str:
    return f"calculators/{calc_id}.md"


def redirect_page(slug: str) -> str:
    """A generated HTML file (not Markdown), so it stays out of nav, search and sitemap."""
    return f"terms/{slug}/index.html"


def area_page(area_id: str, number: int = 1) -> str:
    return f"areas/{area_id}.md" if number == 1 else f"areas/{area_id}/page/{number}.md"


def tag_page(tag_id: str) -> str:
    return f"tags/{tag_id}.md"


def url_path(src: str) -> str:
    """The directory-style URL path of a source file, relative to the site root."""
    if src.endswith("index.html"):
        return src[: -len("index.html")]
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def absolute(site_url: str, src: str) -> str:
    """The absolute URL of a page, for JSON-LD and canonical links."""
    return site_url.rstrip("/") + "/" + url_path(src)


def file_url(site_url: str, path: str) -> str:
    """The absolute URL of a file served as it is (a card, a published file): no page folder."""
    return site_url.rstrip("/") + "/" + path


def preview_address(site_url: str, dev_addr: str = "127.0.0.1:8000") -> str:
    """The address ``mkdocs serve`` answers on: ``dev_addr`` plus the path of ``site_url``.

    MkDocs serves the site under the path part of ``site_url`` (``/glossary/`` for a
    GitHub Pages project site), so ``http://127.0.0.1:8000/`` alone is a 404. A server
    bound to every interface (``0.0.0.0``) is opened through the loopback address.
    """
    host, _, port = dev_addr.strip().rpartition(":")
    host = host.strip("[]")
    if host in ("", "0.0.0.0", "::"):
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    path = urlsplit(site_url or "/").path.strip("/")
    return f"http://{host}:{port or 8000}/" + (f"{path}/" if path else "")


def href(from_src: str, to_src: str, anchor: str = "") -> str:
    """A relative Markdown link from one source file to another (MkDocs resolves ``.md``)."""
    return _relative(to_src, posixpath.dirname(from_src)) + (f"#{anchor}" if anchor else "")


def html_href(from_src: str, to_src: str) -> str:
    """A relative link between built pages (for generated HTML that MkDocs does not rewrite)."""
    relative = _relative(url_path(to_src).rstrip("/"), url_path(from_src).rstrip("/"))
    return relative + "/" if relative else "./"


@functools.lru_cache(maxsize=65536)  # every term page links to the same areas, tags and hubs
def _relative(target: str, folder: str) -> str:
    """``posixpath.relpath(target, folder)`` for site-relative paths, without its cost.

    Both are relative to the site root and free of ``.`` and ``..``; relpath would also
    resolve them against the working directory, which dominated rendering.
    """
    target_parts = [part for part in target.split("/") if part]
    folder_parts = [part for part in folder.split("/") if part]
    common = 0
    while common < min(len(target_parts), len(folder_parts)) and target_parts[common] == folder_parts[common]:
        common += 1
    return "/".join([".."] * (len(folder_parts) - common) + target_parts[common:])
