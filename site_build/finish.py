"""``glossary finish SITE``: the post-build steps the MkDocs adapter runs, for a Zensical site.

Zensical builds the project ``glossary export --engine zensical`` wrote, but runs none of
our plugin's hooks. This does what they do, on the built files: the published files
(SKOS, CSV, ``objects.inv``, ``llms.txt``, Markdown twins) are copied in; the search index
keeps one entry per generated page (``search.compact_index``); the sitemap drops draft
(noindex) pages and gets each page's ``lastmod``; and every page's article is sanitised
(``htmlsafe``) and the page gets its Content-Security-Policy ``<meta>`` (``csp``), hashing
the inline scripts Zensical wrote. Run again on a finished site (a retried deploy
step), it changes nothing.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from html import escape
from pathlib import Path

from . import csp
from .htmlsafe import sanitize_html
from .problems import Problem
from .published import EXPORT_FOLDER
from .search import compact_index
from .zensical import MANIFEST

SEARCH_FILES = ("search.json", "search/search_index.json")  # Zensical's, Material's
_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.DOTALL)
_POLICY = 'http-equiv="Content-Security-Policy"'
_LOC = re.compile(r"<loc>([^<]*)</loc>")


def finish(site: Path, export: Path) -> list[Problem]:
    """Finish ``site`` from the export folder ``export``; the problems that stopped it, if any."""
    manifest_file = export / MANIFEST
    if not (site / "index.html").is_file():
        return [Problem(str(site), 1, 1, "error", "io-error",
                        "no index.html here; run 'zensical build' in the export folder first, then finish its site/")]
    if not manifest_file.is_file():
        return [Problem(str(manifest_file), 1, 1, "error", "io-error",
                        "not found; write the project with 'glossary export DIR --engine zensical' "
                        "(or name it with --export DIR)")]
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    if (export / EXPORT_FOLDER).is_dir():
        shutil.copytree(export / EXPORT_FOLDER, site, dirs_exist_ok=True)
    compact_search(site, manifest["search"])
    write_sitemap(site, manifest["site_url"], manifest["lastmod"], set(manifest["noindex"]), manifest["fallback_lastmod"])
    for page in sorted(site.rglob("*.html")):
        page.write_text(finished_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    return []


def finished_page(html: str) -> str:
    """One page, sanitised and with its policy; a page that has a policy is left as it is."""
    if _POLICY in html:
        return html
    html = _ARTICLE.sub(lambda m: m.group(1) + sanitize_html(m.group(2)) + m.group(3), html, count=1)
    return csp.with_policy(html)


def compact_search(site: Path, texts: dict[str, str]) -> None:
    """Reduce the engine's search index to one entry per generated page (either format)."""
    for name in SEARCH_FILES:
        index_file = site / name
        if not index_file.is_file():
            continue
        index = json.loads(index_file.read_text(encoding="utf-8"))
        key = "items" if "items" in index else "docs"
        if _compacted(index[key], texts):
            continue  # finished before: compacting again would drop the section titles each entry kept
        compacted = compact_index({**index, "docs": index[key]}, texts)
        result = {**index, key: compacted["docs"]}
        index_file.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _compacted(docs: list[dict], texts: dict[str, str]) -> bool:
    """Whether ``docs`` is an index this step wrote: one entry per generated page, with no
    section entries, each holding that page's compact text (a fresh index has the sections)."""
    entries = [doc for doc in docs if doc["location"].partition("#")[0] in texts]
    return len(entries) == len({doc["location"] for doc in entries}) and all(
        "#" not in doc["location"] and doc.get("text", "").startswith(texts[doc["location"]]) for doc in entries)


def write_sitemap(site: Path, site_url: str, lastmod: dict[str, str], noindex: set[str], fallback: str) -> None:
    """``sitemap.xml`` (and ``.gz``, as MkDocs writes) as our MkDocs override renders it."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    entries = []
    for url in _LOC.findall(sitemap.read_text(encoding="utf-8")):
        location = url[len(site_url):] if url.startswith(site_url) else url
        if location in noindex:
            continue
        day = lastmod.get(location, fallback)
        modified = f"\n         <lastmod>{escape(day)}</lastmod>" if day else ""
        entries.append(f"    <url>\n         <loc>{url}</loc>{modified}\n    </url>")
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(entries) + "\n</urlset>\n")
    sitemap.write_text(text, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
