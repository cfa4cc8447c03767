"""The copyable snippets run on their own: Python in a bare interpreter, JavaScript in Node.

The Python snippet is what ``compute`` executes, so a fresh ``python -I -S`` (stdlib only) must
give exactly ``compute``'s numbers; that proves the snippet imports what it uses. The JavaScript
snippet must agree to 1e-12 relative and throw ``RangeError`` where Python refuses. The runtime's
``erfc`` is checked against mpmath at 30 digits.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from fractions import Fraction

import mpmath
import pytest
from node_batch import printed, run_scripts

import calculators
from calculators.artifacts import artifact
from calculators.codegen import js_name, python_name
from calculators.tiers import example_table
from conftest import ROOT

TIERS = example_table()["tiers"]
REL = 1e-12

# Besides the defaults: valid input sets inside the bounds, covering both sides / option types,
# omitted optional inputs, exact zeros, clamps and branches, and the shipped tier table.
CASES: dict[str, list[dict]] = {
    "constant-product-swap": [
        {"reserve_in": 5e6, "reserve_out": 2500.5, "amount_in": 12345.678, "fee_rate": 0.0005},
        {"reserve_in": 1, "reserve_out": 1, "amount_in": 0.25, "fee_rate": 0},
        {"reserve_in": 42, "reserve_out": 7, "amount_in": 3},
    ],
    "impermanent-loss": [{"price_ratio": 0.25}, {"price_ratio": 1}, {"price_ratio": 1e3}],
    "maintenance-margin": [
        {"notional": 1.5e6, "maintenance_margin_rate": 0.025, "maintenance_amount": 16750},
        {"notional": 264_000, "tiers": TIERS},
        {"notional": 12_345_678.9, "tiers": TIERS},
        {"notional": 0, "maintenance_margin_rate": 0.5},
    ],
    "initial-margin": [{"notional": 0, "leverage": 1}, {"notional": 123_456.78, "leverage": 125}],
    "margin-ratio": [{"maintenance_margin": 0, "margin_balance": 1}, {"maintenance_margin": 2500, "margin_balance": 1999.99}],
    "liquidation-price": [
        {"side": "short", "quantity": 0.5, "entry_price": 30_000, "wallet_balance": 1000, "maintenance_margin_rate": 0.005,
         "maintenance_amount": 50, "other_maintenance_margin": 10, "other_unrealized_pnl": -25},
        {"side": "long", "quantity": 2.5, "entry_price": 60_000, "wallet_balance": 12_000, "maintenance_margin_rate": 0.01,
         "maintenance_amount": 1300},
        {"side": "short", "quantity": 3, "entry_price": 1850.25, "wallet_balance": 0, "maintenance_margin_rate": 0},
        {"side": "long", "quantity": 10, "entry_price": 60_000, "wallet_balance": 30_000, "tiers": TIERS},
        {"side": "short", "quantity": 50, "entry_price": 60_000, "wallet_balance": 150_000, "tiers": TIERS},
    ],
    "linear-pnl": [
        {"side": "short", "quantity": 0.75, "entry_price": 60_000, "exit_price": 63_000},
        {"side": "long", "quantity": 12.5, "entry_price": 1850.5, "exit_price": 1700.25},
    ],
    "inverse-pnl": [
        {"side": "short", "contracts": 10_000, "entry_price": 50_000, "exit_price": 55_000},
        {"side": "long", "contracts": 300, "entry_price": 61_000.5, "exit_price": 58_000},
    ],
    "funding-rate": [
        {"premium_index": -0.002, "interest_rate": 0.0001, "clamp": 0.0005},
        {"premium_index": 0.0001, "interest_rate": 0.0001, "clamp": 0},
        {"premium_index": 0.00042},
        {"premium_index": 0.02, "rate_cap": 0.0075},
        {"premium_index": -0.01},
    ],
    "funding-payment": [
        {"side": "short", "notional": 250_000, "funding_rate": -0.00075},
        {"side": "long", "notional": 0, "funding_rate": 0.01},
    ],
    "black-scholes": [
        {"option_type": "put", "spot": 60_000, "strike": 65_000, "time_to_expiry": 0.25, "volatility": 0.6,
         "risk_free_rate": 0.05, "dividend_yield": 0.02},
        {"option_type": "call", "spot": 100, "strike": 120, "time_to_expiry": 2, "volatility": 0.35,
         "risk_free_rate": -0.01, "dividend_yield": 0.03},
        {"option_type": "put", "spot": 42, "strike": 40, "time_to_expiry": 0.5, "volatility": 0.2, "risk_free_rate": 0.1},
    ],
    "black-76": [
        {"option_type": "put", "forward": 60_000, "strike": 55_000, "time_to_expiry": 0.5, "volatility": 0.8,
         "risk_free_rate": 0.03},
        {"option_type": "call", "forward": 19, "strike": 17, "time_to_expiry": 0.75, "volatility": 0.28,
         "risk_free_rate": 0.1},
    ],
    "delta-hedge": [{"option_delta": -0.35, "contracts": -25, "contract_size": 0.01}, {"option_delta": 1, "contracts": 3},
                    {"option_delta": 2.718281828459045, "contracts": -4}],
    "rate-limit-budget": [
        {"limit": 1200, "window_seconds": 60, "request_weight": 7, "requests_per_second": 2.5},
        {"limit": 6000, "window_seconds": 1, "request_weight": 1},
        {"limit": 0.3, "window_seconds": 1, "request_weight": 0.1},
        {"limit": 0.7, "window_seconds": 10, "request_weight": 0.1, "requests_per_second": 3},
        {"limit": 1e-7, "window_seconds": 1, "request_weight": 1e-8},
    ],
    "token-bucket": [
        {"capacity": 10, "refill_rate": 2, "tokens": 0, "elapsed_seconds": 0, "cost": 5},
        {"capacity": 100, "refill_rate": 0.25, "tokens": 99, "elapsed_seconds": 10, "cost": 100},
        {"capacity": 1, "refill_rate": 3, "tokens": 0.5, "elapsed_seconds": 0.1, "cost": 0.8},
    ],
}

# Inputs the JavaScript snippet must refuse with a RangeError, and a phrase of its message.
JS_REFUSALS = [
    ("token-bucket", {"capacity": 5, "refill_rate": 1, "tokens": 0, "elapsed_seconds": 0, "cost": 6}, "cost must not exceed"),
    ("liquidation-price", {"side": "sideways", "quantity": 1, "entry_price": 1, "wallet_balance": 1,
                           "maintenance_margin_rate": 0.01}, "side must be one of long, short"),
    ("linear-pnl", {"side": "constructor", "quantity": 1, "entry_price": 1, "exit_price": 2}, "side must be one of"),
    ("black-scholes", {"option_type": "straddle", "spot": 1, "strike": 1, "time_to_expiry": 1, "volatility": 0.2,
                       "risk_free_rate": 0}, "option_type must be one of call, put"),
    ("black-76", {"option_type": "toString", "forward": 1, "strike": 1, "time_to_expiry": 1, "volatility": 0.2,
                  "risk_free_rate": 0}, "option_type must be one of"),
    ("maintenance-margin", {"notional": 100, "maintenance_margin_rate": 0.01, "maintenance_amount": 2}, "must not exceed"),
    ("maintenance-margin", {"notional": 100}, "give maintenance_margin_rate or tiers"),
    ("maintenance-margin", {"notional": 6e8, "tiers": TIERS}, "above the last tier's cap"),
    ("maintenance-margin", {"notional": 100, "tiers": TIERS, "maintenance_amount": 0}, "not both"),
    ("liquidation-price", {"side": "long", "quantity": 1, "entry_price": 60_000, "wallet_balance": 3000,
                           "maintenance_margin_rate": 0.01, "tiers": TIERS}, "not both"),
]

# Valid inputs without a result: the JavaScript snippet throws its own NoSolution, the API calculators.NoSolution.
JS_NONE = [
    ("liquidation-price", {"side": "long", "quantity": 1, "entry_price": 60_000, "wallet_balance": 100_000,
                           "maintenance_margin_rate": 0.005}, "the collateral covers a fall to zero"),
    ("liquidation-price", {"side": "long", "quantity": 1, "entry_price": 60_000, "wallet_balance": 0,
                           "maintenance_margin_rate": 0.005}, "above the entry price for a long"),
]


def input_sets(calc_id: str) -> list[dict]:
    calc = calculators.get(calc_id)
    defaults = {i.name: i.default for i in calc.inputs if not (i.kind == "tiers" and i.default == "")}
    return [defaults, *CASES.get(calc_id, [])]


def run(command: list[str], **kwargs) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)
    assert done.returncode == 0, f"{command[0]} failed ({done.returncode}):\n{done.stderr}"
    return done.stdout


# Each Python snippet in a namespace of its own, all in one bare interpreter (-I: isolated, -S: no
# site-packages): a snippet that forgets an import fails here as it would alone.
PYTHON_DRIVER = r"""
import json, sys
data = json.load(sys.stdin)
answers = {}
for key, (source, name, calls, raises) in data.items():
    namespace = {"__name__": "snippet"}
    exec(source, namespace)
    function = namespace[name]
    if not raises:
        answers[key] = [function(**case) for case in calls]
        continue
    try:
        function(**calls)
        answers[key] = None
    except ValueError as e:
        answers[key] = [type(e).__name__, str(e)]
print(json.dumps(answers))
"""


# The runtime's floor quotient and erfc, on these arguments.
PAIRS = [(0.3, 0.1), (0.7, 0.1), (2400, 7), (1e-7, 1e-8), (1e21, 3), (5e-324, 1e-300), (123.456, 0.001)]
_rng = random.Random(20240501)
ERFC_XS = [round(-6 + 0.01 * i, 2) for i in range(3301)]
ERFC_XS += [_rng.uniform(-6, 27) for _ in range(300)] + [_rng.uniform(-0.6, 0.6) for _ in range(100)]


def refusal_key(calc_id: str, phrase: str) -> str:
    return f"refuses {calc_id}: {phrase}"


def none_key(calc_id: str, reason: str) -> str:
    return f"none {calc_id}: {reason}"


def javascript_scripts() -> dict[str, str]:
    """Every JavaScript check of this file, as scripts for one Node process (tests/node_batch.py)."""
    scripts = {}
    for calc_id in sorted(calculators.REGISTRY):
        scripts[f"compute {calc_id}"] = (artifact(calc_id).javascript +
                                         f"\nout({json.dumps(input_sets(calc_id))}.map(c => {js_name(calc_id)}(c)));\n")
    for calc_id, inputs, phrase in JS_REFUSALS:
        scripts[refusal_key(calc_id, phrase)] = (
            artifact(calc_id).javascript + f"\ntry {{ {js_name(calc_id)}({json.dumps(inputs)}); out(null); }}\n"
            "catch (e) { out([e.constructor.name, e.message]); }\n")
    runtime = (ROOT / "calculators" / "runtime.js").read_text(encoding="utf-8")
    scripts["floorQuotient"] = runtime + f"\nout({json.dumps(PAIRS)}.map(([a, b]) => floorQuotient(a, b)));\n"
    scripts["erfc"] = runtime + f"\nout({json.dumps(ERFC_XS)}.map(erfc));\n"
    for calc_id, inputs, reason in JS_NONE:
        scripts[none_key(calc_id, reason)] = (
            artifact(calc_id).javascript + f"\ntry {{ {js_name(calc_id)}({json.dumps(inputs)}); out(null); }}\n"
            "catch (e) { out([e.constructor.name, e instanceof Error, e.message]); }\n")
    return scripts


@pytest.fixture(scope="module")
def javascript() -> dict[str, object]:
    """What each script printed (its one ``out`` call), all from one Node process."""
    answers = run_scripts(javascript_scripts())
    return {key: json.loads(printed(answers, key))[0] for key in answers}


@pytest.fixture(scope="module")
def python() -> dict[str, object]:
    """Each snippet's results for its input sets, and its refusals, from one bare interpreter."""
    jobs = {calc_id: (artifact(calc_id).python, python_name(calc_id), input_sets(calc_id), False)
            for calc_id in sorted(calculators.REGISTRY)}
    jobs |= {none_key(calc_id, reason): (artifact(calc_id).python, python_name(calc_id), inputs, True)
             for calc_id, inputs, reason in JS_NONE}
    return json.loads(run([sys.executable, "-I", "-S", "-c", PYTHON_DRIVER], input=json.dumps(jobs)))


def close(actual: float, expected: float) -> bool:
    return actual == expected if expected == 0 else abs(actual - expected) <= REL * abs(expected)


def test_every_calculator_of_the_first_set_has_extra_input_sets():
    from calculators.catalog import FIRST_SET

    assert {spec.id for spec in FIRST_SET} <= set(CASES) <= set(calculators.REGISTRY)


@pytest.mark.parametrize("calc_id", sorted(calculators.REGISTRY))
def test_python_snippet_in_a_fresh_interpreter_equals_compute(calc_id, python):
    cases = input_sets(calc_id)
    expected = [calculators.get(calc_id).compute(**case) for case in cases]
    assert python[calc_id] == expected


@pytest.mark.parametrize("calc_id", sorted(calculators.REGISTRY))
def test_javascript_snippet_in_node_matches_compute(calc_id, javascript):
    calc = calculators.get(calc_id)
    cases = input_sets(calc_id)
    for case, actual in zip(cases, javascript[f"compute {calc_id}"], strict=True):
        expected = calc.compute(**case)
        assert list(actual) == list(expected), case
        wrong = {k: (actual[k], v) for k, v in expected.items() if not close(actual[k], v)}
        assert not wrong, f"{case}: (JavaScript, Python) differ beyond {REL:g}: {wrong}"


@pytest.mark.parametrize(("calc_id", "inputs", "phrase"), JS_REFUSALS, ids=[f"{c}-{p[:20]}" for c, _, p in JS_REFUSALS])
def test_javascript_snippet_throws_range_error_where_python_refuses(calc_id, inputs, phrase, javascript):
    with pytest.raises(calculators.CalculatorInputError):
        calculators.get(calc_id).compute(**inputs)
    thrown = javascript[refusal_key(calc_id, phrase)]
    assert thrown is not None, f"{calc_id} returned a result for {inputs}"
    assert thrown[0] == "RangeError" and phrase in thrown[1], thrown


@pytest.mark.parametrize(("calc_id", "inputs", "reason"), JS_NONE, ids=[f"{c}-{r[:20]}" for c, _, r in JS_NONE])
def test_snippets_raise_no_solution_where_the_quantity_does_not_exist(calc_id, inputs, reason, python, javascript):
    with pytest.raises(calculators.NoSolution, match=reason):
        calculators.get(calc_id).compute(**inputs)
    raised = python[none_key(calc_id, reason)]
    assert raised is not None and raised[0] == "NoSolution" and reason in raised[1], raised
    thrown = javascript[none_key(calc_id, reason)]
    assert thrown is not None, f"{calc_id} returned a result for {inputs}"
    assert thrown[:2] == ["NoSolution", True] and reason in thrown[2], thrown


def test_runtime_floor_quotient_counts_the_decimals_as_written(javascript):
    counts = javascript["floorQuotient"]
    assert [float(c) for c in counts] == [float(math.floor(Fraction(repr(a)) / Fraction(repr(b)))) for a, b in PAIRS]
    assert counts[:2] == [3, 7]


def test_runtime_erfc_is_accurate_to_a_few_ulps(javascript):
    xs, values = ERFC_XS, javascript["erfc"]
    assert all(isinstance(v, float | int) for v in values), "erfc returned a non-number (NaN?)"
    errors = []
    with mpmath.workdps(30):
        for x, value in zip(xs, values, strict=True):
            true = mpmath.erfc(mpmath.mpf(x))
            if true >= mpmath.mpf("1e-300"):
                errors.append((float(abs(mpmath.mpf(value) - true) / true), x))
    worst, at = max(errors)
    assert worst <= 2e-15, f"runtime.js erfc: max relative error {worst:.3g} at x = {at!r} (limit 2e-15)"
