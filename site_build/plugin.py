"""The MkDocs adapter: the only module that imports MkDocs.

It runs the pipeline in ``on_config``, adds the generated pages in memory in ``on_files``
(term pages ``NOT_IN_NAV``), hands each page its JSON-LD in ``on_page_markdown`` (keeping
large raw HTML blocks out of Python-Markdown until ``on_page_content``: ``raw_blocks``),
writes each page's Content-Security-Policy in ``on_post_page`` and compacts the search index
in ``on_post_build``. A build with problems fails with one ``PluginError`` listing them all;
a preview (``mkdocs serve``) shows them on every page and keeps serving, re-renders only the
pages whose inputs changed (``incremental``), keeps its site folder (``rebuild``) and rests
its content folders' watchers while it builds (``build_pause``). The work is in modules that
import no MkDocs and are handed its objects (``configuration``, ``generation``, ``rebuild``…).
"""

from __future__ import annotations

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

from . import configuration, csp, incremental, memo, page_content, preview, published, raw_blocks, search_index
from .annotations import Annotations
from .build_pause import BuildPause
from .dates import fallback_date
from .generation import Generation, page_conflict
from .problems import Problem, format_text, sort_problems
from .project import Project
from .rebuild import Rebuild

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
    return configuration.project(config, options)


def load_project(config_file: Path) -> Project:
    """Read ``mkdocs.yml`` exactly as ``mkdocs build`` does (MkDocs' own loader and validation).

    MkDocs logs what is wrong with a configuration and then aborts with a generic
    message; the logged lines become the ``ConfigurationError``'s message instead.
    """
    with configuration.logged_errors("mkdocs.config") as messages:
        try:
            config = load_config(str(config_file))
        except Abort as exc:
            raise ConfigurationError("; ".join(messages) or str(exc)) from None
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
        return configuration.problem(config_file, exc)


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.generation = Generation()  # the generated files, and the last good ones while serving
        self.annotations = Annotations()  # each page's JSON-LD, sidebar, dates and social tags
        self.serving = False
        self.problems: tuple[Problem, ...] = ()  # shown on every page while serving
        self._headings = search_index.HeadingsOnly()  # what Material's search reads of a compacted page
        self.reuse: incremental.Reuse | None = None  # serve only: unchanged pages are not rendered again
        self.memo: memo.Memo | None = None  # serve only: the pipeline's unchanged steps are not run again
        self.rebuild = Rebuild()  # serve only: the site folder, search entries… kept across rebuilds
        self.pause = BuildPause()  # serve only: the content folders' watchers do not poll during a build
        self.folder, self.search_entries = self.rebuild.folder, self.rebuild.search_entries  # for reports
        self._nav = None
        self._raw_token = ""  # drawn in on_config, each build: a term's text cannot guess it ("": none taken)
        self._taken: dict[str, raw_blocks.Taken] = {}  # page → its raw HTML blocks kept out of Markdown

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across the rebuilds of one `mkdocs serve`.
        self.serving = command == "serve"
        self.reuse = incremental.Reuse() if self.serving else None
        self.memo = memo.Memo() if self.serving else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.pause.building()  # the first event of a build; on_post_build or on_build_error ends it
        self.project = project_for(config, self.config)
        self._raw_token, self._taken = raw_blocks.new_token(), {}
        generated = self.generation.run(self.project, self.memo, serving=self.serving)
        self.problems = tuple(p for p in generated.problems if p.is_error) if self.serving else ()
        if generated.errors and not self.serving:
            raise PluginError(f"glossary: {len(generated.errors)} error(s) in the term files\n"
                              + format_text(list(generated.problems)))
        for problem in generated.problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        self.annotations = Annotations.of(self.generated, fallback_date(self.project.root), serving=self.serving)
        if self.reuse is not None:
            self.reuse.start(Path(config.config_file_path) if config.config_file_path else None,
                             Path(config.theme.custom_dir) if config.theme.custom_dir else None,
                             [config.markdown_extensions, config.mdx_configs])
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.serving:  # the site folder is kept and only changed files written (site_build.site_folder)
            self.rebuild.begin(utils=mkdocs.utils, meta=mkdocs.utils.meta, file_class=File,
                               plugins=config.plugins.values())

    def on_build_error(self, *, error: Exception) -> None:
        self.rebuild.restore()
        self.pause.built()

    @property
    def generated(self):
        """The files the site is built from (``Generation``): the last good ones while serving."""
        return self.generation.generated

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        clashes = []
        find = files.src_uris.get if self.serving else files.get_file_from_path  # serving: no path parsing
        for output in self.generated.files:
            existing = find(output.src)
            if existing is not None and existing.generated_by is None:
                clashes.append(page_conflict(config.docs_dir, self.project and self.project.root, output))
                files.remove(existing)
            if self.serving and self.rebuild.writes_itself(output):  # a redirect: written in on_env
                continue
            inclusion = InclusionLevel.INCLUDED if output.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, output.src, content=output.content, inclusion=inclusion))
        if clashes and not self.serving:
            raise PluginError(f"glossary: {len(clashes)} error(s) in docs/\n" + format_text(sort_problems(clashes)))
        for clash in clashes:
            log.error(str(clash))
        self.problems = tuple(sort_problems([*self.problems, *clashes]))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.annotations.annotate(page, config.site_url)
        if self.reuse is not None:
            self.reuse.before_render(page, files)
            if self.reuse.restored(page) is not None:
                return markdown
        taken = raw_blocks.take(markdown, self._raw_token)  # put back in on_page_content
        if taken.blocks:
            self._taken[page.file.src_uri] = taken
        return taken.markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Every page's HTML, generated or hand-written: raw blocks back, unsafe URLs removed."""
        return page_content.finished(html, page, self._taken, lambda: page.render(config, files), self.reuse)

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self._nav = nav  # the preview's output keys read its titles once every page is read
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.serving:
            self.rebuild.start_pages(env, config.site_dir)
        if self.reuse is not None:
            self.reuse.choose_outputs(env, files, self._nav, self.annotations.output_key)
        return env

    def _reused_page(self, context, *, page: Page, config: MkDocsConfig, nav):
        return self.reuse.context(context, page) if self.reuse is not None else context

    @event_priority(50)  # before Material's search plugin reads the page
    def _search_reads_headings(self, context, *, page: Page, config: MkDocsConfig, nav):
        self._headings.hide(page, self.annotations.search_texts)
        return context

    @event_priority(-50)  # after it
    def _page_reads_everything(self, context, *, page: Page, config: MkDocsConfig, nav):
        self._headings.show(page)
        return context

    def _social_meta(self, context, *, page: Page, config: MkDocsConfig, nav):
        self.annotations.add_social(page, config)  # OpenGraph and Twitter tags for overrides/main.html
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
            self.rebuild.publish(self.generated.published, config.site_dir)
        else:
            published.write_all(self.generated.published, Path(config.site_dir))
        # MkDocs' write_file is the site folder's when serving
        search_index.compact_file(config.site_dir, self.annotations.search_texts, mkdocs.utils.write_file)
        if self.serving:
            log.info(self.rebuild.finish(config.site_dir))
        self.rebuild.restore()
        self.pause.built()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        folders = Generation.watched(self.project)
        for folder in folders:
            server.watch(str(folder))
        self.pause.hold(server.observer.emitters, folders)  # LiveReloadServer's watchdog observer
        logging.getLogger("mkdocs.livereload").addFilter(preview.QuietRootRedirect())
        log.info(f"previewing {len(self.generated.files)} generated files at {server.url}")
        return server
