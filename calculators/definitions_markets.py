"""SymPy definitions of the market calculators listed in ``catalog_markets``.

The two Uniswap v3 calculators share one piece: the token amounts a unit of liquidity holds
at a price clamped into its range (whitepaper §6.2.1, formulas 6.29 and 6.30). Prices are in
token1 per token0, so amount0 = L·(1/√p − 1/√p_b) and amount1 = L·(√p − √p_a).
"""

from __future__ import annotations

import sympy as sp

from .symbolic import Definition, Guard, NormCdf, local, symbols

SIDE = {"long": 1, "short": -1}
OPTION_TYPE = {"call": 1, "put": -1}
s, phi = symbols("s", "phi")
RANGE_GUARD_TEXT = "price_lower must be below price_upper: a range needs two distinct ends"


def annualized_basis() -> Definition:
    spot, fut, days = symbols("spot_price", "futures_price", "days_to_expiry")
    return Definition(
        "annualized-basis", {"spot_price": spot, "futures_price": fut, "days_to_expiry": days},
        outputs=(("annualized_basis", (fut / spot - 1) * 365 / days),
                 ("basis", fut - spot),
                 ("basis_rate", fut / spot - 1),
                 ("continuous_carry", sp.log(fut / spot) * 365 / days)),
        solve_guards={"futures_price": (Guard(sp.Gt(local("annualized_basis") * days, -365),
                                              "annualized_basis × days_to_expiry / 365 must be above −1: "
                                              "a futures price cannot fall to zero or below"),)},
        notation={"spot_price": "S", "futures_price": "F", "days_to_expiry": "d", "annualized_basis": "b_ann",
                  "basis": "b", "basis_rate": "b_rate", "continuous_carry": "c"},
        closed_form_solves=("futures_price",))


def _amounts(price: sp.Expr, low: sp.Symbol, high: sp.Symbol) -> tuple[sp.Expr, sp.Expr]:
    """Token amounts per unit of liquidity at ``price`` (already clamped into [low, high]).

    amount0 is written (√p_b − √p)/(√p·√p_b) rather than 1/√p − 1/√p_b: square roots and the
    four operations are correctly rounded in both Python and JavaScript, so the two give the
    same bits, and the result is exactly 0 at the upper end.
    """
    root, root_high = sp.sqrt(price), sp.sqrt(high)
    return (root_high - root) / (root * root_high), root - sp.sqrt(low)


def _clamped(price: sp.Symbol, low: sp.Symbol, high: sp.Symbol) -> sp.Expr:
    return sp.Min(sp.Max(price, low), high)


def concentrated_liquidity() -> Definition:
    p, pa, pb, liq = symbols("price", "price_lower", "price_upper", "liquidity")
    x, y = _amounts(local("clamped_price"), pa, pb)
    return Definition(
        "concentrated-liquidity", {"price": p, "price_lower": pa, "price_upper": pb, "liquidity": liq},
        steps=(("clamped_price", _clamped(p, pa, pb)),),
        outputs=(("value", liq * (x * p + y)),
                 ("amount0", liq * x),
                 ("amount1", liq * y)),
        guards=(Guard(sp.Lt(pa, pb), RANGE_GUARD_TEXT),),
        solve_guards={"liquidity": (Guard(sp.Gt(local("value"), 0), "value must be greater than 0"),)},
        notation={"price": "P", "price_lower": "p_a", "price_upper": "p_b", "liquidity": "L",
                  "clamped_price": "p", "value": "V", "amount0": "x", "amount1": "y"},
        closed_form_solves=("liquidity",))


def concentrated_impermanent_loss() -> Definition:
    pa, pb, entry, exit_ = symbols("price_lower", "price_upper", "entry_price", "exit_price")
    x0, y0 = _amounts(local("entry_clamped"), pa, pb)
    x1, y1 = _amounts(local("exit_clamped"), pa, pb)
    return Definition(
        "concentrated-impermanent-loss",
        {"price_lower": pa, "price_upper": pb, "entry_price": entry, "exit_price": exit_},
        steps=(("entry_clamped", _clamped(entry, pa, pb)), ("exit_clamped", _clamped(exit_, pa, pb)),
               ("value_lp", x1 * exit_ + y1), ("value_hold", x0 * exit_ + y0)),
        outputs=(("impermanent_loss", local("value_lp") / local("value_hold") - 1),),
        guards=(Guard(sp.Lt(pa, pb), RANGE_GUARD_TEXT),),
        notation={"price_lower": "p_a", "price_upper": "p_b", "entry_price": "P_0", "exit_price": "P_1",
                  "entry_clamped": "p_0", "exit_clamped": "p_1", "value_lp": "V_LP", "value_hold": "V_hold",
                  "impermanent_loss": "IL"})


def health_factor() -> Definition:
    q, price, lt, debt = symbols("collateral_amount", "collateral_price", "liquidation_threshold", "debt_value")
    positive_target = (Guard(sp.Gt(local("health_factor"), 0), "health_factor must be greater than 0"),)
    return Definition(
        "health-factor",
        {"collateral_amount": q, "collateral_price": price, "liquidation_threshold": lt, "debt_value": debt},
        outputs=(("health_factor", q * price * lt / debt),
                 ("liquidation_price", debt / (q * lt)),
                 ("price_drop_to_liquidation", 1 - local("liquidation_price") / price)),
        solve_guards={"collateral_price": positive_target, "debt_value": positive_target},
        notation={"collateral_amount": "Q", "collateral_price": "P", "liquidation_threshold": "LT",
                  "debt_value": "D", "health_factor": "HF", "liquidation_price": "P_liq",
                  "price_drop_to_liquidation": "δ"},
        closed_form_solves=("collateral_price", "debt_value"))


def inverse_option() -> Definition:
    fwd, k, t, vol = symbols("forward", "strike", "time_to_expiry", "volatility")
    d1, d2, coin = local("d1"), local("d2"), local("price_coin")
    floor = sp.Max(phi * (fwd - k), 0) / fwd  # intrinsic value, in coin
    ceiling = (fwd * (1 + phi) + k * (1 - phi)) / (2 * fwd)  # a call: the forward; a put: the strike, in coin
    return Definition(
        "inverse-option",
        {"option_type": phi, "forward": fwd, "strike": k, "time_to_expiry": t, "volatility": vol},
        steps=(("d1", (sp.log(fwd / k) + vol**2 * t / 2) / (vol * sp.sqrt(t))), ("d2", d1 - vol * sp.sqrt(t))),
        outputs=(("price_coin", phi * (NormCdf(phi * d1) - k / fwd * NormCdf(phi * d2))),
                 ("price_usd", fwd * coin),
                 ("delta", phi * NormCdf(phi * d1)),
                 ("premium_adjusted_delta", local("delta") - coin)),
        choices={"option_type": OPTION_TYPE},
        solve_guards={"volatility": (
            Guard(sp.Gt(coin, floor), "price_coin must be above the option's intrinsic value in coin "
                                      "(max(φ·(forward − strike), 0) / forward): no volatility gives a price "
                                      "at or below it", no_solution=True),
            Guard(sp.Lt(coin, ceiling), "price_coin must be below 1 for a call and strike / forward for a put: "
                                        "no volatility gives a price at or above it", no_solution=True))},
        notation={"forward": "F", "strike": "K", "time_to_expiry": "T", "volatility": "σ", "phi": "φ",
                  "d1": "d_1", "d2": "d_2", "price_coin": "V_coin", "price_usd": "V", "delta": "Δ",
                  "premium_adjusted_delta": "Δ_pa"},
        numeric_solves={"volatility": (1e-6, 10.0)})


def option_payoff() -> Definition:
    k, prem, q, st = symbols("strike", "premium", "quantity", "spot_at_expiry")
    return Definition(
        "option-payoff",
        {"option_type": phi, "side": s, "strike": k, "premium": prem, "quantity": q, "spot_at_expiry": st},
        outputs=(("pnl", s * q * (sp.Max(phi * (st - k), 0) - prem)),
                 ("payoff", s * q * sp.Max(phi * (st - k), 0)),
                 ("break_even", k + phi * prem)),
        choices={"option_type": OPTION_TYPE, "side": SIDE},
        notation={"strike": "K", "premium": "c", "quantity": "q", "spot_at_expiry": "S_T", "phi": "φ",
                  "pnl": "PnL", "payoff": "X", "break_even": "S_BE"})


DEFINITIONS: tuple[Definition, ...] = (
    annualized_basis(), concentrated_liquidity(), concentrated_impermanent_loss(), health_factor(),
    inverse_option(), option_payoff())
