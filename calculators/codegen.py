"""Python and JavaScript source generated from a calculator's SymPy definition.

Both languages get the same function: keyword inputs in, every output by name out, with
the definition's guards as plain exceptions. The Python text is what ``compute`` runs
and what the page offers as the copyable snippet, so the two cannot disagree; the
JavaScript text is what the widget runs and what its snippet shows.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterable
from pathlib import Path

import sympy as sp
from sympy.printing.jscode import JavascriptCodePrinter
from sympy.printing.pycode import PythonCodePrinter

from . import numbers
from . import spec as specs
from .signature import check_inputs_js as _check_inputs_js
from .signature import check_inputs_py as _check_inputs_py
from .signature import js_parameters as _js_parameters
from .signature import py_parameters as _py_parameters
from .spec import CalculatorSpec, Input
from .symbolic import Definition, Guard, local
from .tier_search import BOTH_GIVEN
from .tiers import TIER_OUTPUTS

RUNTIME_JS = Path(__file__).with_name("runtime.js")
# Defined at the top of a Python snippet that can raise it; ``Calculator`` binds the name to
# ``calculators.NoSolution`` instead, so the API raises the public class.
NO_SOLUTION_PY = ('class NoSolution(ValueError):\n'
                  '    """The inputs are valid, but the quantity asked for does not exist."""\n')
WIDGET_JS = Path(__file__).with_name("widget.js")
PY_IMPORTS = "import math\nimport re\nfrom decimal import Decimal\n"
# The input checks every Python snippet starts with: the API's own functions (spec.py), copied.
PY_CHECK_FUNCTIONS = (numbers.js_string, specs.quote, specs.as_number, specs.check_number, specs.check_choice,
                      specs.check_outputs)


class _Python(PythonCodePrinter):
    def _print_NormCdf(self, expr):
        return f"math.erfc(-({self._print(expr.args[0])})/math.sqrt(2))/2"

    def _print_NormPdf(self, expr):
        x = self._print(expr.args[0])
        return f"math.exp(-({x})*({x})/2)/math.sqrt(2*math.pi)"


class _JavaScript(JavascriptCodePrinter):
    def __init__(self):
        super().__init__({"strict": True, "user_functions": {}})

    def _print_NormCdf(self, expr):
        return f"erfc(-({self._print(expr.args[0])})/Math.sqrt(2))/2"

    def _print_NormPdf(self, expr):
        x = self._print(expr.args[0])
        return f"Math.exp(-({x})*({x})/2)/Math.sqrt(2*Math.PI)"

    def _print_Piecewise(self, expr):
        if expr.args[-1].cond != True:  # noqa: E712 - SymPy's true is not Python's True
            raise ValueError("every Piecewise needs a final True branch")
        text = self._print(expr.args[-1].expr)
        for branch in reversed(expr.args[:-1]):
            text = f"(({self._print(branch.cond)}) ? ({self._print(branch.expr)}) : ({text}))"
        return text


def python_name(calc_id: str) -> str:
    return calc_id.replace("-", "_")


def js_name(calc_id: str) -> str:
    head, *rest = re.split(r"[-_]", calc_id)
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _py(expr: sp.Basic) -> str:
    return _Python().doprint(expr)


def _js(expr: sp.Basic) -> str:
    return _JavaScript().doprint(expr)


def _docstring(spec: CalculatorSpec) -> list[str]:
    lines = [f'"""{spec.title}: {spec.summary}', ""]
    lines += [f"{i.name}: {i.label}" + (f" ({i.unit})" if i.unit else "") + f"; {i.bounds_text}." for i in spec.inputs]
    return [*lines, "Returns every output by name: " + ", ".join(spec.output_names) + ".", '"""']


def tier_notional(defn: Definition, spec: CalculatorSpec, target: str = "", solution: sp.Expr | None = None):
    """The notional a tier table is read at: the ``notional`` input (None), or quantity × the primary output.

    For a liquidation price that notional depends on the tier's own rate and amount, so the
    expression is returned for ``tier_for`` to evaluate per tier; in a solver the primary
    output is given and the solved input is replaced by its solution.
    """
    if "tiers" not in spec.input_names or "notional" in spec.input_names:
        return None
    notional = defn.symbols["quantity"] * local(defn.primary)
    if not target:
        return notional.xreplace({local(defn.primary): defn.expanded(defn.output_expr(defn.primary))})
    return notional.xreplace({defn.symbols[target]: solution}) if solution is not None else notional


def _tier_supplied(spec: CalculatorSpec) -> list[Input]:
    return [i for i in spec.inputs if i.name in TIER_OUTPUTS]


def python_checks(uses_choices: bool = True) -> str:
    """The exception class, constants and check functions a Python snippet needs, as module text."""
    header = ("class CalculatorInputError(ValueError):\n"
              '    """An input the calculator refuses; the message names it, the value and the allowed range."""\n\n\n'
              f"QUOTE_LIMIT = {specs.QUOTE_LIMIT!r}\nNUMBER = re.compile({specs.NUMBER.pattern!r})\n")
    functions = [f for f in PY_CHECK_FUNCTIONS if uses_choices or f is not specs.check_choice]
    return "\n\n".join([header, *(inspect.getsource(f) for f in functions)])


def _preamble_py(defn: Definition, spec: CalculatorSpec, notional: sp.Expr | None = None) -> list[str]:
    lines = [f"{defn.symbols[name].name} = {values!r}[{name}]" for name, values in defn.choices.items()]
    if "tiers" in spec.input_names:
        rate, amount, tier = TIER_OUTPUTS
        lookup = ("tier_lookup(tiers, notional)" if notional is None
                  else f"tier_for(tiers, lambda {rate}, {amount}: {_py(notional)})")
        lines += [f"{tier} = 0", "if tiers:", f"    if {rate} is not None or {amount} is not None:",
                  f"        raise ValueError({BOTH_GIVEN!r})", f"    {rate}, {amount}, {tier} = {lookup}",
                  f"elif {rate} is None:", f"    raise ValueError('give {rate} or tiers')"]
        lines += [f"if {i.name} is None:\n    {i.name} = {float(i.fallback)!r}" for i in _tier_supplied(spec) if i.optional]
    return lines


def _preamble_js(defn: Definition, spec: CalculatorSpec, notional: sp.Expr | None = None) -> list[str]:
    lines = [f"const {defn.symbols[name].name} = {json.dumps(values)}[{name}];" for name, values in defn.choices.items()]
    if "tiers" in spec.input_names:
        rate, amount, tier = TIER_OUTPUTS
        lookup = ("tierLookup(tiers, notional)" if notional is None
                  else f"tierFor(tiers, ({rate}, {amount}) => {_js(notional)})")
        lines += [f"let {tier} = 0;", "if (tiers) {",
                  f"  if ({rate} !== null || {amount} !== null) throw new RangeError({json.dumps(BOTH_GIVEN)});",
                  f"  [{rate}, {amount}, {tier}] = {lookup};",
                  f"}} else if ({rate} === null) throw new RangeError('give {rate} or tiers');"]
        lines += [f"if ({i.name} === null) {i.name} = {json.dumps(float(i.fallback))};"
                  for i in _tier_supplied(spec) if i.optional]
    return lines


def _guards_py(guards: Iterable[Guard]) -> list[str]:
    return [f"if not {_parenthesised(_py(g.condition))}:\n"
            f"    raise {'NoSolution' if g.no_solution else 'ValueError'}({g.message!r})" for g in guards]


def _parenthesised(text: str) -> str:
    """``text`` in parentheses unless one pair already encloses all of it (``(a) or (b)`` needs a new pair)."""
    depth = 0
    for position, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and position < len(text) - 1:
            return f"({text})"
    return text if text.startswith("(") else f"({text})"


def _guards_js(guards: Iterable[Guard]) -> list[str]:
    return [f"if (!({_js(g.condition)})) throw new {'NoSolution' if g.no_solution else 'RangeError'}"
            f"({json.dumps(g.message)});" for g in guards]


def _guarded(defn: Definition, assign, guard) -> list[str]:
    """Assignments in order, each guard placed as soon as every step or output it reads is known.

    A guard on the inputs alone comes first; one on a result (a liquidation price on the wrong
    side of the entry) right after that result, before anything later could divide by it.
    """
    pending, known, lines = list(defn.guards), set(), []
    results = {local(name) for name, _ in defn.assignments}

    def ready() -> list[Guard]:
        now = [g for g in pending if g.condition.free_symbols & results <= known]
        pending[:] = [g for g in pending if g not in now]
        return now

    lines += guard(ready())
    for name, expr in _assignments(defn):
        known.add(local(name))
        lines += [assign(name, expr), *guard(ready())]
    return lines + guard(pending)


def _indent(lines: Iterable[str], by: str = "    ") -> str:
    return "\n".join((by + line.replace("\n", "\n" + by)) if line else "" for line in lines)


def _assignments(defn: Definition) -> list[tuple[str, sp.Expr]]:
    """Steps and outputs to compute; an output that is just an input of the same name is skipped."""
    return [(name, expr) for name, expr in defn.assignments if expr != local(name)]


def python_function(defn: Definition, spec: CalculatorSpec) -> str:
    """``def <id>(*, inputs...) -> dict`` in stdlib Python (``math`` only)."""
    body = [*_docstring(spec), *_check_inputs_py(spec), *_preamble_py(defn, spec, tier_notional(defn, spec))]
    body += _guarded(defn, lambda name, expr: f"{name} = {_py(expr)}", _guards_py)
    body.append("return check_outputs({" + ", ".join(f'"{name}": {name}' for name in spec.output_names) + "})")
    return f"def {python_name(spec.id)}({_py_parameters(spec)}):\n{_indent(body)}\n"


def javascript_function(defn: Definition, spec: CalculatorSpec) -> str:
    """``function <camelId>({inputs...})`` in plain JavaScript, using the runtime's ``erfc``."""
    body = [*_check_inputs_js(spec), *_preamble_js(defn, spec, tier_notional(defn, spec))]
    body += _guarded(defn, lambda name, expr: f"const {name} = {_js(expr)};", _guards_js)
    body.append("return checkOutputs({" + ", ".join(spec.output_names) + "});")
    return f"function {js_name(spec.id)}({_js_parameters(spec)}) {{\n{_indent(body, '  ')}\n}}\n"


def python_steps(defn: Definition, spec: CalculatorSpec) -> str:
    """``def steps(*, inputs...)``: every step and output by name, in order (the working list).

    The compute function's body returning its intermediate values too; the input checks are
    left out because ``Calculator.steps`` runs the compute function on the same inputs first.
    """
    body = [*_preamble_py(defn, spec, tier_notional(defn, spec))]
    body += _guarded(defn, lambda name, expr: f"{name} = {_py(expr)}", _guards_py)
    body.append("return {" + ", ".join(f'"{name}": {name}' for name, _ in defn.assignments) + "}")
    return f"def steps({_py_parameters(spec)}):\n{_indent(body)}\n"


def javascript_steps(defn: Definition, spec: CalculatorSpec) -> str:
    """The same in JavaScript, as an anonymous function (``GlossaryWorking.register`` takes it)."""
    body = [*_preamble_js(defn, spec, tier_notional(defn, spec))]
    body += _guarded(defn, lambda name, expr: f"const {name} = {_js(expr)};", _guards_js)
    body.append("return {" + ", ".join(name for name, _ in defn.assignments) + "};")
    return f"function ({_js_parameters(spec)}) {{\n{_indent(body, '  ')}\n}}\n"


def runtime_section(name: str) -> str:
    """One marked section of ``runtime.js`` (e.g. ``erfc``), for a self-contained snippet."""
    text = RUNTIME_JS.read_text(encoding="utf-8")
    match = re.search(rf"// <{name}>\n(.*?)// </{name}>\n", text, re.S)
    if match is None:
        raise KeyError(f"runtime.js has no section '{name}'")
    return match.group(1)
