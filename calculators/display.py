"""Display expressions: a calculator's formulas in the order and notation a quant would print.

SymPy keeps sums and products in its own canonical order (``T(r + σ²/2 − q) + log(S/K)``),
and even ``evaluate=False`` re-sorts arguments, so the formula display works on a small tree
of its own (``Node``) whose children stay in the order given. A node comes either from a
definition's expression, reordered by the rules in ``_factor_key`` and ``_term_key`` (numbers,
then signs, then symbols in input order; positive terms first), or from a hand-written form
in ``display_forms`` parsed by ``display_parse``. ``to_sympy`` turns a node back into SymPy,
so a test proves every displayed formula equals the computed one.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .display_forms import FORMS
from .symbolic import Definition, NormCdf, NormPdf

TIME_LIKE = ("time_", "_expiry", "_hours", "_seconds", "days_")  # written last in a product: r·T, not T·r


@dataclass(frozen=True)
class Node:
    """``kind`` is sym, num, add (args: (negative, node) pairs), neg, mul, frac, pow, sqrt,
    call (``text`` the function: ln, exp, N, n, min, max, abs, floor), cases ((value, condition
    or None) pairs) or rel (``text`` the operator)."""

    kind: str
    args: tuple = ()
    text: str = ""


def sym(name: str) -> Node:
    return Node("sym", text=name)


def notation_name(defn: Definition, name: str) -> str:
    """How input, step or output ``name`` is written; a choice input is written as its sign symbol."""
    if name in defn.choices:
        name = defn.symbols[name].name
    return defn.notation.get(name, name)


def shown(defn: Definition, expr: sp.Basic) -> sp.Basic:
    """``expr`` with every symbol renamed to its notation (the names the display uses)."""
    names = {**{s.name: n for n, s in defn.symbols.items()}, **{n: n for n, _ in defn.assignments}}
    return expr.xreplace({s: sp.Symbol(notation_name(defn, names.get(s.name, s.name)), real=True)
                          for s in expr.free_symbols})


def display_expr(defn: Definition, name: str) -> Node:
    """The right-hand side of ``name`` as displayed: its hand form if it has one, else reordered."""
    form = FORMS.get(defn.id, {}).get(name)
    if form is not None:
        from .display_parse import parse  # a hand form is checked against the notation it may use

        return parse(form, set(_ranks(defn)))
    return Ordering(defn).node(shown(defn, dict(defn.assignments)[name]))


def _ranks(defn: Definition) -> dict[str, int]:
    """Notation → position: steps and outputs (negative, in order), then inputs (time-like ones last).

    ``Ordering`` reads steps as coming after every input (x + Δx_net, F·V_coin); the negative
    ranks only keep a passed-through input (applied_rate = m) ranked as that input.
    """
    ranks = {}
    inputs = set(defn.symbols.values())
    for position, (name, expr) in enumerate(defn.assignments):
        if expr in inputs:  # an input passed through (applied_rate = m) ranks as that input
            continue
        ranks.setdefault(notation_name(defn, name), position - 1000)
    for position, (name, symbol) in enumerate(defn.symbols.items()):
        late = 500 if any(part in name for part in TIME_LIKE) else 0
        ranks.setdefault(notation_name(defn, name), position + late)
        ranks.setdefault(notation_name(defn, symbol.name), position + late)
    return ranks


CALLS = {sp.log: "ln", sp.exp: "exp", NormCdf: "N", NormPdf: "n", sp.Min: "min", sp.Max: "max",
         sp.Abs: "abs", sp.floor: "floor"}
RELATIONS = {sp.Le: "≤", sp.Lt: "<", sp.Ge: "≥", sp.Gt: ">", sp.Eq: "="}


class Ordering:
    """SymPy expression (in notation symbols) → ``Node``, with terms and factors in reading order."""

    def __init__(self, defn: Definition):
        self.ranks = _ranks(defn)
        self.signs = {notation_name(defn, defn.symbols[n].name) for n in defn.choices}
        self.steps = {notation_name(defn, n) for n, _ in defn.assignments}

    def node(self, expr: sp.Basic) -> Node:
        if expr.is_Symbol:
            return sym(expr.name)
        if expr.is_Number:
            return self._number(expr)
        if expr.is_Add:
            terms = sorted(expr.args, key=self._term_key)
            return Node("add", tuple((negative, self.node(magnitude)) for negative, magnitude in map(_split, terms)))
        if expr.is_Mul:
            return self._product(expr)
        if expr.is_Pow:
            return self._power(expr)
        if isinstance(expr, sp.Piecewise):
            return Node("cases", tuple((self.node(b.expr), None if b.cond == sp.true else self.node(b.cond))
                                       for b in expr.args))
        if type(expr) in RELATIONS:
            return Node("rel", (self.node(expr.lhs), self.node(expr.rhs)), RELATIONS[type(expr)])
        if type(expr).__name__ == "FloorQuotient":
            return Node("call", (Node("frac", tuple(map(self.node, expr.args))),), "floor")
        if expr.func in CALLS:
            args = sorted(expr.args, key=self._argument_key) if expr.func in (sp.Min, sp.Max) else expr.args
            return Node("call", tuple(map(self.node, args)), CALLS[expr.func])
        raise ValueError(f"the formula display cannot show {type(expr).__name__}: {expr}")

    def _number(self, value: sp.Number) -> Node:
        if value < 0:
            return Node("neg", (self._number(-value),))
        if value.is_Rational and value.q != 1:
            return Node("frac", (Node("num", text=str(value.p)), Node("num", text=str(value.q))))
        return Node("num", text=str(value))

    def _product(self, expr: sp.Mul) -> Node:
        coefficient, rest = expr.as_coeff_Mul()
        if coefficient < 0:
            return Node("neg", (self.node(-expr),))
        above, below = [], []
        for factor in sp.Mul.make_args(rest):
            base, power = factor.as_base_exp() if not isinstance(factor, sp.exp) else (factor, sp.Integer(1))
            if power.is_Number and power < 0:
                below.append(base if power == -1 else base ** -power)
            else:
                above.append(factor)
        top = [self.node(f) for f in sorted(above, key=self._factor_key)]
        bottom = [self.node(f) for f in sorted(below, key=self._factor_key)]
        if coefficient.is_Rational:
            if coefficient.p != 1:
                top.insert(0, Node("num", text=str(coefficient.p)))
            if coefficient.q != 1:
                bottom.insert(0, Node("num", text=str(coefficient.q)))
        elif coefficient != 1:
            top.insert(0, Node("num", text=str(coefficient)))
        numerator = _joined(top) if top else Node("num", text="1")
        return Node("frac", (numerator, _joined(bottom))) if bottom else numerator

    def _power(self, expr: sp.Pow) -> Node:
        base, power = expr.args
        if power == sp.Rational(1, 2):
            return Node("sqrt", (self.node(base),))
        if power.is_Number and power < 0:
            return Node("frac", (Node("num", text="1"), self.node(base ** -power)))
        return Node("pow", (self.node(base), self.node(power)))

    def _symbol_ranks(self, expr: sp.Basic, skip_signs: bool) -> tuple[int, ...]:
        ranks = []
        for s in expr.free_symbols:
            if skip_signs and s.name in self.signs:
                continue
            rank = self.ranks.get(s.name, 0)
            ranks.append(rank + 2000 if s.name in self.steps and rank < 0 else rank)
        return tuple(sorted(ranks)) or (-5000,)

    def _factor_key(self, factor: sp.Basic):
        """Numbers, sign symbols, symbols (inputs in order, then steps), roots, exp, functions, sums."""
        if factor.is_Symbol:
            group = 1 if factor.name in self.signs else 2
        elif factor.is_Pow:
            group = 3 if factor.exp == sp.Rational(1, 2) else 2
        else:
            group = 6 if factor.is_Add else 4 if isinstance(factor, sp.exp) else 5
        return group, self._symbol_ranks(factor, False), sp.default_sort_key(factor)

    def _term_key(self, term: sp.Basic):
        """Positive terms first; then constants, then by the inputs each term reads (sign symbols aside)."""
        negative, _ = _split(term)
        return negative, self._symbol_ranks(term, True), sp.default_sort_key(term)

    def _argument_key(self, arg: sp.Basic):
        """min/max: a bound that is one symbol or number before a compound expression."""
        return (not (arg.is_Atom or (-arg).is_Atom)), self._symbol_ranks(arg, True), sp.default_sort_key(arg)


def _split(term: sp.Basic) -> tuple[bool, sp.Basic]:
    """(whether ``term`` is subtracted, its magnitude)."""
    coefficient, _ = term.as_coeff_Mul()
    return (True, -term) if coefficient < 0 else (False, term)


def _joined(nodes: list[Node]) -> Node:
    return nodes[0] if len(nodes) == 1 else Node("mul", tuple(nodes))


def to_sympy(node: Node) -> sp.Expr:
    """The SymPy expression a node stands for (symbols real, as in the definitions)."""
    args = node.args
    if node.kind == "sym":
        return sp.Symbol(node.text, real=True)
    if node.kind == "num":
        return sp.Rational(node.text)
    if node.kind == "add":
        return sp.Add(*[-to_sympy(n) if negative else to_sympy(n) for negative, n in args])
    if node.kind == "neg":
        return -to_sympy(args[0])
    if node.kind == "mul":
        return sp.Mul(*map(to_sympy, args))
    if node.kind == "frac":
        return to_sympy(args[0]) / to_sympy(args[1])
    if node.kind == "pow":
        return to_sympy(args[0]) ** to_sympy(args[1])
    if node.kind == "sqrt":
        return sp.sqrt(to_sympy(args[0]))
    if node.kind == "cases":
        return sp.Piecewise(*[(to_sympy(v), True if c is None else to_sympy(c)) for v, c in args])
    if node.kind == "rel":
        op = {v: k for k, v in RELATIONS.items()}[node.text]
        return op(to_sympy(args[0]), to_sympy(args[1]))
    function = {v: k for k, v in CALLS.items()}[node.text]
    return function(*map(to_sympy, args))


def symbol_of(defn: Definition, name: str) -> Node:
    """The displayed symbol of input, step or output ``name`` (a choice input: its sign symbol)."""
    return sym(notation_name(defn, defn.symbols[name].name if name in defn.choices else name))
