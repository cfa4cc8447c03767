"""The formula display: each step of a definition as MathML, plus a legend of symbols.

SymPy's presentation printer gives MathML without a ``<math>`` root, so each step is
wrapped in ``<math display="block">``. Browsers render MathML natively, so no script or
CDN is involved. Symbols are shown in the definition's notation (``LP``, ``σ``, ``d₁``).
"""

from __future__ import annotations

from html import escape

import sympy as sp
from sympy.printing.mathml import MathMLPresentationPrinter

from .spec import CalculatorSpec
from .symbolic import Definition, local

SIGN_MEANINGS = {"side": "+1 for a long, −1 for a short", "option_type": "+1 for a call, −1 for a put",
                 "contract_type": "0 for linear, 1 for inverse"}


class _MathML(MathMLPresentationPrinter):
    def _named(self, name: str, expr):
        row = self.dom.createElement("mrow")
        ident = self.dom.createElement("mi")
        ident.appendChild(self.dom.createTextNode(name))
        row.appendChild(ident)
        row.appendChild(self._paren_comma_separated(*expr.args))
        return row

    def _print_NormCdf(self, expr):
        return self._named("N", expr)

    def _print_NormPdf(self, expr):
        return self._named("n", expr)


def _mathml(expr: sp.Basic) -> str:
    return _MathML({"order": "none"}).doprint(expr)


def _shown(defn: Definition, expr: sp.Basic) -> sp.Basic:
    """``expr`` with every symbol renamed to its notation."""
    names = {**{sym.name: name for name, sym in defn.symbols.items()}, **{n: n for n, _ in defn.assignments}}
    mapping = {sym: sp.Symbol(defn.notation.get(names.get(sym.name, sym.name), sym.name))
               for sym in expr.free_symbols}
    return expr.xreplace(mapping)


def symbol_mathml(defn: Definition, name: str) -> str:
    sym = defn.symbols.get(name, local(name))
    return _mathml(_shown(defn, sym))


def formula_html(defn: Definition) -> str:
    """One display-math block per step and output, in evaluation order."""
    blocks = [f'<math display="block"><mrow>{symbol_mathml(defn, name)}<mo>=</mo>{_mathml(_shown(defn, expr))}</mrow></math>'
              for name, expr in defn.assignments if expr != local(name)]
    return '<div class="calculator-formula">\n' + "\n".join(blocks) + "\n</div>"


def legend_rows(defn: Definition, spec: CalculatorSpec) -> list[tuple[str, str, str]]:
    """``(symbol as inline MathML, meaning, unit)`` for each input, step and output."""
    inline = lambda name: f"<math>{symbol_mathml(defn, name)}</math>"  # noqa: E731
    rows = []
    for item in spec.inputs:
        if item.name in defn.choices:
            sign = defn.symbols[item.name].name
            rows.append((inline(item.name) if sign in defn.notation else f"<math><mi>{sign}</mi></math>",
                         f"{escape(item.label)}: {SIGN_MEANINGS.get(item.name, '')}", ""))
        elif item.name in defn.symbols:
            rows.append((inline(item.name), escape(item.label), escape(item.unit)))
    rows += [(inline(name), "intermediate step", "") for name, _ in defn.steps]
    rows += [(inline(out.name), escape(out.label), escape(out.unit)) for out in spec.outputs
             if defn.output_expr(out.name) != local(out.name) or out.name not in defn.symbols]
    return rows
