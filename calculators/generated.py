"""Everything generated from one calculator's definition, assembled once and cached.

``python`` and ``javascript`` are the self-contained snippets a page offers for copying
(and ``python`` is also exactly what ``compute`` executes). The widget bundle combines
the hand-written runtime with each calculator's JavaScript and metadata.
"""

from __future__ import annotations

import functools
import inspect
import json
from dataclasses import dataclass
from typing import Any

from . import codegen, tiers
from .definitions import DEFINITIONS
from .spec import CalculatorSpec


@dataclass(frozen=True)
class GeneratedCode:
    python: str  # stdlib-only module text: imports, helpers, the compute function
    javascript: str  # plain JS: the runtime pieces it needs, then the compute function
    python_solvers: dict[str, str]  # closed-form solvers: input -> function text
    javascript_function: str
    javascript_solvers: dict[str, str]


@functools.cache
def generated(spec: CalculatorSpec) -> GeneratedCode:
    defn = DEFINITIONS[spec.id]
    function = codegen.python_function(defn, spec)
    helpers = [inspect.getsource(tiers.tier_lookup)] if "tiers" in spec.input_names else []
    python = "\n\n".join(["import math\n" if "math." in function else "", *helpers, function]).lstrip("\n")
    js_function = codegen.javascript_function(defn, spec)
    solutions = {target: codegen.closed_form(defn, target) for target in defn.closed_form_solves}  # sympy.solve once each
    js_helpers = [codegen.runtime_section(name) for name in ("erfc", "tierLookup")
                  if f"{name}(" in js_function]
    return GeneratedCode(
        python=python,
        javascript="\n".join([*js_helpers, js_function]),
        python_solvers={t: codegen.python_solver(defn, spec, t, x) for t, x in solutions.items()},
        javascript_function=js_function,
        javascript_solvers={t: codegen.javascript_solver(defn, spec, t, x) for t, x in solutions.items()})


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


def bundle(specs: list[CalculatorSpec]) -> str:
    """The widget script: runtime plus every calculator, registered by id."""
    parts = [codegen.RUNTIME_JS.read_text(encoding="utf-8")]
    for spec in specs:
        code = generated(spec)
        solvers = ", ".join(f"{name}: {text.strip()}" for name, text in code.javascript_solvers.items())
        parts.append(f"GlossaryCalculators.register({json.dumps(metadata(spec), ensure_ascii=False)},\n"
                     f"{code.javascript_function.strip()},\n{{{solvers}}});\n")
    parts.append(codegen.WIDGET_JS.read_text(encoding="utf-8"))
    return "\n".join(parts)
