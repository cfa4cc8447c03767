"""Property tests: identities that must hold for every valid input, found by Hypothesis."""

from __future__ import annotations

import math
import sys

import pytest
import sympy as sp
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import calculators
from calculators import CalculatorInputError, NoSolution
from calculators.definitions import DEFINITIONS
from calculators.tiers import example_table, tier_lookup

SETTINGS = settings(max_examples=150, deadline=None)


def pos(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


side = st.sampled_from(["long", "short"])
option_type = st.sampled_from(["call", "put"])


def close(a: float, b: float, rel: float = 1e-9, abs_: float = 1e-9) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


def raw_liquidation_price(side: str, quantity: float, entry: float, balance: float, mmr: float) -> float:
    """Binance's one-way formula with nothing else held, as a number even where no price exists."""
    sign = 1 if side == "long" else -1
    return (balance - sign * quantity * entry) / (quantity * mmr - sign * quantity)


@SETTINGS
@given(side=side, quantity=pos(0.001, 1000), entry=pos(1, 1e5), leverage=pos(1, 100), mmr=pos(0.001, 0.05))
@example(side="long", quantity=1.0, entry=55022.078125, leverage=100.0, mmr=0.01)  # the boundary Hypothesis found
def test_liquidation_price_solves_back_to_each_input(side, quantity, entry, leverage, mmr):
    calc = calculators.get("liquidation-price")
    inputs = dict(side=side, quantity=quantity, entry_price=entry, wallet_balance=quantity * entry / leverage,
                  maintenance_margin_rate=mmr)
    try:
        price = calc.compute(**inputs)["liquidation_price"]
    except NoSolution:
        raw = raw_liquidation_price(side, quantity, entry, inputs["wallet_balance"], mmr)
        assert raw <= 0 or (raw - entry) * (1 if side == "long" else -1) > 0
        return
    for target in ("entry_price", "wallet_balance", "quantity"):
        others = {k: v for k, v in inputs.items() if k != target}
        try:
            found = calc.solve(target, liquidation_price=price, **others)
        except CalculatorInputError:
            continue  # e.g. a wallet balance that solves to below zero: refused, never wrong
        except NoSolution:
            # Only on the boundary: at leverage 1/mmr the price is the entry itself, and the last
            # bit of rounding decides whether it lies on the side of the entry a price may not.
            assert close(price, entry, rel=1e-12), (target, price, entry)
            continue
        assert close(found, inputs[target], rel=1e-7, abs_=1e-7 * max(1.0, entry * quantity)), target


@SETTINGS
@given(side=side, quantity=pos(0.001, 1000), entry=pos(1, 1e5), balance=pos(0, 1e6), mmr=pos(0, 0.5))
def test_margin_ratio_is_exactly_one_at_the_liquidation_price(side, quantity, entry, balance, mmr):
    """At the liquidation price the margin balance equals the maintenance margin (the defining property)."""
    try:
        price = calculators.get("liquidation-price").compute(side=side, quantity=quantity, entry_price=entry,
                                                              wallet_balance=balance, maintenance_margin_rate=mmr)
    except NoSolution:
        raw = raw_liquidation_price(side, quantity, entry, balance, mmr)
        assert raw <= 0 or (raw - entry) * (1 if side == "long" else -1) > 0
        return
    lp = price["liquidation_price"]
    assert lp > 0 and (lp - entry) * (1 if side == "long" else -1) <= 0  # never a number on the wrong side
    sign = 1 if side == "long" else -1
    margin_balance = balance + sign * quantity * (lp - entry)
    assert close(margin_balance, quantity * lp * mmr, rel=1e-8, abs_=1e-6 * (balance + quantity * entry))


@SETTINGS
@given(x=pos(1, 1e9), y=pos(1, 1e9), share=pos(1e-6, 10), fee=pos(0, 0.1))
def test_swap_k_never_decreases_and_amount_in_solves_back(x, y, share, fee):
    calc = calculators.get("constant-product-swap")
    out = calc.compute(reserve_in=x, reserve_out=y, amount_in=x * share, fee_rate=fee)
    assert out["k_after"] >= out["k_before"] * (1 - 1e-12)
    assert 0 < out["amount_out"] < y
    assert out["price_impact"] >= -1e-12
    found = calc.solve("amount_in", amount_out=out["amount_out"], reserve_in=x, reserve_out=y, fee_rate=fee)
    assert close(found, x * share, rel=1e-9)


@SETTINGS
@given(r=pos(1e-6, 1e6))
def test_impermanent_loss_is_never_a_gain_and_symmetric_in_the_ratio(r):
    calc = calculators.get("impermanent-loss")
    loss = calc.compute(price_ratio=r)["impermanent_loss"]
    assert -1 < loss <= 1e-15
    assert close(loss, calc.compute(price_ratio=1 / r)["impermanent_loss"], rel=1e-9, abs_=1e-12)


def _option(calc_id, kind, under, strike, t, vol, r, q=0.0):
    names = {"black-scholes": "spot", "black-76": "forward"}
    inputs = {"option_type": kind, names[calc_id]: under, "strike": strike, "time_to_expiry": t,
              "volatility": vol, "risk_free_rate": r}
    if calc_id == "black-scholes":
        inputs["dividend_yield"] = q
    return inputs


option_cases = dict(under=pos(1, 1e5), moneyness=pos(0.5, 2), t=pos(0.01, 5), vol=pos(0.05, 2), r=pos(-0.05, 0.2),
                    q=pos(0, 0.1))


@SETTINGS
@pytest.mark.parametrize("calc_id", ["black-scholes", "black-76"])
@given(**option_cases)
def test_put_call_parity(calc_id, under, moneyness, t, vol, r, q):
    calc = calculators.get(calc_id)
    q = q if calc_id == "black-scholes" else 0.0
    strike = under * moneyness
    call = calc.compute(**_option(calc_id, "call", under, strike, t, vol, r, q))
    put = calc.compute(**_option(calc_id, "put", under, strike, t, vol, r, q))
    carry = math.exp(-q * t) if calc_id == "black-scholes" else math.exp(-r * t)
    forward_value = under * carry - strike * math.exp(-r * t)
    assert close(call["price"] - put["price"], forward_value, rel=1e-9, abs_=1e-9 * under)
    assert close(call["delta"] - put["delta"], carry, rel=1e-9, abs_=1e-12)
    assert close(call["gamma"], put["gamma"], rel=1e-9) and close(call["vega"], put["vega"], rel=1e-9)


@SETTINGS
@pytest.mark.parametrize("calc_id", ["black-scholes", "black-76"])
@given(kind=option_type, **option_cases)
def test_implied_volatility_recovers_the_volatility(calc_id, kind, under, moneyness, t, vol, r, q):
    calc = calculators.get(calc_id)
    inputs = _option(calc_id, kind, under, under * moneyness, t, vol, r, q)
    result = calc.compute(**inputs)
    assume(result["vega"] > 1e-6 * under)  # with almost no vega the price does not pin the volatility down
    others = {k: v for k, v in inputs.items() if k != "volatility"}
    assert abs(calc.solve("volatility", price=result["price"], **others) - vol) < 1e-10 * max(1, 1 / result["vega"])


@pytest.mark.parametrize("calc_id", ["black-scholes", "black-76"])
def test_prices_outside_no_arbitrage_bounds_are_no_solution(calc_id):
    calc = calculators.get(calc_id)
    inputs = _option(calc_id, "call", 100, 80, 1, 0.3, 0.05)
    others = {k: v for k, v in inputs.items() if k != "volatility"}
    floor, ceiling = bounds(calc_id, "call", 100, 80, 1, 0.05, 0.0)
    for price in (ceiling, 100.5, floor, floor - 1, 0.0):
        with pytest.raises(calculators.NoSolution, match="no-arbitrage"):
            calc.solve("volatility", price=price, **others)
    at_the_money = {**others, "strike": 100, "risk_free_rate": 0.0}
    tiny = calc.solve("volatility", price=1e-9, **at_the_money)  # strictly inside: a (very small) volatility
    assert close(calc.compute(**at_the_money, volatility=tiny)["price"], 1e-9, rel=1e-9)


def bounds(calc_id: str, kind: str, under: float, strike: float, t: float, r: float, q: float) -> tuple[float, float]:
    """No-arbitrage floor and ceiling of a European price, in the calculators' own arithmetic."""
    sign, discount = (1 if kind == "call" else -1), math.exp(-r * t)
    if calc_id == "black-76":
        return discount * max(sign * (under - strike), 0), discount * (under if sign == 1 else strike)
    carried = under * math.exp(-q * t)
    return max(sign * (carried - strike * discount), 0), carried if sign == 1 else strike * discount


@settings(max_examples=400, deadline=None)
@pytest.mark.parametrize("calc_id", ["black-scholes", "black-76"])
@given(kind=option_type, under=pos(1, 1e5), moneyness=pos(0.05, 20), t=pos(1 / 365, 100), vol=pos(1e-4, 10),
       r=pos(-0.05, 0.2), q=pos(-0.05, 0.1))
@example(kind="call", under=1.0, moneyness=1.0, t=0.0078125, vol=1e-4, r=-0.03125, q=0.0)
@example(kind="put", under=1.0, moneyness=0.05078125, t=1 / 365, vol=1.5, r=0.0, q=0.0)  # a subnormal price
def test_the_calculators_own_prices_round_trip(calc_id, kind, under, moneyness, t, vol, r, q):
    """Every price strictly inside the bounds solves (deep in the money too) and gives itself back;
    the volatility is exact to 1e-10 up to σ√T = 10 wherever the price pins it down."""
    calc = calculators.get(calc_id)
    q = q if calc_id == "black-scholes" else 0.0
    inputs = _option(calc_id, kind, under, under * moneyness, t, vol, r, q)
    result = calc.compute(**inputs)
    others = {k: v for k, v in inputs.items() if k != "volatility"}
    floor, ceiling = bounds(calc_id, kind, under, under * moneyness, t, r, q)
    if not floor < result["price"] < ceiling:
        with pytest.raises(calculators.NoSolution):
            calc.solve("volatility", price=result["price"], **others)
        return
    found = calc.solve("volatility", price=result["price"], **others)
    again = calc.compute(**others, volatility=found)["price"]
    # The price is the difference of two terms A − B (a put: B − A); rounding them costs a few ulps of
    # A + B in each evaluation, so the round trip holds to that, and the volatility is pinned to
    # (A + B)·ε / (σ·∂V/∂σ) relative: require 1e-10 where that is small.
    held = under * abs(result["delta"])
    terms = held + abs(held - (1 if kind == "call" else -1) * result["price"])
    assert close(again, result["price"], rel=1e-12, abs_=max(1e-15 * under, 32 * sys.float_info.epsilon * terms))
    conditioning = terms / (vol * result["vega"] * 100) if result["vega"] else math.inf
    # Far in a tail (σ√T tiny against the distance to the forward) the price is the difference of
    # two terms over a million times larger, and the tail of erfc carries hundreds of ulps there:
    # the price itself is then noisy at 1e-9 and beyond, so only the round trip above holds.
    cancellation = terms / result["price"]
    # A price below 2**-1022 / ε is subnormal or nearly so: it carries fewer than 53 bits, and pins
    # the volatility only to what those bits hold.
    full_precision = result["price"] >= sys.float_info.min / sys.float_info.epsilon
    if vol * math.sqrt(t) <= 10 and conditioning <= 1e5 and cancellation <= 1e6 and full_precision:
        assert abs(found - vol) <= 1e-10 * vol, (found, vol, conditioning)


@pytest.mark.parametrize("calc_id", ["black-scholes", "black-76"])
def test_greeks_are_the_derivatives_of_the_price_with_the_stated_scaling(calc_id):
    """delta, gamma: per unit; vega and rho: per point (÷100); theta: −∂/∂T per calendar day (÷365)."""
    defn = DEFINITIONS[calc_id]
    price = defn.expanded(defn.output_expr("price"))
    sym = defn.symbols
    under = sym["spot"] if calc_id == "black-scholes" else sym["forward"]
    expected = {"delta": sp.diff(price, under), "gamma": sp.diff(price, under, 2),
                "vega": sp.diff(price, sym["volatility"]) / 100, "theta": -sp.diff(price, sym["time_to_expiry"]) / 365,
                "rho": sp.diff(price, sym["risk_free_rate"]) / 100}
    point = {under: 103.0, sym["strike"]: 95.0, sym["time_to_expiry"]: 0.7, sym["volatility"]: 0.45,
             sym["risk_free_rate"]: 0.03, sym.get("dividend_yield", sp.Dummy()): 0.01}
    for sign in (1, -1):
        at = {**point, sym["option_type"]: sign}
        for name, derivative in expected.items():
            closed = defn.expanded(defn.output_expr(name))
            assert math.isclose(float(closed.subs(at).evalf(30)), float(derivative.subs(at).evalf(30)), rel_tol=1e-12), name


@SETTINGS
@given(notional=pos(0, 499_999_999))
def test_tiered_maintenance_margin_is_continuous_and_non_decreasing(notional):
    tiers = example_table()["tiers"]
    calc = calculators.get("maintenance-margin")
    here = calc.compute(notional=notional, tiers=tiers)["maintenance_margin"]
    above = calc.compute(notional=notional * (1 + 1e-9) + 1e-9, tiers=tiers)["maintenance_margin"]
    assert here >= 0 and above >= here - 1e-9 * max(1.0, here)


@pytest.mark.parametrize("boundary", [t["cap"] for t in example_table()["tiers"][:-1]])
def test_margin_has_no_jump_at_a_tier_boundary(boundary):
    tiers = example_table()["tiers"]
    rate_below, amount_below, _ = tier_lookup(tiers, boundary)
    rate_above, amount_above, _ = tier_lookup(tiers, math.nextafter(boundary, math.inf))
    assert math.isclose(boundary * rate_below - amount_below, boundary * rate_above - amount_above, rel_tol=1e-12)


@SETTINGS
@given(premium=pos(-0.01, 0.01), interest=pos(-0.001, 0.001), clamp=pos(0, 0.005))
def test_funding_rate_stays_within_the_clamp_of_the_premium(premium, interest, clamp):
    calc = calculators.get("funding-rate")
    uncapped = calc.compute(premium_index=premium, interest_rate=interest, clamp=clamp, rate_cap=1)["funding_rate"]
    assert premium - clamp - 1e-15 <= uncapped <= premium + clamp + 1e-15
    capped = calc.compute(premium_index=premium, interest_rate=interest, clamp=clamp)["funding_rate"]
    assert capped == min(0.003, max(-0.003, uncapped))  # the default cap, per settlement


@SETTINGS
@given(capacity=pos(1, 1000), refill=pos(0.01, 100), fill=pos(0, 1), elapsed=pos(0, 1000), share=pos(0, 1))
def test_token_bucket_never_goes_negative_and_waiting_makes_room(capacity, refill, fill, elapsed, share):
    calc = calculators.get("token-bucket")
    inputs = dict(capacity=capacity, refill_rate=refill, tokens=capacity * fill, elapsed_seconds=elapsed,
                  cost=capacity * share)
    out = calc.compute(**inputs)
    assert 0 <= out["tokens_after"] <= capacity and out["allowed"] in (0, 1)
    later = calc.compute(**{**inputs, "elapsed_seconds": elapsed + out["wait_seconds"] * (1 + 1e-9) + 1e-9})
    assert later["allowed"] == 1


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_in_range_input_gives_finite_outputs_or_an_input_error(data):
    calc = data.draw(st.sampled_from(list(calculators.REGISTRY.values())))
    inputs = {}
    for item in calc.inputs:
        if item.kind == "choice":
            inputs[item.name] = data.draw(st.sampled_from(item.choices))
        elif item.kind == "number":
            low = item.low if item.low is not None else -1e12
            high = item.high if item.high is not None else 1e12
            inputs[item.name] = data.draw(st.floats(low, high, exclude_min=item.low_open))
    try:
        outputs = calc.compute(**inputs)
    except (CalculatorInputError, NoSolution) as exc:  # refused, or no such quantity: said why, never NaN
        assert str(exc)
        return
    assert all(math.isfinite(v) for v in outputs.values())
