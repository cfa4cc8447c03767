"""The position builder's maths: ``calculators/strategy.py`` and its port ``calculators/strategy.js``.

Breakevens and extremes are held to closed forms: the hand-worked cases in
``tests/data/strategy-cases.json`` (run against both languages) and every preset, whose
premiums come from Black-76 and whose figures follow from those premiums by the textbook
formulas (a straddle's breakevens are K ± (c + p), and so on). ``value()`` is checked
against its limits (expiry value after expiry, put–call parity for a synthetic forward)
and the greeks against finite differences of ``value()``.
"""

from __future__ import annotations

import json
import math
import subprocess

import pytest
from test_runtime_cases import node

import calculators
from calculators import CalculatorInputError
from calculators.artifacts import bundle
from calculators.strategy import Leg, Strategy
from calculators.strategy_presets import PRESETS
from conftest import ROOT

CASES = json.loads((ROOT / "tests" / "data" / "strategy-cases.json").read_text(encoding="utf-8"))
REL = 1e-12
B76 = calculators.get("black-76")

DRIVER = r"""
globalThis.GlossaryCalculators = require(process.argv[1]).GlossaryCalculators;
const {GlossaryStrategy: S} = require(process.argv[2]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const attempt = f => { try { return f(); } catch (error) { return {error: error.message}; } };
const legs = list => list.map(S.leg);
console.log(JSON.stringify({
  strategies: cases.strategies.map(c => {
    const l = legs(c.legs);
    return {breakevens: S.breakevens(l), max_profit: S.maxProfit(l), max_loss: S.maxLoss(l),
            net_premium: S.netPremium(l), pnl: c.pnl.map(([spot]) => S.pnlAtExpiry(l, spot))};
  }),
  values: cases.values.map(c => c.samples.map(([spot, day, vol, rate]) => {
    const l = legs(c.legs);
    return {value: S.value(l, spot, day, vol, rate), greeks: S.greeks(l, spot, day, vol, rate)};
  })),
  presets: cases.presets.map(p => S.preset(p.name, p.spot, p.width, p.expiry_days, p.volatility)),
  bad_legs: cases.bad_legs.map(c => attempt(() => S.leg(c.leg))),
}));
"""


def close(actual: float | None, expected: float | None, rel: float = REL) -> bool:
    if actual is None or expected is None:
        return actual is expected
    return abs(actual - expected) <= rel * max(abs(expected), 1.0)


def all_close(actual, expected, rel: float = REL) -> bool:
    return len(actual) == len(expected) and all(close(a, e, rel) for a, e in zip(actual, expected, strict=True))


def strategy(legs: list[dict]) -> Strategy:
    return Strategy(tuple(Leg(**leg) for leg in legs))


@pytest.fixture(scope="module")
def javascript(tmp_path_factory) -> dict:
    """Every case's answer from strategy.js, with the shipped calculators bundle, in one Node process."""
    folder = tmp_path_factory.mktemp("strategy")
    (folder / "calculators.js").write_text(bundle(list(calculators.REGISTRY)), encoding="utf-8")
    done = subprocess.run([node(), "-e", DRIVER, str(folder / "calculators.js"), str(ROOT / "calculators" / "strategy.js")],
                          input=json.dumps(CASES), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"node failed:\n{done.stderr}"
    return json.loads(done.stdout)


# --- the hand-worked cases, in both languages ---------------------------------------------------

@pytest.mark.parametrize("case", CASES["strategies"], ids=[c["name"] for c in CASES["strategies"]])
def test_case_in_python(case):
    st = strategy(case["legs"])
    assert st.breakevens() == tuple(case["breakevens"]), case["why"]
    assert (st.max_profit(), st.max_loss()) == (case["max_profit"], case["max_loss"]), case["why"]
    assert st.net_premium() == case["net_premium"]
    assert [st.pnl_at_expiry(spot) for spot, _ in case["pnl"]] == [pnl for _, pnl in case["pnl"]]


def test_cases_in_javascript(javascript):
    for case, got in zip(CASES["strategies"], javascript["strategies"], strict=True):
        want = {"breakevens": case["breakevens"], "max_profit": case["max_profit"], "max_loss": case["max_loss"],
                "net_premium": case["net_premium"], "pnl": [pnl for _, pnl in case["pnl"]]}
        assert got == want, case["name"]


def test_values_and_greeks_agree_across_languages(javascript):
    for case, got in zip(CASES["values"], javascript["values"], strict=True):
        st = strategy(case["legs"])
        for (spot, day, vol, rate), js in zip(case["samples"], got, strict=True):
            assert close(js["value"], st.value(spot, day, vol, rate)), (spot, day)
            greeks = st.greeks(spot, day, vol, rate)
            assert all(close(js["greeks"][name], greeks[name]) for name in greeks), (spot, day, js, greeks)


def test_presets_agree_across_languages(javascript):
    for case, legs in zip(CASES["presets"], javascript["presets"], strict=True):
        st = Strategy.preset(case["name"], case["spot"], case["width"], case["expiry_days"], case["volatility"])
        assert [(g["kind"], g["side"], g["strike"], g["quantity"], g["expiry_days"]) for g in legs] == \
            [(g.kind, g.side, g.strike, g.quantity, g.expiry_days) for g in st.legs], case["name"]
        assert all_close([g["premium"] for g in legs], [g.premium for g in st.legs]), case["name"]


@pytest.mark.parametrize("case", CASES["bad_legs"], ids=[c["error_starts"][:30] for c in CASES["bad_legs"]])
def test_bad_leg_in_python(case):
    with pytest.raises(CalculatorInputError) as caught:
        Leg(**case["leg"])
    assert str(caught.value).startswith(case["error_starts"])


def test_bad_legs_in_javascript(javascript):
    for case, got in zip(CASES["bad_legs"], javascript["bad_legs"], strict=True):
        assert got.get("error", "").startswith(case["error_starts"]), (case, got)


# --- every preset against its closed forms ------------------------------------------------------

K, W, T, VOL = 60_000.0, 5_000.0, 30.0, 0.6


def premium(kind: str, strike: float, days: float = T) -> float:
    return B76.compute(option_type=kind, forward=K, strike=strike, time_to_expiry=days / 365, volatility=VOL,
                       risk_free_rate=0.0)["price"]


def figures(name: str) -> tuple[tuple[float, ...], float | None, float | None]:
    st = Strategy.preset(name, K, width=W, expiry_days=T, volatility=VOL)
    return st.breakevens(), st.max_profit(), st.max_loss()


def test_preset_premiums_are_black_76():
    st = Strategy.preset("collar", K, width=W, expiry_days=T, volatility=VOL)
    assert [(g.kind, g.side, g.strike, g.premium, g.quantity) for g in st.legs] == [
        ("spot", "long", K, 0.0, 1.0), ("put", "long", K - W, premium("put", K - W), 1.0),
        ("call", "short", K + W, premium("call", K + W), 1.0)]


def test_straddles_and_strangles():
    paid = premium("call", K) + premium("put", K)
    assert all_close(figures("long-straddle")[0], (K - paid, K + paid))
    assert figures("long-straddle")[1:] == (None, pytest.approx(-paid, rel=REL))
    assert all_close(figures("short-straddle")[0], (K - paid, K + paid))
    assert figures("short-straddle")[1:] == (pytest.approx(paid, rel=REL), None)
    wings = premium("put", K - W) + premium("call", K + W)
    assert all_close(figures("long-strangle")[0], (K - W - wings, K + W + wings))
    assert figures("long-strangle")[1:] == (None, pytest.approx(-wings, rel=REL))
    assert figures("short-strangle")[1:] == (pytest.approx(wings, rel=REL), None)


def test_call_spreads():
    debit = premium("call", K) - premium("call", K + W)
    assert all_close(figures("bull-call-spread")[0], (K + debit,))
    assert all_close(figures("bull-call-spread")[1:], (W - debit, -debit))
    assert all_close(figures("bear-call-spread")[0], (K + debit,))  # the credit spread mirrors it
    assert all_close(figures("bear-call-spread")[1:], (debit, -(W - debit)))


def test_butterfly_and_iron_condor():
    debit = premium("call", K - W) - 2 * premium("call", K) + premium("call", K + W)
    assert all_close(figures("butterfly")[0], (K - W + debit, K + W - debit))
    assert all_close(figures("butterfly")[1:], (W - debit, -debit))
    credit = premium("put", K - W) - premium("put", K - 2 * W) + premium("call", K + W) - premium("call", K + 2 * W)
    assert all_close(figures("iron-condor")[0], (K - W - credit, K + W + credit))
    assert all_close(figures("iron-condor")[1:], (credit, -(W - credit)))


def test_stock_overlays():
    call, put = premium("call", K + W), premium("put", K - W)
    assert all_close(figures("covered-call")[0], (K - call,))
    assert all_close(figures("covered-call")[1:], (W + call, -(K - call)))  # spot never below zero
    assert all_close(figures("protective-put")[0], (K + put,))
    assert figures("protective-put")[1:] == (None, pytest.approx(-(W + put), rel=REL))
    net = put - call
    assert all_close(figures("collar")[0], (K + net,))
    assert all_close(figures("collar")[1:], (W - net, -(W + net)))


def test_calendar_spread_is_read_before_the_far_expiry():
    st = Strategy.preset("calendar-spread", K, width=W, expiry_days=T, volatility=VOL)
    debit = premium("call", K, 2 * T) - premium("call", K, T)
    assert [(g.side, g.strike, g.expiry_days) for g in st.legs] == [("short", K, T), ("long", K, 2 * T)]
    assert figures("calendar-spread") == ((), pytest.approx(-debit, rel=REL), pytest.approx(-debit, rel=REL))
    at_near = st.value(K, days_forward=T, volatility=VOL)  # the far call still has T days left
    assert at_near == pytest.approx(premium("call", K, T) - debit, rel=REL)
    assert at_near > st.value(K * 1.3, days_forward=T) and at_near > st.value(K * 0.7, days_forward=T)


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_has_a_consistent_picture(name):
    """Breakevens are zeros of P&L at expiry; the extremes bound a fine grid of it (a check, not the method)."""
    st = Strategy.preset(name, K, width=W, expiry_days=T, volatility=VOL)
    for spot in st.breakevens():
        assert abs(st.pnl_at_expiry(spot)) <= 1e-9 * K
    grid = [st.pnl_at_expiry(K * i / 400) for i in range(1201)]
    top, bottom = st.max_profit(), st.max_loss()
    assert top is None or max(grid) <= top + 1e-9 * K
    assert bottom is None or min(grid) >= bottom - 1e-9 * K
    assert st.net_premium() == pytest.approx(sum(g.sign * g.premium for g in st.legs), rel=REL)


# --- value() and the greeks ---------------------------------------------------------------------

MIXED = strategy(CASES["values"][0]["legs"])


@pytest.mark.parametrize("spot", [30_000.0, 55_000.0, 60_000.0, 90_000.0])
def test_value_is_pnl_at_expiry_once_every_leg_has_expired(spot):
    for day in (30.0, 31.0, 400.0):
        assert MIXED.value(spot, day) == MIXED.pnl_at_expiry(spot)
    assert MIXED.value(spot, 10.0) != MIXED.pnl_at_expiry(spot)  # the call still has time value


def test_an_expired_leg_counts_at_its_expiry_value():
    near = Leg("put", "short", strike=55_000, premium=900, quantity=2, expiry_days=10)
    far = Leg("call", "long", strike=60_000, premium=2500, expiry_days=30)
    together, alone = Strategy((near, far)), Strategy((far,))
    assert together.value(50_000, 12) == pytest.approx(near.pnl_at_expiry(50_000) + alone.value(50_000, 12), rel=REL)


def test_a_synthetic_long_is_a_forward_at_zero_rate():
    call, put = premium("call", K), premium("put", K)
    synthetic = Strategy((Leg("call", "long", strike=K, premium=call, expiry_days=T),
                          Leg("put", "short", strike=K, premium=put, expiry_days=T)))
    forward = Strategy((Leg("future", "long", strike=K, expiry_days=T),))
    for spot in (40_000.0, 60_000.0, 75_000.0):
        for day in (0.0, 12.5, 29.0):
            assert synthetic.value(spot, day) == pytest.approx(forward.value(spot, day) - (call - put), abs=1e-9 * K)
            assert synthetic.greeks(spot, day)["delta"] == pytest.approx(1.0, rel=1e-12)
            assert synthetic.greeks(spot, day)["gamma"] == pytest.approx(0.0, abs=1e-15)


@pytest.mark.parametrize("spot,day,vol,rate", [(60_000.0, 0.0, 0.6, 0.0), (52_000.0, 5.0, 0.8, 0.03),
                                               (70_000.0, 20.0, 0.4, -0.01)])
def test_greeks_are_finite_differences_of_value(spot, day, vol, rate):
    g = MIXED.greeks(spot, day, vol, rate)
    h = spot * 1e-4
    value = lambda s=spot, d=day, v=vol: MIXED.value(s, d, v, rate)  # noqa: E731
    assert g["delta"] == pytest.approx((value(spot + h) - value(spot - h)) / (2 * h), rel=1e-6)
    assert g["gamma"] == pytest.approx((value(spot + h) - 2 * value() + value(spot - h)) / h ** 2, rel=1e-4)
    assert g["vega"] == pytest.approx((value(v=vol + 1e-5) - value(v=vol - 1e-5)) / 2e-5 / 100, rel=1e-6)
    assert g["theta"] == pytest.approx((value(d=day + 1e-3) - value(d=day - 1e-3)) / 2e-3 if day else
                                       (value(d=2e-3) - value(d=0.0)) / 2e-3, rel=1e-3)


def test_expired_options_have_no_greeks_and_linear_legs_keep_their_delta():
    g = MIXED.greeks(60_000, 30)
    assert g == {"delta": -0.5 + 1.0, "gamma": 0.0, "vega": 0.0, "theta": 0.0}


# --- refusals -----------------------------------------------------------------------------------

@pytest.mark.parametrize("call,message", [
    (lambda: Strategy(()), "a strategy needs at least one leg"),
    (lambda: Strategy.preset("straddle", K), "no preset 'straddle'; the presets are long-straddle"),
    (lambda: Strategy.preset("iron-condor", K, width=30_000), "iron-condor: width 30000 puts a strike at 0"),
    (lambda: MIXED.pnl_at_expiry(-1), "spot = -1 is out of range; it must be ≥ 0"),
    (lambda: MIXED.value(0), "spot = 0 is out of range; it must be > 0"),
    (lambda: MIXED.value(K, -1), "days_forward = -1 is out of range"),
    (lambda: Leg("call", "long", strike=math.nan), "leg strike = nan is out of range"),
    (lambda: Leg("call", "long", strike="100"), "leg strike must be a number, got '100'"),
])
def test_refusals_name_what_to_fix(call, message):
    with pytest.raises(CalculatorInputError) as caught:
        call()
    assert str(caught.value).startswith(message)


def test_a_leg_is_frozen():
    leg = Leg("call", "long", strike=100, premium=5)
    with pytest.raises(AttributeError):
        leg.strike = 90  # type: ignore[misc]
    assert isinstance(leg.strike, float) and leg.quantity == 1.0
