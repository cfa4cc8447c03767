"""The data a page script carries (a calculator's metadata, a chart's spec), written small.

The metadata and chart specs are JSON-ready dicts; most of their fields hold the same
default on almost every input and series (no choices, no fallback, no upper bound, not a
staircase...). The script leaves a field out where it has its default, and the runtime
puts the default back when the calculator registers (``runtime.js`` ``register``) or the
chart is defined (``chart.js`` ``define``): ``INPUT_DEFAULTS`` and ``CHART_DEFAULTS`` here
and the objects there are the same, and a test holds them together. Keys that are plain
names are written without quotes, as JavaScript allows.
"""

from __future__ import annotations

import json
import re
from typing import Any

INPUT_DEFAULTS = {"choices": [], "fallback": None, "high": None, "low": None, "lowOpen": False}
META_DEFAULTS = {"closedFormSolves": [], "numericSolves": {}, "tierSupplies": []}
CHART_DEFAULTS = {"extra": [], "samples": 41, "pointSeries": {}, "horizontal": "", "marks": [], "calls": []}
SERIES_DEFAULTS = {"unit": "", "view": "value", "step": False}
MARK_DEFAULTS = {"x": None, "y": None, "view": ""}
NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def _without(data: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in defaults or defaults[key] != value
            or type(defaults[key]) is not type(value)}


def shipped_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A calculator's metadata without the fields that hold their default."""
    return {**_without(meta, META_DEFAULTS), "inputs": [_without(i, INPUT_DEFAULTS) for i in meta["inputs"]]}


def shipped_chart(spec: dict[str, Any]) -> dict[str, Any]:
    """A chart's spec (``Chart.metadata()``) without the fields that hold their default."""
    return {**_without(spec, CHART_DEFAULTS), "series": [_without(s, SERIES_DEFAULTS) for s in spec["series"]],
            **({"marks": [_without(m, MARK_DEFAULTS) for m in spec["marks"]]} if spec["marks"] else {})}


def chart_line(calc_id: str) -> str:
    """The script line that gives chart.js this calculator's chart ("" without a chart)."""
    from .chart_specs import CHARTS

    chart = CHARTS.get(calc_id)
    return f"GlossaryCharts.define([{js_literal(shipped_chart(chart.metadata()))}]);\n" if chart else ""


def js_literal(value: Any) -> str:
    """``value`` as a JavaScript literal: JSON, with plain-name keys unquoted and whole floats as integers."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{key if NAME.fullmatch(key) else json.dumps(key, ensure_ascii=False)}:{js_literal(v)}"
                              for key, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(js_literal(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53 and str(value) != "-0.0":
        return str(int(value))
    return json.dumps(value, ensure_ascii=False)
