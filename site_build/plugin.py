"""The MkDocs adapter: the only module that imports MkDocs.

It runs the pipeline in ``on_config``, adds the generated pages in memory in
``on_files`` (term pages ``NOT_IN_NAV``), hands each page its JSON-LD as a dict in
``on_page_markdown`` (and keeps its large raw HTML blocks out of Python-Markdown until
``on_page_content``: ``raw_blocks``), writes each page's Content-Security-Policy in ``on_post_page``,
compacts the search index in ``on_post_build``, and watches the content folders under
``mkdocs serve``. A build with problems fails with one ``PluginError`` listing all of
them; a preview (``mkdocs serve``) shows them on every page instead and keeps serving.
A preview rebuild reuses the last build's HTML of every page whose inputs did not change
(``incremental``) and sets the last site aside instead of deleting it first (``preview``).
"""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path

import mkdocs.utils
import mkdocs.utils.meta
from mkdocs.config import config_options as opt
from mkdocs.config import load_config
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import cards, csp, extension, incremental, jsonld, memo, preview, published, raw_blocks, search_entries, site_folder, urls
from .dates import fallback_date
from .problems import Problem, format_text, sort_problems
from .project import Generated, Project, generate
from .render import Settings
from .search import compact_index, headings_only

log = get_plugin_logger(__name__)
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


class _AtLeastOne(opt.Type):
    """A whole number ≥ 1 (``per_page: 0`` would divide an area hub by zero)."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"must be a whole number of at least 1, got {value!r}")
        return value


class GlossaryConfig(Config):
    terms_dir = opt.Type(str, default="terms")
    templates_dir = opt.Type(str, default="templates")
    edit_url = opt.Type(str, default="")
    per_page = _AtLeastOne(default=30)


def project_for(config: MkDocsConfig, options: GlossaryConfig) -> Project:
    """The glossary project an ``mkdocs.yml`` describes: builds and ``glossary export`` share it."""
    if not config.site_url:
        raise PluginError("glossary: set 'site_url' in mkdocs.yml; JSON-LD needs absolute URLs")
    settings = Settings(site_url=config.site_url, edit_url=options.edit_url, per_page=options.per_page,
                        title=config.site_name, description=config.site_description or "")
    return Project(Path(config.config_file_path).parent, settings, options.terms_dir, options.templates_dir)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_project(config_file: Path) -> Project:
    """Read ``mkdocs.yml`` exactly as ``mkdocs build`` does (MkDocs' own loader and validation).

    MkDocs logs what is wrong with a configuration and then aborts with a generic
    message; the logged lines become the ``ConfigurationError``'s message instead.
    """
    collected, logger = _Collect(), logging.getLogger("mkdocs.config")
    logger.addHandler(collected)
    try:
        config = load_config(str(config_file))
    except Abort as exc:
        raise ConfigurationError("; ".join(collected.messages) or str(exc)) from None
    finally:
        logger.removeHandler(collected)
    for plugin in config.plugins.values():
        if isinstance(plugin, GlossaryPlugin):
            return project_for(config, plugin.config)
    raise PluginError(f"{config_file}: the 'glossary' plugin is not in 'plugins'; add '- glossary'")


def read_project(config_file: Path) -> Project | Problem:
    """``load_project`` for callers that stay clear of MkDocs (the CLI): a configuration
    mistake comes back as a ``config-error`` Problem in MkDocs' own words."""
    try:
        return load_project(config_file)
    except MkDocsException as exc:
        return Problem(str(config_file), 1, 1, "error", "config-error", " ".join(str(exc).split()))


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.generated = Generated()
        self.graphs: dict[str, dict] = {}
        self.sidebars: dict[str, dict] = {}  # term pages' section lists, for overrides/main.html
        self.cards: dict[str, str] = {}  # term page → its social card (site_build.cards)
        self.site_card: str | None = None  # every other page's card, when the build drew one
        self.serving = False
        self.problems: tuple[Problem, ...] = ()  # shown on every page while serving
        self.fallback_day = ""
        self.search_texts: dict[str, str] = {}  # generated pages whose index entry compact_index writes
        self._full_content: str | None = None
        self._calculators = preview.calculators_fingerprint()
        self.reuse: incremental.Reuse | None = None  # serve only: unchanged pages are not rendered again
        self.memo: memo.Memo | None = None  # serve only: the pipeline's unchanged steps are not run again
        self.folder = site_folder.SiteFolder()  # serve only: unchanged files are not written again
        self.search_entries = search_entries.SearchEntries()  # serve only: unchanged pages are not indexed again
        self._undo_writes = None
        self._social_tags = cards.social_tags
        self.front_matter = incremental.FrontMatter()  # serve only: each page's front matter read once
        self._redirects: list = []  # serve only: the generated HTML files the site folder writes itself
        self._compiled = memo.CompiledTemplates()  # serve only: Material's templates compiled once
        self._nav = None
        self._raw_token = ""  # drawn in on_config, each build: a term's text cannot guess it ("": none taken)
        self._taken: dict[str, raw_blocks.Taken] = {}  # page → its raw HTML blocks kept out of Markdown

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across the rebuilds of one `mkdocs serve`.
        self.serving = command == "serve"
        self.reuse = incremental.Reuse() if self.serving else None
        self.memo = memo.Memo() if self.serving else None
        # serve only: a page's social tags are worked out once per distinct title, description and card
        self._social_tags = functools.lru_cache(maxsize=1 << 16)(cards.social_tags) if self.serving else cards.social_tags

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project = project_for(config, self.config)
        self.fallback_day = fallback_date(self.project.root)
        self._raw_token, self._taken = raw_blocks.new_token(), {}
        generated = self._generate()
        self.problems = tuple(p for p in generated.problems if p.is_error) if self.serving else ()
        if generated.errors and not self.serving:
            raise PluginError(f"glossary: {len(generated.errors)} error(s) in the term files\n"
                              + format_text(list(generated.problems)))
        for problem in generated.problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        if not generated.errors:
            self.generated = generated
        elif not self.generated.files:
            self.generated = Generated(preview.placeholder_site())
        self.graphs = {f.src: f.jsonld for f in self.generated.files if f.jsonld}
        self.sidebars = {f.src: f.sidebar for f in self.generated.files if f.sidebar}
        self.search_texts = {f.src: f.search for f in self.generated.files if f.search is not None}
        self.cards = cards.page_cards([p.path for p in self.generated.published])
        self.site_card = next((p.path for p in self.generated.published if p.path == cards.SITE_CARD), None)
        if self.reuse is not None:
            self.reuse.start(Path(config.config_file_path) if config.config_file_path else None,
                             Path(config.theme.custom_dir) if config.theme.custom_dir else None,
                             [config.markdown_extensions, config.mdx_configs])
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.serving:  # the site folder is kept and only changed files written (site_build.site_folder)
            undo_writes = site_folder.routed(self.folder, mkdocs.utils, File)
            get_data = mkdocs.utils.meta.get_data
            mkdocs.utils.meta.get_data = self.front_matter.wrap(get_data)  # each distinct page text split once

            def undo() -> None:
                undo_writes()
                mkdocs.utils.meta.get_data = get_data
            self._undo_writes = undo
            for plugin in config.plugins.values():
                if hasattr(plugin, "search_index"):  # Material's search: unchanged pages keep their entries
                    self.search_entries.wrap(plugin.search_index)

    def on_build_error(self, *, error: Exception) -> None:
        self._restore_writes()

    def _restore_writes(self) -> None:
        if self._undo_writes is not None:
            self._undo_writes, undo = None, self._undo_writes
            undo()

    def _generate(self) -> Generated:
        """The site's files, with the calculators wired here (never looked for).

        A preview survives a broken edit to the calculators package too: its exception
        becomes a problem at the file and line it came from, shown over the last good pages.
        """
        if not self.serving:
            return generate(self.project, extension.installed())
        self._reload_calculators()
        try:
            calculators = extension.installed()
        except Exception as exc:  # an edit in progress under calculators/
            return Generated((), (preview.calculators_problem(exc, self.project.root),))
        return preview.remembered(self.memo, self.project, lambda: generate(self.project, calculators))

    def _reload_calculators(self) -> None:
        fingerprint = preview.calculators_fingerprint()
        if fingerprint != self._calculators:
            preview.forget_calculators()
            self._calculators = fingerprint

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        clashes = []
        find = files.src_uris.get if self.serving else files.get_file_from_path  # serving: no path parsing
        self._redirects = []
        for output in self.generated.files:
            existing = find(output.src)
            if existing is not None and existing.generated_by is None:
                clashes.append(Problem(self._docs_path(config, output.src), 1, 1,
                                       "error", "page-conflict",
                                       f"this hand-written page has the path of the page generated from "
                                       f"{output.origin or 'the glossary'}; move or delete one of them"))
                files.remove(existing)
            if self.serving and not output.is_page and output.src.endswith(".html"):
                self._redirects.append(output)  # written by the site folder in on_env: not 10,000 MkDocs files
                continue
            inclusion = InclusionLevel.INCLUDED if output.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, output.src, content=output.content, inclusion=inclusion))
        if clashes and not self.serving:
            raise PluginError(f"glossary: {len(clashes)} error(s) in docs/\n" + format_text(sort_problems(clashes)))
        for clash in clashes:
            log.error(str(clash))
        self.problems = tuple(sort_problems([*self.problems, *clashes]))
        return files

    def _docs_path(self, config: MkDocsConfig, src: str) -> str:
        docs = Path(config.docs_dir).resolve()
        root = self.project.root.resolve() if self.project else docs.parent
        return (docs / src).relative_to(root).as_posix() if docs.is_relative_to(root) else (docs / src).as_posix()

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        src = page.file.src_uri
        graph = self.graphs.get(src)
        if graph is None:  # a hand-written page from docs/
            title = page.meta.get("title") or page.title or src
            graph = jsonld.simple_page_graph(config.site_url, src, str(title), [(str(title), src)])
        page.meta["glossary_jsonld"] = graph
        if src in self.sidebars:
            page.meta["glossary_sidebar"] = self.sidebars[src]
        page.meta["glossary_modified"] = jsonld.date_modified(graph) or self.fallback_day  # the sitemap's lastmod
        page.update_date = page.meta["glossary_modified"]  # sitemap.xml.gz's timestamp, never the clock
        if self.reuse is not None:
            self.reuse.before_render(page, files)
            if self.reuse.restored(page) is not None:
                return markdown
        taken = raw_blocks.take(markdown, self._raw_token)  # put back in on_page_content
        if taken.blocks:
            self._taken[src] = taken
        return taken.markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Every page's HTML, generated or hand-written, with unsafe link and image targets
        removed: the last word on URLs (``htmlsafe``); unchanged when it holds none."""
        from .htmlsafe import sanitize_html  # kept here: one self-contained addition to this adapter

        if self.reuse is None:
            return sanitize_html(self._put_back(html, page, config, files))
        kept = self.reuse.restored(page)
        if kept is None:
            kept = sanitize_html(self._put_back(html, page, config, files))
            self.reuse.rendered(page, kept)
        return kept

    def _put_back(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page's HTML with the raw blocks ``on_page_markdown`` kept out of Markdown back in
        (``raw_blocks``), and their anchors among the page's; the page converted as it was
        written when a marker came out anywhere but alone in its own paragraph."""
        taken = self._taken.pop(page.file.src_uri, None)
        if taken is None:
            return html
        page.markdown = taken.original
        restored = raw_blocks.put_back(html, taken)
        if restored is None:
            page.render(config, files)
            return page.content
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | taken.ids
        return restored

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self._nav = nav  # the preview's output keys read its titles once every page is read
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.serving:
            env.bytecode_cache = self._compiled
            for output in self._redirects:  # before the pages, as MkDocs would (no theme file is under terms/)
                self.folder.write(output.content.encode("utf-8"), str(Path(config.site_dir) / output.src))
        if self.reuse is not None:
            self.reuse.choose_outputs(env, files, self._nav,
                                      lambda src: (self.cards.get(src), self.site_card, src in self.search_texts))
        return env

    def _reused_page(self, context, *, page: Page, config: MkDocsConfig, nav):
        return self.reuse.context(context, page) if self.reuse is not None else context

    @event_priority(50)  # before Material's search plugin reads the page
    def _search_reads_headings(self, context, *, page: Page, config: MkDocsConfig, nav):
        if page.file.src_uri in self.search_texts and page.content is not None:
            self._full_content, page.content = page.content, headings_only(page.content)
        return context

    @event_priority(-50)  # after it
    def _page_reads_everything(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self._full_content is not None:
            page.content, self._full_content = self._full_content, None
        return context

    def _social_meta(self, context, *, page: Page, config: MkDocsConfig, nav):
        """OpenGraph and Twitter tags for overrides/main.html: a term's own card, else the site's."""
        src = page.file.src_uri
        page.meta["glossary_social"] = self._social_tags(
            title=str(page.title or config.site_name), url=page.canonical_url or config.site_url,
            description=str(page.meta.get("description") or config.site_description or config.site_name),
            site_name=config.site_name, site_url=config.site_url, article=src in self.cards,
            card=self.cards.get(src, self.site_card))
        return context

    on_page_context = CombinedEvent(_search_reads_headings, _page_reads_everything, _social_meta, _reused_page)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.reuse is not None:
            self.reuse.keep_output(page, output)
        # Material's search dialog has no accessible name (axe: aria-dialog-name); give it one.
        output = output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)
        return self._finish(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return self._finish(output_content) if template_name.endswith(".html") else output_content

    def _finish(self, page_html: str) -> str:
        """Problems on top while a preview has errors; then the page's policy, after everything else."""
        return csp.with_policy(preview.with_problems(page_html, self.problems), preview=self.serving)

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.reuse is not None:
            log.info(self.reuse.finish())
        if self.serving:
            for item in self.generated.published:
                self.folder.put(item.content, str(Path(config.site_dir) / item.path))
        else:
            published.write_all(self.generated.published, Path(config.site_dir))
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if index_file.is_file():
            texts = {urls.url_path(src): text for src, text in self.search_texts.items()}
            index = json.loads(index_file.read_text(encoding="utf-8"))
            compact = json.dumps(compact_index(index, texts), ensure_ascii=False, separators=(",", ":"))
            mkdocs.utils.write_file(compact.encode("utf-8"), str(index_file))  # the site folder's, when serving
        if self.serving:
            self.search_entries.finish()
            log.info(self.folder.line(self.folder.finish(config.site_dir)))
        self._restore_writes()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        folders = [*(self.project.watched if self.project else []), preview.calculators_folder()]
        for folder in dict.fromkeys(f.resolve() for f in folders if f is not None and f.is_dir()):
            server.watch(str(folder))
        logging.getLogger("mkdocs.livereload").addFilter(preview.QuietRootRedirect())
        log.info(f"previewing {len(self.generated.files)} generated files at {server.url}")
        return server
