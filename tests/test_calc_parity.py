"""Python ↔ JavaScript parity in Node: every calculator's generated JavaScript against its Python API.

The widget runs JavaScript generated from the same SymPy definition as the Python API,
with its own erfc; every output must match Python to 1e-12 relative, and every refusal and
"none" must be Python's. The math (a grid and 40 random cases per calculator, a dozen
cases per solvable input: ``calc_cases``) runs in one Node process on the bundle the site
ships (``node_batch``), no browser; ``test_calc_browser.py`` shows a case of each outcome
on each calculator page. The module is one xdist group, so Node runs once per test run,
not once per worker.
"""

from __future__ import annotations

import json

import pytest
from calc_cases import IDS, assert_agrees, assert_solved, grid_and_random_cases, solve_cases, solve_texts, texts
from node_batch import printed, run_scripts

import calculators
from calculators.artifacts import bundle

pytestmark = pytest.mark.xdist_group("calc-parity")

# The same through the runtime alone (no page): each run's outputs as data-value has them, or the refusal.
EVALUATE = """;out(((id, runs) => Object.fromEntries(Object.entries(runs).map(([target, list]) => [target, list.map(texts => {
  const G = GlossaryCalculators;
  try {
    const values = G.evaluate(id, texts, target);
    return {outputs: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, [String(value), ""]])),
            error: "", none: ""};
  } catch (error) {
    if (error instanceof G.NoSolution) return {outputs: {}, error: "", none: error.message};
    if (error instanceof G.InputError) return {outputs: {}, error: error.message, none: ""};
    throw error;
  }
})])))(%s, %s));"""

SOLVES = [(calc.id, target) for calc in calculators.REGISTRY.values() for target in calc.solvable]


@pytest.fixture(scope="module")
def javascript() -> dict[str, dict[str, list[dict]]]:
    """Every calculator's grid and random cases (under ``""``) and solve cases (under the input
    solved for), answered by the bundle the site ships, in one Node process."""
    scripts = {}
    for calc_id in IDS:
        calc = calculators.get(calc_id)
        runs = {"": [texts(values) for values in grid_and_random_cases(calc)]}
        runs |= {target: [solve_texts(calc, case) for case in solve_cases(calc, target)] for target in calc.solvable}
        scripts[calc_id] = bundle([calc_id]) + EVALUATE % (json.dumps(calc_id), json.dumps(runs))
    answers = run_scripts(scripts)
    return {calc_id: json.loads(printed(answers, calc_id))[0] for calc_id in IDS}


@pytest.mark.parametrize("calc_id", IDS)
def test_generated_javascript_matches_python_on_a_grid_and_random_cases(javascript, calc_id):
    calc = calculators.get(calc_id)
    worst = 0.0
    for index, (values, result) in enumerate(zip(grid_and_random_cases(calc), javascript[calc_id][""], strict=True)):
        worst = max(worst, assert_agrees(calc, values, result, f"{calc_id} case {index} {values}", widget=False))
    print(f"{calc_id}: largest relative difference {worst:.3g}")


@pytest.mark.parametrize(("calc_id", "target"), SOLVES)
def test_generated_javascript_solves_as_python_does(javascript, calc_id, target):
    found = solve_cases(calculators.get(calc_id), target)
    checked = sum(assert_solved(target, case, result, widget=False)
                  for case, result in zip(found, javascript[calc_id][target], strict=True))
    assert checked >= 5
