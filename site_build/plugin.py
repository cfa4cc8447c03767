"""The MkDocs adapter: the only module that imports MkDocs.

It runs the pipeline in ``on_config``, adds the generated pages in memory in
``on_files`` (term pages ``NOT_IN_NAV``), hands each page its JSON-LD as a dict in
``on_page_markdown``, compacts the search index in ``on_post_build``, and watches the
content folders under ``mkdocs serve``.
Problems become one ``PluginError`` listing all of them, or log warnings.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import jsonld, urls
from .problems import format_text
from .project import Generated, Project, generate
from .render import Settings
from .search import compact_index

log = get_plugin_logger(__name__)
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


class GlossaryConfig(Config):
    terms_dir = opt.Type(str, default="terms")
    templates_dir = opt.Type(str, default="templates")
    edit_url = opt.Type(str, default="")
    per_page = opt.Type(int, default=30)


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.generated = Generated()
        self.graphs: dict[str, dict] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.site_url:
            raise PluginError("glossary: set 'site_url' in mkdocs.yml; JSON-LD needs absolute URLs")
        settings = Settings(site_url=config.site_url, edit_url=self.config.edit_url,
                            per_page=self.config.per_page, title=config.site_name,
                            description=config.site_description or Settings.description)
        self.project = Project(Path(config.config_file_path).parent, settings,
                               self.config.terms_dir, self.config.templates_dir)
        self.generated = generate(self.project)
        if self.generated.errors:
            raise PluginError(f"glossary: {len(self.generated.errors)} error(s) in the term files\n"
                              + format_text(list(self.generated.problems)))
        for problem in self.generated.problems:
            log.warning(str(problem))
        self.graphs = {f.src: f.jsonld for f in self.generated.files if f.jsonld}
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for output in self.generated.files:
            inclusion = InclusionLevel.INCLUDED if output.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, output.src, content=output.content, inclusion=inclusion))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        src = page.file.src_uri
        graph = self.graphs.get(src)
        if graph is None:  # a hand-written page from docs/
            title = page.meta.get("title") or page.title or src
            graph = jsonld.simple_page_graph(config.site_url, src, str(title), [(str(title), src)])
        page.meta["glossary_jsonld"] = graph
        modified = [node["dateModified"] for node in graph["@graph"] if "dateModified" in node]
        if modified:
            page.meta["glossary_modified"] = modified[0]  # the sitemap's lastmod
        return markdown

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Material's search dialog has no accessible name (axe: aria-dialog-name); give it one.
        return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if not index_file.is_file():
            return
        texts = {urls.url_path(f.src): f.search for f in self.generated.files if f.search is not None}
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index_file.write_text(json.dumps(compact_index(index, texts), ensure_ascii=False, separators=(",", ":")),
                              encoding="utf-8")

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for folder in self.project.watched if self.project else []:
            server.watch(str(folder))
        return server
