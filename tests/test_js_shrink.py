"""The shipped scripts' shrinking keeps their meaning: names, pooled strings, numbers, data.

Each tricky snippet runs in Node as written and as shipped (``scripts.shrink``) and must
print the same; scripts the renamer cannot prove safe are refused; the shipped compute
function is the generated one's checks and the steps function's body, line for line; and
the metadata and chart specs a page script leaves short come back whole in the runtime.
"""

from __future__ import annotations

import json
import re

import pytest
from node_batch import printed, run_scripts

import calculators
from calculators.artifacts import artifact, bundle
from calculators.chart_specs import CHARTS
from calculators.mangler import MangleError, mangle, shortest_number
from calculators.scripts import shrink
from calculators.signature import check_inputs_js
from calculators.string_pool import pool

SNIPPETS = {
    "shadowing": """(function () {
  const total = 1, label = "outer";
  function add(value) { const total = value + 10; return [total, label]; }
  { let label = "block"; out(label, total); }
  out(add(5), total, label, typeof undeclaredName);
})();""",
    "shorthand and destructuring": """(function () {
  const entry_price = 3, other = {quantity: 2};
  const {quantity, missing = entry_price * 2, ...rest} = {...other, extra: 1};
  let [first, , third = "third"] = [1, 2];
  [first, third] = [third, first];
  out({entry_price, quantity, missing, rest, first, third});
})();""",
    "closures, loops, catch, switch": """(function () {
  const made = [];
  for (let index = 0; index < 3; index++) made.push(() => index * index);
  for (const [key, value] of Object.entries({a: 1, b: 2})) made.push(() => key + value);
  try { null.property; } catch (error) { made.push(() => error instanceof TypeError); }
  switch (made.length) { case 6: { const found = "six"; made.push(() => found); break; } default: made.push(() => "?"); }
  var hoisted = later();
  function later() { return "hoisted"; }
  out(made.map(f => f()), hoisted);
})();""",
    "classes keep their names": """(function () {
  class InputError extends Error { constructor(message) { super(message); this.kind = "input"; } }
  const error = new InputError("bad");
  out(error.constructor.name, error instanceof InputError, error.kind, error.message);
})();""",
    "strings and properties pooled": """(function () {
  "use strict";
  const shapes = {"undefined": 1, long: "undefined"}, items = [{length: 3}, "undefined", "undefined"];
  const maybe = null, text = "undefined";
  out(typeof nothing === "undefined", shapes.long, shapes["undefined"], items.length, items[0].length,
      items.map(i => i.length), maybe?.length, maybe?.length?.toFixed, text.length, (1.0).toFixed(2), 0.50 + 2.0);
})();""",
    "top level stays": """var kept = 1; function topLevel(argument) { return argument + kept; }
out(topLevel(2), typeof kept);""",
}
# After the shipped bundle (no document: the widgets stay asleep): every calculator's metadata and the chart specs.
BUNDLE_METADATA = """
;out({meta: Object.fromEntries(Object.entries(GlossaryCalculators.registry).map(([k, v]) => [k, v.meta])),
      charts: globalThis.GlossaryCharts.specs});
"""


@pytest.fixture(scope="module")
def printed_by() -> dict[str, dict]:
    """What every snippet prints as written and as shrunk, and the bundle's metadata, from one Node process."""
    scripts = {}
    for name, source in SNIPPETS.items():
        scripts[f"{name}: original"], scripts[f"{name}: shrunk"] = source, shrink(source)
    scripts["bundle metadata"] = bundle(list(calculators.REGISTRY)) + BUNDLE_METADATA
    return run_scripts(scripts)


@pytest.mark.parametrize("name", SNIPPETS)
def test_a_shrunk_snippet_prints_what_the_original_prints(name, printed_by):
    source = SNIPPETS[name]
    shrunk = shrink(source)
    assert len(shrunk) < len(source)
    original = printed(printed_by, f"{name}: original")
    assert original.count("\n") >= 1, f"{name} printed nothing"
    assert printed(printed_by, f"{name}: shrunk") == original


def test_names_are_short_but_keys_globals_and_top_level_names_stay():
    shrunk = shrink(SNIPPETS["shorthand and destructuring"])
    assert "entry_price:" in shrunk and "quantity:" in shrunk and "const entry_price" not in shrunk
    assert "InputError" in shrink(SNIPPETS["classes keep their names"])
    top = shrink(SNIPPETS["top level stays"])
    assert "var kept" in top and "function topLevel(" in top and "argument" not in top
    assert "undeclaredName" in shrink(SNIPPETS["shadowing"])


def test_strings_and_property_names_are_pooled_but_not_keys_or_directives():
    pooled = pool(SNIPPETS["strings and properties pooled"])
    assert '"use strict";\nconst $p' in pooled
    assert '{"undefined": 1, long:' in pooled  # a key stays a key
    assert ".length" not in pooled and "?.[$p" in pooled


@pytest.mark.parametrize("source", ["(function () { eval('1'); })();", "(function () { with (Math) { max(1); } })();",
                                    "(function () { if (true) { function inner() {} } })();"])
def test_a_script_the_renamer_cannot_prove_safe_is_refused(source):
    with pytest.raises(MangleError):
        mangle(source)


def test_numbers_take_their_shortest_text_with_the_same_value():
    assert [shortest_number(r) for r in ["0.0", "1.0", "0.25", "2.50", "1e-17", "0x10", "010", "10n", "1e21"]] == \
        ["0", "1", ".25", "2.50", "1e-17", "0x10", "010", "10n", "1e21"]


@pytest.mark.parametrize("calc_id", list(calculators.REGISTRY))
def test_the_shipped_compute_is_the_generated_checks_then_the_steps_body(calc_id):
    made, spec = artifact(calc_id), calculators.get(calc_id).spec
    compute = made.javascript_function.strip().splitlines()
    steps = made.javascript_steps.strip().splitlines()
    checks = ["  " + line for line in check_inputs_js(spec)]
    assert compute[1:1 + len(checks)] == checks
    assert compute[1 + len(checks):-2] == steps[1:-2]  # the same lines between the checks and the returns
    returned = re.fullmatch(r"  return \{(.*)\};", steps[-2]).group(1).split(", ")
    assert set(spec.output_names) <= set(returned)


def test_short_metadata_and_chart_specs_come_back_whole_in_the_runtime(printed_by):
    [[shipped]] = [json.loads(line) for line in printed(printed_by, "bundle metadata").splitlines()]
    for calc_id in calculators.REGISTRY:
        assert shipped["meta"][calc_id] == json.loads(json.dumps(artifact(calc_id).metadata)), calc_id
    assert shipped["charts"] == {i: json.loads(json.dumps(c.metadata())) for i, c in CHARTS.items()}
