"""The calculators' Python API and ``glossary calc``: contract, input errors, number text."""

from __future__ import annotations

import json
import math

import pytest

import calculators
from calculators import CalculatorInputError
from calculators.tiers import EXAMPLE, parse_tiers
from calculators.widget import display, js_string
from site_build.cli import main

ISSUE_IDS = {"constant-product-swap", "impermanent-loss", "maintenance-margin", "initial-margin", "margin-ratio",
             "liquidation-price", "linear-pnl", "inverse-pnl", "funding-rate", "funding-payment", "black-scholes",
             "black-76", "delta-hedge", "rate-limit-budget", "token-bucket"}


def defaults(calc) -> dict:
    return {i.name: i.default for i in calc.inputs if i.kind != "tiers"}


def test_registry_has_the_fifteen_calculators_with_distinct_input_and_output_names():
    assert set(calculators.REGISTRY) >= ISSUE_IDS  # the second set adds its own (DESIGN.md)
    for calc in calculators.REGISTRY.values():
        assert not set(calc.input_names) & set(calc.output_names), calc.id
        assert all(i.default is not None for i in calc.inputs), calc.id


def test_get_suggests_close_ids():
    with pytest.raises(KeyError, match="did you mean black-scholes"):
        calculators.get("black-schole")


def test_importing_the_registry_does_not_import_sympy():
    import subprocess
    import sys

    code = "import sys, calculators; calculators.get('black-76').check_example({}); print('sympy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


@pytest.mark.parametrize(("value", "message"), [
    ("abc", "spot must be a number, got 'abc'"),
    (float("nan"), "spot must be a finite number"),
    (float("inf"), "spot must be a finite number"),
    (True, "spot must be a number, got True"),
    (None, "spot must be a number, got None"),
    (0, "spot = 0 is out of range; it must be > 0"),
    (-5, "spot = -5 is out of range; it must be > 0"),
])
def test_bad_numbers_name_the_input_value_and_range(value, message):
    calc = calculators.get("black-scholes")
    with pytest.raises(CalculatorInputError, match=message.replace("(", r"\(")):
        calc.compute(**{**defaults(calc), "spot": value})


@pytest.mark.parametrize(("calc_id", "change", "message"), [
    ("linear-pnl", {"side": "sideways"}, "side must be one of long, short, got 'sideways'"),
    ("black-76", {"option_type": "straddle"}, "option_type must be one of call, put"),
    ("token-bucket", {"cost": 50}, "cost must not exceed capacity"),
    ("maintenance-margin", {"maintenance_amount": 1e9}, "maintenance_amount must not exceed"),
    ("initial-margin", {"leverage": 0.5}, "leverage = 0.5 is out of range; it must be ≥ 1 and ≤ 1000"),
    ("margin-ratio", {"margni_balance": 1}, "did you mean margin_balance"),
])
def test_input_errors_are_specific(calc_id, change, message):
    calc = calculators.get(calc_id)
    with pytest.raises(CalculatorInputError, match=message):
        calc.compute(**{**defaults(calc), **change})


def test_missing_required_input_is_named_and_optional_inputs_fall_back():
    calc = calculators.get("liquidation-price")
    with pytest.raises(CalculatorInputError, match="missing input entry_price"):
        calc.compute(side="long", quantity=1, wallet_balance=10, maintenance_margin_rate=0.01)
    full = calc.compute(side="long", quantity=1, entry_price=100, wallet_balance=10, maintenance_margin_rate=0.01)
    assert full == calc.compute(side="long", quantity=1, entry_price=100, wallet_balance=10, maintenance_margin_rate=0.01,
                                maintenance_amount=0, other_maintenance_margin=0, other_unrealized_pnl=0)


LONG = {"side": "long", "quantity": 1, "entry_price": 60_000, "maintenance_margin_rate": 0.005}


@pytest.mark.parametrize(("inputs", "reason"), [
    ({**LONG, "wallet_balance": 100_000}, "the collateral covers a fall to zero: no liquidation price"),
    ({"side": "long", "quantity": 1, "entry_price": 100, "wallet_balance": 150, "maintenance_margin_rate": 0.01},
     "the collateral covers a fall to zero"),
    ({**LONG, "wallet_balance": 0}, "would be above the entry price for a long"),
    ({**LONG, "side": "short", "wallet_balance": 0}, "would be below the entry price for a short"),
    ({**LONG, "side": "short", "wallet_balance": 0, "other_unrealized_pnl": -70_000}, "below the maintenance margin at every"),
])
def test_a_liquidation_price_that_does_not_exist_is_no_solution_not_a_number(inputs, reason):
    with pytest.raises(calculators.NoSolution, match=reason) as raised:
        calculators.get("liquidation-price").compute(**inputs)
    assert isinstance(raised.value, ValueError) and not isinstance(raised.value, CalculatorInputError)


def test_a_liquidation_price_at_the_entry_is_a_price():
    result = calculators.get("liquidation-price").compute(**{**LONG, "wallet_balance": 0, "maintenance_margin_rate": 0})
    assert result == {"liquidation_price": 60_000, "tier": 0}


@pytest.mark.parametrize(("target", "given", "reason"), [
    ("wallet_balance", {**LONG, "liquidation_price": 70_000}, "would be above the entry price for a long"),
    ("wallet_balance", {**LONG, "liquidation_price": -5}, "the collateral covers a fall to zero"),
    ("quantity", {**LONG, "wallet_balance": 3000, "liquidation_price": 0}, "the collateral covers a fall to zero"),
    ("quantity", {**LONG, "side": "short", "wallet_balance": 3000, "liquidation_price": 50_000},
     "would be below the entry price for a short"),
    ("entry_price", {**LONG, "wallet_balance": 0, "liquidation_price": 50_000}, "would be above the entry price"),
])
def test_solving_for_a_liquidation_price_that_cannot_exist_is_no_solution(target, given, reason):
    given = {k: v for k, v in given.items() if k != target}
    with pytest.raises(calculators.NoSolution, match=reason):
        calculators.get("liquidation-price").solve(target, **given)


def test_cli_calc_prints_none_with_the_reason_and_exits_0(capsys):
    args = ["calc", "liquidation-price", "--side", "long", "--quantity", "1", "--entry-price", "60000",
            "--wallet-balance", "100000", "--maintenance-margin-rate", "0.005"]
    assert main(args) == 0
    assert capsys.readouterr().out == "liquidation_price  none: the collateral covers a fall to zero: no liquidation price\n"
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "liquidation_price": None, "note": "the collateral covers a fall to zero: no liquidation price"}
    solving = [*args[:8], "--maintenance-margin-rate", "0.005", "--liquidation-price", "70000", "--solve", "wallet-balance"]
    assert main(solving) == 0
    assert capsys.readouterr().out.startswith("wallet_balance  none: the liquidation price would be above the entry")


def test_cli_calc_reports_flag_mistakes_before_a_missing_result(capsys):
    args = ["calc", "liquidation-price", "--side", "long", "--quantity", "1", "--entry-price", "60000",
            "--wallet-balance", "100000", "--maintenance-margin-rate", "0.005", "--bogus", "1"]
    assert main(args) == 1
    assert "unknown flag --bogus" in capsys.readouterr().err


@pytest.mark.parametrize(("tiers", "message"), [
    ("[", "tiers is not valid JSON"),
    ("[]", "non-empty JSON list"),
    ('[{"floor": 0, "cap": 10}]', "exactly the keys"),
    ('[{"floor": 5, "cap": 10, "maintenance_margin_rate": 0.01}]', "tier 1 must start at floor 0"),
    ('[{"floor": 0, "cap": 10, "maintenance_margin_rate": 0.01}, {"floor": 11, "cap": 20, "maintenance_margin_rate": 0.02}]',
     "tier 2 floor must equal tier 1's cap"),
    ('[{"floor": 0, "cap": 10, "maintenance_margin_rate": 0.02}, {"floor": 10, "cap": 20, "maintenance_margin_rate": 0.01}]',
     "tier 2 rate must not be lower"),
    ('[{"floor": 0, "cap": 10, "maintenance_margin_rate": "x"}]', "must be a finite number"),
])
def test_bad_tier_tables_are_refused_with_the_tier_named(tiers, message):
    with pytest.raises(CalculatorInputError, match=message):
        parse_tiers(tiers)


def test_a_notional_above_the_last_cap_is_an_input_error():
    with pytest.raises(CalculatorInputError, match="above the last tier's cap"):
        calculators.get("maintenance-margin").compute(notional=6e8, tiers=EXAMPLE.read_text())


@pytest.mark.parametrize(("calc_id", "target", "message"), [
    ("impermanent-loss", "price_ratio", "cannot solve for 'price_ratio'; it can solve for nothing"),
    ("initial-margin", "leverage", "needs the target initial_margin"),
])
def test_solve_usage_errors(calc_id, target, message):
    calc = calculators.get(calc_id)
    with pytest.raises(CalculatorInputError, match=message):
        calc.solve(target, **{k: v for k, v in defaults(calc).items() if k != target})


def test_solve_refuses_a_solution_outside_the_inputs_range():
    with pytest.raises(CalculatorInputError, match=r"no leverage in its allowed range \(≥ 1 and ≤ 1000\)"):
        calculators.get("initial-margin").solve("leverage", initial_margin=200_000, notional=50_000)
    with pytest.raises(CalculatorInputError, match="amount_out must be less than reserve_out"):
        calculators.get("constant-product-swap").solve("amount_in", amount_out=5, reserve_in=10, reserve_out=5)


@pytest.mark.parametrize(("value", "text"), [
    (0.0, "0"), (-0.0, "0"), (480.0, "480"), (0.1, "0.1"), (1e21, "1e+21"), (1e-7, "1e-7"), (123456789012345680000.0,
     "123456789012345680000"), (1.5e-7, "1.5e-7"), (0.000001, "0.000001"), (-2.5e22, "-2.5e+22"), (57228.9156626506,
     "57228.9156626506")])
def test_js_string_matches_javascript_number_to_string(value, text):
    assert js_string(value) == text


@pytest.mark.parametrize(("value", "text"), [(57228.9156626506, "57,228.9156627"), (0, "0"), (-0.0125, "-0.0125"),
                                             (2.2e-8, "2.2e-8"), (1234567.0, "1,234,567")])
def test_display_text(value, text):
    assert display(value) == text


def test_cli_calc_prints_outputs_and_json(capsys):
    args = ["calc", "liquidation-price", "--side", "long", "--quantity", "1", "--entry-price", "60000",
            "--wallet_balance=3000", "--maintenance-margin-rate", "0.004"]
    assert main(args) == 0
    assert capsys.readouterr().out == "liquidation_price  57228.9156626506 USDT\ntier               0 1-based; 0 without tiers\n"
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"liquidation_price": 57228.9156626506, "tier": 0}


def test_cli_calc_solves_and_reads_a_tier_file(capsys):
    assert main(["calc", "initial-margin", "--notional", "50000", "--initial-margin", "2500", "--solve", "leverage",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"leverage": 20.0, "initial_margin": 2500.0}
    assert main(["calc", "maintenance-margin", "--notional", "300000", "--tiers", str(EXAMPLE), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["applied_amount"] == 1300


@pytest.mark.parametrize(("args", "code", "message"), [
    (["calc", "token-bucket", "--capacity", "1"], 1, "error: missing input refill_rate"),
    (["calc", "black-scholes", "--option-type", "put", "--spot", "x"], 1, "error: spot must be a number, got 'x' [calc-input]"),
    (["calc", "initial-margin", "--notional"], 1, "error: --notional needs a value [calc-input]"),
    (["calc", "initial-margin", "50"], 1, "error: expected --INPUT VALUE, got '50' [calc-input]"),
    (["check", "--bogus"], 2, "unrecognized arguments: --bogus"),
    (["calc", "nope"], 2, "error: no calculator 'nope'"),
    (["calc"], 2, "give a calculator id"),
])
def test_cli_calc_errors_are_one_line_without_traceback(capsys, args, code, message):
    try:
        result = main(args)
    except SystemExit as exit_:
        result = exit_.code
    err = capsys.readouterr().err
    assert result == code and message in err and "Traceback" not in err


def test_cli_calc_list(capsys):
    assert main(["calc", "--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == len(calculators.REGISTRY) >= 15 and listed[0].startswith("constant-product-swap")


def test_outputs_are_never_negative_zero():
    result = calculators.get("funding-payment").compute(side="short", notional=0, funding_rate=0.001)
    assert math.copysign(1, result["payment"]) == 1


def test_every_terms_example_computes_without_error():
    """The widget's starting inputs (``example``, else the first worked example) compute, for a
    fixture term of every calculator; the real terms' examples are checked in test_content.py."""
    from conftest import SITE_TERMS
    from site_build.pipeline import load

    terms = [t for t in load(SITE_TERMS.parent, calculators=calculators.REGISTRY).glossary.terms if t.calculator]
    missing = set(calculators.REGISTRY) - {t.calculator for t in terms}
    assert not missing, f"add a term using {sorted(missing)} to tests/fixtures/site-glossary/terms"
    for term in terms:
        example = {k: v for k, v in term.widget_inputs.items() if not (k == "tiers" and not v)}
        assert calculators.get(term.calculator).compute(**example), term.id


@pytest.mark.parametrize(("calc_id", "name", "huge"), [
    ("black-scholes", "spot", "1" * 100_000),            # float() gives inf: "must be a finite number"
    ("black-scholes", "spot", "x" * 100_000),            # "must be a number"
    ("linear-pnl", "side", "s" * 100_000),               # a choice
    ("margin-ratio", "m" * 100_000, 1),                  # an unknown input's name
])
def test_error_messages_quote_at_most_forty_characters_of_a_value(calc_id, name, huge):
    calc = calculators.get(calc_id)
    with pytest.raises(CalculatorInputError) as raised:
        calc.compute(**{**defaults(calc), name: huge})
    message = str(raised.value)
    quoted = (huge if isinstance(huge, str) else name)[:40]
    assert f"'{quoted}…'" in message, message[:300]
    assert len(message) < 300, message[:300]


def test_tier_and_solve_messages_are_truncated_too():
    long = "9" * 100_000
    with pytest.raises(CalculatorInputError) as raised:
        parse_tiers(json.dumps([{"floor": 0, "cap": 10, "maintenance_margin_rate": long}]))
    assert f"'{long[:40]}…'" in str(raised.value) and len(str(raised.value)) < 200
    with pytest.raises(CalculatorInputError) as raised:
        calculators.get("impermanent-loss").solve(long, impermanent_loss=-0.1)
    assert f"'{long[:40]}…'" in str(raised.value) and len(str(raised.value)) < 200


# Issue 11: the first set's edges.

def test_implied_volatility_at_or_below_the_floor_is_no_solution():
    # A call on F 60,000 struck at 18,000 for one day is worth at least its intrinsic 42,000 (r = 0).
    inputs = {"option_type": "call", "forward": 60_000, "strike": 18_000, "time_to_expiry": 1 / 365, "risk_free_rate": 0}
    with pytest.raises(calculators.NoSolution, match="at or below the no-arbitrage floor"):
        calculators.get("black-76").solve("volatility", price=42_000, **inputs)
    with pytest.raises(calculators.NoSolution, match="at or above the no-arbitrage ceiling"):
        calculators.get("black-76").solve("volatility", price=60_000, **inputs)
    with pytest.raises(calculators.NoSolution, match="at or above the no-arbitrage ceiling"):
        calculators.get("black-scholes").solve("volatility", price=40 * math.exp(-0.1 * 0.5), option_type="put",
                                               spot=42, strike=40, time_to_expiry=0.5, risk_free_rate=0.1)


def test_a_price_beyond_the_volatility_range_is_no_solution_with_exact_bounds():
    inputs = {"option_type": "call", "forward": 60_000, "strike": 65_000, "time_to_expiry": 1 / 365, "risk_free_rate": 0}
    highest = calculators.get("black-76").compute(**inputs, volatility=10)["price"]
    with pytest.raises(calculators.NoSolution) as raised:
        calculators.get("black-76").solve("volatility", price=highest * 1.5, **inputs)
    assert repr(highest) in str(raised.value) and "from 1e-100 to 10.0" in str(raised.value)


@pytest.mark.parametrize(("limit", "weight", "count"), [(0.3, 0.1, 3), (0.7, 0.1, 7), (2400, 5, 480), (1, 3, 0),
                                                          (1e-7, 1e-8, 10), (2400, 7, 342), (0.29, 0.1, 2)])
def test_rate_limit_budget_counts_the_decimals_as_written(limit, weight, count):
    out = calculators.get("rate-limit-budget").compute(limit=limit, window_seconds=60, request_weight=weight)
    assert out["max_requests_per_window"] == count


def test_delta_hedge_takes_any_finite_delta():
    # Black-Scholes with a negative dividend yield (negative carry): delta e^(-qT)·N(d1) exceeds 1.
    delta = calculators.get("black-scholes").compute(option_type="call", spot=100, strike=1, time_to_expiry=1,
                                                     volatility=0.2, risk_free_rate=0, dividend_yield=-1)["delta"]
    assert delta == pytest.approx(math.e)
    assert calculators.get("delta-hedge").compute(option_delta=delta, contracts=2)["hedge_quantity"] == -2 * delta
    with pytest.raises(CalculatorInputError, match="option_delta must be a finite number"):
        calculators.get("delta-hedge").compute(option_delta=math.inf, contracts=2)


@pytest.mark.parametrize("extra", [{"maintenance_margin_rate": 0.01}, {"maintenance_amount": 0},
                                   {"maintenance_margin_rate": 0.01, "maintenance_amount": 50}])
def test_tiers_and_an_explicit_rate_or_amount_are_an_input_error(extra):
    tiers = EXAMPLE.read_text()
    with pytest.raises(CalculatorInputError, match="give either tiers or maintenance_margin_rate") as raised:
        calculators.get("maintenance-margin").compute(notional=100_000, tiers=tiers, **extra)
    assert len(raised.value.problems) == 1
    with pytest.raises(CalculatorInputError, match="not both"):
        calculators.get("liquidation-price").compute(**LONG_WITHOUT_RATE, wallet_balance=3000, tiers=tiers, **extra)


LONG_WITHOUT_RATE = {"side": "long", "quantity": 1, "entry_price": 60_000}


@pytest.mark.parametrize(("side", "quantity", "wallet"), [("long", 1, 3000), ("short", 1, 3000), ("long", 10, 30_000),
                                                          ("short", 50, 150_000), ("long", 0.2, 1000)])
def test_liquidation_price_with_tiers_uses_the_tier_that_holds_its_own_notional(side, quantity, wallet):
    table = parse_tiers(EXAMPLE.read_text())
    calc = calculators.get("liquidation-price")
    out = calc.compute(side=side, quantity=quantity, entry_price=60_000, wallet_balance=wallet, tiers=list(table))
    tier = table[int(out["tier"]) - 1]
    notional = quantity * out["liquidation_price"]
    assert tier["floor"] < notional <= tier["cap"] or (out["tier"] == 1 and notional <= tier["cap"])
    margin = calculators.get("maintenance-margin").compute(notional=notional, tiers=list(table))
    assert margin["tier"] == out["tier"]
    single = calc.compute(side=side, quantity=quantity, entry_price=60_000, wallet_balance=wallet,
                          maintenance_margin_rate=margin["applied_rate"], maintenance_amount=margin["applied_amount"])
    assert single["liquidation_price"] == out["liquidation_price"] and single["tier"] == 0
    for target in ("entry_price", "wallet_balance", "quantity"):
        given = {"side": side, "quantity": quantity, "entry_price": 60_000, "wallet_balance": wallet}
        given.pop(target)
        found = calc.solve(target, liquidation_price=out["liquidation_price"], tiers=list(table), **given)
        assert found == pytest.approx({"quantity": quantity, "entry_price": 60_000, "wallet_balance": wallet}[target],
                                      rel=1e-9)


def test_funding_rate_is_capped_per_settlement():
    rate = calculators.get("funding-rate")
    assert rate.compute(premium_index=0.01)["funding_rate"] == 0.003
    assert rate.compute(premium_index=-0.01)["funding_rate"] == -0.003
    assert rate.compute(premium_index=-0.01, rate_cap=0.02)["funding_rate"] == pytest.approx(-0.0095)
    assert rate.compute(premium_index=0.0003)["funding_rate"] == pytest.approx(0.0001)
