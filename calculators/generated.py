"""Generate every calculator's ``Artifact`` from its SymPy definition (the slow path).

``artifacts`` calls this only when ``generated.json`` does not match the sources. The
``python`` snippet is what a page offers for copying and exactly what ``compute``
executes; the JavaScript and MathML come from the same definition.
"""

from __future__ import annotations

import inspect
from typing import Any

from . import REGISTRY, codegen, codegen_solvers, exact, tier_search, tiers
from .artifacts import Artifact
from .definitions import DEFINITIONS
from .formula import formula_html, legend_rows, working_rows
from .spec import CalculatorSpec


def generate_all() -> dict[str, Artifact]:
    return {calc_id: generate(calc.spec) for calc_id, calc in REGISTRY.items()}


def generate(spec: CalculatorSpec) -> Artifact:
    defn = DEFINITIONS[spec.id]
    function = codegen.python_function(defn, spec)
    helpers = [codegen.python_checks("check_choice(" in function)]
    helpers += [inspect.getsource(tiers.tier_lookup)] if "tiers" in spec.input_names else []
    helpers += [inspect.getsource(tier_search.tier_for)] if "tier_for(" in function else []
    helpers += [inspect.getsource(exact.floor_quotient)] if "floor_quotient(" in function else []
    helpers += [codegen.NO_SOLUTION_PY] if "NoSolution(" in function else []
    python = "\n\n".join([codegen.PY_IMPORTS, *helpers, function])
    js_function = codegen.javascript_function(defn, spec)
    solutions = {target: codegen_solvers.closed_form(defn, target) for target in defn.closed_form_solves}  # sympy.solve once each
    sections = ("checks", "erfc", "tierLookup", "tierFor", "floorQuotient", "NoSolution")
    js_helpers = [codegen.runtime_section(name) for name in sections
                  if f"{name}(" in js_function or (name == "tierLookup" and "tierFor(" in js_function)
                  or (name == "checks" and "checkOutputs(" in js_function)]
    return Artifact(
        python=python,
        javascript="\n".join([*js_helpers, js_function]),
        python_solvers={**{t: codegen_solvers.python_solver(defn, spec, t, x) for t, x in solutions.items()},
                        **{t: codegen_solvers.python_bounds(defn, spec, t) for t in defn.numeric_solves}},
        javascript_function=js_function,
        javascript_solvers={**{t: codegen_solvers.javascript_solver(defn, spec, t, x) for t, x in solutions.items()},
                            **{t: codegen_solvers.javascript_bounds(defn, spec, t) for t in defn.numeric_solves}},
        metadata=metadata(spec),
        formula_html=formula_html(defn),
        legend=tuple(legend_rows(defn, spec)),
        numeric_solves={name: tuple(bracket) for name, bracket in defn.numeric_solves.items()},
        python_steps=codegen.python_steps(defn, spec),
        javascript_steps=codegen.javascript_steps(defn, spec),
        working=tuple(working_rows(defn)))


def metadata(spec: CalculatorSpec) -> dict[str, Any]:
    """What the widget runtime needs to know about a calculator, as JSON-ready data."""
    defn = DEFINITIONS[spec.id]
    return {
        "id": spec.id,
        "inputs": [{"name": i.name, "label": i.label, "kind": i.kind, "low": i.low, "high": i.high,
                    "lowOpen": i.low_open, "choices": list(i.choices), "bounds": i.bounds_text,
                    "fallback": i.fallback} for i in spec.inputs],
        "outputs": list(spec.output_names),
        "primary": defn.primary,
        "numericSolves": {name: list(bracket) for name, bracket in defn.numeric_solves.items()},
        "closedFormSolves": list(defn.closed_form_solves),
        "tierSupplies": [name for name in tiers.TIER_OUTPUTS if name in spec.input_names],
    }
