"""The widget's JavaScript as the site ships it: minified, split per calculator, named by hash.

A page loads only what it shows: the runtime's core (``runtime.js``), the widgets' runtime
(``working.js``, ``chart.js``, ``widget.js``) where a widget is (the position builder draws
its own chart: core only), the tier editor where a calculator takes a tier table, and one
small file per calculator on the page. Each file's name carries a hash of its content
(``runtime.3f2a9c1e0b.js``), so a browser may cache it forever.

Material's instant navigation re-runs every script in the new page's content, in any order.
So each runtime file runs once (a second run returns at once) and puts its exports on
``globalThis``; a file that needs another waits in a queue (``__glossaryPending``) until it
has run, and every file that provides something wakes the queue. Under Node (tests) the
same files still set ``module.exports``.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .artifacts import HERE, artifact
from .charts import dependencies
from .mangler import mangle
from .script_data import chart_line, js_literal, shipped_meta
from .signature import compute_via_steps
from .string_pool import pool

FOLDER = "assets/calculators"
CORE_PARTS = ("runtime.js",)  # what every page with a calculator needs, the builder too
UI_PARTS = ("working.js", "chart.js", "widget.js")  # a widget's working, chart and form; chart.js only when it exists
RUNTIME = "runtime"
WIDGETS = "widgets"
TIER_EDITOR = "tier-editor"  # tier_editor.js, for pages whose calculator takes a tier table
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "crypto-derivatives-glossary" / "scripts"
SHRINKER = ("scripts.py", "string_pool.py", "mangler.py", "js_scopes.py")  # a change to any: shrink anew
CALL_SUFFIX = "-compute"  # linear-pnl-compute.<hash>.js: what a chart's call needs of linear-pnl

_WRAP_START = """(function (module) {
"use strict";
if (typeof window !== "undefined" && window.GlossaryCalculators) return;  // already running: instant navigation
"""
# wake() runs the functions waiting for a file that has just run; each checks again and, still short
# of what it needs, waits again (the queue is swapped first, so a waiting function runs once per wake).
_WRAP_END = """
GlossaryCalculators.wake = () => {
  const waiting = globalThis.__glossaryPending || [];
  globalThis.__glossaryPending = [];
  for (const run of waiting) run();
};
Object.assign(globalThis, module.exports);
GlossaryCalculators.wake();
})(typeof module !== "undefined" ? module : {});
"""
# The widgets' runtime waits for the core like a calculator file, then runs once, whichever page brought it.
_UI_START = """(function run(module) {
"use strict";
if (typeof GlossaryCalculators === "undefined") {
  (globalThis.__glossaryPending = globalThis.__glossaryPending || []).push(() => run(module));
  return;
}
if (typeof window !== "undefined" && window.GlossaryWorking) return;  // already running: instant navigation
"""
_UI_END = """
globalThis.GlossaryWorking = GlossaryWorking;
if (typeof GlossaryCharts !== "undefined") globalThis.GlossaryCharts = GlossaryCharts;
GlossaryCalculators.wake();
})(typeof module !== "undefined" ? module : {});
"""
# A calculator file run before what it needs (the core; a widget's file: the widgets' runtime) waits;
# once registered, it wakes the queue (the builder waits for black-76) and starts the page's widgets.
_GATE_START = """(function run() {
if (typeof %s === "undefined") {
  (globalThis.__glossaryPending = globalThis.__glossaryPending || []).push(run);
  return;
}
"""
_GATE_END = """
GlossaryCalculators.wake();
if (typeof document !== "undefined" && document.readyState !== "loading" && GlossaryCalculators.initAll) {
  GlossaryCalculators.initAll();
}
})();
"""
_START_WIDGETS = """
if (typeof GlossaryCalculators !== "undefined" && GlossaryCalculators.initAll && typeof document !== "undefined" &&
    document.readyState !== "loading") {
  GlossaryCalculators.initAll();
}
"""


@dataclass(frozen=True)
class Script:
    """One shipped script: its site path (``assets/calculators/<name>.<hash>.js``) and text."""

    path: str
    text: str


def minify(source: str) -> str:
    """``source`` without comments and needless blanks (rjsmin: no renaming, no rewriting)."""
    import rjsmin

    return rjsmin.jsmin(source).strip() + "\n"


def shrink(source: str) -> str:
    """``source`` as shipped: repeated strings pooled, local names shortened, then minified.

    Parsing is slow in pure Python (about 5 s for every script of the site), so the result is
    kept on disk under a hash of the source and of the shrinking code: a rebuild, or a preview
    that re-imports the package after an edit, parses only the scripts that changed.
    """
    key = hashlib.sha256(_shrinker_fingerprint() + source.encode("utf-8")).hexdigest()
    cached = CACHE / f"{key}.js"
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    text = minify(mangle(pool(source)))
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(cached)  # whole or absent, even with two builds at once
    except OSError:
        pass  # a read-only home: shrink again next time
    return text


@functools.cache
def _shrinker_fingerprint() -> bytes:
    digest = hashlib.sha256(importlib.metadata.version("esprima-fork").encode())
    for name in SHRINKER:
        digest.update((HERE / name).read_bytes())
    return digest.digest()


def asset(name: str, source: str) -> Script:
    """``source`` shrunk, under ``FOLDER`` with a content hash in its name."""
    text = shrink(source)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return Script(f"{FOLDER}/{name}.{digest}.js", text)


def _parts(names: Sequence[str]) -> str:
    return "\n".join((HERE / name).read_text(encoding="utf-8") for name in names if (HERE / name).is_file())


def runtime_source() -> str:
    """The core of the runtime inside its run-once wrapper (unminified)."""
    return _WRAP_START + _parts(CORE_PARTS) + _WRAP_END


def widgets_source() -> str:
    """The widgets' runtime in order, waiting for the core, inside its run-once wrapper (unminified)."""
    return _UI_START + _parts(UI_PARTS) + _UI_END


def calculator_source(calc_id: str) -> str:
    """One calculator's registration: its metadata, compute function and closed-form solvers."""
    made = artifact(calc_id)
    solvers = ", ".join(f"{name}: {text.strip()}" for name, text in made.javascript_solvers.items())
    return (f"const $steps = {made.javascript_steps.strip()};\n"
            f"GlossaryCalculators.register({js_literal(shipped_meta(made.metadata))},\n"
            f"{shipped_compute(calc_id)},\n{{{solvers}}});\n"
            f"GlossaryWorking.register({json.dumps(calc_id)}, $steps);\n" + chart_line(calc_id))


def shipped_compute(calc_id: str) -> str:
    """The compute function of ``calc_id``'s file: its input checks, then ``$steps`` (the same body, once).

    The generated steps function returns every step and output by name; where it returns
    every output (it always should), compute reads them from it, else it is shipped whole.
    """
    from . import get

    made, spec = artifact(calc_id), get(calc_id).spec
    returned = re.search(r"return \{([^{}]*)\};\n\}\s*$", made.javascript_steps)
    if returned is None or not set(spec.output_names) <= {n.strip() for n in returned.group(1).split(",")}:
        return made.javascript_function.strip()
    return compute_via_steps(spec, "$steps")


def call_source(calc_id: str) -> str:
    """What another calculator's chart needs of ``calc_id``: its inputs and compute function only.

    It registers only where the full file has not (that one also carries the solvers, the
    working and the chart, which a chart's call never uses).
    """
    made = artifact(calc_id)
    return (f"if (!GlossaryCalculators.registry[{json.dumps(calc_id)}]) GlossaryCalculators.register("
            f"{js_literal(shipped_meta(made.metadata))},\n{made.javascript_function.strip()}, {{}});\n")


@functools.cache
def runtime() -> Script:
    return asset(RUNTIME, runtime_source())


@functools.cache
def widgets() -> Script:
    return asset(WIDGETS, widgets_source())


@functools.cache
def tier_editor() -> Script:
    # In a function of its own, so its strings are pooled there (it declares nothing at the top level).
    return asset(TIER_EDITOR, "(function () {\n" + (HERE / "tier_editor.js").read_text(encoding="utf-8")
                 + _START_WIDGETS + "})();\n")


@functools.cache
def calculator_script(calc_id: str) -> Script:
    return asset(calc_id, _GATE_START % "GlossaryWorking" + calculator_source(calc_id) + _GATE_END)


@functools.cache
def call_script(calc_id: str) -> Script:
    return asset(f"{calc_id}{CALL_SUFFIX}", _GATE_START % "GlossaryCalculators" + call_source(calc_id) + _GATE_END)


def page_scripts(calc_ids: Sequence[str], calls: Sequence[str] = ()) -> list[Script]:
    """What a page with these calculators loads, in order: the core, the widgets' runtime, then each calculator once.

    A calculator that only a chart (or the page's own script: ``calls``) calls comes as its
    compute function alone (``call_script``). A page with no widget (the builder: ``calls``
    only) loads the core and those, not the widgets' runtime.
    """
    needed = [*calls, *(d for i in calc_ids for d in dependencies(i))]
    calls = list(dict.fromkeys(d for d in needed if d not in calc_ids))
    from . import get

    ui = [widgets()] if calc_ids else []
    editor = [tier_editor()] if any(i.kind == "tiers" for c in calc_ids for i in get(c).inputs) else []
    return [runtime(), *ui, *editor, *(call_script(i) for i in calls),
            *(calculator_script(i) for i in dict.fromkeys(calc_ids))]


def bundle(calc_ids: Sequence[str]) -> str:
    """The shipped files of these calculators as one script (for Node and tests): runtime first."""
    return "\n".join(script.text for script in page_scripts(calc_ids))
