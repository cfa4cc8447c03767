"""A glossary project on disk, and the one function that turns it into site files.

Both the MkDocs adapter and ``glossary export`` call ``generate``, so the pages MkDocs
builds and the Markdown written for another engine are the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .dates import DateBook
from .pipeline import link, load, paused_gc
from .problems import Problem, sort_problems
from .render import OutputFile, Renderer, Settings, make_environment, render_site


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
    files: tuple[OutputFile, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def generate(project: Project) -> Generated:
    """Read, validate, link and render; on any error, return only the problems."""
    with paused_gc():
        return _generate(project)


def _generate(project: Project) -> Generated:
    loaded = load(project.root, project.terms_dir)
    linked = link(loaded)
    problems = tuple(sort_problems([*loaded.problems, *linked.problems]))
    if any(p.is_error for p in problems):
        return Generated((), problems)
    template_dir = project.root / project.templates_dir
    if not template_dir.is_dir():
        missing = Problem(project.templates_dir, 1, 1, "error", "missing-folder",
                          f"no templates folder at {template_dir}; restore '{project.templates_dir}/'")
        return Generated((), problems + (missing,))
    renderer = Renderer(loaded.glossary, linked, DateBook(project.root, project.terms_dir),
                        project.settings, make_environment(template_dir), widget=_widget_renderer())
    return Generated(tuple(render_site(renderer, _extra_pages)), problems)


def _widget_renderer():
    try:
        from calculators.widget import render_widget
    except ImportError:
        return lambda term: ""
    return render_widget


def _extra_pages(renderer: Renderer) -> list[OutputFile]:
    try:
        from calculators.pages import calculator_pages
    except ImportError:
        return []
    return calculator_pages(renderer)
