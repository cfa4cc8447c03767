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

import posixpath
import shlex
from collections.abc import Sequence
from typing import Any

from . import jsonld, urls
from .accessed import as_date, long_date
from .model import Term
from .render import OutputFile, Renderer
from .search import search_text


def script_tags(here: str, calc_ids: Sequence[str], calls: Sequence[str] = ()) -> str:
    """The ``<script src>`` tags a page with these calculators needs (the runtime's core, the widgets'
    runtime, then one per calculator; without a widget, the core and the ``calls`` only).

    ``calls``: calculators the page's own script computes with, without a widget (compute only).

    They sit in the page content, not in ``<head>``: Material's instant navigation runs the
    scripts of the content it swaps in, and only those. Pages without a widget load none.
    """
    from calculators.scripts import page_scripts

    folder = urls.url_path(here) or "."
    return "\n".join(f'<script src="{posixpath.relpath(script.path, folder)}" defer></script>'
                     for script in page_scripts(calc_ids, calls))


def term_widget(term: Term) -> str:
    """The widget for a term with ``calculator:`` (its ``example:`` as the inputs), else ``""``.

    An embedded widget links to its calculator's page, with the example's inputs in the link.
    """
    if not term.calculator:
        return ""
    import calculators
    from calculators.widget import widget_html

    here = urls.term_page(term.id)
    page = urls.html_href(here, urls.calculator_page(term.calculator))
    return (widget_html(calculators.get(term.calculator), dict(term.widget_inputs or {}), page=page)
            + "\n" + script_tags(here, [term.calculator]))


def tier_table_source() -> dict[str, Any]:
    """The source block of the published tier table the tier editor starts from: title, url,
    the day the table is as of ("as published on") and the day it was read ("accessed")."""
    import json

    from calculators.tiers import EXAMPLE

    source = json.loads(EXAMPLE.read_text(encoding="utf-8"))["source"]
    days = {key: as_date(source.get(key)) for key in ("as published on", "accessed")}
    return {"title": source["title"], "url": source["url"],
            **{key: (day.isoformat(), long_date(day)) if day else None for key, day in days.items()}}


def calculator_pages(renderer: Renderer) -> list[OutputFile]:
    """One page per calculator, then the scripts they load (the runtime's two files and one per calculator)."""
    import calculators
    from calculators.artifacts import artifact
    from calculators.notes import notes
    from calculators.scripts import page_scripts
    from calculators.widget import widget_html

    files = []
    for calc in calculators.REGISTRY.values():
        here = urls.calculator_page(calc.id)
        made = artifact(calc.id)
        users = [t for t in renderer.glossary.terms if t.calculator == calc.id and t.listed]
        content = renderer.render_template(
            "calculator.md.j2", calc=calc, here=here, terms=users, notes=notes()[calc.id],
            widget=widget_html(calc, {}) + "\n" + script_tags(here, [calc.id]),
            formula=made.formula_html, legend=made.legend,
            python=made.python.rstrip(), javascript=made.javascript.rstrip(), command=cli_example(calc),
            tier_table=tier_table_source() if "tiers" in calc.input_names else None)
        graph = jsonld.simple_page_graph(renderer.settings.site_url, here, calc.title,
                                         [("Calculators", urls.CALCULATORS), (calc.title, here)])
        # Found by title, summary and headings; the code snippets are not what a reader searches.
        files.append(OutputFile(here, content, graph, search=search_text(calc.summary)))
    shipped = {script.path: script for calc_id in calculators.REGISTRY for script in page_scripts([calc_id])}
    files += [OutputFile(script.path, script.text) for script in shipped.values()]
    files += builder_pages(renderer)
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


# --- The position builder (/calculators/position-builder/): legs combined into one position ---

BUILDER = "position-builder"
BUILDER_TITLE = "Position builder"
BUILDER_SUMMARY = ("Combine calls, puts, futures and spot into one position: P&L at expiry and before it, "
                   "breakevens, maximum profit and loss, net greeks.")
EXTRA_PAGES = ((BUILDER, BUILDER_TITLE, BUILDER_SUMMARY),)


def builder_pages(renderer: Renderer) -> list[OutputFile]:
    """The builder's page and its script (the maths and the page logic, after black-76's compute function).

    It draws its own chart, so it loads the runtime's core and not the widgets' runtime.
    """
    from calculators.builder_view import builder_html, script_source
    from calculators.scripts import asset, page_scripts

    here = urls.calculator_page(BUILDER)
    script = asset("builder", script_source())
    folder = urls.url_path(here) or "."
    tags = script_tags(here, [], calls=["black-76"]) + f'\n<script src="{posixpath.relpath(script.path, folder)}" defer></script>'
    content = renderer.render_template("position-builder.md.j2", title=BUILDER_TITLE, summary=BUILDER_SUMMARY,
                                       builder=builder_html() + "\n" + tags,
                                       black76=urls.href(here, urls.calculator_page("black-76")))
    graph = jsonld.simple_page_graph(renderer.settings.site_url, here, BUILDER_TITLE,
                                     [("Calculators", urls.CALCULATORS), (BUILDER_TITLE, here)])
    calls = [OutputFile(s.path, s.text) for s in page_scripts([], calls=["black-76"])[1:]]  # the core is written already
    return [OutputFile(here, content, graph, search=search_text(BUILDER_SUMMARY)), OutputFile(script.path, script.text),
            *calls]
