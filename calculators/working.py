"""The "How this was computed" list under a widget's results: every step and output, its
formula (inline MathML, the notation of the formula section) and its value.

The built page holds the values for the example inputs, computed here by the generated
``steps`` function (``Calculator.steps``); ``working.js`` recomputes them with the generated
JavaScript twin after every input, so the list always shows the numbers the code produced.
A value that does not exist (an input error, no solution) shows as "—".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import Any

from .artifacts import artifact
from .calculator import Calculator
from .numbers import display, js_string
from .spec import CalculatorInputError, NoSolution


def working_html(calc: Calculator, inputs: Mapping[str, Any]) -> str:
    """The list for ``inputs`` (the values the widget is built with)."""
    try:
        values: Mapping[str, float] = calc.steps(**inputs)
    except (CalculatorInputError, NoSolution):
        values = {}
    units = {out.name: out.unit for out in calc.outputs}
    rows = [_row(calc.id, name, formula, values.get(name), units.get(name, ""))
            for name, formula in artifact(calc.id).working]
    return ('<details class="calculator-working"><summary>How this was computed</summary>\n'
            '<ol class="calculator-steps">\n' + "\n".join(rows) + "\n</ol>\n</details>")


def _row(calc_id: str, name: str, formula: str, value: float | None, unit: str) -> str:
    shown, data = ("—", "") if value is None else (display(value), js_string(value))
    after = f' <span class="calculator-unit">{escape(unit)}</span>' if unit else ""
    return (f'<li data-step="{escape(name)}">{formula} = '
            f'<span class="calculator-step-value" data-value="{data}">{shown}</span>{after}</li>')


def working_source(calc_id: str) -> str:
    """The registration of a calculator's generated steps function, for its page script."""
    made = artifact(calc_id)
    return f"GlossaryWorking.register({json.dumps(calc_id)}, {made.javascript_steps.strip()});\n"
