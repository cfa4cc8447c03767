"""A calculator page's chart redrawn in Node: the page's own scripts, its form's texts, a stub figure.

The browser's part of the chart tests is the page (loading, typing, drawing at a phone
width); the arithmetic is chart.js's ``update`` on the texts the form holds. That part runs
here for every calculator page of the built site, in one Node process (``node_batch``):
each page's shipped ``assets/calculators`` scripts, in the page's order, then ``update``
on a figure just big enough to keep what chart.js writes (the table body and the SVG
markup). ``figure`` reads that markup as the browser tests read the live figure, and
``built_table`` the table the build wrote into the page, before any script runs.
"""

from __future__ import annotations

import html.parser
import json
from pathlib import Path

# No document to start from (the widgets stay asleep), and a figure whose writes are kept as text.
PRELUDE = r"""
const window = globalThis;
const document = {readyState: "loading", addEventListener() {}, querySelectorAll: () => []};
function element(parts = {}) {
  return {dataset: {}, attributes: {}, innerHTML: "", textContent: "", clientWidth: 600, hidden: false,
          setAttribute(k, v) { this.attributes[k] = String(v); }, removeAttribute(k) { delete this.attributes[k]; },
          addEventListener() {}, querySelector: selector => parts[selector] ?? null};
}
"""
# Each state is the form's texts after one key; a named one prints what the figure then holds.
DRIVER = r"""
const tbody = element(), svg = element();
const figure = element({"table.chart-data tbody": tbody, "svg": svg, ".chart-plot": element(),
                        ".chart-legend": element(), ".chart-readout": element()});
figure.dataset.chart = %(id)s;
figure.dataset.view = GlossaryCharts.specs[%(id)s].views[0].id;
const form = element({"figure.calculator-chart": figure});
for (const [name, texts] of %(states)s) {
  GlossaryCharts.update(form, texts, "");
  if (name) out(name, figure.dataset.drawn ?? null, tbody.innerHTML, svg.innerHTML);
}
"""


class _Page(html.parser.HTMLParser):
    """A built calculator page: its calculator scripts in order and its form's texts as the widget reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.texts: dict[str, str] = {}
        self._in_form, self._select, self._first, self._area = False, None, True, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and "/assets/calculators/" in (a.get("src") or ""):
            self.scripts.append(a["src"])
        elif tag == "form" and "calculator" in (a.get("class") or "").split():
            self._in_form = True
        elif not self._in_form or "disabled" in a or a.get("name") == "solve":
            return
        elif tag == "input" and a.get("name"):
            self.texts[a["name"]] = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self._area = a["name"]
            self.texts[self._area] = ""
        elif tag == "select" and a.get("name"):
            self._select, self._first = a["name"], True
        elif tag == "option" and self._select and (self._first or "selected" in a):
            self.texts[self._select], self._first = a.get("value") or "", False  # the selected one, else the first

    def handle_data(self, data):
        if self._area:
            self.texts[self._area] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._area = None


def page_script(page: Path, calc_id: str, typed: dict[str, str]) -> str:
    """The Node script for one built page: its scripts, then the chart for the form's texts
    (``before``) and after each typed field key by key (``after``: every field typed)."""
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    sources = [(page.parent / src).resolve().read_text(encoding="utf-8") for src in parsed.scripts]
    texts, states = dict(parsed.texts), [["before", dict(parsed.texts)]]
    for name, text in typed.items():
        assert name in texts, f"{page}: the form has no enabled field named {name}"
        for n in range(1, len(text) + 1):
            texts[name] = text[:n]
            states.append(["", dict(texts)])
    states[-1][0] = "after"
    driver = DRIVER % {"id": json.dumps(calc_id), "states": json.dumps(states)}
    return PRELUDE + "\n;\n".join(sources) + "\n;\n" + driver


class _Figure(html.parser.HTMLParser):
    """The table rows, point, marks and lines chart.js wrote, as the browser tests' READ takes them."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.point: list[str] | None = None
        self.marks: dict[str, list[str | None]] = {}
        self.paths: list[str] = []
        self._cell: str | None = None

    def handle_starttag(self, tag, attrs):
        a, classes = dict(attrs), (dict(attrs).get("class") or "").split()
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = ""
        elif tag == "circle" and "chart-point" in classes and self.point is None:
            self.point = [a.get("data-x"), a.get("data-y")]
        elif "chart-mark" in classes:
            self.marks[a.get("data-mark")] = [a.get("data-x"), a.get("data-y")]
        elif tag == "path" and "chart-line" in classes:
            self.paths.append(a.get("d"))

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append(self._cell)
            self._cell = None


class _Tables(html.parser.HTMLParser):
    """The chart tables of a built page, before any script runs: {calc id: (names, rows)}."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, tuple[list[str], list[list[str]]]] = {}
        self._chart, self._cell = "", None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "figure" and "data-chart" in attributes:
            self._chart = attributes["data-chart"]
            self.found[self._chart] = ([], [])
        elif tag == "th" and "data-name" in attributes and self._chart:
            self.found[self._chart][0].append(attributes["data-name"])
        elif tag == "tr" and self._chart and self.found[self._chart][0]:
            self.found[self._chart][1].append([])
        elif tag == "td" and self._chart:
            self._cell = ""

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.found[self._chart][1][-1].append(self._cell)
            self._cell = None
        elif tag == "figure":
            self._chart = ""


def built_table(site: Path, calc_id: str) -> tuple[list[str], list[list[str]]]:
    """The column names and cell texts of the chart table built into the calculator's page."""
    parser = _Tables()
    parser.feed((site / "calculators" / calc_id / "index.html").read_text(encoding="utf-8"))
    return parser.found[calc_id]


def figure(names: list[str], drawn: str | None, table: str, svg: str) -> dict:
    """One printed state as the browser tests' READ returns the live figure (``names``: the built table's head)."""
    parsed = _Figure()
    parsed.feed(table + svg)
    return {"names": names, "rows": parsed.rows, "point": parsed.point, "marks": parsed.marks,
            "drawn": drawn, "paths": parsed.paths}
