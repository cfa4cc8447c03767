"""Charts of the calculators: the spec model, the series' samples, and the figure's HTML.

A chart is declared once (``chart_specs``) as data: which input runs along the x axis, its
range as a rule of the current inputs, and each series as a small expression over the
inputs, the calculator's own outputs and other calculators' outputs (``call``). The same
JSON goes into the widget script, where ``chart.js`` evaluates it with the generated
JavaScript functions, so no formula is typed twice: every number on a chart comes from a
calculator. ``chart_samples`` evaluates the expressions in Python the same way (in the same order, so
the doubles agree), to build the page's table for readers without JavaScript.

Expressions are JSON: a number or a string is itself; ``["x"]`` the x value; ``["in", name]``
and ``["out", name]`` an input and an output at the current inputs (outputs at the sampled x
when x is an input); ``["add", ...]``, ``["mul", ...]``, ``["div", a, b]``, ``["neg", a]``,
``["abs", a]``; ``["min", ...]`` and ``["max", ...]`` skip arguments that have no value;
``["zero_if", a, e]`` is 0 when ``a`` is 0, else ``e``; ``["call", id, {input: expr}, output]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

SAMPLES = 41  # evenly spaced samples per chart, before the extra x values


@dataclass(frozen=True)
class Series:
    name: str
    label: str
    expr: Any
    unit: str = ""
    view: str = "value"
    step: bool = False  # a staircase (settlements): drawn flat between samples


@dataclass(frozen=True)
class Mark:
    """A vertical line (``x``), a horizontal line (``y``), or a dot (both)."""

    name: str
    label: str
    x: Any = None
    y: Any = None
    view: str = ""  # "" marks every view


@dataclass(frozen=True)
class View:
    id: str
    label: str
    unit: str


@dataclass(frozen=True)
class Chart:
    calc: str
    x: str  # an input name, or the name of an axis that is no input (the liquidation charts' mark price)
    x_label: str
    x_unit: str
    low: Any
    high: Any
    series: tuple[Series, ...]
    views: tuple[View, ...]
    caption: str
    marks: tuple[Mark, ...] = ()
    extra: tuple[Any, ...] = ()  # x values sampled as well (strike, break-even), so kinks and crossings are exact
    point_at: Any = None  # the x of the current point; default the x input
    point_series: dict[str, str] = field(default_factory=dict)  # view -> the series the point sits on
    horizontal: str = ""  # a series plotted across instead of x (the pool's reserve)
    samples: int = SAMPLES

    def metadata(self) -> dict[str, Any]:
        """The JSON the script gets: everything chart.js needs, nothing it must re-derive."""
        return {"id": self.calc, "x": self.x, "xLabel": self.x_label, "xUnit": self.x_unit,
                "low": self.low, "high": self.high, "extra": list(self.extra), "samples": self.samples,
                "pointAt": self.point_at if self.point_at is not None else ["in", self.x],
                "pointSeries": self.point_series, "horizontal": self.horizontal, "caption": self.caption,
                "views": [{"id": v.id, "label": v.label, "unit": v.unit} for v in self.views],
                "series": [{"name": s.name, "label": s.label, "unit": s.unit, "view": s.view, "step": s.step,
                            "expr": s.expr} for s in self.series],
                "marks": [{"name": m.name, "label": m.label, "x": m.x, "y": m.y, "view": m.view} for m in self.marks],
                "calls": sorted(self.calls() - {self.calc})}

    def calls(self) -> set[str]:
        """The other calculators this chart evaluates: the page's script must register them too."""
        found: set[str] = set()
        exprs = [s.expr for s in self.series] + [m.x for m in self.marks] + [m.y for m in self.marks]
        exprs += [self.low, self.high, self.point_at, *self.extra]
        for expr in exprs:
            _collect_calls(expr, found)
        return found

    def view_series(self, view: str) -> list[Series]:
        return [s for s in self.series if s.view == view and s.name != self.horizontal]


def _collect_calls(expr: Any, found: set[str]) -> None:
    if isinstance(expr, list):
        if expr and expr[0] == "call":
            found.add(expr[1])
            for sub in expr[2].values():
                _collect_calls(sub, found)
        else:
            for sub in expr[1:]:
                _collect_calls(sub, found)


def dependencies(calc_id: str) -> list[str]:
    """The calculators a page must load before ``calc_id`` for its chart (``call``s), sorted."""
    from .chart_specs import CHARTS

    chart = CHARTS.get(calc_id)
    return sorted(chart.calls() - {calc_id}) if chart else []


def chart_source(calc_id: str) -> str:
    """The script line that gives chart.js this calculator's chart spec ("" without a chart)."""
    from .chart_specs import CHARTS

    chart = CHARTS.get(calc_id)
    return f"GlossaryCharts.define([{json.dumps(chart.metadata(), ensure_ascii=False)}]);\n" if chart else ""
