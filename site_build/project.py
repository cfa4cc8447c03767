"""A glossary project on disk, and the one function that turns it into site files.

Both the MkDocs adapter and ``glossary export`` call ``generate``, so the pages MkDocs
builds and the Markdown written for another engine are the same.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from . import memo, published
from .dates import DateBook
from .extension import Calculators
from .pages import render_site
from .pipeline import link, load, paused_gc
from .problems import Problem, sort_problems
from .published import Published
from .render import OutputFile, Renderer, Settings, make_environment


@dataclass(frozen=True)
class Project:
    root: Path
    settings: Settings
    terms_dir: str = "terms"
    templates_dir: str = "templates"

    @property
    def watched(self) -> list[Path]:
        """Folders whose changes should rebuild the site under ``mkdocs serve``."""
        return [self.root / name for name in (self.terms_dir, self.templates_dir, "calculators")
                if (self.root / name).is_dir()]


@dataclass(frozen=True)
class Generated:
    """What a build adds: MkDocs files, the files published beside them (written after the
    build, ``site_build.published``), and every problem found."""

    files: tuple[OutputFile, ...] = ()
    problems: tuple[Problem, ...] = field(default=())
    published: tuple[Published, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def generate(project: Project, calculators: Calculators) -> Generated:
    """Read, validate, link and render; on any error, return only the problems.

    ``calculators`` is passed by the caller (``extension.installed()`` for the shipped
    package, ``extension.NO_CALCULATORS`` for none); nothing here looks for it.
    """
    with paused_gc():
        return _generate(project, calculators)


def _generate(project: Project, calculators: Calculators) -> Generated:
    loaded = load(project.root, project.terms_dir, calculators=calculators.registry)
    linked = link(loaded)
    problems = tuple(sort_problems([*loaded.problems, *linked.problems]))
    if any(p.is_error for p in problems):
        return Generated((), problems)
    template_dir = project.root / project.templates_dir
    if not template_dir.is_dir():
        missing = Problem(project.templates_dir, 1, 1, "error", "missing-folder",
                          f"no templates folder at {template_dir}; restore '{project.templates_dir}/'")
        return Generated((), problems + (missing,))
    dates = DateBook(project.root, project.terms_dir)  # one git log pass: pages, history and feed
    env = memo.cached("templates", str(template_dir), lambda: make_environment(template_dir))  # compiled once
    renderer = Renderer(loaded.glossary, linked, dates, project.settings, env, widget=calculators.widget)
    try:
        files = render_site(renderer, calculators)
    except Exception as exc:  # a template's mistake is the contributor's, not a crash
        problem = template_problem(exc, project.root, template_dir)
        if problem is None:
            raise
        return Generated((), problems + (problem,))
    settings = project.settings
    extra = published.everything(loaded.glossary, settings.site_url, settings.title, settings.description, dates,
                                 project.root)
    return Generated(tuple(files), problems, extra)


def template_problem(exc: BaseException, root: Path, template_dir: Path) -> Problem | None:
    """The ``template-error`` for an exception raised while rendering a template, else None.

    Syntax errors carry their file and line; errors at render time are located by the
    innermost traceback frame inside ``template_dir`` (Jinja rewrites frames to point at
    template lines). An exception with no template frame is a bug, not a template error.
    """
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return _template_problem(root, Path(exc.filename), exc.lineno, exc.message or str(exc))
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__)
              if _inside(Path(frame.filename), template_dir)]
    if isinstance(exc, jinja2.TemplateNotFound) and not frames:
        return _template_problem(root, template_dir / str(exc.name), 1, f"template '{exc.name}' not found")
    if not frames:
        return None
    return _template_problem(root, Path(frames[-1].filename), frames[-1].lineno or 1,
                             f"{type(exc).__name__}: {exc}")


def _template_problem(root: Path, file: Path, line: int, message: str) -> Problem:
    try:
        shown = file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = file.as_posix()
    message = " ".join(message.split())
    return Problem(shown, max(1, line), 1, "error", "template-error",
                   f"{message}; fix the template at this line")


def _inside(file: Path, folder: Path) -> bool:
    try:
        file.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True
