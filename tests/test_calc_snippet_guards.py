"""The copyable snippets refuse what the API and the widget refuse, with the same message.

``tests/data/bad-inputs.json`` lists inputs no calculator accepts (out of range, zero where the
bound is open, NaN, ±Infinity, text that is no number, a choice that is not one). Each case is
run through ``compute``, through every Python snippet in one bare ``python -I -S`` process,
through every JavaScript snippet and the shipped widget script in one Node process, and all
must refuse it with one identical message naming the input. Valid defaults must still give the
same numbers everywhere.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from typing import Any

import pytest
from node_batch import node

import calculators
from calculators.artifacts import artifact, bundle
from calculators.codegen import js_name, python_name
from conftest import ROOT

TABLE = json.loads((ROOT / "tests" / "data" / "bad-inputs.json").read_text(encoding="utf-8"))["cases"]
IDS = sorted(calculators.REGISTRY)
REL = 1e-12

PYTHON_DRIVER = r"""
import json, sys
data = json.load(sys.stdin)
decode = lambda v: float(v["number"]) if isinstance(v, dict) else v
functions = {}
for calc_id, (source, name) in data["snippets"].items():
    namespace = {"__name__": "snippet"}
    exec(source, namespace)
    functions[calc_id] = namespace[name]
results = []
for calc_id, inputs in data["cases"]:
    try:
        results.append(["ok", functions[calc_id](**{k: decode(v) for k, v in inputs.items()})])
    except Exception as error:
        results.append([type(error).__name__, isinstance(error, ValueError), str(error)])
print(json.dumps(results))
"""

JS_DRIVER = r"""
const vm = require("vm");
const data = JSON.parse(require("fs").readFileSync(0, "utf8"));
const decode = v => (v !== null && typeof v === "object") ? Number(v.number) : v;
const attempt = f => { try { return ["ok", f()]; } catch (error) { return [error.constructor.name, error.message]; } };
const functions = {};  // each snippet in its own context: they all define checkNumber, NoSolution, ...
for (const [id, [source, name]] of Object.entries(data.snippets)) functions[id] = vm.runInNewContext(`${source}\n;${name}`, {});
const widget = vm.runInNewContext(`${data.bundle}\n;GlossaryCalculators`, {});
console.log(JSON.stringify({
  snippet: data.cases.map(([id, inputs]) => attempt(() => functions[id](
    Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, decode(v)]))))),
  widget: data.texts.map(([id, texts]) => texts === null ? null : attempt(() => widget.evaluate(id, texts))),
}));
"""


def defaults(calc_id: str) -> dict[str, Any]:
    return {i.name: i.default for i in calculators.get(calc_id).inputs if not (i.kind == "tiers" and i.default == "")}


def decode(value: Any) -> Any:
    return float(value["number"]) if isinstance(value, dict) else value


def runs() -> list[tuple[str, dict[str, Any]]]:
    """Every bad case with the other inputs at their defaults, then each calculator's defaults alone."""
    bad = [(case["calculator"], {**defaults(case["calculator"]), case["input"]: case["value"]}) for case in TABLE]
    return bad + [(calc_id, defaults(calc_id)) for calc_id in IDS]


def widget_texts(calc_id: str, inputs: dict[str, Any]) -> dict[str, str] | None:
    """The texts a reader would type, or None when a value has no text form (the number NaN)."""
    if any(isinstance(v, dict | bool) for v in inputs.values()):
        return None
    item = {i.name: i for i in calculators.get(calc_id).inputs}
    if any(item[k].choices and not isinstance(v, str) for k, v in inputs.items()):
        return None
    return {k: v if isinstance(v, str) else json.dumps(v) for k, v in inputs.items()}


def api_result(calc_id: str, inputs: dict[str, Any]) -> list[Any]:
    try:
        return ["ok", calculators.get(calc_id).compute(**{k: decode(v) for k, v in inputs.items()})]
    except calculators.CalculatorInputError as error:
        return ["CalculatorInputError", len(error.problems), str(error)]


@pytest.fixture(scope="module")
def results() -> dict[str, list[Any]]:
    cases = runs()
    python_snippets = {i: (artifact(i).python, python_name(i)) for i in IDS}
    done = subprocess.run([sys.executable, "-I", "-S", "-c", PYTHON_DRIVER], capture_output=True, text=True, timeout=120,
                          input=json.dumps({"snippets": python_snippets, "cases": cases}))
    assert done.returncode == 0, f"python failed:\n{done.stderr}"
    js_snippets = {i: (artifact(i).javascript, js_name(i)) for i in IDS}
    texts = [(calc_id, widget_texts(calc_id, inputs)) for calc_id, inputs in cases]
    ran = subprocess.run([node(), "-e", JS_DRIVER], capture_output=True, text=True, timeout=120,
                         input=json.dumps({"snippets": js_snippets, "cases": cases, "texts": texts,
                                           "bundle": bundle(IDS)}))
    assert ran.returncode == 0, f"node failed:\n{ran.stderr}"
    javascript = json.loads(ran.stdout)
    return {"cases": cases, "api": [api_result(*case) for case in cases], "python": json.loads(done.stdout),
            "javascript": javascript["snippet"], "widget": javascript["widget"]}


def bad_indices(calc_id: str) -> list[int]:
    return [n for n, case in enumerate(TABLE) if case["calculator"] == calc_id]


def label(n: int) -> str:
    case = TABLE[n]
    return f"{case['input']}={case['value']!r} ({case['why']})"


def test_the_table_covers_every_bound_of_every_calculator():
    have = {(c["calculator"], c["input"], json.dumps(c["value"])) for c in TABLE}
    missing = []
    for calc_id in IDS:
        for item in calculators.get(calc_id).inputs:
            if item.kind == "tiers":
                continue
            need = ["sideways"] if item.choices else [{"number": "NaN"}, {"number": "Infinity"}, "1,5"]
            need += [item.low - 1] if item.low is not None and not item.choices else []
            need += [item.low] if item.low_open else []
            need += [item.high + 1] if item.high is not None else []
            missing += [(calc_id, item.name, v) for v in need if (calc_id, item.name, json.dumps(v)) not in have]
    assert not missing, f"add these to tests/data/bad-inputs.json: {missing}"
    assert {c["calculator"] for c in TABLE} == set(IDS)


@pytest.mark.parametrize("calc_id", IDS)
def test_the_api_refuses_each_case_with_one_message_naming_the_input(calc_id, results):
    wrong = [(label(n), results["api"][n]) for n in bad_indices(calc_id)
             if results["api"][n][:2] != ["CalculatorInputError", 1]
             or not results["api"][n][2].startswith(TABLE[n]["input"] + " ")]
    assert not wrong, wrong


@pytest.mark.parametrize("calc_id", IDS)
def test_the_python_snippet_refuses_each_case_as_the_api_does(calc_id, results):
    wrong = [(label(n), results["python"][n], results["api"][n][2]) for n in bad_indices(calc_id)
             if results["python"][n] != ["CalculatorInputError", True, results["api"][n][2]]]
    assert not wrong, wrong


@pytest.mark.parametrize("calc_id", IDS)
def test_the_javascript_snippet_refuses_each_case_as_the_api_does(calc_id, results):
    wrong = [(label(n), results["javascript"][n], results["api"][n][2]) for n in bad_indices(calc_id)
             if results["javascript"][n] != ["RangeError", results["api"][n][2]]]
    assert not wrong, wrong


@pytest.mark.parametrize("calc_id", IDS)
def test_the_widget_refuses_each_typed_case_as_the_api_does(calc_id, results):
    typed = [n for n in bad_indices(calc_id) if results["widget"][n] is not None]
    assert typed, f"{calc_id}: no case of the table can be typed into the widget"
    wrong = [(label(n), results["widget"][n], results["api"][n][2]) for n in typed
             if results["widget"][n] != ["InputError", results["api"][n][2]]]
    assert not wrong, wrong


def close(actual: float, expected: float) -> bool:
    return actual == expected if expected == 0 else abs(actual - expected) <= REL * abs(expected)


@pytest.mark.parametrize("calc_id", IDS)
def test_valid_defaults_still_compute_the_same_everywhere(calc_id, results):
    n = len(TABLE) + IDS.index(calc_id)
    status, expected = results["api"][n]
    assert status == "ok", expected
    assert results["python"][n] == ["ok", expected]
    for source in ("javascript", "widget"):
        got_status, got = results[source][n]
        assert got_status == "ok", (source, got)
        assert list(got) == list(expected), source
        wrong = {k: (got[k], v) for k, v in expected.items() if not (math.isfinite(v) and close(got[k], v))}
        assert not wrong, f"{source} differs from compute beyond {REL:g}: {wrong}"
