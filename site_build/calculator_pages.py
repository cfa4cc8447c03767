"""The calculator pages (``/calculators/<id>/``), the term-page widget and the widget script.

The site's side of the calculators: it renders them with the site's templates, URLs and
JSON-LD, using only the ``calculators`` package's public API (``REGISTRY``, ``artifacts``,
``notes``, ``widget_html``). The package itself knows nothing of the site. Each page
carries the widget, the formula, the conventions and provenance, generated snippets,
and the terms that use it.

``calculators`` is imported inside each function, not at module level, so a preview that
drops the package from ``sys.modules`` after an edit renders the edited one.
"""

from __future__ import annotations

import shlex
from typing import Any

from . import jsonld, urls
from .model import Term
from .render import OutputFile, Renderer
from .search import search_text

SCRIPT = "assets/calculators.js"


def term_widget(term: Term) -> str:
    """The widget for a term with ``calculator:`` (its ``example:`` as the inputs), else ``""``."""
    if not term.calculator:
        return ""
    import calculators
    from calculators.widget import widget_html

    return widget_html(calculators.get(term.calculator), dict(term.example or {}))


def calculator_pages(renderer: Renderer) -> list[OutputFile]:
    """One page per calculator, then the widget script every page loads."""
    import calculators
    from calculators.artifacts import artifact, bundle
    from calculators.notes import notes
    from calculators.widget import widget_html

    files = []
    for calc in calculators.REGISTRY.values():
        here = urls.calculator_page(calc.id)
        made = artifact(calc.id)
        users = [t for t in renderer.glossary.terms if t.calculator == calc.id and t.listed]
        content = renderer.render_template(
            "calculator.md.j2", calc=calc, here=here, terms=users, notes=notes()[calc.id],
            widget=widget_html(calc, {}), formula=made.formula_html, legend=made.legend,
            python=made.python.rstrip(), javascript=made.javascript.rstrip(), command=cli_example(calc))
        graph = jsonld.simple_page_graph(renderer.settings.site_url, here, calc.title,
                                         [("Calculators", urls.CALCULATORS), (calc.title, here)])
        # Found by title, summary and headings; the code snippets are not what a reader searches.
        files.append(OutputFile(here, content, graph, search=search_text(calc.summary)))
    files.append(OutputFile(SCRIPT, bundle(list(calculators.REGISTRY))))
    return files


def cli_example(calc: Any) -> str:
    """A ``glossary calc`` command line with the calculator's default inputs."""
    from calculators.widget import js_string

    args = ["glossary", "calc", calc.id]
    for item in calc.inputs:
        if item.optional or item.kind == "tiers":
            continue
        value = item.default if item.kind == "choice" else js_string(item.default)
        args += [f"--{item.name.replace('_', '-')}", str(value)]
    return shlex.join(args)
