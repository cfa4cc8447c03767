"""The second set's position calculators: published figures, hand calculations and properties.

Reference cases cite the page each figure was read from, one source per case; where no venue
publishes a worked example (Binance's hedge-mode and COIN-M liquidation FAQs give the formula
but no numbers), the expected value is derived by hand in the comment and checked against the
venue's own definition (liquidation where margin balance equals maintenance margin).
Properties: every solve inverts compute, inverse contracts are linear ones in 1/price, hedge
mode with one leg 0 is one-way mode, break-even means zero net PnL, a position sized from a
stop loses exactly the amount at risk there, and an average entry lies between its prices.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import calculators
from calculators import CalculatorInputError, NoSolution
from site_build.cli import main

SETTINGS = settings(max_examples=150, deadline=None)
IDS = ("hedge-mode-liquidation-price", "inverse-liquidation-price", "position-pnl", "average-entry-price",
       "position-size", "funding-over-period")
BINANCE_USDM_FAQ = "https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93"
BINANCE_COINM_FAQ = ("https://www.binance.com/es-MX/support/faq/"
                     "how-to-calculate-liquidation-price-of-coin-m-futures-contracts-ceccfcfb4e3a45e3b48b0b1bb1a8ae46")


def calc(calc_id: str):
    return calculators.get(calc_id)


def floats(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


side = st.sampled_from(["long", "short"])


def outcome(calc_id: str, **inputs):
    """The outputs, or the NoSolution class when the quantity does not exist."""
    try:
        return calc(calc_id).compute(**inputs)
    except NoSolution:
        return NoSolution


# ---------------------------------------------------------------------------------------------
# hedge-mode-liquidation-price
# ---------------------------------------------------------------------------------------------

def test_hedge_mode_defaults_by_hand():
    # Formula: Binance USDⓈ-M FAQ (BINANCE_USDM_FAQ), hedge-mode terms. No worked example is
    # published, so by hand: numerator = 5000 − 60000·1 + 62000·0.5 = −24000; denominator =
    # 1·0.004 + 0.5·0.004 − 1 + 0.5 = −0.494; LP = 24000 / 0.494 = 48582.99595141700...
    lp = calc("hedge-mode-liquidation-price").compute(
        wallet_balance=5000, long_quantity=1, long_entry_price=60_000, short_quantity=0.5,
        short_entry_price=62_000, long_maintenance_margin_rate=0.004, short_maintenance_margin_rate=0.004,
    )["liquidation_price"]
    assert lp == pytest.approx(24_000 / 0.494, rel=1e-12)
    # Binance liquidates when the margin balance reaches the maintenance margin (same FAQ):
    margin_balance = 5000 + 1 * (lp - 60_000) + 0.5 * (62_000 - lp)
    assert margin_balance == pytest.approx((1 + 0.5) * lp * 0.004, rel=1e-9)


def test_hedge_mode_with_amounts_and_other_positions_by_hand():
    # Short-heavy account: long 0.2 at 30,000, short 1 at 31,000, WB 2,000, MMR 0.5 % / 1 %, cum 10 / 25,
    # TMM1 40, UPNL1 −60 (Binance's cross-margin terms, BINANCE_USDM_FAQ). By hand: numerator =
    # 2000 − 40 − 60 + 10 + 25 − 6000 + 31000 = 26935; denominator = 0.001 + 0.01 − 0.2 + 1 = 0.811;
    # LP = 26935 / 0.811 = 33212.0838...
    lp = calc("hedge-mode-liquidation-price").compute(
        wallet_balance=2000, long_quantity=0.2, long_entry_price=30_000, short_quantity=1,
        short_entry_price=31_000, long_maintenance_margin_rate=0.005, short_maintenance_margin_rate=0.01,
        long_maintenance_amount=10, short_maintenance_amount=25, other_maintenance_margin=40,
        other_unrealized_pnl=-60)["liquidation_price"]
    assert lp == pytest.approx(26_935 / 0.811, rel=1e-12)


@pytest.mark.parametrize(("inputs", "reason"), [
    # Equal legs with no maintenance rate: margin balance and requirement never change with the price.
    ({"short_quantity": 1, "long_maintenance_margin_rate": 0, "short_maintenance_margin_rate": 0},
     "offset each other exactly"),
    # No wallet balance and the short under water: at the average entry 59,333.33 the legs lose 1,333.33.
    ({"wallet_balance": 0, "short_entry_price": 58_000}, "does not cover the maintenance margin at the legs' average"),
    ({"wallet_balance": 100_000}, "covers a fall to zero"),
])
def test_hedge_mode_without_a_liquidation_price_is_no_solution(inputs, reason):
    base = {i.name: i.default for i in calc("hedge-mode-liquidation-price").inputs}
    with pytest.raises(NoSolution, match=reason):
        calc("hedge-mode-liquidation-price").compute(**{**base, **inputs})


def test_hedge_mode_needs_a_leg():
    base = {i.name: i.default for i in calc("hedge-mode-liquidation-price").inputs}
    with pytest.raises(CalculatorInputError, match="open at least one leg"):
        calc("hedge-mode-liquidation-price").compute(**{**base, "long_quantity": 0, "short_quantity": 0})


leg = dict(quantity=floats(0.001, 100), entry=floats(100, 1e5), mmr=floats(0, 0.05), amount=floats(0, 500),
           balance=floats(0, 1e6), other_mm=floats(0, 1000), other_pnl=floats(-1000, 1000))


@SETTINGS
@given(side=side, other_entry=floats(100, 1e5), **leg)
def test_hedge_mode_with_one_leg_zero_is_the_one_way_calculator(side, other_entry, quantity, entry, mmr, amount,
                                                               balance, other_mm, other_pnl):
    """DESIGN.md: either leg may be 0, and then it is one-way mode with the other side."""
    open_leg, closed_leg = ("long", "short") if side == "long" else ("short", "long")
    hedge = {"wallet_balance": balance, f"{open_leg}_quantity": quantity, f"{open_leg}_entry_price": entry,
             f"{open_leg}_maintenance_margin_rate": mmr, f"{open_leg}_maintenance_amount": amount,
             f"{closed_leg}_quantity": 0, f"{closed_leg}_entry_price": other_entry,
             f"{closed_leg}_maintenance_margin_rate": 0.01, "other_maintenance_margin": other_mm,
             "other_unrealized_pnl": other_pnl}
    one_way = {"side": side, "quantity": quantity, "entry_price": entry, "wallet_balance": balance,
               "maintenance_margin_rate": mmr, "maintenance_amount": amount, "other_maintenance_margin": other_mm,
               "other_unrealized_pnl": other_pnl}
    got, expected = outcome("hedge-mode-liquidation-price", **hedge), outcome("liquidation-price", **one_way)
    if NoSolution in (got, expected):
        # Both agree unless the price sits on the boundary (at the entry or at zero) to rounding.
        raw = (balance - other_mm + other_pnl + amount - (1 if side == "long" else -1) * quantity * entry) / (
            quantity * mmr - (1 if side == "long" else -1) * quantity)
        assume(abs(raw - entry) > 1e-9 * entry and abs(raw) > 1e-9 * entry)
        assert got is expected, (got, expected)
    else:
        assert got["liquidation_price"] == pytest.approx(expected["liquidation_price"], rel=1e-9)


@SETTINGS
@given(long_q=floats(0.01, 100), short_q=floats(0.01, 100), long_entry=floats(100, 1e5), spread=floats(0.8, 1.25),
       mmr=floats(0, 0.05), leverage=floats(1, 50))
def test_hedge_mode_solves_back_to_the_wallet_balance(long_q, short_q, long_entry, spread, mmr, leverage):
    hedge = calc("hedge-mode-liquidation-price")
    inputs = {"wallet_balance": (long_q + short_q) * long_entry / leverage, "long_quantity": long_q,
              "long_entry_price": long_entry, "short_quantity": short_q, "short_entry_price": long_entry * spread,
              "long_maintenance_margin_rate": mmr, "short_maintenance_margin_rate": mmr}
    result = outcome("hedge-mode-liquidation-price", **inputs)
    assume(result is not NoSolution)
    # Equal legs with a near-zero rate leave a denominator of rounding size: the price is then
    # ~1e17 and no double can check it back; the property is about well-posed accounts.
    assume(abs((long_q + short_q) * mmr - long_q + short_q) > 1e-9 * (long_q + short_q))
    lp = result["liquidation_price"]
    # At the price found, the margin balance equals the maintenance margin (Binance's definition).
    balance = inputs["wallet_balance"] + long_q * (lp - long_entry) + short_q * (long_entry * spread - lp)
    assert balance == pytest.approx((long_q + short_q) * lp * mmr, rel=1e-7, abs=1e-7 * inputs["wallet_balance"])
    others = {k: v for k, v in inputs.items() if k != "wallet_balance"}
    found = hedge.solve("wallet_balance", liquidation_price=lp, **others)
    assert found == pytest.approx(inputs["wallet_balance"], rel=1e-7, abs=1e-7 * (long_q + short_q) * long_entry)


# ---------------------------------------------------------------------------------------------
# inverse-liquidation-price
# ---------------------------------------------------------------------------------------------

def test_inverse_defaults_by_hand():
    # Binance COIN-M FAQ (BINANCE_COINM_FAQ) gives the formula, no worked liquidation price. By hand,
    # long 10 contracts × 100 USD at 60,000 with 0.05 BTC: Pos = 1000 USD;
    # LP = 1000·(0.005 + 1) / (0.05 + 1000/60000) = 1005 / 0.0666… = 15,075 exactly.
    lp = calc("inverse-liquidation-price").compute(
        side="long", contracts=10, contract_size=100, entry_price=60_000, wallet_balance=0.05,
        maintenance_margin_rate=0.005)["liquidation_price"]
    assert lp == pytest.approx(15_075, rel=1e-12)


def test_inverse_margin_at_the_liquidation_price_is_binances_maintenance_margin():
    # Binance COIN-M FAQ (BINANCE_COINM_FAQ): 100 contracts of 100 USD at a mark price of 25,000 are a
    # 0.4 BTC notional in level 1 (0.4 %), so the maintenance margin is 100·100/25,000·0.4 % = 0.0016 BTC.
    # Solve for the wallet balance that puts a long from 30,000 at LP = 25,000; its margin balance
    # there, WB + 10,000·(1/30,000 − 1/25,000), must be that 0.0016 BTC.
    inverse = calc("inverse-liquidation-price")
    given = dict(side="long", contracts=100, contract_size=100, entry_price=30_000, maintenance_margin_rate=0.004)
    balance = inverse.solve("wallet_balance", liquidation_price=25_000, **given)
    assert balance + 10_000 * (1 / 30_000 - 1 / 25_000) == pytest.approx(0.0016, abs=1e-15)
    assert inverse.compute(wallet_balance=balance, **given)["liquidation_price"] == pytest.approx(25_000, rel=1e-12)


@pytest.mark.parametrize(("inputs", "reason"), [
    ({"side": "short", "wallet_balance": 1000 / 60_000}, "the coin margin is worth at least the short's face value"),
    ({"side": "short", "wallet_balance": 0.05}, "at or below zero"),
    ({"side": "long", "wallet_balance": 0}, "wrong side of the entry price"),
    ({"side": "short", "wallet_balance": 0}, "wrong side of the entry price"),
])
def test_inverse_without_a_liquidation_price_is_no_solution(inputs, reason):
    base = dict(contracts=10, contract_size=100, entry_price=60_000, maintenance_margin_rate=0.005)
    with pytest.raises(NoSolution, match=reason):
        calc("inverse-liquidation-price").compute(**base, **inputs)


@SETTINGS
@given(side=side, contracts=floats(1, 1e5), size=st.sampled_from([1, 10, 100]), entry=floats(100, 1e5),
       leverage=floats(1.01, 100), mmr=floats(0, 0.05), amount_share=floats(0, 0.1))
def test_inverse_is_the_linear_calculator_in_one_over_price(side, contracts, size, entry, leverage, mmr, amount_share):
    """An inverse position of face value Pos is a linear position of size Pos in x = 1/P, on the other side."""
    pos = contracts * size
    balance = pos / entry / leverage
    assume(abs((1 + amount_share) / leverage - mmr) > 1e-9)  # not exactly at the entry, where rounding decides
    inverse = outcome("inverse-liquidation-price", side=side, contracts=contracts, contract_size=size,
                      entry_price=entry, wallet_balance=balance, maintenance_margin_rate=mmr,
                      maintenance_amount=balance * amount_share)
    linear = outcome("liquidation-price", side="short" if side == "long" else "long", quantity=pos,
                     entry_price=1 / entry, wallet_balance=balance, maintenance_margin_rate=mmr,
                     maintenance_amount=balance * amount_share)
    if NoSolution in (inverse, linear):
        assert inverse is linear
        return
    assert inverse["liquidation_price"] == pytest.approx(1 / linear["liquidation_price"], rel=1e-9)
    others = dict(side=side, contracts=contracts, contract_size=size, entry_price=entry, maintenance_margin_rate=mmr,
                  maintenance_amount=balance * amount_share)
    found = calc("inverse-liquidation-price").solve("wallet_balance", liquidation_price=inverse["liquidation_price"],
                                                    **others)
    assert found == pytest.approx(balance, rel=1e-7)


# ---------------------------------------------------------------------------------------------
# position-pnl
# ---------------------------------------------------------------------------------------------

def test_position_pnl_bybit_closed_pnl_example():
    # Bybit, "P&L calculations (USDT Contract)", closed P&L example as reproduced at
    # https://www.pastorq.com/7518.html: short 0.4 BTC at 6,000 closed at 5,000, position P&L 400,
    # fees 1.32 to open and 1.10 to close (0.055 % taker), funding paid 2.10 → 400 − 1.32 − 1.10 − 2.10.
    out = calc("position-pnl").compute(side="short", quantity=0.4, entry_price=6000, exit_price=5000, leverage=10,
                                       open_fee_rate=0.00055, close_fee_rate=0.00055, funding_paid=2.10)
    assert out["gross_pnl"] == pytest.approx(400, abs=1e-9)
    assert out["fees"] == pytest.approx(1.32 + 1.10, abs=1e-9)
    assert out["net_pnl"] == pytest.approx(395.48, abs=0.005)


def test_position_pnl_roe_is_on_initial_margin_and_bybit_adds_the_closing_fee():
    # Bybit, "P&L calculations (USDT Contract)" —
    # https://help.bybit.com/hc/en-us/articles/900000630066-P-L-calculations-USDT-Contract- (figures as
    # reproduced at https://wuyelx.com/2191.html): long 0.2 BTC at 7,000, 10x, price 7,500: P&L 100,
    # initial margin 140; Bybit's 71.07 % divides by 140 + 0.693 (closing fee). Ours divides by 140 only.
    out = calc("position-pnl").compute(side="long", quantity=0.2, entry_price=7000, exit_price=7500, leverage=10,
                                       open_fee_rate=0, close_fee_rate=0)
    assert out["initial_margin"] == pytest.approx(140, abs=1e-9) and out["net_pnl"] == pytest.approx(100, abs=1e-9)
    assert out["roe"] == pytest.approx(100 / 140, rel=1e-12)
    bybit_roi = out["net_pnl"] / (out["initial_margin"] + 0.693)  # 0.710767…, which Bybit prints cut to 71.07 %
    assert 0.7107 <= bybit_roi < 0.7108


def test_position_pnl_break_even_by_hand():
    # Long at 60,000 with 0.05 % each way: break-even X solves X − 60,000 = 0.0005·(60,000 + X), so
    # X = 60,000·1.0005/0.9995 = 60,060.03001500750...; a short: 60,000·0.9995/1.0005.
    pnl = calc("position-pnl")
    defaults = {i.name: i.default for i in pnl.inputs}
    assert pnl.compute(**defaults)["break_even_price"] == pytest.approx(60_000 * 1.0005 / 0.9995, rel=1e-12)
    short = pnl.compute(**{**defaults, "side": "short"})["break_even_price"]
    assert short == pytest.approx(60_000 * 0.9995 / 1.0005, rel=1e-12)


pnl_cases = dict(side=side, quantity=floats(0.001, 1000), entry=floats(1, 1e5), move=floats(0.5, 2),
                 leverage=floats(1, 125), fee_open=floats(-0.0002, 0.001), fee_close=floats(-0.0002, 0.001),
                 funding=floats(-500, 500))


@SETTINGS
@given(**pnl_cases)
def test_position_pnl_break_even_gives_zero_and_exit_price_solves_back(side, quantity, entry, move, leverage,
                                                                      fee_open, fee_close, funding):
    pnl = calc("position-pnl")
    inputs = dict(side=side, quantity=quantity, entry_price=entry, exit_price=entry * move, leverage=leverage,
                  open_fee_rate=fee_open, close_fee_rate=fee_close, funding_paid=funding)
    out = pnl.compute(**inputs)
    assert out["net_pnl"] == pytest.approx(out["gross_pnl"] - out["fees"] - funding, rel=1e-9,
                                           abs=1e-9 * quantity * entry)
    assert out["roe"] == pytest.approx(out["net_pnl"] * leverage / (quantity * entry), rel=1e-9, abs=1e-12)
    at_break_even = pnl.compute(**{**inputs, "exit_price": out["break_even_price"], "funding_paid": 0})
    assert at_break_even["net_pnl"] == pytest.approx(0, abs=1e-9 * quantity * entry)
    others = {k: v for k, v in inputs.items() if k != "exit_price"}
    found = pnl.solve("exit_price", net_pnl=out["net_pnl"], **others)
    assert found == pytest.approx(entry * move, rel=1e-9)


# ---------------------------------------------------------------------------------------------
# average-entry-price
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("contract_type", "quantity", "entry", "add", "add_price", "expected", "source"), [
    ("linear", 0.5, 5000, 0.3, 6000, 5375,
     "Bybit, P&L calculations (USDT Contract) — "
     "https://help.bybit.com/hc/en-us/articles/900000630066-P-L-calculations-USDT-Contract-"),
    ("inverse", 1000, 5000, 2000, 6000, 5625.00,
     "Bybit, Profit & Loss calculations (Inverse Contracts) — https://testnet.bytick.com/kk-KZ/help-center/"
     "article/Profit-Loss-calculations-Inverse-Contracts?category=b27e229eb2032c267f"),
])
def test_average_entry_price_bybit_examples(contract_type, quantity, entry, add, add_price, expected, source):
    average = calc("average-entry-price")
    out = average.compute(contract_type=contract_type, quantity=quantity, entry_price=entry, add_quantity=add,
                          add_price=add_price)
    assert out["average_entry_price"] == pytest.approx(expected, abs=0.005), source
    assert out["total_quantity"] == pytest.approx(quantity + add, rel=1e-12)
    found = average.solve("add_quantity", average_entry_price=expected, contract_type=contract_type,
                          quantity=quantity, entry_price=entry, add_price=add_price)
    assert found == pytest.approx(add, rel=1e-9), source


@SETTINGS
@given(contract_type=st.sampled_from(["linear", "inverse"]), quantity=floats(0.001, 1e4), entry=floats(1, 1e5),
       add=floats(0.001, 1e4), ratio=floats(0.25, 4))
def test_average_entry_lies_between_the_prices_and_solves_back(contract_type, quantity, entry, add, ratio):
    average = calc("average-entry-price")
    add_price = entry * ratio
    out = average.compute(contract_type=contract_type, quantity=quantity, entry_price=entry, add_quantity=add,
                          add_price=add_price)["average_entry_price"]
    low, high = sorted((entry, add_price))
    assert low * (1 - 1e-12) <= out <= high * (1 + 1e-12)
    # Linear/inverse symmetry: the harmonic mean of the prices is the reciprocal of the linear mean of 1/price.
    other = "inverse" if contract_type == "linear" else "linear"
    flipped = average.compute(contract_type=other, quantity=quantity, entry_price=1 / entry, add_quantity=add,
                              add_price=1 / add_price)["average_entry_price"]
    assert out == pytest.approx(1 / flipped, rel=1e-9)
    assume(low * (1 + 1e-6) < out < high * (1 - 1e-6))  # strictly inside, where the solve is well conditioned
    found = average.solve("add_quantity", average_entry_price=out, contract_type=contract_type, quantity=quantity,
                          entry_price=entry, add_price=add_price)
    assert found == pytest.approx(add, rel=1e-5)


@pytest.mark.parametrize("target", [50_000, 60_000, 61_000, 45_000])
def test_an_average_outside_the_open_interval_is_no_solution(target):
    with pytest.raises(NoSolution, match="strictly between entry_price and add_price"):
        calc("average-entry-price").solve("add_quantity", average_entry_price=target, contract_type="linear",
                                          quantity=1, entry_price=60_000, add_price=50_000)


# ---------------------------------------------------------------------------------------------
# position-size
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("risk", "entry", "stop", "quantity", "notional", "tol", "source"), [
    (50, 60_000, 58_800, 50 / 1200, 2500, 0.5, "Marginpad, How to Calculate Position Size in Crypto Futures — "
                                               "https://marginpad.io/blog/how-to-calculate-position-size/"),
    (100, 3000, 2880, 0.833, 2500, 0.5, "by hand, the fixed-fractional rule R / |E − S|: 100 / 120 = 0.8333 units, "
                                        "0.8333 × 3,000 = 2,500 notional"),
])
def test_position_size_published_examples_without_fees(risk, entry, stop, quantity, notional, tol, source):
    out = calc("position-size").compute(side="long", risk_amount=risk, entry_price=entry, stop_price=stop, fee_rate=0)
    assert out["quantity"] == pytest.approx(quantity, abs=0.0005), source
    assert out["notional"] == pytest.approx(notional, abs=tol), source


def test_position_size_with_fees_by_hand():
    # Defaults: a 1,200 stop distance plus 0.05 % of 60,000 and of 58,800 = 1,259.4 lost per unit,
    # so 100 / 1,259.4 = 0.07940289... units; the stop distance is 1,200 / 60,000 = 2 %.
    out = calc("position-size").compute(side="long", risk_amount=100, entry_price=60_000, stop_price=58_800,
                                        fee_rate=0.0005)
    assert out["quantity"] == pytest.approx(100 / 1259.4, rel=1e-12)
    assert out["stop_distance"] == pytest.approx(0.02, rel=1e-12)


@pytest.mark.parametrize(("chosen_side", "stop"), [("long", 60_000), ("long", 61_000), ("short", 59_000),
                                                    ("short", 60_000)])
def test_a_stop_at_or_beyond_the_entry_is_an_input_error(chosen_side, stop):
    with pytest.raises(CalculatorInputError, match="losing side of entry_price"):
        calc("position-size").compute(side=chosen_side, risk_amount=100, entry_price=60_000, stop_price=stop,
                                      fee_rate=0.0005)


@SETTINGS
@given(side=side, risk=floats(1, 1e5), entry=floats(1, 1e5), distance=floats(0.001, 0.5), fee=floats(0, 0.002))
def test_sized_position_loses_exactly_the_risk_at_the_stop(side, risk, entry, distance, fee):
    stop = entry * (1 - distance) if side == "long" else entry * (1 + distance)
    size = calc("position-size")
    out = size.compute(side=side, risk_amount=risk, entry_price=entry, stop_price=stop, fee_rate=fee)
    # Cross-check with position-pnl: closing at the stop, fees both ways, no funding, loses risk_amount.
    closed = calc("position-pnl").compute(side=side, quantity=out["quantity"], entry_price=entry, exit_price=stop,
                                          leverage=1, open_fee_rate=fee, close_fee_rate=fee)
    assert closed["net_pnl"] == pytest.approx(-risk, rel=1e-9)
    found = size.solve("risk_amount", quantity=out["quantity"], side=side, entry_price=entry, stop_price=stop,
                       fee_rate=fee)
    assert found == pytest.approx(risk, rel=1e-9)


# ---------------------------------------------------------------------------------------------
# funding-over-period
# ---------------------------------------------------------------------------------------------

KRAKEN_INVERSE = ("Kraken, Inverse Crypto Collateral Perpetual Contract Specifications, Example Funding Rate 1 — "
                  "https://support.kraken.com/hc/en-us/articles/360022835911-Inverse-Crypto-Collateral-Perpetual-"
                  "Contract-Specifications")
KRAKEN_LINEAR = ("Kraken, Linear Multi-Collateral Perpetual Contract Specifications, Example Funding Rate 1 — "
                 "https://support.kraken.com/hc/it-it/articles/4844359082772-Linear-Multi-Collateral-Perpetual-"
                 "Contract-Specifications")


@pytest.mark.parametrize(("notional", "hourly_rate", "expected", "tol", "source"), [
    (100_000, 0.0001785, -17.85, 0.005, KRAKEN_INVERSE),  # short 100,000 USD, 0.01785 %/h, 1 h: earns $17.85
    (2 * 37_000, 0.0001126125, -8.333325, 5e-7, KRAKEN_LINEAR),  # short 2 BTC at 37,000, 1 h: paid 8.333325
])
def test_funding_over_one_hourly_interval_kraken_examples(notional, hourly_rate, expected, tol, source):
    out = calc("funding-over-period").compute(side="short", notional=notional, funding_rate=hourly_rate,
                                              interval_hours=1, holding_hours=1)
    assert out["total_payment"] == pytest.approx(expected, abs=tol), source
    assert out["settlements"] == 1


def test_funding_three_settlements_a_day_on_binance():
    # Binance perpetuals settle funding every 8 hours (00:00, 08:00, 16:00 UTC) — Binance's rule as quoted by
    # https://docs.traderwagon.com/faq/futures-trading-introduction/funding-fee — so a day holds 3 settlements,
    # and 0.01 % per settlement is 0.01 % × 3 × 365 = 10.95 % a year, simple.
    out = calc("funding-over-period").compute(side="long", notional=100_000, funding_rate=0.0001, interval_hours=8,
                                              holding_hours=24)
    assert out["settlements"] == 3
    assert out["total_payment"] == pytest.approx(30, rel=1e-12)
    assert out["annualized_rate"] == pytest.approx(0.1095, rel=1e-12)


def test_funding_for_part_of_an_interval_is_deribits_time_fraction():
    # Deribit, Funding Specifications — https://support.deribit.com/hc/en-us/articles/31424939178397-Funding-
    # Specifications: payment = funding rate × position size × (period / 8 hours). Two hours at an 8-hour
    # rate of 0.04 % on 50,000 is 50,000 × 0.0004 × 2/8 = 5 (a hand calculation with Deribit's formula).
    out = calc("funding-over-period").compute(side="long", notional=50_000, funding_rate=0.0004, interval_hours=8,
                                              holding_hours=2)
    assert out["total_payment"] == pytest.approx(5, rel=1e-12)


@SETTINGS
@given(side=side, notional=floats(0, 1e7), rate=floats(-0.01, 0.01), interval=st.sampled_from([1, 4, 8]),
       hours=floats(0, 24 * 365))
def test_funding_total_is_settlements_times_the_payment_and_sides_mirror(side, notional, rate, interval, hours):
    funding = calc("funding-over-period")
    out = funding.compute(side=side, notional=notional, funding_rate=rate, interval_hours=interval,
                          holding_hours=hours)
    assert out["total_payment"] == pytest.approx(out["settlements"] * out["payment_per_settlement"], rel=1e-12,
                                                 abs=1e-12)
    other = funding.compute(side="short" if side == "long" else "long", notional=notional, funding_rate=rate,
                            interval_hours=interval, holding_hours=hours)
    assert other["total_payment"] == pytest.approx(-out["total_payment"], rel=1e-12, abs=1e-12)
    assert out["annualized_rate"] == pytest.approx(rate * 8760 / interval, rel=1e-12, abs=1e-15)


# ---------------------------------------------------------------------------------------------
# the command line lists them
# ---------------------------------------------------------------------------------------------

def test_glossary_calc_list_shows_the_position_calculators(capsys):
    assert main(["calc", "--list"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert set(IDS) <= listed


@pytest.mark.parametrize("calc_id", IDS)
def test_defaults_give_finite_numbers(calc_id):
    values = calc(calc_id).compute(**{i.name: i.default for i in calc(calc_id).inputs})
    assert list(values) == list(calc(calc_id).output_names)
    assert all(math.isfinite(v) for v in values.values())
