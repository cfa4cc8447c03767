"""The extension point through which a site gets its calculators: passed in, never looked for.

The pipeline does not import the ``calculators`` package. Whoever runs it (the MkDocs
plugin, ``glossary check``, ``export`` and ``new``) hands ``load``/``check``/``generate``
a ``Calculators`` value; tests of fixture glossaries hand ``NO_CALCULATORS``. ``installed``
and ``registry`` wire up the package shipped alongside by importing it directly, so a
mistake inside the package fails as that mistake (its own ``ImportError``), never as an
"unknown calculator" on every term that names one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Term
    from .render import OutputFile, Renderer


def _no_widget(term: Term) -> str:
    return ""


def _no_pages(renderer: Renderer) -> list[OutputFile]:
    return []


@dataclass(frozen=True)
class Calculators:
    """What the site knows of its calculators.

    ``registry`` maps ids to metadata (title, summary, inputs: what validation and the
    index page read); ``widget`` gives a term page its widget HTML; ``pages`` renders the
    calculator pages and the widget script.
    """

    registry: Mapping[str, Any] = field(default_factory=dict)
    widget: Callable[[Term], str] = _no_widget
    pages: Callable[[Renderer], list[OutputFile]] = _no_pages
    extra: tuple[tuple[str, str, str], ...] = ()  # (page id, title, summary): pages beyond the registry, indexed too


NO_CALCULATORS = Calculators()


def registry() -> Mapping[str, Any]:
    """The shipped calculators' metadata only: all ``glossary check`` needs (no SymPy, no MkDocs)."""
    import calculators

    return calculators.REGISTRY


def installed() -> Calculators:
    """The shipped ``calculators`` package, wired up for rendering (imported afresh on each call)."""
    from . import calculator_pages

    return Calculators(registry(), calculator_pages.term_widget, calculator_pages.calculator_pages,
                       calculator_pages.EXTRA_PAGES)
