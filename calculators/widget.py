"""The in-page widget's HTML, per DESIGN.md's markup contract.

The form is rendered with the example's results already filled in (computed here in
Python), so a reader without JavaScript still sees correct numbers; ``widget.js`` then
takes over and recomputes on every input. Numbers are written by ``numbers``, whose
rules ``runtime.js`` repeats, so the text before and after the script loads is the same.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import Any

from .calculator import Calculator
from .chart_figure import figure_html
from .numbers import display, js_string
from .spec import CalculatorInputError, Input, NoSolution, Output
from .working import working_html


def widget_html(calc: Calculator, example: Mapping[str, Any]) -> str:
    values = {i.name: example.get(i.name, i.default) for i in calc.inputs}
    none = ""
    try:
        outputs, error = calc.compute(**_present(calc, values)), ""
    except CalculatorInputError as exc:
        outputs, error = {}, str(exc)
    except NoSolution as exc:  # shown as widget.js shows it: "none" and the reason
        outputs, error, none = {}, "", str(exc)
    prefix = f"calc-{calc.id}"
    primary = calc.outputs[0]
    lines = [f'<form class="calculator" data-calculator="{calc.id}" novalidate>']
    if calc.solvable:
        lines.append(_solve_select(calc, prefix))
    lines.append('<fieldset class="calculator-inputs"><legend>Inputs</legend>')
    lines += [_field(prefix, item, values[item.name]) for item in calc.inputs]
    if calc.solvable:
        goal = Input(primary.name, f"{primary.label} (target)", primary.unit, outputs.get(primary.name, ""))
        lines.append(_field(prefix, goal, goal.default, extra=" data-goal hidden", disabled=True))
    lines.append('</fieldset>\n<fieldset class="calculator-outputs"><legend>Results</legend>\n'
                 '<div class="calculator-results" aria-live="polite">')
    lines += [_result(prefix, out, outputs.get(out.name), " data-primary" if out is primary else "",
                      "none" if none and out is primary else "—") for out in calc.outputs]
    lines += [_result(prefix, Output(i.name, f"{i.label} (solved)", i.unit), None, " data-solved hidden")
              for i in calc.inputs if i.name in calc.solvable]
    lines.append('</div>')
    if none:
        lines.append(f'<p class="calculator-none" role="status">No result: {escape(none)}.</p>')
    lines.append(working_html(calc, _present(calc, values)))  # "How this was computed" (working.py)
    lines.append(f'</fieldset>\n<p class="calculator-error" role="alert">{escape(error)}</p>')
    lines += [figure_html(calc.id, values, outputs or None, valid=not error), "</form>"]  # the live chart (charts.py)
    return "\n".join(lines)


def _present(calc: Calculator, values: Mapping[str, Any]) -> dict[str, Any]:
    """The values to compute with: an empty tier table counts as absent."""
    return {name: value for name, value in values.items() if not (name == "tiers" and not value)}


def _solve_select(calc: Calculator, prefix: str) -> str:
    options = "".join(f'<option value="{i.name}">{escape(i.label)}</option>' for i in calc.inputs if i.name in calc.solvable)
    return (f'<p class="calculator-solve"><label for="{prefix}-solve">Solve for</label> '
            f'<select id="{prefix}-solve" name="solve"><option value="">nothing: compute the results</option>'
            f'{options}</select></p>')


def _field(prefix: str, item: Input, value: Any, extra: str = "", disabled: bool = False) -> str:
    ident = f"{prefix}-in-{item.name}"
    hint = ", ".join(p for p in (item.unit, item.bounds_text if item.kind == "number" and not extra else "") if p)
    described = f' aria-describedby="{ident}-hint"' if hint else ""
    off = " disabled" if disabled else ""
    if item.kind == "choice":
        options = "".join(f'<option value="{c}"{" selected" if c == value else ""}>{c}</option>' for c in item.choices)
        control = f'<select id="{ident}" name="{item.name}"{off}>{options}</select>'
    elif item.kind == "tiers":
        text = value if isinstance(value, str) else _json(value)
        control = (f'<textarea id="{ident}" name="{item.name}" rows="3" spellcheck="false"{described}{off}>'
                   f'{escape(text)}</textarea>')
    else:
        control = (f'<input id="{ident}" name="{item.name}" type="text" inputmode="decimal" autocomplete="off" '
                   f'value="{escape(js_string(value) if _is_number(value) else str(value))}"{described}{off}>')
    note = f'<small id="{ident}-hint" class="calculator-hint">{escape(hint)}</small>' if hint else ""
    return (f'<div class="calculator-field" data-input="{item.name}"{extra}>'
            f'<label for="{ident}">{escape(item.label)}</label>{control}{note}</div>')


def _result(prefix: str, out: Output, value: float | None, extra: str, absent: str = "—") -> str:
    ident = f"{prefix}-out-{out.name}"
    shown, data = (absent, "") if value is None else (display(value), js_string(value))
    unit = f' <span class="calculator-unit">{escape(out.unit)}</span>' if out.unit else ""
    return (f'<p class="calculator-result" data-output="{out.name}"{extra}><label for="{ident}">{escape(out.label)}</label> '
            f'<output id="{ident}" name="{out.name}" data-value="{data}">{shown}</output>{unit}</p>')


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _json(value: Any) -> str:
    return json.dumps(value) if value else ""
