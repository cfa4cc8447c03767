"""One file of cases, two implementations: each runtime rule in Python and in ``runtime.js``.

The number display, JavaScript's ``String(x)``, tier-table checks, the tier lookup and the
reading of input texts are written twice: in Python (the page as built, the API, the
CLI) and in JavaScript (the widget after its script runs). ``tests/data/runtime-cases.json``
says what each must give; Python is checked here directly and the widget script (the
bundle the site ships) in one Node process for all cases. Numbers must agree to 1e-12
relative, texts exactly.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import calculators
from calculators import CalculatorInputError
from calculators.artifacts import bundle
from calculators.numbers import display, display_percent, js_string
from calculators.tiers import parse_tiers, resolve
from conftest import ROOT

CASES = json.loads((ROOT / "tests" / "data" / "runtime-cases.json").read_text(encoding="utf-8"))
REL = 1e-12

DRIVER = r"""
const {tierLookup, GlossaryCalculators: G} = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const attempt = f => { try { return f(); } catch (error) { return {error: error.message, type: error.constructor.name}; } };
const lookups = (table, list) => list.map(l => attempt(() => tierLookup(table, l.notional)));
console.log(JSON.stringify({
  display: cases.display.map(c => G.display(c.value)),
  percent: cases.percent.map(c => G.percent(c.value)),
  string: cases.string.map(c => String(c.value)),
  tier_tables: cases.tier_tables.map(c => attempt(() => {
    const table = G.tierTable(c.table);
    return {table, lookups: table === null ? [] : lookups(table, c.lookups || [])};
  })),
  inputs: cases.inputs.map(c => attempt(() => Object.fromEntries(
    Object.entries(G.evaluate(c.calculator, c.texts)).map(([name, value]) => [name, {value, text: G.display(value)}])))),
}));
"""


def node() -> str:
    found = shutil.which("node") or ("/usr/bin/node" if Path("/usr/bin/node").exists() else None)
    if found is None:
        pytest.fail("node is not installed: the widget's runtime cannot be checked (install nodejs)")
    return found


@pytest.fixture(scope="module")
def javascript(tmp_path_factory) -> dict[str, list[Any]]:
    """Every case's result from the shipped widget script, in one Node process."""
    script = tmp_path_factory.mktemp("runtime") / "calculators.js"
    script.write_text(bundle(list(calculators.REGISTRY)), encoding="utf-8")
    done = subprocess.run([node(), "-e", DRIVER, str(script)], input=json.dumps(CASES), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, f"node failed:\n{done.stderr}"
    return json.loads(done.stdout)


def close(actual: float, expected: float) -> bool:
    return actual == expected if expected == 0 else abs(actual - expected) <= REL * abs(expected)


def ids(section: str) -> list[str]:
    return [str(case.get("value", case.get("table", case.get("texts"))))[:50] for case in CASES[section]]


@pytest.mark.parametrize("case", CASES["display"], ids=ids("display"))
def test_display_in_python(case):
    assert display(case["value"]) == case["text"], case.get("why")


def test_display_in_javascript(javascript):
    wrong = [(c["value"], c["text"], shown) for c, shown in zip(CASES["display"], javascript["display"], strict=True)
             if shown != c["text"]]
    assert not wrong, f"(value, expected, runtime.js display) differ: {wrong}"


def test_the_cases_cover_what_issue_11_names():
    values = [c["value"] for c in CASES["display"]]
    assert {123456789012.5, 1e-7, 0.1 + 0.2, 1e21} <= set(values)
    assert any(math.copysign(1, v) < 0 and v == 0 for v in values), "no -0 case"
    assert any(v < 0 for v in values if v) and max(map(abs, values)) > 1e300 and min(abs(v) for v in values if v) < 1e-300


@pytest.mark.parametrize("case", CASES["percent"], ids=ids("percent"))
def test_percent_in_python(case):
    assert display_percent(case["value"]) == case["text"], case.get("why")


def test_percent_in_javascript(javascript):
    wrong = [(c["value"], c["text"], shown) for c, shown in zip(CASES["percent"], javascript["percent"], strict=True)
             if shown != c["text"]]
    assert not wrong, f"(value, expected, runtime.js percent) differ: {wrong}"


@pytest.mark.parametrize("case", CASES["string"], ids=ids("string"))
def test_js_string_in_python(case):
    assert js_string(case["value"]) == case["text"]


def test_string_in_javascript(javascript):
    assert javascript["string"] == [c["text"] for c in CASES["string"]]


def python_tier_case(case: dict) -> dict:
    """What Python makes of a tier-table case, shaped like the Node driver's answer."""
    try:
        table = parse_tiers(case["table"])
    except CalculatorInputError as exc:
        return {"error": str(exc)}
    results = []
    for lookup in case.get("lookups", []):
        try:
            results.append(list(resolve(table, lookup["notional"])))
        except CalculatorInputError as exc:
            results.append({"error": str(exc)})
    return {"table": list(table) or None, "lookups": results}


def assert_tier_case(case: dict, got: dict, who: str) -> None:
    context = f"{who}: {case['table'][:80]}"
    if "error" in case:
        assert got.get("error") == case["error"], context
    elif "error_starts" in case:
        assert got.get("error", "").startswith(case["error_starts"]), (context, got)
    elif case.get("empty"):
        assert got == {"table": None, "lookups": []}, context
    else:
        assert "error" not in got, (context, got)
        for lookup, result in zip(case["lookups"], got["lookups"], strict=True):
            if "error" in lookup:
                assert result == {"error": lookup["error"], **({"type": "RangeError"} if who == "JavaScript" else {})}
            else:
                assert all(close(a, e) for a, e in zip(result, lookup["result"], strict=True)), (context, lookup, result)


@pytest.mark.parametrize("index", range(len(CASES["tier_tables"])), ids=ids("tier_tables"))
def test_tier_table_in_python(index):
    case = CASES["tier_tables"][index]
    assert_tier_case(case, python_tier_case(case), "Python")


def test_tier_tables_in_javascript(javascript):
    for case, got in zip(CASES["tier_tables"], javascript["tier_tables"], strict=True):
        assert_tier_case(case, got, "JavaScript")


def python_inputs_case(case: dict) -> dict:
    try:
        outputs = calculators.get(case["calculator"]).compute(**case["texts"])
    except CalculatorInputError as exc:
        return {"error": str(exc)}
    return {name: {"value": value, "text": display(value)} for name, value in outputs.items()}


def assert_inputs_case(case: dict, got: dict, who: str) -> None:
    context = f"{who}: {case['calculator']} {case['texts']}"
    if "error" in case:
        assert got.get("error") == case["error"], (context, got)
        return
    assert "error" not in got, (context, got)
    for name, expected in case["outputs"].items():
        assert close(got[name]["value"], expected["value"]), (context, name, got[name])
        assert got[name]["text"] == expected["text"], (context, name, got[name])


@pytest.mark.parametrize("index", range(len(CASES["inputs"])), ids=ids("inputs"))
def test_input_texts_in_python(index):
    case = CASES["inputs"][index]
    assert_inputs_case(case, python_inputs_case(case), "Python")


def test_input_texts_in_javascript(javascript):
    for case, got in zip(CASES["inputs"], javascript["inputs"], strict=True):
        assert_inputs_case(case, got, "JavaScript")
