"""The samples of a chart for one set of inputs, evaluated in Python as chart.js evaluates them.

Each expression form (``charts`` lists them) is evaluated left to right with doubles, as
chart.js does, so the table built into the page holds the texts the script writes. A
sample where a calculator refuses (an input error, or no solution) is a gap: its cell is
empty, in Python and in JavaScript alike.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .charts import Chart
from .spec import CalculatorInputError, NoSolution


class Missing(Exception):
    """An expression needs a value that is not there (an output of inputs that have no result)."""


@dataclass(frozen=True)
class Context:
    """What an expression sees: the inputs, the own outputs (None: the inputs have no result), x."""

    values: Mapping[str, Any]
    outputs: Mapping[str, float] | None
    x: float | None


def present(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values a calculator is called with: an empty value (no tier table) counts as absent."""
    return {name: value for name, value in values.items() if value is not None and value != ""}


def compute(calc_id: str, values: Mapping[str, Any]) -> dict[str, float] | None:
    """The calculator's outputs, or None where it refuses (input error or no solution): a gap."""
    from . import get

    try:
        return get(calc_id).compute(**present(values))
    except (CalculatorInputError, NoSolution):
        return None


def evaluate(expr: Any, ctx: Context) -> Any:
    """The value of one expression (the module docstring lists the forms); ``Missing`` when it has none."""
    if not isinstance(expr, list):
        return expr
    op, args = expr[0], expr[1:]
    if op == "x":
        if ctx.x is None:
            raise Missing("x")
        return ctx.x
    if op == "in":
        value = ctx.values.get(args[0])
        if value is None or value == "":
            raise Missing(args[0])
        return value
    if op == "out":
        if ctx.outputs is None or args[0] not in ctx.outputs:
            raise Missing(args[0])
        return ctx.outputs[args[0]]
    if op in ("min", "max"):
        found = [v for v in (_maybe(a, ctx) for a in args) if v is not None]
        if not found:
            raise Missing(op)
        return _fold(min if op == "min" else max, found)
    if op == "zero_if":
        return 0.0 if evaluate(args[0], ctx) == 0 else evaluate(args[1], ctx)
    if op == "call":
        return _call(args[0], args[1], args[2], ctx)
    numbers = [float(evaluate(a, ctx)) for a in args]
    return _arithmetic(op, numbers)


def _fold(choose: Any, values: list[float]) -> float:
    """Left to right, as chart.js folds with Math.min/Math.max."""
    result = float(values[0])
    for value in values[1:]:
        result = choose(result, float(value))
    return result


def _arithmetic(op: str, numbers: list[float]) -> float:
    if op == "add":
        return _left(numbers, lambda a, b: a + b)
    if op == "mul":
        return _left(numbers, lambda a, b: a * b)
    if op == "div":
        if numbers[1] == 0:
            raise Missing("division by zero")
        return numbers[0] / numbers[1]
    if op == "neg":
        return -numbers[0]
    if op == "abs":
        return abs(numbers[0])
    raise ValueError(f"unknown chart expression {op!r}")


def _left(numbers: list[float], combine: Any) -> float:
    result = numbers[0]
    for number in numbers[1:]:
        result = combine(result, number)
    return result


def _maybe(expr: Any, ctx: Context) -> Any:
    try:
        return evaluate(expr, ctx)
    except Missing:
        return None


def _call(calc_id: str, mapping: Mapping[str, Any], output: str, ctx: Context) -> float:
    values = {name: _maybe(sub, ctx) for name, sub in mapping.items()}
    outputs = compute(calc_id, values)
    if outputs is None:
        raise Missing(calc_id)
    return outputs[output]


@dataclass(frozen=True)
class Samples:
    """What a chart shows for one set of inputs: the table rows and the current point and marks."""

    names: tuple[str, ...]  # the x, then each series
    rows: tuple[tuple[float | None, ...], ...]  # None: the calculator refuses that sample
    point: tuple[float, float] | None
    marks: tuple[tuple[str, float | None, float | None], ...]


def x_range(chart: Chart, ctx: Context) -> tuple[float, float] | None:
    """The x range for these inputs; an empty range is widened by half its value each side."""
    low, high = _maybe(chart.low, ctx), _maybe(chart.high, ctx)
    if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
        return None
    if not high > low:
        low, high = (-1.0, 1.0) if low == 0 else (low - abs(low) / 2, high + abs(high) / 2)
    return float(low), float(high)


def xs(chart: Chart, ctx: Context) -> list[float]:
    """Evenly spaced samples, plus the extra x values inside the range, ascending, without repeats."""
    bounds = x_range(chart, ctx)
    if bounds is None:
        return []
    low, high = bounds
    n = chart.samples
    found = {low + (high - low) * i / (n - 1) for i in range(n)}
    for expr in chart.extra:
        value = _maybe(expr, ctx)
        if value is not None and low <= value <= high:
            found.add(float(value))
    return sorted(found)


def sample(chart: Chart, values: Mapping[str, Any], outputs: Mapping[str, float] | None,
           view: str = "") -> Samples:
    """The chart's samples for these inputs (``outputs``: the calculator's, None if it has no result)."""
    from . import get

    own = chart.x in get(chart.calc).input_names
    current = values.get(chart.x) if own else None
    ctx = Context(values, outputs, float(current) if own else None)
    rows = [found for found in (row(chart, values, outputs, x) for x in xs(chart, ctx)) if found]
    names = (chart.x, *(s.name for s in chart.series))
    return Samples(names, tuple(rows), _point(chart, ctx, view or chart.views[0].id), _marks(chart, ctx))


def row(chart: Chart, values: Mapping[str, Any], outputs: Mapping[str, float] | None,
        x: float) -> tuple[float | None, ...] | None:
    """One table row at ``x``: x, then each series (None where the calculator refuses); None if all refuse."""
    from . import get

    own = chart.x in get(chart.calc).input_names
    at = {**values, chart.x: x} if own else values
    sampled = Context(at, compute(chart.calc, at) if own else outputs, x)
    cells = tuple(_number(s.expr, sampled) for s in chart.series)
    return (x, *cells) if any(cell is not None for cell in cells) else None


def _number(expr: Any, ctx: Context) -> float | None:
    value = _maybe(expr, ctx)
    return None if value is None or not math.isfinite(value) else float(value) + 0.0


def _at_point(chart: Chart, ctx: Context) -> Context | None:
    x = _maybe(chart.point_at if chart.point_at is not None else ["in", chart.x], ctx)
    return None if x is None else Context(ctx.values, ctx.outputs, float(x))


def _point(chart: Chart, ctx: Context, view: str) -> tuple[float, float] | None:
    here = _at_point(chart, ctx)
    if here is None:
        return None
    name = chart.point_series.get(view) or chart.view_series(view)[0].name
    across = next((s.expr for s in chart.series if s.name == chart.horizontal), ["x"])
    x, y = _number(across, here), _number(next(s.expr for s in chart.series if s.name == name), here)
    return None if x is None or y is None else (x, y)


def _marks(chart: Chart, ctx: Context) -> tuple[tuple[str, float | None, float | None], ...]:
    here = _at_point(chart, ctx) or ctx
    found = []
    for mark in chart.marks:
        x = None if mark.x is None else _number(mark.x, here)
        y = None if mark.y is None else _number(mark.y, here)
        if (mark.x is None or x is not None) and (mark.y is None or y is not None):
            found.append((mark.name, x, y))
    return tuple(found)
