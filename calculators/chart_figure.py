"""A calculator's chart as built into the page: the figure of DESIGN.md, its table filled in.

The table holds the samples for the page's inputs, computed in Python, so a reader
without JavaScript (or a search engine) gets the chart's numbers; ``chart.js`` draws the
SVG and rewrites the table, point and marks on every input, with the same ``String(x)``
texts. Cells where the calculator gives no result are left empty, as chart.js leaves them.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from .chart_samples import Samples, sample
from .chart_specs import CHARTS
from .charts import Chart
from .numbers import js_string


def figure_html(calc_id: str, values: Mapping[str, Any], outputs: Mapping[str, float] | None,
                valid: bool = True) -> str:
    """The ``<figure class="calculator-chart">`` for these inputs, or ``""`` for a calculator without a chart.

    ``outputs`` is None when the inputs have no result (a liquidation price that does not
    exist: the margin lines are still drawn); ``valid`` False (an input error) leaves it empty.
    """
    chart = CHARTS.get(calc_id)
    if chart is None:
        return ""
    ident = f"calc-{calc_id}-chart"
    found = sample(chart, values, outputs) if valid else Samples((), (), None, ())
    view = chart.views[0]
    lines = [f'<figure class="calculator-chart" data-chart="{calc_id}" data-x="{chart.x}" data-view="{view.id}">']
    if len(chart.views) > 1:
        options = "".join(f'<option value="{v.id}">{escape(v.label)}</option>' for v in chart.views)
        lines.append(f'<p class="chart-controls"><label for="{ident}-view">Chart</label> '
                     f'<select id="{ident}-view" class="chart-view">{options}</select></p>')
    lines.append(f'<div class="chart-plot" tabindex="0" role="group" aria-roledescription="chart" '
                 f'aria-label="{escape(_title(chart))}: arrow keys read the points" aria-describedby="{ident}-readout">'
                 f'<svg role="img" aria-labelledby="{ident}-caption" class="chart-svg">{_svg_data(found)}</svg></div>')
    lines.append(f'<p class="chart-readout" id="{ident}-readout" aria-live="polite"></p>')
    lines.append(f'<figcaption id="{ident}-caption">{escape(chart.caption)} {_legend(chart, view.id)}</figcaption>')
    lines.append(f'<details class="chart-table"><summary>The chart\'s numbers</summary>{table_html(chart, found)}</details>')
    lines.append("</figure>")
    return "\n".join(lines)


def _title(chart: Chart) -> str:
    return f"{chart.views[0].label} against {chart.x_label.lower()}"


def _legend(chart: Chart, view: str) -> str:
    keys = "".join(f'<span class="chart-key chart-s{n}">{escape(s.label)}</span>'
                   for n, s in enumerate(chart.view_series(view), 1))
    return f'<span class="chart-legend">{keys}</span>'


def _svg_data(found: Samples) -> str:
    """The point and marks as data (chart.js gives them their places when it draws)."""
    parts = []
    if found.point is not None:
        x, y = found.point
        parts.append(f'<circle class="chart-point" data-x="{js_string(x)}" data-y="{js_string(y)}" r="4"></circle>')
    for name, x, y in found.marks:
        where = "".join(f' data-{axis}="{js_string(v)}"' for axis, v in (("x", x), ("y", y)) if v is not None)
        parts.append(f'<g class="chart-mark" data-mark="{name}"{where}></g>')
    return "".join(parts)


def header(chart: Chart) -> list[tuple[str, str]]:
    """(data-name, text) of the table's columns: the x, then every series with its unit."""
    def text(label: str, unit: str) -> str:
        return f"{label} ({unit})" if unit else label

    return [(chart.x, text(chart.x_label, chart.x_unit)), *((s.name, text(s.label, s.unit)) for s in chart.series)]


def table_html(chart: Chart, found: Samples) -> str:
    head = "".join(f'<th scope="col" data-name="{name}">{escape(text)}</th>' for name, text in header(chart))
    rows = "".join("<tr>" + "".join(f"<td>{'' if v is None else js_string(v)}</td>" for v in row) + "</tr>"
                   for row in found.rows)
    return f'<table class="chart-data"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
