"""Rebuild: what a preview (``mkdocs serve``) keeps from one build to the next, and the
temporary replacements of MkDocs' functions that route each build through it.

A preview rebuild keeps its site folder and writes only the files that changed
(``site_folder``), writes the generated alias redirects itself instead of adding them as
thousands of MkDocs files, splits each distinct page text's front matter once
(``incremental.FrontMatter``), compiles Material's templates once (``memo``), and lets
Material's search keep the entries of unchanged pages (``search_entries``). MkDocs'
functions are replaced while a build runs and put back when it ends or fails. The MkDocs
adapter passes the modules, classes and plugins to patch in, so this module imports no
MkDocs; a full build uses none of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import site_folder
from .incremental import FrontMatter
from .memo import CompiledTemplates
from .published import Published
from .render import OutputFile
from .search_entries import SearchEntries


class Rebuild:
    """The preview's kept state, and the replacements in place for the build under way."""

    def __init__(self) -> None:
        self.folder = site_folder.SiteFolder()  # unchanged files are not written again
        self.search_entries = SearchEntries()  # unchanged pages are not indexed again
        self.front_matter = FrontMatter()  # each page's front matter read once
        self._compiled = CompiledTemplates()  # Material's templates compiled once
        self._redirects: list[OutputFile] = []  # the generated HTML files the site folder writes itself
        self._undo: Callable[[], None] | None = None

    def begin(self, *, utils: Any, meta: Any, file_class: Any, plugins: Iterable[Any]) -> None:
        """Route the build's writes through the site folder and its front matter through ours.

        ``utils`` is ``mkdocs.utils``, ``meta`` ``mkdocs.utils.meta``, ``file_class`` MkDocs'
        ``File``; of ``plugins``, Material's search (the one with a ``search_index``) gets its
        index wrapped by ``search_entries``, which ``finish`` unwraps.
        """
        self._redirects = []
        undo_writes = site_folder.routed(self.folder, utils, file_class)
        get_data = meta.get_data
        meta.get_data = self.front_matter.wrap(get_data)  # each distinct page text split once

        def undo() -> None:
            undo_writes()
            meta.get_data = get_data
        self._undo = undo
        for plugin in plugins:
            if hasattr(plugin, "search_index"):  # Material's search: unchanged pages keep their entries
                self.search_entries.wrap(plugin.search_index)

    def writes_itself(self, output: OutputFile) -> bool:
        """Whether ``output`` is a generated HTML file that is no page (a redirect): then the site
        folder writes it in ``start_pages`` instead of MkDocs (not 10,000 MkDocs files)."""
        if not output.is_page and output.src.endswith(".html"):
            self._redirects.append(output)
            return True
        return False

    def start_pages(self, env: Any, site_dir: str) -> None:
        """Before the pages, as MkDocs would write them: the compiled templates, the redirects
        (no theme file is under terms/)."""
        env.bytecode_cache = self._compiled
        for output in self._redirects:
            self.folder.write(output.content.encode("utf-8"), str(Path(site_dir) / output.src))

    def publish(self, items: Iterable[Published], site_dir: str) -> None:
        """The files published beside the pages, through the site folder (only changed ones written)."""
        for item in items:
            self.folder.put(item.content, str(Path(site_dir) / item.path))

    def finish(self, site_dir: str) -> str:
        """End the build's search entries and site folder; the line reporting what was written."""
        self.search_entries.finish()
        return self.folder.line(self.folder.finish(site_dir))

    def restore(self) -> None:
        """Put MkDocs' own functions back (once: a later call does nothing)."""
        if self._undo is not None:
            self._undo, undo = None, self._undo
            undo()
