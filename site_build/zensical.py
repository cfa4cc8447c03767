"""The project ``glossary export DIR --engine zensical`` writes: a site Zensical builds whole.

Zensical reads ``mkdocs.yml`` but skips plugins it does not know, so it never runs ours:
no generated pages, no JSON-LD handed to the theme, no post-build steps. The export
carries all of it instead:

- ``docs/``: the hand-written pages and assets, and every generated file (pages, alias
  redirects, calculator scripts, ``glossary.json``);
- each page's JSON-LD graph (and a term page's section list) in its front matter as JSON,
  which YAML reads back exactly (every string quoted, so no date or boolean guessing),
  for ``overrides/main.html`` to write with ``tojson`` as under MkDocs;
- links rebased that MkDocs leaves as written, relative to the page's URL (raw HTML, and a
  body's Markdown links to pages, ``../../calculators/x/``): Zensical reads every link
  relative to the Markdown file;
- ``overrides/`` (the theme's, less MkDocs' ``sitemap.xml``, which Zensical cannot render),
  a ``mkdocs.yml`` without the glossary plugin, and for ``glossary finish`` the published
  files (``published/``) and ``finish.json`` (search texts, sitemap dates, noindex pages).
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path

import yaml

from . import jsonld, published, urls
from .dates import fallback_date
from .project import Generated

DOCS, OVERRIDES, SITE, CONFIG = "docs", "overrides", "site", "mkdocs.yml"
MANIFEST = "finish.json"
MKDOCS_ONLY_TEMPLATES = ("sitemap.xml",)  # renders MkDocs' `pages` context, which Zensical lacks

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_URL_ATTRIBUTE = re.compile(r'(?P<lead>\s(?:href|src)=")(?P<url>[^"#?:][^":]*)(?=")')
_MARKDOWN_LINK = re.compile(r"(?P<lead>\]\()(?P<url>[^)\s#?:<][^)\s:]*)(?=[)\s])")
_H1 = re.compile(r"^# (.+)$", re.MULTILINE)


def write_project(root: Path, config: dict, generated: Generated, target: Path) -> int:
    """Write the whole Zensical project for ``generated`` under ``target``; the file count.

    ``config`` is ``mkdocs.yml`` as plain YAML; its ``docs_dir`` and ``theme.custom_dir``
    are read from ``root``.
    """
    docs, site_url = target / DOCS, config["site_url"]
    written = _copy_hand_written(root / config.get("docs_dir", "docs"), docs, site_url)
    for output in generated.files:
        content = with_jsonld(output.src, output.content, output.jsonld, output.sidebar) if output.is_page \
            else output.content
        _write(docs / output.src, content)
    _copy_overrides(root, config, target / OVERRIDES)
    _write(target / CONFIG, zensical_config(config))
    published.write_all(generated.published, target / published.EXPORT_FOLDER)
    finishing = manifest(generated, site_url, fallback_date(root))
    _write(target / MANIFEST, json.dumps(finishing, indent=1, ensure_ascii=False, sort_keys=True))
    return written + len(generated.files)


def zensical_config(config: dict) -> str:
    """``mkdocs.yml`` for the export: folders inside it, and no plugin Zensical would skip."""
    theme = {**(config.get("theme") or {}), "variant": "classic"}  # Material's look and markup (search, header)
    if theme.get("custom_dir"):
        theme["custom_dir"] = OVERRIDES
    plugins = [p for p in config.get("plugins") or [] if (p if isinstance(p, str) else next(iter(p))) == "search"]
    exported = {**config, "docs_dir": DOCS, "site_dir": SITE, "theme": theme, "plugins": plugins}
    header = "# Written by `glossary export --engine zensical`; build with `zensical build`, then `glossary finish site`.\n"
    return header + yaml.safe_dump(exported, sort_keys=False, allow_unicode=True, width=1000)


def with_jsonld(src: str, markdown: str, graph: dict | None, sidebar: dict | None = None) -> str:
    """A page's Markdown with its JSON-LD (and section list) in the front matter, links rebased."""
    extra = "".join(f"{key}: {json.dumps(value, ensure_ascii=True, sort_keys=True)}\n"
                    for key, value in (("glossary_jsonld", graph), ("glossary_sidebar", sidebar)) if value)
    match = _FRONT_MATTER.match(markdown)
    if match:
        markdown = f"---\n{match.group(1)}{extra}---\n" + markdown[match.end():]
    elif extra:
        markdown = f"---\n{extra}---\n\n" + markdown
    return rebase_links(src, markdown)


def rebase_links(src: str, markdown: str) -> str:
    """Link targets relative to the page's URL made relative to its file.

    ``terms/x.md`` is served at ``terms/x/``: MkDocs leaves raw HTML alone, so our
    templates write ``../../`` for the home page, and a Markdown link to no ``.md`` file
    (a body's ``../../calculators/x/``) as written; Zensical resolves both from ``terms/``.
    Links to ``.md`` files are resolved from the file by both engines and stay. An
    ``index.md`` page is served from its own folder, so nothing changes there.
    """
    page_dir = urls.url_path(src).rstrip("/")
    file_dir = posixpath.dirname(src)
    if page_dir == file_dir:
        return markdown

    def rebase(match: re.Match[str]) -> str:
        url = match.group("url")
        target = posixpath.normpath(posixpath.join(page_dir, url))
        rebased = posixpath.relpath(target, file_dir or ".")
        if url.endswith("/") and not rebased.endswith("/"):
            rebased += "/"
        return match.group("lead") + rebased

    def rebase_markdown(match: re.Match[str]) -> str:
        return match.group(0) if match.group("url").partition("#")[0].endswith(".md") else rebase(match)

    return _MARKDOWN_LINK.sub(rebase_markdown, _URL_ATTRIBUTE.sub(rebase, markdown))


def manifest(generated: Generated, site_url: str, fallback_day: str) -> dict:
    """What ``glossary finish`` needs from the build that Zensical's output does not hold."""
    search, lastmod, noindex = {}, {}, []
    for output in generated.files:
        if not output.is_page:
            continue
        location = urls.url_path(output.src)
        if output.search is not None:
            search[location] = output.search
        if modified := jsonld.date_modified(output.jsonld):
            lastmod[location] = modified
        if "noindex" in str(front_matter(output.content).get("robots", "")):
            noindex.append(location)
    return {"site_url": site_url, "search": search, "lastmod": lastmod, "noindex": noindex,
            "fallback_lastmod": fallback_day}  # what the adapter gives a page without dates


def front_matter(markdown: str) -> dict:
    """A page's front matter as YAML reads it; empty when it has none (or none that parses)."""
    match = _FRONT_MATTER.match(markdown)
    try:
        meta = yaml.safe_load(match.group(1)) if match else {}
    except yaml.YAMLError:
        meta = {}
    return meta if isinstance(meta, dict) else {}


def page_title(markdown: str, src: str) -> str:
    """A hand-written page's name, as the MkDocs adapter takes it: front-matter title, else its H1."""
    title = front_matter(markdown).get("title")
    if title:
        return str(title)
    heading = _H1.search(markdown)
    return heading.group(1).strip() if heading else posixpath.splitext(posixpath.basename(src))[0]


def _copy_hand_written(source: Path, docs: Path, site_url: str) -> int:
    count = 0
    for file in sorted(source.rglob("*")):
        if not file.is_file():
            continue
        src = file.relative_to(source).as_posix()
        if file.suffix == ".md":
            text = file.read_text(encoding="utf-8")
            title = page_title(text, src)
            _write(docs / src, with_jsonld(src, text, jsonld.simple_page_graph(site_url, src, title, [(title, src)])))
        else:
            (docs / src).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, docs / src)
        count += 1
    return count


def _copy_overrides(root: Path, config: dict, target: Path) -> None:
    custom = (config.get("theme") or {}).get("custom_dir")
    if custom and (root / custom).is_dir():
        shutil.copytree(root / custom, target, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(*MKDOCS_ONLY_TEMPLATES, "__pycache__"))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
