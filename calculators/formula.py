"""The formula display: each step of a definition as MathML, plus a legend of symbols.

Each step and output is one ``<math display="block">`` equation, set from its display
expression (``display``: conventional order, hand forms where needed) by ``mathml``, in the
same notation as the legend. Browsers render MathML natively, so no script or CDN is
involved. ``working_rows`` gives the same equations, inline, for the widget's
"How this was computed" list.
"""

from __future__ import annotations

from html import escape

from .display import display_expr, shown, symbol_of
from .mathml import mathml
from .spec import CalculatorSpec
from .symbolic import Definition, local

SIGN_MEANINGS = {"side": "+1 for a long, −1 for a short", "option_type": "+1 for a call, −1 for a put",
                 "contract_type": "0 for linear, 1 for inverse"}


def symbol_mathml(defn: Definition, name: str) -> str:
    return mathml(symbol_of(defn, name))


def shown_steps(defn: Definition) -> list[str]:
    """Steps and outputs worth an equation: not an input passed through (``m = m``)."""
    return [name for name, expr in defn.assignments
            if expr != local(name) and shown(defn, expr) != shown(defn, local(name))]


def equation(defn: Definition, name: str) -> str:
    """``symbol = expression`` as the inside of a ``<math>`` element."""
    return f"<mrow>{symbol_mathml(defn, name)}<mo>=</mo>{mathml(display_expr(defn, name))}</mrow>"


def formula_html(defn: Definition) -> str:
    """One display-math block per step and output, in evaluation order."""
    blocks = [f'<math display="block">{equation(defn, name)}</math>' for name in shown_steps(defn)]
    return '<div class="calculator-formula">\n' + "\n".join(blocks) + "\n</div>"


def working_rows(defn: Definition) -> list[tuple[str, str]]:
    """``(name, inline MathML)`` for every step and output, in evaluation order; a passed-through
    input shows its symbol only."""
    rows = []
    for name, _ in defn.assignments:
        inner = equation(defn, name) if name in shown_steps(defn) else symbol_mathml(defn, name)
        rows.append((name, f'<math displaystyle="true">{inner}</math>'))
    return rows


def legend_rows(defn: Definition, spec: CalculatorSpec) -> list[tuple[str, str, str]]:
    """``(symbol as inline MathML, meaning, unit)`` for each input, step and output."""
    inline = lambda name: f"<math>{symbol_mathml(defn, name)}</math>"  # noqa: E731
    rows = []
    for item in spec.inputs:
        if item.name in defn.choices:
            rows.append((inline(item.name), f"{escape(item.label)}: {SIGN_MEANINGS.get(item.name, '')}", ""))
        elif item.name in defn.symbols:
            rows.append((inline(item.name), escape(item.label), escape(item.unit)))
    rows += [(inline(name), "intermediate step", "") for name, _ in defn.steps]
    rows += [(inline(out.name), escape(out.label), escape(out.unit)) for out in spec.outputs
             if defn.output_expr(out.name) != local(out.name) or out.name not in defn.symbols]
    return rows
