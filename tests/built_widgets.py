"""The widgets of built pages, recomputed in Node by the scripts each page ships (issue 11, no browser).

A reader must never see a number change when the widget script loads: the text Python wrote
into each ``<output>`` must be the text ``widget.js`` writes over it. Where Chromium is not
needed, the same holds in one Node process (``node_batch``): each page's own
``assets/calculators`` scripts, in the page's order, then for each of its forms what
``widget.js`` does at start-up: read the enabled fields (a tier table in the textarea turns
off the fields it supplies, as the tier editor does), ``evaluate`` them, and write each output
as ``show`` does: ``none`` in the primary output when there is no solution, "—" where there is
no value, else ``percent`` for a ``data-percent`` output and ``display`` for the others.
"""

from __future__ import annotations

import html.parser
import json
import re
from dataclasses import dataclass
from pathlib import Path

from node_batch import printed, run_scripts

# The scripts see no document to bind (the widgets stay asleep); then each form as widget.js's
# init → attachTiers → applyMode → update → show would leave it.
PRELUDE = 'const window = globalThis;\nconst document = {readyState: "loading", addEventListener() {}};\n'
DRIVER = r"""
;out(%s.map(([id, given, outputs]) => {
  const G = GlossaryCalculators, meta = G.registry[id].meta, texts = {...given};
  if (typeof GlossaryTierEditor !== "undefined" && (texts.tiers || "").trim()) {
    for (const name of meta.tierSupplies) delete texts[name];
  }
  let values = null, none = "";
  try {
    values = G.evaluate(id, texts, "");
  } catch (error) {
    if (error instanceof G.NoSolution) none = meta.primary;
    else if (!(error instanceof G.InputError)) throw error;
  }
  return Object.fromEntries(outputs.map(([name, rate]) => {
    const value = values ? values[name] : undefined;
    return [name, name === none ? "none" : value === undefined ? "—" : rate ? G.percent(value) : G.display(value)];
  }));
}));
"""


@dataclass(frozen=True)
class Widget:
    """One built form: its calculator, the texts its enabled fields hold, each output's built text,
    and the outputs marked ``data-percent`` (rates)."""

    calculator: str
    texts: dict[str, str]
    outputs: dict[str, str]
    rates: frozenset[str]


class _Page(html.parser.HTMLParser):
    """The widgets of a built page's forms, before any script runs."""

    def __init__(self) -> None:
        super().__init__()
        self.widgets: list[Widget] = []
        self._form: Widget | None = None
        self._rates: set[str] = set()
        self._select: str | None = None
        self._first = False
        self._text: tuple[dict, str] | None = None  # (where, name) of the textarea or output being read

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "data-calculator" in a:
            self._form, self._rates = Widget(a["data-calculator"], {}, {}, frozenset()), set()
        elif tag == "option" and self._select and (self._first or "selected" in a):
            self._form.texts[self._select], self._first = a.get("value") or "", False  # the selected, else the first
        elif self._form is None or "disabled" in a or a.get("name") in (None, "solve"):
            return
        elif tag == "output":
            self._form.outputs[a["name"]] = ""
            self._text = (self._form.outputs, a["name"])
            if "data-percent" in a:
                self._rates.add(a["name"])
        elif tag == "input":
            self._form.texts[a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self._form.texts[a["name"]] = ""
            self._text = (self._form.texts, a["name"])
        elif tag == "select":
            self._select, self._first = a["name"], True

    def handle_data(self, data):
        if self._text:
            where, name = self._text
            where[name] += data

    def handle_endtag(self, tag):
        if tag in ("output", "textarea"):
            self._text = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            self.widgets.append(Widget(self._form.calculator, self._form.texts, self._form.outputs,
                                       frozenset(self._rates)))
            self._form = None


# The tags a widget's state is in (forms, fields, options, outputs with their text): the rest of a
# page (some 50 KB, a fifth of it the widget's working list and chart) need not be parsed.
FIELDS = re.compile(r"<form\b[^>]*>|</form>|<(?:input|select|option)\b[^>]*>|</select>"
                    r"|<output\b[^>]*>[^<]*</output>|<textarea\b[^>]*>[^<]*</textarea>")
SCRIPT = re.compile(r'<script src="([^"]*/assets/calculators/[^"]*)"')


def read_page(page: Path) -> tuple[tuple[Path, ...], list[Widget]]:
    """A built page's calculator scripts (as files, in the page's order) and its widgets."""
    text = page.read_text(encoding="utf-8")
    parsed = _Page()
    parsed.feed("".join(FIELDS.findall(text)))
    return tuple((page.parent / src).resolve() for src in SCRIPT.findall(text)), parsed.widgets


def recompute(pages: dict[str, Path]) -> dict[str, list[tuple[Widget, dict[str, str]]]]:
    """Each page's widgets with the output texts its shipped scripts write over them, in one Node
    process: one script per set of shipped files, for every widget of the pages that load that set."""
    read = {name: read_page(page) for name, page in pages.items()}
    groups: dict[tuple[Path, ...], list[Widget]] = {}
    for files, widgets in read.values():
        groups.setdefault(files, []).extend(widgets)
    keys = {files: " + ".join(f.name for f in files) for files in groups}
    scripts = {keys[files]: PRELUDE + "\n;\n".join(f.read_text(encoding="utf-8") for f in files) + DRIVER % json.dumps(
        [[w.calculator, w.texts, [[name, name in w.rates] for name in w.outputs]] for w in widgets])
        for files, widgets in groups.items()}
    answers = run_scripts(scripts)
    shown = {files: iter(json.loads(printed(answers, keys[files]))[0]) for files in groups}
    return {name: [(widget, next(shown[files])) for widget in widgets] for name, (files, widgets) in read.items()}
