"""The second set's market calculators: published figures, then identities Hypothesis checks.

annualized-basis, concentrated-liquidity, concentrated-impermanent-loss, health-factor,
inverse-option and option-payoff (DESIGN.md, "Calculators, second set"). Each reference case
cites where its numbers were read; a case derived by hand says so and shows the working.
Tolerances follow the precision the source prints.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import calculators
from calculators import CalculatorInputError
from site_build.cli import main

SETTINGS = settings(max_examples=150, deadline=None)
MARKET_IDS = ("annualized-basis", "concentrated-liquidity", "concentrated-impermanent-loss", "health-factor",
              "inverse-option", "option-payoff")


def calc(calc_id: str):
    return calculators.get(calc_id)


def pos(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


def close(a: float, b: float, rel: float = 1e-9, abs_: float = 1e-12) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


# ---------------------------------------------------------------------------------------------
# annualized-basis
# ---------------------------------------------------------------------------------------------

def test_annualized_basis_matches_ccxt_client_example():
    # ccxt_client (Elixir) CCXT.Trading.Basis moduledoc: annualized(50_000, 50_100, 30) => 0.0243
    # ("2.43% annualized yield"); spot_perp(50_000, 50_100) => absolute 100.0, percent 0.2.
    # Source: https://hex.pm/packages/ccxt_client/0.1.0/files/lib/ccxt/trading/basis.ex
    out = calc("annualized-basis").compute(spot_price=50_000, futures_price=50_100, days_to_expiry=30)
    assert out["annualized_basis"] == pytest.approx(0.0243, abs=5e-5)
    assert out["basis"] == pytest.approx(100.0, abs=1e-9)
    assert out["basis_rate"] * 100 == pytest.approx(0.2, abs=1e-12)


def test_continuous_carry_matches_hulls_forward_price_example():
    # Hull, Options, Futures, and Other Derivatives, ch. 5 (forward on an asset with no income,
    # F0 = S0·e^(rT)): a 4-month forward on a bond worth 930 at r = 6% continuously compounded is
    # 930·e^(0.06·4/12) = 948.79. Read back, the carry is r = 6% (to the cents of the printed price).
    out = calc("annualized-basis").compute(spot_price=930, futures_price=948.79, days_to_expiry=365 * 4 / 12)
    assert out["continuous_carry"] == pytest.approx(0.06, abs=5e-5)


def test_annualized_basis_defaults_by_hand():
    # Hand calculation: (61,200/60,000 − 1) = 2%; × 365/90 = 8.111%; ln(1.02) × 365/90 = 8.031%.
    out = calc("annualized-basis").compute(spot_price=60_000, futures_price=61_200, days_to_expiry=90)
    assert out["basis"] == pytest.approx(1200)
    assert out["basis_rate"] == pytest.approx(0.02)
    assert out["annualized_basis"] == pytest.approx(0.02 * 365 / 90)
    assert out["continuous_carry"] == pytest.approx(math.log(1.02) * 365 / 90)


@SETTINGS
@given(spot=pos(1, 1e6), ratio=pos(0.5, 2), days=pos(0.01, 3650))
def test_annualized_basis_solves_back_to_the_futures_price(spot, ratio, days):
    c = calc("annualized-basis")
    out = c.compute(spot_price=spot, futures_price=spot * ratio, days_to_expiry=days)
    found = c.solve("futures_price", annualized_basis=out["annualized_basis"], spot_price=spot, days_to_expiry=days)
    assert close(found, spot * ratio, rel=1e-9)
    assert out["continuous_carry"] <= out["annualized_basis"] + 1e-12 * 365 / days  # ln(x) ≤ x − 1, to rounding


def test_annualized_basis_refuses_a_target_that_needs_a_non_positive_future():
    with pytest.raises(CalculatorInputError, match="cannot fall to zero"):
        calc("annualized-basis").solve("futures_price", annualized_basis=-5, spot_price=100, days_to_expiry=73)


# ---------------------------------------------------------------------------------------------
# concentrated-liquidity
# ---------------------------------------------------------------------------------------------

# Uniswap/v3-periphery, test/LiquidityAmounts.spec.ts, "#getLiquidityForAmounts": with
# encodePriceSqrt(reserve1, reserve0), i.e. price = reserve1/reserve0 in token1 per token0, a range
# from 100/110 to 110/100 and amounts 100 (token0) and 200 (token1), the contract returns the
# largest integer liquidity both amounts cover: 2148 at price 1, 1938 at 99/100, 2097 at 111/100
# (above the range, only token1 binds). Our real-valued amounts must therefore need at most the
# given tokens at that liquidity, and more than one of them at liquidity + 1.
V3_PERIPHERY = "Uniswap/v3-periphery test/LiquidityAmounts.spec.ts"
V3_CASES = [(1.0, 2148, "amount0"), (99 / 100, 1938, "amount0"), (111 / 100, 2097, "amount1")]


@pytest.mark.parametrize(("price", "liquidity", "binding"), V3_CASES)
def test_concentrated_liquidity_reproduces_v3_periphery_liquidity_for_amounts(price, liquidity, binding):
    c = calc("concentrated-liquidity")
    rng = dict(price=price, price_lower=100 / 110, price_upper=110 / 100)
    fits = c.compute(**rng, liquidity=liquidity)
    assert fits["amount0"] <= 100 and fits["amount1"] <= 200, V3_PERIPHERY
    over = c.compute(**rng, liquidity=liquidity + 1)
    assert over[binding] > {"amount0": 100, "amount1": 200}[binding], V3_PERIPHERY


def test_concentrated_liquidity_matches_the_uniswap_v3_book_position():
    # Uniswap V3 Development Book's first position, as reproduced with its printed results in
    # https://github.com/ParsaAminpour/DeFi__UniswapV3Simulator : ETH/USDC at 5000, range 4545–5500,
    # 1 ETH + 5000 USDC (both 18 decimals) give liquidity 1517882343751509868544 and token amounts
    # (998976618347425408, 5000000000000000000000) in base units. In whole tokens: L = 1517.88…
    # holds 0.998976618… ETH and 5000 USDC.
    out = calc("concentrated-liquidity").compute(price=5000, price_lower=4545, price_upper=5500,
                                                 liquidity=1517882343751509868544 / 1e18)
    assert out["amount0"] == pytest.approx(0.998976618347425408, rel=1e-9)
    assert out["amount1"] == pytest.approx(5000, rel=1e-9)
    assert out["value"] == pytest.approx(0.998976618347425408 * 5000 + 5000, rel=1e-9)


def test_concentrated_liquidity_defaults_by_hand():
    # Whitepaper §6 (formulas 6.29/6.30) by hand: √2000 = 44.72136, √1500 = 38.72983, √2500 = 50.
    # amount0 = 1000·(1/44.72136 − 1/50) = 2.36068; amount1 = 1000·(44.72136 − 38.72983) = 5991.53;
    # value = 2.36068·2000 + 5991.53 = 10712.89 token1.
    out = calc("concentrated-liquidity").compute(price=2000, price_lower=1500, price_upper=2500, liquidity=1000)
    assert out["amount0"] == pytest.approx(2.36068, abs=5e-6)
    assert out["amount1"] == pytest.approx(5991.53, abs=5e-3)
    assert out["value"] == pytest.approx(10712.89, abs=5e-3)


def test_concentrated_liquidity_outside_the_range_holds_one_token():
    c = calc("concentrated-liquidity")
    below = c.compute(price=1000, price_lower=1500, price_upper=2500, liquidity=1000)
    above = c.compute(price=3000, price_lower=1500, price_upper=2500, liquidity=1000)
    assert below["amount1"] == 0 and below["amount0"] == pytest.approx(1000 * (1 / math.sqrt(1500) - 1 / 50))
    assert above["amount0"] == 0 and above["amount1"] == pytest.approx(1000 * (50 - math.sqrt(1500)))
    assert below["value"] == pytest.approx(below["amount0"] * 1000)  # valued at the unclamped price


def test_a_range_needs_its_lower_end_below_its_upper_end():
    for calc_id, extra in (("concentrated-liquidity", {"price": 2000, "liquidity": 1}),
                           ("concentrated-impermanent-loss", {"entry_price": 2000, "exit_price": 2100})):
        with pytest.raises(CalculatorInputError, match="price_lower must be below price_upper"):
            calc(calc_id).compute(price_lower=2500, price_upper=2500, **extra)


@SETTINGS
@given(low=pos(1e-3, 1e5), width=pos(1.0001, 100), where=pos(0.01, 100), liquidity=pos(1e-3, 1e9))
def test_concentrated_liquidity_solves_back_to_the_liquidity(low, width, where, liquidity):
    c = calc("concentrated-liquidity")
    rng = dict(price=low * where, price_lower=low, price_upper=low * width)
    value = c.compute(**rng, liquidity=liquidity)["value"]
    assert value > 0
    assert close(c.solve("liquidity", value=value, **rng), liquidity, rel=1e-9)


@SETTINGS
@given(low=pos(1e-3, 1e5), width=pos(1.001, 100), liquidity=pos(1e-3, 1e9))
def test_amounts_vanish_at_the_range_ends_and_value_is_continuous_across_them(low, width, liquidity):
    c = calc("concentrated-liquidity")
    high = low * width
    at = {p: c.compute(price=p, price_lower=low, price_upper=high, liquidity=liquidity) for p in (low, high)}
    assert at[high]["amount0"] == 0 and at[low]["amount1"] == 0
    for end in (low, high):
        for nearby in (end * (1 - 1e-9), end * (1 + 1e-9)):
            near = c.compute(price=nearby, price_lower=low, price_upper=high, liquidity=liquidity)
            assert close(near["value"], at[end]["value"], rel=1e-8)
            assert close(near["amount0"], at[end]["amount0"], rel=1e-6, abs_=1e-7 * liquidity / math.sqrt(low))
            assert close(near["amount1"], at[end]["amount1"], rel=1e-6, abs_=1e-7 * liquidity * math.sqrt(high))


# ---------------------------------------------------------------------------------------------
# concentrated-impermanent-loss
# ---------------------------------------------------------------------------------------------

def in_range_closed_form(low: float, high: float, entry: float, exit_: float) -> float:
    """IL of a range position that stays in range, derived by hand from the whitepaper's amounts.

    With k = exit/entry, V_lp − V_hold = L·√entry·(2√k − 1 − k) exactly as for a full-range
    position, while V_hold = L·√entry·((1 + k) − √(low/entry) − k·√(entry/high)). Hence
    IL = IL_full(k) / (1 − (√(low/entry) + k·√(entry/high)) / (1 + k)).
    """
    k = exit_ / entry
    full = 2 * math.sqrt(k) / (1 + k) - 1
    return full / (1 - (math.sqrt(low / entry) + k * math.sqrt(entry / high)) / (1 + k))


def test_concentrated_impermanent_loss_defaults_by_hand():
    # By hand, L = 1: entry 2000 holds x0 = 1/√2000 − 1/50 = 0.0023607 and y0 = √2000 − √1500 =
    # 5.99153; at 2500 (the upper end) the position is all token1, y1 = 50 − √1500 = 11.27017,
    # while holding is worth 0.0023607·2500 + 5.99153 = 11.89323. IL = 11.27017/11.89323 − 1 = −5.239%.
    out = calc("concentrated-impermanent-loss").compute(price_lower=1500, price_upper=2500, entry_price=2000,
                                                        exit_price=2500)
    assert out["impermanent_loss"] == pytest.approx(-0.05239, abs=5e-6)
    assert out["impermanent_loss"] == pytest.approx(in_range_closed_form(1500, 2500, 2000, 2500), rel=1e-12)


@SETTINGS
@given(low=pos(1e-2, 1e5), width=pos(1.001, 1000), entry_at=pos(0, 1), exit_at=pos(0, 1))
def test_in_range_concentrated_loss_equals_the_hand_derived_closed_form(low, width, entry_at, exit_at):
    high = low * width
    entry, exit_ = low * width**entry_at, low * width**exit_at
    loss = calc("concentrated-impermanent-loss").compute(price_lower=low, price_upper=high, entry_price=entry,
                                                         exit_price=exit_)["impermanent_loss"]
    assert close(loss, in_range_closed_form(low, high, entry, exit_), rel=1e-6, abs_=1e-12)


@SETTINGS
@given(low=pos(1e-2, 1e5), width=pos(1.001, 1000), entry=pos(1e-3, 1e7), move=pos(0.01, 100))
def test_concentrated_loss_is_never_a_gain_and_zero_without_a_move(low, width, entry, move):
    c = calc("concentrated-impermanent-loss")
    rng = dict(price_lower=low, price_upper=low * width)
    assert c.compute(**rng, entry_price=entry, exit_price=entry)["impermanent_loss"] == 0
    loss = c.compute(**rng, entry_price=entry, exit_price=entry * move)["impermanent_loss"]
    assert -1 < loss <= 1e-12


@SETTINGS
@given(entry=pos(1e-2, 1e5), ratio=pos(0.01, 100))
def test_a_very_wide_range_approaches_full_range_impermanent_loss(entry, ratio):
    wide = calc("concentrated-impermanent-loss").compute(
        price_lower=entry * 1e-16, price_upper=entry * 1e16, entry_price=entry, exit_price=entry * ratio)
    full = calc("impermanent-loss").compute(price_ratio=ratio)["impermanent_loss"]
    assert close(wide["impermanent_loss"], full, rel=1e-6, abs_=1e-12)


@SETTINGS
@given(low=pos(1, 1e4), width=pos(1.01, 10), ratio=pos(1.0001, 100))
def test_a_narrower_range_loses_more_for_the_same_move_inside_it(low, width, ratio):
    """Centred on the same entry, the wider range's loss is the smaller (concentration magnifies IL)."""
    entry = low * math.sqrt(width)
    exit_ = entry * min(ratio, math.sqrt(width))  # stays inside the narrow range
    c = calc("concentrated-impermanent-loss")
    narrow = c.compute(price_lower=low, price_upper=low * width, entry_price=entry, exit_price=exit_)
    wide = c.compute(price_lower=low / 10, price_upper=low * width * 10, entry_price=entry, exit_price=exit_)
    assert narrow["impermanent_loss"] <= wide["impermanent_loss"] + 1e-15


# ---------------------------------------------------------------------------------------------
# health-factor
# ---------------------------------------------------------------------------------------------

def test_health_factor_matches_aaves_help_centre_example():
    # Aave Help Centre, Liquidations: "if you supply $10,000 in ETH with an 80% liquidation
    # threshold and borrow $6,000 in GHO, your health factor would be 1.333".
    # Source: https://aave.com/help/borrowing/liquidations  (5 ETH at 2,000 USD = 10,000 USD)
    out = calc("health-factor").compute(collateral_amount=5, collateral_price=2000, liquidation_threshold=0.8,
                                        debt_value=6000)
    assert out["health_factor"] == pytest.approx(1.333, abs=5e-4)


def test_health_factor_matches_a_published_825_threshold_example():
    # 1 ETH at 3,000 USD, liquidation threshold 82.5%, 1,500 USDC borrowed: HF = 2,475 / 1,500 = 1.65.
    # Source: https://www.coingabbar.com/en/crypto-dictionary/health-factor
    out = calc("health-factor").compute(collateral_amount=1, collateral_price=3000, liquidation_threshold=0.825,
                                        debt_value=1500)
    assert out["health_factor"] == pytest.approx(1.65, abs=5e-3)


def test_liquidation_price_matches_a_published_aave_question():
    # 1 ETH collateral, 80% liquidation threshold, 2,250 USDC borrowed: liquidated below
    # 2,250 / 0.8 = 2,812 USD. Source:
    # https://www.lemonwheel.com/defi/help-understanding-liquidation-treshold-with-actual-numbers/
    out = calc("health-factor").compute(collateral_amount=1, collateral_price=3000, liquidation_threshold=0.8,
                                        debt_value=2250)
    assert out["liquidation_price"] == pytest.approx(2812, abs=0.5)
    assert out["price_drop_to_liquidation"] == pytest.approx(1 - 2812.5 / 3000)


def test_health_factor_needs_debt():
    with pytest.raises(CalculatorInputError, match="debt_value = 0 is out of range"):
        calc("health-factor").compute(collateral_amount=1, collateral_price=1, liquidation_threshold=0.8, debt_value=0)


@SETTINGS
@given(amount=pos(1e-6, 1e6), price=pos(1e-4, 1e6), threshold=pos(0.01, 1), debt=pos(1e-2, 1e9))
def test_health_factor_solves_back_and_is_one_at_its_liquidation_price(amount, price, threshold, debt):
    c = calc("health-factor")
    inputs = dict(collateral_amount=amount, collateral_price=price, liquidation_threshold=threshold, debt_value=debt)
    out = c.compute(**inputs)
    for target in ("collateral_price", "debt_value"):
        others = {k: v for k, v in inputs.items() if k != target}
        assert close(c.solve(target, health_factor=out["health_factor"], **others), inputs[target], rel=1e-12)
    at_liquidation = c.compute(**{**inputs, "collateral_price": out["liquidation_price"]})
    assert close(at_liquidation["health_factor"], 1.0, rel=1e-14)
    assert close(at_liquidation["price_drop_to_liquidation"], 0.0, abs_=1e-14)


# ---------------------------------------------------------------------------------------------
# inverse-option
# ---------------------------------------------------------------------------------------------

# Deribit's options page: a BTC option is priced and settled in BTC, its USD value being the
# coin price times the forward (or index). At expiry the coin value is the intrinsic value
# divided by the delivery price: a 300 call at 400 pays 100 USD = 0.25 BTC, a 300 put at 200
# pays 100 USD = 0.5 BTC (https://deribit.freshdesk.com/support/solutions/articles/1000057047-options-explained);
# a 10,000 call at 12,500 pays 0.2 BTC (https://www.deribit.com/pages/docs/options). Just before
# expiry the calculator must give those coin values.
DERIBIT_EXPIRY = [("call", 400, 300, 0.25), ("put", 200, 300, 0.5), ("call", 12_500, 10_000, 0.2)]


@pytest.mark.parametrize(("option_type", "forward", "strike", "coin"), DERIBIT_EXPIRY)
def test_inverse_option_at_expiry_pays_deribits_coin_amounts(option_type, forward, strike, coin):
    out = calc("inverse-option").compute(option_type=option_type, forward=forward, strike=strike,
                                         time_to_expiry=1e-10, volatility=0.5)
    assert out["price_coin"] == pytest.approx(coin, abs=1e-12)
    assert out["price_usd"] == pytest.approx(coin * forward, rel=1e-12)


@SETTINGS
@given(option_type=st.sampled_from(["call", "put"]), forward=pos(100, 1e6), moneyness=pos(0.5, 2),
       t=pos(0.01, 3), vol=pos(0.05, 2))
def test_inverse_option_is_black_76_at_zero_rates_and_satisfies_parity(option_type, forward, moneyness, t, vol):
    inputs = dict(forward=forward, strike=forward * moneyness, time_to_expiry=t, volatility=vol)
    inverse = calc("inverse-option").compute(option_type=option_type, **inputs)
    black = calc("black-76").compute(option_type=option_type, **inputs, risk_free_rate=0)
    assert close(inverse["price_usd"], black["price"], rel=1e-12, abs_=1e-12 * forward)
    assert close(inverse["delta"], black["delta"], rel=1e-12, abs_=1e-15)
    assert close(inverse["price_coin"] * forward, inverse["price_usd"], rel=1e-12, abs_=1e-12 * forward)
    assert close(inverse["premium_adjusted_delta"], inverse["delta"] - inverse["price_coin"], rel=1e-12, abs_=1e-15)
    call = calc("inverse-option").compute(option_type="call", **inputs)
    put = calc("inverse-option").compute(option_type="put", **inputs)
    assert close(call["price_usd"] - put["price_usd"], forward - inputs["strike"], abs_=1e-9 * forward)
    assert close(call["price_coin"] - put["price_coin"], 1 - moneyness, abs_=1e-9)


@SETTINGS
@given(option_type=st.sampled_from(["call", "put"]), moneyness=pos(0.5, 2), t=pos(0.05, 2), vol=pos(0.1, 1.5))
@example(option_type="call", moneyness=1.0625, t=0.0625, vol=0.109375)  # a plain central difference fails here
def test_premium_adjusted_delta_is_the_forward_sensitivity_of_the_coin_value(option_type, moneyness, t, vol):
    """Δ_pa = F·∂(V/F)/∂F = Δ − V/F: the USD delta of holding the option's coin value."""
    c, forward, h = calc("inverse-option"), 60_000.0, 1e-4
    base = dict(option_type=option_type, strike=forward * moneyness, time_to_expiry=t, volatility=vol)

    def central(step: float) -> float:  # F·∂(V/F)/∂F by a central difference of relative size step
        up = c.compute(**base, forward=forward * (1 + step))["price_coin"]
        down = c.compute(**base, forward=forward * (1 - step))["price_coin"]
        return (up - down) / (2 * step)

    # Richardson's extrapolation cancels the h² term, which near the money on a short, calm
    # option (a large third derivative) alone exceeds the tolerance.
    slope = (4 * central(h / 2) - central(h)) / 3
    assert close(c.compute(**base, forward=forward)["premium_adjusted_delta"], slope, rel=1e-5, abs_=1e-7)


@SETTINGS
@given(option_type=st.sampled_from(["call", "put"]), moneyness=pos(0.7, 1.4), t=pos(0.05, 2), vol=pos(0.05, 3))
def test_inverse_option_volatility_solves_back_from_the_coin_price(option_type, moneyness, t, vol):
    c = calc("inverse-option")
    inputs = dict(option_type=option_type, forward=60_000, strike=60_000 * moneyness, time_to_expiry=t)
    price = c.compute(**inputs, volatility=vol)["price_coin"]
    vega_coin = c.compute(**inputs, volatility=vol * 1.001)["price_coin"] - price
    assume(vega_coin > 1e-9)  # a price that hardly moves with σ pins σ only loosely
    assert close(c.solve("volatility", price_coin=price, **inputs), vol, rel=1e-6)


@pytest.mark.parametrize(("option_type", "strike", "price_coin"), [
    ("call", 65_000, 0.0),          # out of the money: the floor is 0
    ("call", 50_000, 10_000 / 60_000),  # in the money: exactly the intrinsic value in coin
    ("call", 50_000, 0.1),          # below it
    ("call", 65_000, 1.0),          # the ceiling of a call: the whole coin
    ("put", 65_000, 65_000 / 60_000),   # the ceiling of a put: strike / forward
    ("put", 65_000, 5_000 / 60_000),    # the put's intrinsic value in coin
])
def test_inverse_option_volatility_at_or_beyond_the_no_arbitrage_bounds_is_no_solution(option_type, strike,
                                                                                         price_coin):
    with pytest.raises(calculators.NoSolution):
        calc("inverse-option").solve("volatility", price_coin=price_coin, option_type=option_type, forward=60_000,
                                     strike=strike, time_to_expiry=0.25)


# ---------------------------------------------------------------------------------------------
# option-payoff
# ---------------------------------------------------------------------------------------------

# Hull, Options, Futures, and Other Derivatives, ch. 10 ("Mechanics of options markets"): a call on
# 100 shares struck at $100 bought for $5 a share, stock at $115 at expiry: net profit $1,000;
# a put on 100 shares struck at $70 bought for $7, stock at $55: net profit $800.
# Deribit Linear USDC Options (https://support.deribit.com/hc/en-us/articles/25944750999581-Linear-USDC-Options):
# a SOL call struck at 250 bought for 10 USDC with multiplier 10, settled at 275: 250 USDC paid
# out, 150 USDC profit.
PAYOFF_CASES = [
    ("Hull call", "call", "long", 100, 5, 100, 115, 1000, 1500),
    ("Hull put", "put", "long", 70, 7, 100, 55, 800, 1500),
    ("Deribit SOL call", "call", "long", 250, 10, 10, 275, 150, 250),
    ("Deribit SOL call, seller", "call", "short", 250, 10, 10, 275, -150, -250),
]


@pytest.mark.parametrize(("case", "option_type", "side", "strike", "premium", "quantity", "spot", "pnl", "payoff"),
                         PAYOFF_CASES, ids=[c[0] for c in PAYOFF_CASES])
def test_option_payoff_matches_published_examples(case, option_type, side, strike, premium, quantity, spot, pnl,
                                                  payoff):
    out = calc("option-payoff").compute(option_type=option_type, side=side, strike=strike, premium=premium,
                                        quantity=quantity, spot_at_expiry=spot)
    assert out["pnl"] == pytest.approx(pnl, abs=1e-9) and out["payoff"] == pytest.approx(payoff, abs=1e-9)


def test_option_break_even_matches_a_published_example():
    # A call on 100 shares struck at $30 costing $500 ($5 a share) breaks even at $35; at $38 it
    # makes $300. Source: https://justaaa.com/finance/107419-a-6-month-call-option-on-100-shares-of-srs-corp
    out = calc("option-payoff").compute(option_type="call", side="long", strike=30, premium=5, quantity=100,
                                        spot_at_expiry=38)
    assert out["break_even"] == 35 and out["pnl"] == pytest.approx(300)


@SETTINGS
@given(option_type=st.sampled_from(["call", "put"]), side=st.sampled_from(["long", "short"]), strike=pos(1, 1e6),
       premium_share=pos(0, 0.99), quantity=pos(1e-3, 1e4), spot=pos(0, 2e6))
def test_option_pnl_is_zero_at_break_even_and_payoff_minus_premium(option_type, side, strike, premium_share, quantity,
                                                                   spot):
    c = calc("option-payoff")
    base = dict(option_type=option_type, side=side, strike=strike, premium=strike * premium_share, quantity=quantity)
    out = c.compute(**base, spot_at_expiry=spot)
    sign = 1 if side == "long" else -1
    assert close(out["pnl"], out["payoff"] - sign * quantity * base["premium"], rel=1e-12, abs_=1e-9 * strike * quantity)
    assert sign * out["payoff"] >= 0
    at_break_even = c.compute(**base, spot_at_expiry=out["break_even"])
    assert close(at_break_even["pnl"], 0.0, abs_=1e-9 * strike * quantity)


# ---------------------------------------------------------------------------------------------
# all six: listed, documented, paged
# ---------------------------------------------------------------------------------------------

def test_glossary_calc_list_shows_the_market_calculators(capsys):
    assert main(["calc", "--list"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert set(MARKET_IDS) <= listed


@pytest.mark.parametrize("calc_id", MARKET_IDS)
def test_each_market_calculator_has_notes_for_its_page(calc_id):
    from calculators.notes import notes

    entry = notes()[calc_id]
    assert entry["conventions"].strip() and entry["provenance"].strip()
    assert entry["sources"] and all(s["url"].startswith("https://") for s in entry["sources"])
