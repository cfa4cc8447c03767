"""The calculators' mathematics, each written once as SymPy expressions (the first fifteen
here and in ``definitions_options``, the second set in ``definitions_positions`` and
``definitions_markets``).

Symbols carry the input names, so the generated Python and JavaScript read like the
contract. ``s`` is the side sign (+1 long, −1 short) and ``phi`` the option sign (+1 call,
−1 put). Greeks are written in closed form; a test checks each against the derivative
of the price, so the closed forms and the conventions (per point, per day) cannot drift.
"""

from __future__ import annotations

import sympy as sp

from . import definitions_markets, definitions_positions
from .definitions_options import black_76, black_scholes, delta_hedge
from .symbolic import Definition, Guard, local, symbols

SIDE = {"long": 1, "short": -1}
s = symbols("s")[0]


def constant_product_swap() -> Definition:
    x, y, dx, f = symbols("reserve_in", "reserve_out", "amount_in", "fee_rate")
    net, out, dy = local("amount_in_after_fee"), local("amount_out"), local("amount_out")
    return Definition(
        "constant-product-swap", {"reserve_in": x, "reserve_out": y, "amount_in": dx, "fee_rate": f},
        steps=(("amount_in_after_fee", dx * (1 - f)),),
        outputs=(("amount_out", y * net / (x + net)),
                 ("k_before", x * y),
                 ("k_after", (x + dx) * (y - out)),
                 ("spot_price", y / x),
                 ("execution_price", dy / dx),
                 ("price_impact", 1 - local("execution_price") / local("spot_price"))),
        solve_guards={"amount_in": (Guard(sp.Lt(local("amount_out"), y),
                                          "amount_out must be less than reserve_out: a pool cannot be emptied"),)},
        notation={"reserve_in": "x", "reserve_out": "y", "amount_in": "Δx", "fee_rate": "f",
                  "amount_in_after_fee": "Δx_net", "amount_out": "Δy", "k_before": "k_0", "k_after": "k_1",
                  "spot_price": "p_spot", "execution_price": "p_exec", "price_impact": "I"},
        closed_form_solves=("amount_in",))


def impermanent_loss() -> Definition:
    (r,) = symbols("price_ratio")
    return Definition("impermanent-loss", {"price_ratio": r},
                      outputs=(("impermanent_loss", 2 * sp.sqrt(r) / (1 + r) - 1),),
                      notation={"price_ratio": "r", "impermanent_loss": "IL"})


def maintenance_margin() -> Definition:
    n, m, a, tier = symbols("notional", "maintenance_margin_rate", "maintenance_amount", "tier")
    return Definition(
        "maintenance-margin", {"notional": n, "maintenance_margin_rate": m, "maintenance_amount": a, "tier": tier},
        outputs=(("maintenance_margin", n * m - a), ("applied_rate", m), ("applied_amount", a), ("tier", tier)),
        guards=(Guard(sp.Le(a, n * m), "maintenance_amount must not exceed notional × maintenance_margin_rate "
                                       "(the margin would be negative)"),),
        notation={"notional": "N", "maintenance_margin_rate": "m", "maintenance_amount": "cum",
                  "maintenance_margin": "MM", "applied_rate": "m", "applied_amount": "cum", "tier": "n"})


def initial_margin() -> Definition:
    n, lev = symbols("notional", "leverage")
    return Definition("initial-margin", {"notional": n, "leverage": lev},
                      outputs=(("initial_margin", n / lev),),
                      solve_guards={"leverage": (Guard(sp.Gt(local("initial_margin"), 0),
                                                       "initial_margin must be greater than 0"),)},
                      notation={"notional": "N", "leverage": "L", "initial_margin": "IM"},
                      closed_form_solves=("leverage",))


def margin_ratio() -> Definition:
    mm, mb = symbols("maintenance_margin", "margin_balance")
    return Definition("margin-ratio", {"maintenance_margin": mm, "margin_balance": mb},
                      outputs=(("margin_ratio", mm / mb),),
                      notation={"maintenance_margin": "MM", "margin_balance": "MB", "margin_ratio": "MR"})


def liquidation_price() -> Definition:
    q, ep, wb, mmr, cum, tmm, upnl, tier = symbols(
        "quantity", "entry_price", "wallet_balance", "maintenance_margin_rate", "maintenance_amount",
        "other_maintenance_margin", "other_unrealized_pnl", "tier")
    price = (wb - tmm + upnl + cum - s * q * ep) / (q * mmr - s * q)
    lp = local("liquidation_price")
    return Definition(
        "liquidation-price",
        {"side": s, "quantity": q, "entry_price": ep, "wallet_balance": wb, "maintenance_margin_rate": mmr,
         "maintenance_amount": cum, "other_maintenance_margin": tmm, "other_unrealized_pnl": upnl, "tier": tier},
        outputs=(("liquidation_price", price), ("tier", tier)), choices={"side": SIDE},
        guards=liquidation_guards(lp, ep),
        solve_guards={"entry_price": liquidation_guards(lp, ep)[:2], "wallet_balance": liquidation_guards(lp, ep),
                      "quantity": liquidation_guards(lp, ep)},
        notation={"quantity": "Q", "entry_price": "EP", "wallet_balance": "WB", "maintenance_margin_rate": "MMR",
                  "maintenance_amount": "cum", "other_maintenance_margin": "TMM_1", "other_unrealized_pnl": "UPNL_1",
                  "liquidation_price": "LP", "tier": "n"},
        closed_form_solves=("entry_price", "wallet_balance", "quantity"))


def liquidation_guards(lp: sp.Symbol, ep: sp.Symbol) -> tuple[Guard, ...]:
    """A liquidation price at or below zero, or on the wrong side of the entry, does not exist.

    In that order: a long above zero, a short above zero, a long not above its entry, a
    short not below it. A price equal to the entry (no collateral, no margin rate) is a price.
    """
    long, short = sp.Eq(s, 1), sp.Eq(s, -1)
    return (
        Guard(sp.Or(short, sp.Gt(lp, 0)), "the collateral covers a fall to zero: no liquidation price",
              no_solution=True),
        Guard(sp.Or(long, sp.Gt(lp, 0)), "the margin balance is below the maintenance margin at every price: "
              "no liquidation price", no_solution=True),
        Guard(sp.Or(short, sp.Le(lp, ep)), "the liquidation price would be above the entry price for a long: the "
              "wallet balance does not cover the maintenance margin at entry, so there is no liquidation price",
              no_solution=True),
        Guard(sp.Or(long, sp.Ge(lp, ep)), "the liquidation price would be below the entry price for a short: the "
              "wallet balance does not cover the maintenance margin at entry, so there is no liquidation price",
              no_solution=True))


def linear_pnl() -> Definition:
    q, ep, xp = symbols("quantity", "entry_price", "exit_price")
    return Definition("linear-pnl", {"side": s, "quantity": q, "entry_price": ep, "exit_price": xp},
                      outputs=(("pnl", s * q * (xp - ep)),), choices={"side": SIDE},
                      notation={"quantity": "Q", "entry_price": "P_entry", "exit_price": "P_exit", "pnl": "PnL"},
                      closed_form_solves=("exit_price",))


def inverse_pnl() -> Definition:
    c, ep, xp = symbols("contracts", "entry_price", "exit_price")
    return Definition("inverse-pnl", {"side": s, "contracts": c, "entry_price": ep, "exit_price": xp},
                      outputs=(("pnl", s * c * (1 / ep - 1 / xp)),), choices={"side": SIDE},
                      notation={"contracts": "C", "entry_price": "P_entry", "exit_price": "P_exit", "pnl": "PnL"},
                      closed_form_solves=("exit_price",))


def funding_rate() -> Definition:
    p, i, c, cap = symbols("premium_index", "interest_rate", "clamp", "rate_cap")
    return Definition("funding-rate", {"premium_index": p, "interest_rate": i, "clamp": c, "rate_cap": cap},
                      outputs=(("funding_rate", sp.Min(cap, sp.Max(-cap, p + sp.Min(c, sp.Max(-c, i - p))))),),
                      notation={"premium_index": "P", "interest_rate": "I", "clamp": "c", "rate_cap": "F_cap",
                                "funding_rate": "F"})


def funding_payment() -> Definition:
    n, f = symbols("notional", "funding_rate")
    return Definition("funding-payment", {"side": s, "notional": n, "funding_rate": f},
                      outputs=(("payment", s * n * f),), choices={"side": SIDE},
                      notation={"notional": "N", "funding_rate": "F", "payment": "payment"})


def rate_limit_budget() -> Definition:
    lim, win, w, rps = symbols("limit", "window_seconds", "request_weight", "requests_per_second")
    return Definition(
        "rate-limit-budget", {"limit": lim, "window_seconds": win, "request_weight": w, "requests_per_second": rps},
        outputs=(("max_requests_per_window", FloorQuotient(lim, w)), ("min_interval_seconds", win * w / lim),
                 ("utilization", rps * w * win / lim)),
        notation={"limit": "L", "window_seconds": "W", "request_weight": "w", "requests_per_second": "λ",
                  "max_requests_per_window": "n_max", "min_interval_seconds": "Δt_min", "utilization": "U"})


class FloorQuotient(sp.Function):
    """⌊a ÷ b⌋ of the decimals as written (``exact.floor_quotient``; ``floorQuotient`` in runtime.js)."""

    nargs = 2

    def _pythoncode(self, printer):
        return f"floor_quotient({printer._print(self.args[0])}, {printer._print(self.args[1])})"

    def _javascript(self, printer):
        return f"floorQuotient({printer._print(self.args[0])}, {printer._print(self.args[1])})"

    def _mathml_presentation(self, printer):
        return printer._print(sp.floor(self.args[0] / self.args[1], evaluate=False))


def token_bucket() -> Definition:
    cap, rate, tokens, dt, cost = symbols("capacity", "refill_rate", "tokens", "elapsed_seconds", "cost")
    available, allowed = local("tokens_available"), local("allowed")
    return Definition(
        "token-bucket",
        {"capacity": cap, "refill_rate": rate, "tokens": tokens, "elapsed_seconds": dt, "cost": cost},
        outputs=(("tokens_available", sp.Min(cap, tokens + rate * dt)),
                 ("allowed", sp.Piecewise((1, sp.Le(cost, available)), (0, True))),
                 ("tokens_after", available - cost * allowed),
                 ("wait_seconds", sp.Max(0, cost - available) / rate)),
        guards=(Guard(sp.Le(cost, cap), "cost must not exceed capacity: such a request could never pass"),),
        notation={"capacity": "C", "refill_rate": "ρ", "tokens": "b_0", "elapsed_seconds": "Δt", "cost": "c",
                  "tokens_available": "b", "allowed": "a", "tokens_after": "b_1", "wait_seconds": "t_wait"})


FIRST_SET: tuple[Definition, ...] = (
    constant_product_swap(), impermanent_loss(), maintenance_margin(), initial_margin(), margin_ratio(),
    liquidation_price(), linear_pnl(), inverse_pnl(), funding_rate(), funding_payment(), black_scholes(),
    black_76(), delta_hedge(), rate_limit_budget(), token_bucket())

DEFINITIONS: dict[str, Definition] = {d.id: d for d in (
    *FIRST_SET, *definitions_positions.DEFINITIONS, *definitions_markets.DEFINITIONS)}
