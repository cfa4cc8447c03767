"""Reference tests: every calculator against figures published by someone else.

Each expected number below was read in a public source (exchange documentation, a protocol's own
test suite, a textbook example as reproduced in a public code base) and is cited right above the
assertion that uses it. Tolerances follow the precision the source prints: a figure printed as
4.76 is checked to ±0.005, one printed as 1.7011 to ±0.00005. Figures that could not be traced to
a source are deliberately absent.

Unit conventions of the calculators (see calculators/catalog.py): rates and volatilities are
decimals; vega is per volatility point (∂V/∂σ ÷ 100); theta is per calendar day (−∂V/∂T ÷ 365);
rho is per rate point (∂V/∂r ÷ 100). Published per-unit figures are converted in the tests.
"""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import pytest

import calculators
from calculators import CalculatorInputError

ROOT = Path(__file__).resolve().parent.parent
BTCUSDT_TIERS = ROOT / "calculators" / "data" / "binance-btcusdt-tiers.json"
WEI = 10**18


def calc(calc_id: str):
    return calculators.get(calc_id)


def per_point(per_unit: float) -> float:
    """A sensitivity quoted per unit of σ or r, re-expressed per percentage point."""
    return per_unit / 100


def per_day(per_year: float) -> float:
    """A theta quoted per year, re-expressed per calendar day."""
    return per_year / 365


# ---------------------------------------------------------------------------------------------
# constant-product-swap
# ---------------------------------------------------------------------------------------------

# Uniswap v2 core's own swap vectors: [amount in, reserve in, reserve out, largest amount out the
# pair accepts], amounts in whole tokens except the last, which is in wei (1e-18 token). The pair
# pays floor(out) because Solidity works in integers; our calculator uses real arithmetic, so its
# result must sit in [expected, expected + 1 wei). In floating point that is checked as a relative
# difference of 1e-15 (a few ulps), far tighter than the 3e-3 a misplaced 0.3 % fee would cause.
UNISWAP_V2_PAIR = "Uniswap/v2-core, test/UniswapV2Pair.spec.ts, swapTestCases — https://github.com/Uniswap/v2-core/blob/master/test/UniswapV2Pair.spec.ts"
UNISWAP_SWAP_CASES = [
    (1, 5, 10, 1662497915624478906),
    (1, 10, 5, 453305446940074565),
    (2, 5, 10, 2851015155847869602),
    (2, 10, 5, 831248957812239453),
    (1, 10, 10, 906610893880149131),
    (1, 100, 100, 987158034397061298),
    (1, 1000, 1000, 996006981039903216),
]


@pytest.mark.parametrize(("amount_in", "reserve_in", "reserve_out", "expected_wei"), UNISWAP_SWAP_CASES,
                         ids=[f"v2-core-getInputPrice:{i}" for i in range(len(UNISWAP_SWAP_CASES))])
def test_constant_product_swap_matches_uniswap_v2_core_vectors(amount_in, reserve_in, reserve_out, expected_wei):
    out = calc("constant-product-swap").compute(reserve_in=reserve_in, reserve_out=reserve_out,
                                                amount_in=amount_in, fee_rate=0.003)
    # Source: UNISWAP_V2_PAIR (swapTestCases, checked by the pair's 'UniswapV2: K' invariant).
    expected = Fraction(expected_wei, WEI)
    assert out["amount_out"] == pytest.approx(float(expected), rel=1e-15)
    assert out["amount_out"] >= float(expected) * (1 - 1e-15)
    # The same tests rely on the pair's rule that x·y never falls across a swap.
    assert out["k_before"] == pytest.approx(reserve_in * reserve_out, rel=1e-15)
    assert out["k_after"] >= out["k_before"] * (1 - 1e-12)


def test_constant_product_swap_solves_amount_in_like_uniswap_v2_router():
    # Source: Uniswap/v2-periphery, test/UniswapV2Router01.spec.ts, 'swapTokensForExactTokens' —
    # https://github.com/Uniswap/v2-periphery/blob/master/test/UniswapV2Router01.spec.ts
    # Reserves 5 and 10 tokens, exactly 1 token out: the router charges 557227237267357629 wei, which
    # is getAmountIn = floor(real amount) + 1, so the real amount lies within 1 wei below it.
    amount_in = calc("constant-product-swap").solve("amount_in", amount_out=1, reserve_in=5, reserve_out=10,
                                                   fee_rate=0.003)
    expected = Fraction(557227237267357629, WEI)
    assert amount_in == pytest.approx(float(expected), rel=1e-15)
    assert amount_in <= float(expected) * (1 + 1e-15)


def test_constant_product_swap_small_integer_case_from_uniswap_v2_router():
    # Source: Uniswap/v2-periphery, test/UniswapV2Router01.spec.ts, 'getAmountOut' —
    # https://github.com/Uniswap/v2-periphery/blob/master/test/UniswapV2Router01.spec.ts
    # getAmountOut(2, 100, 100) == 1: the integer router floors the real result.
    out = calc("constant-product-swap").compute(reserve_in=100, reserve_out=100, amount_in=2, fee_rate=0.003)
    assert math.floor(out["amount_out"]) == 1


# ---------------------------------------------------------------------------------------------
# impermanent-loss
# ---------------------------------------------------------------------------------------------

# Loss against holding, printed to 0.1 %, for a 50/50 constant-product position. The list is the
# one popularised by Pintail's 2019 article "Uniswap: A Good Deal for Liquidity Providers?"; it is
# quoted (with credit to Pintail) in Kryza's lesson "Impermanent loss estimation" —
# https://kryza.education/courses/impermanent-loss-explained/lesson/impermanent-loss-estimation/ —
# and the same figures appear in ChainLens' reference table — https://getchainlens.com/tools/impermanent-loss
IL_TABLE = [(1.25, 0.006), (1.5, 0.020), (1.75, 0.038), (2, 0.057), (3, 0.134), (4, 0.200), (5, 0.255)]


@pytest.mark.parametrize(("price_ratio", "loss"), IL_TABLE, ids=[f"{r}x" for r, _ in IL_TABLE])
def test_impermanent_loss_matches_published_table(price_ratio, loss):
    result = calc("impermanent-loss").compute(price_ratio=price_ratio)
    # Source: IL_TABLE above (Kryza lesson quoting Pintail; ChainLens table). The calculator reports
    # the loss as a negative fraction, the sources as a positive percentage.
    assert result["impermanent_loss"] == pytest.approx(-loss, abs=0.0005)


# ---------------------------------------------------------------------------------------------
# maintenance-margin (Binance BTCUSDT tiers, Pionex BTCUSDT tiers, single-rate examples)
# ---------------------------------------------------------------------------------------------

# Binance, "Updates to Leverage and Margin Tiers of Binance Futures Contracts (2021-03-18)",
# BTCUSDT 125x perpetual — https://www.binance.com/tr/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6
# (cap of each tier in USDT notional, maintenance margin rate).
BINANCE_2021_03_18_BTCUSDT = [
    (50_000, 0.004), (250_000, 0.005), (1_000_000, 0.01), (10_000_000, 0.025), (20_000_000, 0.05),
    (50_000_000, 0.10), (100_000_000, 0.125), (200_000_000, 0.15), (300_000_000, 0.25), (500_000_000, 0.50),
]
BINANCE_FAQ = ("Binance FAQ, 'How to Calculate Liquidation Price of USDⓈ-M Futures Contracts' — "
               "https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93")
HIGHFESTIVA_GIST = ("highfestiva, 'CLI Binance liquidation calculation formula' (gist, table read from Binance's web "
                    "app on 2021-03-26) — https://gist.github.com/highfestiva/b71e76f51eed84d56c1be8ebbcc286b5")
# Published maintenance amount ("cum") of each tier: 50 and 1,300 are worked in Binance's own FAQ;
# the full column is the one Binance's front end used while the 2021-03-18 table was in force.
BINANCE_BTCUSDT_AMOUNTS = [
    (1, 0, HIGHFESTIVA_GIST), (2, 50, BINANCE_FAQ), (3, 1_300, BINANCE_FAQ), (4, 16_300, HIGHFESTIVA_GIST),
    (5, 266_300, HIGHFESTIVA_GIST), (6, 1_266_300, HIGHFESTIVA_GIST), (7, 2_516_300, HIGHFESTIVA_GIST),
    (8, 5_016_300, HIGHFESTIVA_GIST), (9, 25_016_300, HIGHFESTIVA_GIST), (10, 100_016_300, HIGHFESTIVA_GIST),
]


@pytest.fixture(scope="module")
def btcusdt_table() -> dict:
    return json.loads(BTCUSDT_TIERS.read_text(encoding="utf-8"))


def test_shipped_btcusdt_table_is_the_dated_binance_table(btcusdt_table):
    source = btcusdt_table["source"]
    assert source["url"].startswith("https://www.binance.com/")
    assert source.get("retrieved") or source.get("as published on")
    tiers = btcusdt_table["tiers"]
    # Source: Binance announcement of 2021-03-18 (BINANCE_2021_03_18_BTCUSDT above): same caps and rates,
    # tiers contiguous from 0.
    assert [(t["cap"], t["maintenance_margin_rate"]) for t in tiers] == BINANCE_2021_03_18_BTCUSDT
    assert [t["floor"] for t in tiers] == [0] + [cap for cap, _ in BINANCE_2021_03_18_BTCUSDT[:-1]]


@pytest.mark.parametrize(("tier", "amount", "source"), BINANCE_BTCUSDT_AMOUNTS,
                         ids=[f"tier{t}" for t, _, _ in BINANCE_BTCUSDT_AMOUNTS])
def test_maintenance_amounts_derived_from_btcusdt_tiers_equal_published_ones(btcusdt_table, tier, amount, source):
    cap, rate = BINANCE_2021_03_18_BTCUSDT[tier - 1]
    out = calc("maintenance-margin").compute(notional=cap, tiers=btcusdt_table["tiers"])
    # Source: the `source` column of BINANCE_BTCUSDT_AMOUNTS (Binance FAQ for tiers 2-3, gist for the rest);
    # tier n covers floor < notional ≤ cap (Binance announcement of 2021-03-18).
    assert out["tier"] == tier
    assert out["applied_rate"] == pytest.approx(rate, abs=1e-12)
    assert out["applied_amount"] == pytest.approx(amount, abs=1e-6)
    assert out["maintenance_margin"] == pytest.approx(cap * rate - amount, abs=1e-6)


def test_maintenance_margin_binance_faq_examples(btcusdt_table):
    mm = calc("maintenance-margin")
    # Source: BINANCE_FAQ — "if the position size of a USDT-margined BTCUSDT contract is 264,000 USDT,
    # then the maintenance margin rate would be 1%".
    assert mm.compute(notional=264_000, tiers=btcusdt_table["tiers"])["applied_rate"] == pytest.approx(0.01)
    # Source: BINANCE_FAQ — "if the position size ... is 500,000 USDT, then the maintenance amount would be
    # 1,300 USDT" (Level 3 = 250,000 × (1% − 0.5%) + 50).
    assert mm.compute(notional=500_000, tiers=json.dumps(btcusdt_table["tiers"]))["applied_amount"] == pytest.approx(1_300)


def test_maintenance_margin_outside_the_last_tier_is_refused(btcusdt_table):
    # Source: Binance announcement of 2021-03-18 — the BTCUSDT table stops at 500,000,000 USDT notional,
    # so a larger position has no tier.
    with pytest.raises(CalculatorInputError):
        calc("maintenance-margin").compute(notional=600_000_000, tiers=btcusdt_table["tiers"])


# Pionex blog, "Maintenance Margin" — https://www.pionex.com/blog/maintenance-margin/ — BTCUSDT perpetual:
# (floor, cap, rate, published "Margin Amount").
PIONEX_BTCUSDT = [
    (0, 150_000, 0.005, 0), (150_000, 500_000, 0.01, 750), (500_000, 2_000_000, 0.025, 8_250),
    (2_000_000, 5_000_000, 0.05, 58_250), (5_000_000, 10_000_000, 0.10, 308_250),
    (10_000_000, 20_000_000, 0.25, 1_808_250), (20_000_000, 100_000_000, 0.50, 6_808_250),
]
PIONEX_TIERS = [{"floor": f, "cap": c, "maintenance_margin_rate": r} for f, c, r, _ in PIONEX_BTCUSDT]


@pytest.mark.parametrize("tier", range(1, len(PIONEX_BTCUSDT) + 1), ids=lambda n: f"pionex-tier{n}")
def test_maintenance_amounts_derived_from_pionex_tiers_equal_published_ones(tier):
    floor, cap, rate, amount = PIONEX_BTCUSDT[tier - 1]
    out = calc("maintenance-margin").compute(notional=(floor + cap) / 2, tiers=PIONEX_TIERS)
    # Source: Pionex blog "Maintenance Margin" (PIONEX_BTCUSDT above), column "Margin Amount".
    assert out["tier"] == tier
    assert out["applied_rate"] == pytest.approx(rate, abs=1e-12)
    assert out["applied_amount"] == pytest.approx(amount, abs=1e-6)


def test_maintenance_margin_pionex_worked_example():
    mm = calc("maintenance-margin")
    # Source: Pionex blog "Maintenance Margin" — https://www.pionex.com/blog/maintenance-margin/ —
    # 10 BTCUSDT at 20,000 = 200,000 notional, risk level 2: 200,000 × 1.00% − 750 = 1,250.
    assert mm.compute(notional=200_000, tiers=PIONEX_TIERS)["maintenance_margin"] == pytest.approx(1_250, abs=1e-9)
    assert mm.compute(notional=200_000, maintenance_margin_rate=0.01,
                      maintenance_amount=750)["maintenance_margin"] == pytest.approx(1_250, abs=1e-9)


def test_maintenance_margin_single_rate_bybit_example():
    # Source: Bybit Help Center, "Maintenance Margin (USDT Contract)" —
    # https://help.bybit.com/hc/en-us/articles/900000182646-Maintenance-Margin-USDT-Contract-
    # 1 BTC long at 10,000 USDT with a 0.5 % rate: maintenance margin 50 USDT.
    out = calc("maintenance-margin").compute(notional=10_000, maintenance_margin_rate=0.005)
    assert out["maintenance_margin"] == pytest.approx(50, abs=1e-9)
    assert out["tier"] == 0


# ---------------------------------------------------------------------------------------------
# initial-margin
# ---------------------------------------------------------------------------------------------

def test_initial_margin_published_examples():
    im = calc("initial-margin")
    # Source: Pionex blog "Maintenance Margin" — https://www.pionex.com/blog/maintenance-margin/ —
    # 200,000 USDT notional at 20x: "the margin required would be 200,000 / 20 = 10,000".
    assert im.compute(notional=200_000, leverage=20)["initial_margin"] == pytest.approx(10_000)
    # Source: BitMEX, "Inverse Futures Guide" — https://www.bitmex.com/app/inverseFuturesGuide —
    # a 10 XBT position at 100x "only needs 0.1 XBT of margin".
    assert im.compute(notional=10, leverage=100)["initial_margin"] == pytest.approx(0.1)
    # Source: BitMEX, "Linear Futures Guide" — https://www.bitmex.com/app/linearFuturesGuide —
    # 10 XBT at 20x: "the trader only needs 0.50 XBT of margin".
    assert im.compute(notional=10, leverage=20)["initial_margin"] == pytest.approx(0.5)


def test_initial_margin_solves_leverage_from_bitmex_linear_example():
    # Source: BitMEX, "Linear Futures Guide" — https://www.bitmex.com/app/linearFuturesGuide —
    # 0.50 XBT of margin for a 10 XBT position means 20x.
    assert calc("initial-margin").solve("leverage", initial_margin=0.5, notional=10) == pytest.approx(20)


# ---------------------------------------------------------------------------------------------
# liquidation-price and margin-ratio (Binance USDⓈ-M definitions)
# ---------------------------------------------------------------------------------------------

# No worked numeric liquidation example from Binance could be found, so these tests check the
# liquidation price against Binance's published definitions instead:
#  * "Maintenance Margin = Position Notional × Maintenance Margin Rate − Maintenance Amount" (BINANCE_FAQ);
#  * a position is liquidated when the margin ratio hits 100 % — Binance, "Updates on Leverage and Margin
#    Tiers of Binance Futures Contracts (2021-06-22)",
#    https://www.binance.com/bn/support/announcement/f55d25695ca8453ab4c132c1fd4dc36a ("To avoid being
#    liquidated (i.e. margin ratio hits 100%)");
#  * in isolated mode TMM1 = UPNL1 = 0 (BINANCE_FAQ notes).
# At the computed price, maintenance margin over margin balance must therefore be exactly 1.
LIQUIDATION_CASES = [
    # side, quantity, entry, wallet balance, BTCUSDT tier (rate, amount), other MM, other UPNL
    pytest.param("long", 0.5, 60_000, 3_000, 0.004, 0, 0, 0, id="isolated-long-tier1"),
    pytest.param("short", 0.5, 60_000, 3_000, 0.004, 0, 0, 0, id="isolated-short-tier1"),
    pytest.param("long", 10, 52_000, 60_000, 0.01, 1_300, 0, 0, id="isolated-long-tier3"),
    pytest.param("short", 4, 55_000, 30_000, 0.005, 50, 0, 0, id="isolated-short-tier2"),
    pytest.param("long", 2, 40_000, 20_000, 0.005, 50, 250, -1_200, id="cross-long-with-other-positions"),
    pytest.param("short", 2, 40_000, 20_000, 0.005, 50, 250, 800, id="cross-short-with-other-positions"),
]


@pytest.mark.parametrize(("side", "qty", "entry", "wallet", "rate", "amount", "other_mm", "other_upnl"),
                         LIQUIDATION_CASES)
def test_liquidation_price_is_where_binance_margin_ratio_reaches_100_percent(
        side, qty, entry, wallet, rate, amount, other_mm, other_upnl):
    lp = calc("liquidation-price").compute(
        side=side, quantity=qty, entry_price=entry, wallet_balance=wallet, maintenance_margin_rate=rate,
        maintenance_amount=amount, other_maintenance_margin=other_mm, other_unrealized_pnl=other_upnl,
    )["liquidation_price"]
    assert lp > 0
    assert (lp < entry) if side == "long" else (lp > entry)
    position_mm = calc("maintenance-margin").compute(notional=qty * lp, maintenance_margin_rate=rate,
                                                     maintenance_amount=amount)["maintenance_margin"]
    pnl = calc("linear-pnl").compute(side=side, quantity=qty, entry_price=entry, exit_price=lp)["pnl"]
    ratio = calc("margin-ratio").compute(maintenance_margin=other_mm + position_mm,
                                         margin_balance=wallet + other_upnl + pnl)["margin_ratio"]
    # Source: Binance definitions listed above LIQUIDATION_CASES — liquidation at a margin ratio of 100 %.
    assert ratio == pytest.approx(1.0, rel=1e-9)


@pytest.mark.parametrize("target", ["entry_price", "wallet_balance", "quantity"])
def test_liquidation_price_solves_back_each_input(target):
    inputs = {"side": "long", "quantity": 10, "entry_price": 52_000, "wallet_balance": 60_000,
              "maintenance_margin_rate": 0.01, "maintenance_amount": 1_300}
    liq = calc("liquidation-price")
    lp = liq.compute(**inputs)["liquidation_price"]
    others = {k: v for k, v in inputs.items() if k != target}
    # Same Binance formula read the other way: the solved input reproduces the position it came from.
    assert liq.solve(target, liquidation_price=lp, **others) == pytest.approx(inputs[target], rel=1e-9)


# ---------------------------------------------------------------------------------------------
# linear-pnl and inverse-pnl
# ---------------------------------------------------------------------------------------------

def test_linear_pnl_bitmex_linear_futures_example():
    pnl = calc("linear-pnl")
    # Source: BitMEX, "Linear Futures Guide" — https://www.bitmex.com/app/linearFuturesGuide —
    # buy 1,000,000 COIN contracts (multiplier 1) at 0.000010 XBT, sell at 0.000015:
    # "1,000,000 * 1 * (0.000015 - 0.000010) = 5.0 XBT".
    long = pnl.compute(side="long", quantity=1_000_000, entry_price=0.000010, exit_price=0.000015)["pnl"]
    assert long == pytest.approx(5.0, abs=1e-9)
    short = pnl.compute(side="short", quantity=1_000_000, entry_price=0.000010, exit_price=0.000015)["pnl"]
    assert short == pytest.approx(-5.0, abs=1e-9)
    assert pnl.solve("exit_price", pnl=5.0, side="long", quantity=1_000_000,
                     entry_price=0.000010) == pytest.approx(0.000015, rel=1e-9)


CRYPTO_FACILITIES = ("Crypto Facilities (Kraken Futures) support, 'Calculation of profit and loss' — "
                     "https://support.cryptofacilities.com/hc/en-us/articles/115002807834-Calculation-of-profit-and-loss")
INVERSE_CASES = [
    # BitMEX's worked example prints 1.25 XBT.
    pytest.param("long", 15_000, 750, 800, 1.25, 0.005,
                 "BitMEX, 'Perpetual Contracts Guide Examples' — https://www.bitmex.com/app/perpetualContractsGuideExamples",
                 id="bitmex-long-15000@750-800"),
    pytest.param("long", 10_000, 5_000, 6_000, 0.33, 0.005, CRYPTO_FACILITIES, id="cf-btc-long"),
    pytest.param("long", 10_000, 90, 95, 5.848, 0.0005, CRYPTO_FACILITIES, id="cf-ltc-long"),
    pytest.param("long", 10_000, 0.25, 0.30, 6_667, 0.5, CRYPTO_FACILITIES, id="cf-xrp-long"),
]


@pytest.mark.parametrize(("side", "contracts", "entry", "exit_", "expected", "tol", "source"), INVERSE_CASES)
def test_inverse_pnl_matches_published_examples(side, contracts, entry, exit_, expected, tol, source):
    out = calc("inverse-pnl").compute(side=side, contracts=contracts, entry_price=entry, exit_price=exit_)
    # Source: the `source` column of INVERSE_CASES; tolerance is half a unit of the last printed digit.
    assert out["pnl"] == pytest.approx(expected, abs=tol)


def test_inverse_pnl_solves_exit_price_from_bitmex_example():
    # Source: BitMEX, "Perpetual Contracts Guide Examples" — https://www.bitmex.com/app/perpetualContractsGuideExamples
    # — 15,000 contracts long from 750 USD made 1.25 XBT, which pins the exit at 800 USD.
    exit_price = calc("inverse-pnl").solve("exit_price", pnl=1.25, side="long", contracts=15_000, entry_price=750)
    assert exit_price == pytest.approx(800, rel=1e-9)


# ---------------------------------------------------------------------------------------------
# funding-rate and funding-payment
# ---------------------------------------------------------------------------------------------

def test_funding_rate_bitmex_ondousdt_clamp_example():
    # Source: BitMEX Support, "Why is the Funding Rate for a contract higher or lower than I expect?" —
    # https://support.bitmex.com/hc/en-gb/articles/24430352016157-Why-is-the-Funding-Rate-for-a-contract-higher-or-lower-than-I-expect
    # — ONDOUSDT: premium index −0.00184, interest 0.01 %: F = −0.00184 + 0.0005 = −0.00134.
    out = calc("funding-rate").compute(premium_index=-0.00184, interest_rate=0.0001, clamp=0.0005)
    assert out["funding_rate"] == pytest.approx(-0.00134, abs=1e-12)


@pytest.mark.parametrize("premium_index", [0.0003, -0.0003, 0.0001, 0.00059])
def test_funding_rate_equals_interest_inside_the_dampener(premium_index):
    # Source: PrimeBit Support, "How does PrimeBit calculate the Funding Rate" —
    # https://support.primebit.com/hc/en-001/articles/360008499060-How-does-PrimeBit-calculate-the-Funding-Rate
    # — "If (I - P) is within +/-0.05% then F = P + (I - P) = I"; Binance's interest component is
    # 0.01 % per 8-hour interval (Binance Square, https://www.binance.com/en/square/post/588537).
    out = calc("funding-rate").compute(premium_index=premium_index, interest_rate=0.0001, clamp=0.0005)
    assert out["funding_rate"] == pytest.approx(0.0001, abs=1e-12)


def test_funding_payment_bitmex_example():
    pay = calc("funding-payment")
    # Source: BitMEX, "Perpetual Contracts Guide Examples" — https://www.bitmex.com/app/perpetualContractsGuideExamples
    # — "Funding Amount = Mark Value * Funding Rate = 20 XBT * 0.25% = 0.05 XBT ... since he is long the
    # trader pays and his counterparty who is short receives 0.05 XBT".
    assert pay.compute(side="long", notional=20, funding_rate=0.0025)["payment"] == pytest.approx(0.05, abs=1e-12)
    assert pay.compute(side="short", notional=20, funding_rate=0.0025)["payment"] == pytest.approx(-0.05, abs=1e-12)


# ---------------------------------------------------------------------------------------------
# black-scholes
# ---------------------------------------------------------------------------------------------

HULL_9E = "Hull, Options, Futures, and Other Derivatives, 9th ed. (Pearson, 2014)"
# Page and example numbers as cited in peterrhodesdev/option-pricing-java, EuropeanOptionTest.java —
# https://github.com/peterrhodesdev/option-pricing-java (tests reproduce Hull's examples).
HULL_PRICES = [
    pytest.param("call", 42, 40, 0.5, 0.2, 0.1, 0.0, 4.76, id="hull-ex15.6-call"),  # p. 360, §15.9
    pytest.param("put", 42, 40, 0.5, 0.2, 0.1, 0.0, 0.81, id="hull-ex15.6-put"),  # p. 360, §15.9
    pytest.param("call", 40, 60, 5, 0.3, 0.03, 0.0, 7.04, id="hull-ex15.7-call"),  # p. 363, §15.10
    pytest.param("call", 930, 900, 2 / 12, 0.2, 0.08, 0.03, 51.83, id="hull-ex17.1-index-call"),  # p. 396, §17.4
]


@pytest.mark.parametrize(("option_type", "spot", "strike", "t", "vol", "r", "q", "price"), HULL_PRICES)
def test_black_scholes_prices_match_hull_examples(option_type, spot, strike, t, vol, r, q, price):
    out = calc("black-scholes").compute(option_type=option_type, spot=spot, strike=strike, time_to_expiry=t,
                                        volatility=vol, risk_free_rate=r, dividend_yield=q)
    # Source: HULL_9E, example named in the test id (printed to cents).
    assert out["price"] == pytest.approx(price, abs=0.005)


def test_black_scholes_greeks_match_hull_chapter_19_example():
    # Source: HULL_9E, §19.4-19.9, Examples 19.1, 19.2, 19.4, 19.6, 19.7 (pp. 427-439): S0 = 49, K = 50,
    # r = 5 %, σ = 20 %, T = 20 weeks. Hull prints delta 0.522, gamma 0.066, vega 12.1 (per unit σ),
    # theta −4.31 (per year) and rho 8.91 (per unit r); the option is "about $240,000" for 100,000
    # options (2.40 each; slides: http://www.slideserve.com/zea/the-greek-letters).
    out = calc("black-scholes").compute(option_type="call", spot=49, strike=50, time_to_expiry=20 / 52,
                                        volatility=0.2, risk_free_rate=0.05)
    assert out["price"] == pytest.approx(2.40, abs=0.005)
    assert out["delta"] == pytest.approx(0.522, abs=0.0005)
    assert out["gamma"] == pytest.approx(0.066, abs=0.0005)
    assert out["vega"] == pytest.approx(per_point(12.1), abs=per_point(0.05))
    assert out["theta"] == pytest.approx(per_day(-4.31), abs=per_day(0.005))
    assert out["rho"] == pytest.approx(per_point(8.91), abs=per_point(0.005))


def test_black_scholes_put_delta_with_dividend_matches_hull_example_19_9():
    # Source: HULL_9E, p. 445, §19.13, Example 19.9: put with S0 = 90, K = 87, r = 9 %, q = 3 %, σ = 25 %,
    # T = 6 months has delta −0.3215.
    out = calc("black-scholes").compute(option_type="put", spot=90, strike=87, time_to_expiry=0.5,
                                        volatility=0.25, risk_free_rate=0.09, dividend_yield=0.03)
    assert out["delta"] == pytest.approx(-0.3215, abs=0.00005)


HAUG = ("Haug, The Complete Guide to Option Pricing Formulas, 1st ed. (McGraw-Hill, 1998), "
        "as tabulated in QuantLib's test-suite/europeanoption.cpp — "
        "https://github.com/lballabio/QuantLib/blob/master/test-suite/europeanoption.cpp")
HAUG_PRICES = [
    # type, spot, strike, T, σ, r, q, value — Haug pp. 2-8 and p. 27 (QuantLib testValues()).
    pytest.param("call", 60, 65, 0.25, 0.30, 0.08, 0.00, 2.1334, id="haug-p2-bs-call"),
    pytest.param("put", 100, 95, 0.50, 0.20, 0.10, 0.05, 2.4648, id="haug-merton-put"),
    pytest.param("call", 1.56, 1.60, 0.50, 0.12, 0.06, 0.08, 0.0291, id="haug-garman-kohlhagen-call"),
    pytest.param("put", 75, 70, 0.50, 0.35, 0.10, 0.05, 4.0870, id="haug-put-q5"),
    pytest.param("call", 42, 40, 0.75, 0.35, 0.04, 0.08, 5.0975, id="haug-p27-call"),
]


@pytest.mark.parametrize(("option_type", "spot", "strike", "t", "vol", "r", "q", "price"), HAUG_PRICES)
def test_black_scholes_prices_match_haug(option_type, spot, strike, t, vol, r, q, price):
    out = calc("black-scholes").compute(option_type=option_type, spot=spot, strike=strike, time_to_expiry=t,
                                        volatility=vol, risk_free_rate=r, dividend_yield=q)
    # Source: HAUG, row named in the test id (four decimals).
    assert out["price"] == pytest.approx(price, abs=0.00005)


def test_black_scholes_greeks_match_haug():
    bs = calc("black-scholes")

    def greeks(option_type, spot, strike, t, vol, r, q):
        return bs.compute(option_type=option_type, spot=spot, strike=strike, time_to_expiry=t, volatility=vol,
                          risk_free_rate=r, dividend_yield=q)

    # Source: HAUG, pp. 11-16 (QuantLib testGreekValues()), values to four decimals.
    assert greeks("call", 105, 100, 0.5, 0.36, 0.10, 0.10)["delta"] == pytest.approx(0.5946, abs=0.00005)
    assert greeks("put", 105, 100, 0.5, 0.36, 0.10, 0.10)["delta"] == pytest.approx(-0.3566, abs=0.00005)
    assert greeks("call", 55, 60, 0.75, 0.30, 0.10, 0.0)["gamma"] == pytest.approx(0.0278, abs=0.00005)
    assert greeks("put", 55, 60, 0.75, 0.30, 0.10, 0.0)["gamma"] == pytest.approx(0.0278, abs=0.00005)
    # Vega 18.9358 per unit σ; theta −31.1924 per year (−0.0855 per day); rho 38.7325 per unit r.
    assert greeks("call", 55, 60, 0.75, 0.30, 0.10, 0.0)["vega"] == pytest.approx(per_point(18.9358), abs=per_point(0.00005))
    put_theta = greeks("put", 430, 405, 1 / 12, 0.20, 0.07, 0.05)["theta"]
    assert put_theta == pytest.approx(per_day(-31.1924), abs=per_day(0.00005))
    assert put_theta == pytest.approx(-0.0855, abs=0.00005)
    assert greeks("call", 72, 75, 1.0, 0.19, 0.09, 0.0)["rho"] == pytest.approx(per_point(38.7325), abs=per_point(0.00005))


IMPLIED_BS = [
    # Price printed to four decimals (Haug) recovers σ to about 1e-5; to cents (Hull) to about 1e-3.
    pytest.param("call", 60, 65, 0.25, 0.08, 0.0, 2.1334, 0.30, 2e-5, id="haug-p2-call"),
    pytest.param("put", 100, 95, 0.50, 0.10, 0.05, 2.4648, 0.20, 2e-5, id="haug-merton-put"),
    pytest.param("call", 42, 40, 0.5, 0.10, 0.0, 4.76, 0.20, 1e-3, id="hull-ex15.6-call"),
]


@pytest.mark.parametrize(("option_type", "spot", "strike", "t", "r", "q", "price", "vol", "tol"), IMPLIED_BS)
def test_black_scholes_implied_volatility_recovers_textbook_vol(option_type, spot, strike, t, r, q, price, vol, tol):
    implied = calc("black-scholes").solve("volatility", price=price, option_type=option_type, spot=spot,
                                          strike=strike, time_to_expiry=t, risk_free_rate=r, dividend_yield=q)
    # Source: HAUG / HULL_9E rows named in the test id: the printed price was computed at this σ.
    assert implied == pytest.approx(vol, abs=tol)


@pytest.mark.parametrize("price", [43.0, 3.0], ids=["call-above-spot", "call-below-intrinsic"])
def test_black_scholes_implied_volatility_refuses_arbitrage_prices(price):
    # Hull Example 15.6 inputs (S0 = 42, K = 40, r = 10 %, T = 0.5): no volatility gives a call worth
    # more than the stock (42) or less than S0 − K·e^(−rT) ≈ 3.95.
    with pytest.raises(calculators.NoSolution, match="no volatility gives it"):
        calc("black-scholes").solve("volatility", price=price, option_type="call", spot=42, strike=40,
                                    time_to_expiry=0.5, risk_free_rate=0.1)


# ---------------------------------------------------------------------------------------------
# black-76
# ---------------------------------------------------------------------------------------------

# Haug's futures-option rows are generalised Black-Scholes with cost of carry b = 0 (QuantLib sets
# q = r), which is exactly discounted Black-76 with the futures price as the forward.
HAUG_BLACK76 = [
    pytest.param("call", 19, 19, 0.75, 0.28, 0.10, 1.7011, id="haug-black76-call"),
    pytest.param("put", 19, 19, 0.75, 0.28, 0.10, 1.7011, id="haug-black76-put"),
    pytest.param("call", 90, 100, 0.10, 0.15, 0.10, 0.0205, id="haug-p24-call-90-0.1-0.15"),
    pytest.param("call", 100, 100, 0.50, 0.25, 0.10, 6.6997, id="haug-p24-call-100-0.5-0.25"),
    pytest.param("call", 110, 100, 0.10, 0.35, 0.10, 11.1381, id="haug-p24-call-110-0.1-0.35"),
    pytest.param("put", 90, 100, 0.50, 0.15, 0.10, 10.3192, id="haug-p24-put-90-0.5-0.15"),
    pytest.param("put", 110, 100, 0.50, 0.35, 0.10, 5.7963, id="haug-p24-put-110-0.5-0.35"),
]


@pytest.mark.parametrize(("option_type", "forward", "strike", "t", "vol", "r", "price"), HAUG_BLACK76)
def test_black76_prices_match_haug(option_type, forward, strike, t, vol, r, price):
    out = calc("black-76").compute(option_type=option_type, forward=forward, strike=strike, time_to_expiry=t,
                                   volatility=vol, risk_free_rate=r)
    # Source: HAUG, pp. 2-8 (Black-76 example F = X = 19) and p. 24 table, as in QuantLib testValues().
    assert out["price"] == pytest.approx(price, abs=0.00005)


def test_black76_delta_matches_haug_futures_option_delta():
    b76 = calc("black-76")
    # Source: HAUG, pp. 11-16 (QuantLib testGreekValues()): futures option (b = 0), F = 105, X = 100,
    # T = 0.5, r = 10 %, σ = 36 % → call delta 0.5946, put delta −0.3566 (with respect to the futures price).
    call = b76.compute(option_type="call", forward=105, strike=100, time_to_expiry=0.5, volatility=0.36,
                       risk_free_rate=0.10)
    put = b76.compute(option_type="put", forward=105, strike=100, time_to_expiry=0.5, volatility=0.36,
                      risk_free_rate=0.10)
    assert call["delta"] == pytest.approx(0.5946, abs=0.00005)
    assert put["delta"] == pytest.approx(-0.3566, abs=0.00005)


@pytest.mark.parametrize(("option_type", "forward", "strike", "t", "r", "price", "vol"), [
    pytest.param("call", 19, 19, 0.75, 0.10, 1.7011, 0.28, id="haug-black76"),
    pytest.param("call", 100, 100, 0.50, 0.10, 6.6997, 0.25, id="haug-p24"),
])
def test_black76_implied_volatility_recovers_haug_vol(option_type, forward, strike, t, r, price, vol):
    implied = calc("black-76").solve("volatility", price=price, option_type=option_type, forward=forward,
                                     strike=strike, time_to_expiry=t, risk_free_rate=r)
    # Source: HAUG rows above; a four-decimal price pins σ to within 2e-5.
    assert implied == pytest.approx(vol, abs=2e-5)


def test_black76_implied_volatility_refuses_put_above_discounted_strike():
    # A put on a forward is worth at most K·e^(−rT) = 19·e^(−0.075) ≈ 17.63 (Haug's F = X = 19 inputs).
    with pytest.raises(calculators.NoSolution, match="at or above the no-arbitrage ceiling"):
        calc("black-76").solve("volatility", price=18.0, option_type="put", forward=19, strike=19,
                               time_to_expiry=0.75, risk_free_rate=0.10)


# ---------------------------------------------------------------------------------------------
# delta-hedge
# ---------------------------------------------------------------------------------------------

# Hull, Risk Management and Financial Institutions, 3rd ed. (Wiley, 2012), Chapter 7, Table 7.2
# (p. 142): a bank has sold 100,000 calls (S0 = 49, K = 50); shares held to stay delta neutral,
# week by week. Author's slides: http://www.hezhiquan.com/docs/view/ad82e4267aa14949bbe898e69935cee5_2.html
HULL_TABLE_7_2 = [(0, 0.522, 52_200), (1, 0.458, -6_400), (2, 0.400, -5_800), (3, 0.596, 19_600)]


def test_delta_hedge_matches_hull_table_7_2():
    hedge = calc("delta-hedge")
    held = 0.0
    for week, delta, purchased in HULL_TABLE_7_2:
        # Source: HULL_TABLE_7_2 — a short position of 100,000 options (1,000 contracts of 100).
        target = hedge.compute(option_delta=delta, contracts=-1_000, contract_size=100)["hedge_quantity"]
        assert target - held == pytest.approx(purchased, abs=1e-6), f"week {week}"
        held = target
    # Source: Hull's slide — "Initially the delta of the option is 0.522 ... 52,200 shares must be purchased".
    assert hedge.compute(option_delta=0.522, contracts=-100_000)["hedge_quantity"] == pytest.approx(52_200)


# ---------------------------------------------------------------------------------------------
# rate-limit-budget and token-bucket
# ---------------------------------------------------------------------------------------------

# Binance USDⓈ-M futures: REQUEST_WEIGHT limit 2,400 per minute; the order-book depth request weighs 2
# (limit 5-50), 5 (100), 10 (500) and 20 (1000). Source: Binance developer docs, USDⓈ-M futures market
# data, "Order Book" request weight table and its rateLimits example —
# https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/websocket-api
@pytest.mark.parametrize(("weight", "max_requests", "interval"), [(2, 1_200, 0.05), (5, 480, 0.125), (10, 240, 0.25),
                                                                (20, 120, 0.5)],
                         ids=["depth5-50", "depth100", "depth500", "depth1000"])
def test_rate_limit_budget_for_binance_usdm_depth_requests(weight, max_requests, interval):
    out = calc("rate-limit-budget").compute(limit=2_400, window_seconds=60, request_weight=weight)
    assert out["max_requests_per_window"] == max_requests
    assert out["min_interval_seconds"] == pytest.approx(interval)


def test_rate_limit_budget_utilisation_at_binance_limit():
    # Two depth-1000 snapshots a second (weight 20 each) use exactly the 2,400 per minute (sources above).
    out = calc("rate-limit-budget").compute(limit=2_400, window_seconds=60, request_weight=20, requests_per_second=2)
    assert out["utilization"] == pytest.approx(1.0)


# Kraken, "Spot REST Rate Limits" — https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits —
# the call counter starts at 0; most calls add 1, ledger/trade-history calls add 2; the maximum is 15
# (Starter) or 20 (Intermediate, Pro) and the counter decays by 0.33, 0.5 or 1 per second. Seen as a
# token bucket: capacity = maximum, refill rate = decay, tokens = maximum − counter.
KRAKEN_TIERS = {"starter": (15, 0.33), "intermediate": (20, 0.5), "pro": (20, 1.0)}


def test_token_bucket_kraken_fresh_key_allows_a_burst_up_to_the_maximum():
    capacity, decay = KRAKEN_TIERS["starter"]
    bucket = calc("token-bucket")
    # Source: Kraken Spot REST Rate Limits — a Starter key may make 15 one-point calls before limiting.
    first = bucket.compute(capacity=capacity, refill_rate=decay, tokens=capacity, elapsed_seconds=0, cost=1)
    assert first["allowed"] == 1
    assert first["tokens_after"] == pytest.approx(capacity - 1)
    last = bucket.compute(capacity=capacity, refill_rate=decay, tokens=1, elapsed_seconds=0, cost=1)
    assert last["allowed"] == 1
    over = bucket.compute(capacity=capacity, refill_rate=decay, tokens=0, elapsed_seconds=0, cost=1)
    assert over["allowed"] == 0


@pytest.mark.parametrize("tier", list(KRAKEN_TIERS))
def test_token_bucket_kraken_ledger_call_waits_for_two_points_of_decay(tier):
    capacity, decay = KRAKEN_TIERS[tier]
    # Source: Kraken Spot REST Rate Limits — a ledger call costs 2; with the counter at its maximum the
    # next one must wait until 2 points have decayed.
    out = calc("token-bucket").compute(capacity=capacity, refill_rate=decay, tokens=0, elapsed_seconds=0, cost=2)
    assert out["allowed"] == 0
    assert out["wait_seconds"] == pytest.approx(2 / decay)


def test_token_bucket_kraken_counter_decays_but_not_below_zero():
    capacity, decay = KRAKEN_TIERS["pro"]
    bucket = calc("token-bucket")
    # Source: Kraken Spot REST Rate Limits — Pro decays 1 point a second; after 10 s at the maximum,
    # 10 points are free again, and a long pause cannot free more than the maximum of 20.
    assert bucket.compute(capacity=capacity, refill_rate=decay, tokens=0, elapsed_seconds=10,
                          cost=1)["tokens_available"] == pytest.approx(10)
    assert bucket.compute(capacity=capacity, refill_rate=decay, tokens=19, elapsed_seconds=100,
                          cost=1)["tokens_available"] == pytest.approx(capacity)


def test_token_bucket_refuses_a_cost_above_capacity():
    # A request costing more than the bucket can ever hold (16 points on Kraken's Starter maximum of 15)
    # can never pass, so the contract treats it as bad input.
    capacity, decay = KRAKEN_TIERS["starter"]
    with pytest.raises(CalculatorInputError):
        calc("token-bucket").compute(capacity=capacity, refill_rate=decay, tokens=capacity, elapsed_seconds=0, cost=16)


# ---------------------------------------------------------------------------------------------
# registry
# ---------------------------------------------------------------------------------------------

def test_unknown_calculator_id_raises_key_error():
    with pytest.raises(KeyError):
        calculators.get("liquidation-prize")


def test_calculator_input_error_is_a_value_error():
    assert issubclass(CalculatorInputError, ValueError)
    with pytest.raises(CalculatorInputError):
        calc("impermanent-loss").compute(price_ratio=0)
