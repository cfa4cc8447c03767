"""Generation: the glossary's generated files for each build of one MkDocs run.

A full build runs the pipeline once with the installed calculators. A preview
(``mkdocs serve``) runs it on every rebuild: it reloads the calculators package when a
file under it changed, turns a broken edit there into a problem at the file and line it
came from, remembers unchanged steps (``memo``), and keeps the last good files to show
under the problems (a placeholder home page when no build was good yet). A generated
page whose path a hand-written page in ``docs/`` already has is a ``page-conflict``.
The MkDocs adapter raises, logs and adds the files; this module imports no MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from . import extension, preview
from .memo import Memo
from .problems import Problem
from .project import Generated, Project, generate
from .render import OutputFile


class Generation:
    """The files the site is built from, and the calculators they were made with."""

    def __init__(self) -> None:
        self.generated = Generated()  # the last good build's files (what the site shows)
        self._calculators = preview.calculators_fingerprint()

    def run(self, project: Project, memo: Memo | None, *, serving: bool) -> Generated:
        """This build's files and problems; the site's files change only when it has no error."""
        generated = self._generate(project, memo, serving)
        if not generated.errors:
            self.generated = generated
        elif not self.generated.files:
            self.generated = Generated(preview.placeholder_site())
        return generated

    def _generate(self, project: Project, memo: Memo | None, serving: bool) -> Generated:
        """The site's files, with the calculators wired here (never looked for).

        A preview survives a broken edit to the calculators package too: its exception
        becomes a problem at the file and line it came from, shown over the last good pages.
        """
        if not serving:
            return generate(project, extension.installed())
        self._reload_calculators()
        try:
            calculators = extension.installed()
        except Exception as exc:  # an edit in progress under calculators/
            return Generated((), (preview.calculators_problem(exc, project.root),))
        return preview.remembered(memo, project, lambda: generate(project, calculators))

    @staticmethod
    def watched(project: Project | None) -> list[Path]:
        """The folders whose changes a preview rebuilds for: the project's content, the calculators."""
        folders = [*(project.watched if project else []), preview.calculators_folder()]
        return list(dict.fromkeys(f.resolve() for f in folders if f is not None and f.is_dir()))

    def _reload_calculators(self) -> None:
        fingerprint = preview.calculators_fingerprint()
        if fingerprint != self._calculators:
            preview.forget_calculators()
            self._calculators = fingerprint


def page_conflict(docs_dir: str, root: Path | None, output: OutputFile) -> Problem:
    """The problem of a hand-written page in ``docs_dir`` at ``output``'s path, named from
    the project ``root`` when ``docs_dir`` is inside it."""
    docs = Path(docs_dir).resolve()
    root = root.resolve() if root else docs.parent
    file = docs / output.src
    path = file.relative_to(root).as_posix() if docs.is_relative_to(root) else file.as_posix()
    return Problem(path, 1, 1, "error", "page-conflict",
                   f"this hand-written page has the path of the page generated from "
                   f"{output.origin or 'the glossary'}; move or delete one of them")
