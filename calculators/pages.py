"""The calculator pages (``/calculators/<id>/``) and the widget script, as site files.

Called by the pipeline with its ``Renderer``, so the pages share the site's templates,
link style and JSON-LD. Each page carries the widget, the formula, the conventions and
provenance from ``notes.yml``, generated snippets, and the terms that use it.
"""

from __future__ import annotations

import functools
import shlex
from pathlib import Path
from typing import Any

import yaml

from . import REGISTRY, Calculator
from .artifacts import artifact, bundle
from .widget import js_string, widget_html

NOTES = Path(__file__).with_name("notes.yml")
SCRIPT = "assets/calculators.js"


@functools.cache
def notes() -> dict[str, Any]:
    return yaml.safe_load(NOTES.read_text(encoding="utf-8"))


def calculator_pages(renderer: Any) -> list[Any]:
    """One page per calculator, then the widget script every page loads."""
    from site_build import jsonld, urls
    from site_build.render import OutputFile

    files = []
    for calc in REGISTRY.values():
        here = urls.calculator_page(calc.id)
        users = [t for t in renderer.glossary.terms if t.calculator == calc.id and t.listed]
        content = renderer.render_template(
            "calculator.md.j2", calc=calc, here=here, terms=users, notes=notes()[calc.id],
            widget=widget_html(calc, {}), formula=artifact(calc.id).formula_html, legend=artifact(calc.id).legend,
            python=artifact(calc.id).python.rstrip(), javascript=artifact(calc.id).javascript.rstrip(),
            command=cli_example(calc))
        graph = jsonld.simple_page_graph(renderer.settings.site_url, here, calc.title,
                                         [("Calculators", urls.CALCULATORS), (calc.title, here)])
        files.append(OutputFile(here, content, graph))
    files.append(OutputFile(SCRIPT, bundle(list(REGISTRY))))
    return files


def cli_example(calc: Calculator) -> str:
    """A ``glossary calc`` command line with the calculator's default inputs."""
    args = ["glossary", "calc", calc.id]
    for item in calc.inputs:
        if item.optional or item.kind == "tiers":
            continue
        value = item.default if item.kind == "choice" else js_string(item.default)
        args += [f"--{item.name.replace('_', '-')}", str(value)]
    return shlex.join(args)
