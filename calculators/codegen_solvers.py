"""The generated inverses of a calculator: ``solve_<input>`` and ``bounds_<input>``.

``solve_<input>`` gives an input back from the primary output where SymPy finds a single
closed-form root (``closed_form``); ``bounds_<input>`` is what a numeric solve checks before
it searches (``Definition.numeric_solves``: an option's volatility), the definition's
``solve_guards`` for that input. Both are written in Python and in JavaScript from the same
expressions as the forward function (``codegen``), with the same input checks.
"""

from __future__ import annotations

import sympy as sp

from .codegen import _guards_js, _guards_py, _indent, _js, _preamble_js, _preamble_py, _py, tier_notional
from .signature import check_inputs_js, check_inputs_py, js_parameters, py_parameters
from .spec import CalculatorSpec
from .symbolic import Definition, local


def closed_form(defn: Definition, target: str) -> sp.Expr:
    """The input ``target`` as an expression in the other inputs and the primary output."""
    primary = local(defn.primary)
    roots = sp.solve(sp.Eq(primary, defn.expanded(defn.output_expr(defn.primary))), defn.symbols[target], dict=True)
    if len(roots) != 1:
        raise ValueError(f"{defn.id}: expected one closed-form root for {target}, got {len(roots)}")
    return roots[0][defn.symbols[target]]


def python_solver(defn: Definition, spec: CalculatorSpec, target: str, solution: sp.Expr) -> str:
    """``def solve_<target>(*, other inputs..., <primary>)`` returning the target input."""
    body = [*check_inputs_py(spec, target, defn.primary),
            *_preamble_py(defn, spec, tier_notional(defn, spec, target, solution)),
            *_guards_py(defn.solve_guards.get(target, ())), f"return {_py(solution)}"]
    return f"def solve_{target}({py_parameters(spec, skip=target, extra=defn.primary)}):\n{_indent(body)}\n"


def javascript_solver(defn: Definition, spec: CalculatorSpec, target: str, solution: sp.Expr) -> str:
    body = [*check_inputs_js(spec, target, defn.primary),
            *_preamble_js(defn, spec, tier_notional(defn, spec, target, solution)),
            *_guards_js(defn.solve_guards.get(target, ())), f"return {_js(solution)};"]
    return (f"function solve_{target}({js_parameters(spec, skip=target, extra=defn.primary)}) {{\n"
            f"{_indent(body, '  ')}\n}}\n")


def python_bounds(defn: Definition, spec: CalculatorSpec, target: str) -> str:
    """``def bounds_<target>(*, other inputs..., <primary>)``: the checks a numeric solve makes first.

    A target output outside what any value of ``target`` can give (an option price at or below
    its no-arbitrage floor) fails one of ``solve_guards[target]``; the search runs only if none fails.
    """
    body = [*check_inputs_py(spec, target, defn.primary), *_preamble_py(defn, spec),
            *_guards_py(defn.solve_guards.get(target, ())), "return None"]
    return f"def bounds_{target}({py_parameters(spec, skip=target, extra=defn.primary)}):\n{_indent(body)}\n"


def javascript_bounds(defn: Definition, spec: CalculatorSpec, target: str) -> str:
    body = [*check_inputs_js(spec, target, defn.primary), *_preamble_js(defn, spec),
            *_guards_js(defn.solve_guards.get(target, ())), "return null;"]
    return (f"function bounds_{target}({js_parameters(spec, skip=target, extra=defn.primary)}) {{\n"
            f"{_indent(body, '  ')}\n}}\n")
