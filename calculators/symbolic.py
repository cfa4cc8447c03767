"""The shape of a calculator's SymPy definition, and the few symbolic helpers it needs.

A ``Definition`` is the single source of truth for a calculator's mathematics: named
intermediate steps, one expression per output, guards that turn impossible inputs into
clear errors, and which inputs can be solved for. Code generation, the formula display
and the Python API all read it; nothing else restates a formula.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import sympy as sp


class NormCdf(sp.Function):
    """The standard normal CDF, kept unevaluated so printers can write it as ``erfc(-x/√2)/2``.

    SymPy rewrites ``erfc(-x)`` to ``2 - erfc(x)``, which loses all relative accuracy in the
    lower tail; an opaque function keeps the stable form up to the printer.
    """

    nargs = 1

    def fdiff(self, argindex=1):
        return NormPdf(self.args[0])

    def _eval_evalf(self, prec):
        return (sp.erfc(-self.args[0] / sp.sqrt(2)) / 2).evalf(prec)


class NormPdf(sp.Function):
    """The standard normal density, kept whole so the formula display reads n(d₁)."""

    nargs = 1

    def fdiff(self, argindex=1):
        return -self.args[0] * NormPdf(self.args[0])

    def _eval_evalf(self, prec):
        return (sp.exp(-self.args[0]**2 / 2) / sp.sqrt(2 * sp.pi)).evalf(prec)


def norm_pdf(x: sp.Expr) -> sp.Expr:
    return NormPdf(x)


@dataclass(frozen=True)
class Guard:
    """A condition the inputs must meet, with the message shown when they do not.

    ``no_solution`` marks a condition that valid inputs can fail because the quantity does
    not exist (no liquidation price, no volatility for that price): failing it raises
    ``calculators.NoSolution`` instead of ``CalculatorInputError``.
    """

    condition: sp.Basic
    message: str
    no_solution: bool = False


@dataclass(frozen=True)
class Definition:
    """One calculator's mathematics.

    ``symbols`` maps each numeric input name to its symbol; a choice input (``side``,
    ``option_type``) maps to a sign symbol through ``choices`` (value → number).
    ``steps`` are named intermediate results, in order; ``outputs`` give each output as an
    expression in inputs and steps. ``notation`` is how each input, step and output is
    written in the formula display. ``closed_form_solves`` lists inputs the primary output
    equation is solved for symbolically; ``numeric_solves`` those found by a bracketed
    monotone search over ``numeric_solves[input]`` (low, high). ``solve_guards`` hold
    extra conditions for solving for an input; they may use the primary output's symbol.
    """

    id: str
    symbols: Mapping[str, sp.Symbol]
    outputs: tuple[tuple[str, sp.Expr], ...]
    steps: tuple[tuple[str, sp.Expr], ...] = ()
    choices: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    guards: tuple[Guard, ...] = ()
    solve_guards: Mapping[str, tuple[Guard, ...]] = field(default_factory=dict)
    notation: Mapping[str, str] = field(default_factory=dict)
    closed_form_solves: tuple[str, ...] = ()
    numeric_solves: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def primary(self) -> str:
        return self.outputs[0][0]

    @property
    def assignments(self) -> tuple[tuple[str, sp.Expr], ...]:
        """Steps then outputs, in evaluation order; a later one may use any earlier name."""
        return self.steps + self.outputs

    def expanded(self, expr: sp.Expr) -> sp.Expr:
        """``expr`` in inputs only: every step or output symbol replaced by its definition."""
        for name, value in reversed(self.assignments):
            expr = expr.xreplace({local(name): value})
        return expr

    def output_expr(self, name: str) -> sp.Expr:
        return dict(self.outputs)[name]


def symbols(*names: str) -> list[sp.Symbol]:
    """Real symbols named after inputs, so generated code uses the input names directly."""
    return [sp.Symbol(name, real=True) for name in names]


def local(name: str) -> sp.Symbol:
    """The symbol standing for a step or an earlier output inside later expressions."""
    return sp.Symbol(name, real=True)
