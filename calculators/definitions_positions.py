"""SymPy definitions of the position calculators listed in ``catalog_positions``.

The two liquidation calculators follow the one-way rule (``definitions.liquidation_guards``):
a liquidation price must be positive and finite, and the account must cover its maintenance
margin at the entry price, or the price found would lie on the wrong side of the entry.
"""

from __future__ import annotations

import sympy as sp

from .symbolic import Definition, Guard, local, symbols

SIDE = {"long": 1, "short": -1}
CONTRACT_TYPE = {"linear": 0, "inverse": 1}
(s,) = symbols("s")

SHORT_HEDGE = ("the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse "
               "short is a dollar hedge): no liquidation price")


def hedge_mode_liquidation_price() -> Definition:
    wb, ql, epl, qs, eps, mmrl, mmrs, cuml, cums, tmm, upnl = symbols(
        "wallet_balance", "long_quantity", "long_entry_price", "short_quantity", "short_entry_price",
        "long_maintenance_margin_rate", "short_maintenance_margin_rate", "long_maintenance_amount",
        "short_maintenance_amount", "other_maintenance_margin", "other_unrealized_pnl")
    lp = local("liquidation_price")
    slope = ql * mmrl + qs * mmrs - ql + qs  # how fast maintenance margin gains on margin balance as P rises
    # Margin balance minus maintenance margin at a price P is slope·(LP − P); at the legs'
    # quantity-weighted entry price (a single leg's own entry) it must not be negative.
    at_entry = slope * (lp * (ql + qs) - (ql * epl + qs * eps))
    guards = (Guard(sp.Gt(ql + qs, 0), "long_quantity and short_quantity are both 0: open at least one leg"),
              Guard(sp.Ne(slope, 0), "the two legs offset each other exactly, so the margin above the maintenance "
                                     "margin does not change with the price: no liquidation price", no_solution=True),
              Guard(sp.Ge(at_entry, 0), "the wallet balance does not cover the maintenance margin at the legs' "
                                        "average entry price, so there is no liquidation price", no_solution=True),
              Guard(sp.Gt(lp, 0), "the collateral covers a fall to zero: no liquidation price", no_solution=True))
    return Definition(
        "hedge-mode-liquidation-price",
        {"wallet_balance": wb, "long_quantity": ql, "long_entry_price": epl, "short_quantity": qs,
         "short_entry_price": eps, "long_maintenance_margin_rate": mmrl, "short_maintenance_margin_rate": mmrs,
         "long_maintenance_amount": cuml, "short_maintenance_amount": cums, "other_maintenance_margin": tmm,
         "other_unrealized_pnl": upnl},
        outputs=(("liquidation_price", (wb - tmm + upnl + cuml + cums - ql * epl + qs * eps) / slope),),
        guards=guards, solve_guards={"wallet_balance": guards},
        notation={"wallet_balance": "WB", "long_quantity": "Q_L", "long_entry_price": "EP_L", "short_quantity": "Q_S",
                  "short_entry_price": "EP_S", "long_maintenance_margin_rate": "MMR_L",
                  "short_maintenance_margin_rate": "MMR_S", "long_maintenance_amount": "cum_L",
                  "short_maintenance_amount": "cum_S", "other_maintenance_margin": "TMM_1",
                  "other_unrealized_pnl": "UPNL_1", "liquidation_price": "LP"},
        closed_form_solves=("wallet_balance",))


def inverse_liquidation_price() -> Definition:
    c, size, ep, wb, mmr, cum = symbols("contracts", "contract_size", "entry_price", "wallet_balance",
                                        "maintenance_margin_rate", "maintenance_amount")
    pos, lp = local("position_value"), local("liquidation_price")
    guards = (Guard(sp.Ne(wb + cum + s * c * size / ep, 0), SHORT_HEDGE, no_solution=True),
              Guard(sp.Gt(lp, 0), "the liquidation price would be at or below zero; " + SHORT_HEDGE, no_solution=True),
              Guard(sp.Ge(s * (ep - lp), 0), "the liquidation price would be on the wrong side of the entry price "
                                             "(above it for a long, below it for a short): the wallet balance does not "
                                             "cover the maintenance margin at entry, so there is no liquidation price",
                    no_solution=True))
    return Definition(
        "inverse-liquidation-price",
        {"side": s, "contracts": c, "contract_size": size, "entry_price": ep, "wallet_balance": wb,
         "maintenance_margin_rate": mmr, "maintenance_amount": cum},
        steps=(("position_value", c * size),),
        outputs=(("liquidation_price", (pos * mmr + s * pos) / (wb + cum + s * pos / ep)),),
        choices={"side": SIDE},
        guards=guards, solve_guards={"wallet_balance": guards[1:]},
        notation={"contracts": "n", "contract_size": "CM", "entry_price": "EP", "wallet_balance": "WB",
                  "maintenance_margin_rate": "MMR", "maintenance_amount": "cum", "position_value": "Pos",
                  "liquidation_price": "LP"},
        closed_form_solves=("wallet_balance",))


def position_pnl() -> Definition:
    q, ep, xp, lev, fo, fc, funding = symbols("quantity", "entry_price", "exit_price", "leverage", "open_fee_rate",
                                              "close_fee_rate", "funding_paid")
    gross, fees = s * q * (xp - ep), q * ep * fo + q * xp * fc
    return Definition(
        "position-pnl",
        {"side": s, "quantity": q, "entry_price": ep, "exit_price": xp, "leverage": lev, "open_fee_rate": fo,
         "close_fee_rate": fc, "funding_paid": funding},
        outputs=(("net_pnl", gross - fees - funding),
                 ("gross_pnl", gross),
                 ("fees", fees),
                 ("initial_margin", q * ep / lev),
                 ("roe", local("net_pnl") / local("initial_margin")),
                 ("break_even_price", ep * (1 + s * fo) / (1 - s * fc))),
        choices={"side": SIDE},
        notation={"quantity": "Q", "entry_price": "P_entry", "exit_price": "P_exit", "leverage": "L",
                  "open_fee_rate": "f_open", "close_fee_rate": "f_close", "funding_paid": "F",
                  "net_pnl": "PnL_net", "gross_pnl": "PnL_gross", "fees": "fees", "initial_margin": "IM",
                  "roe": "ROE", "break_even_price": "P_BE"},
        closed_form_solves=("exit_price",))


def average_entry_price() -> Definition:
    k, q, ep, a, ap = symbols("k", "quantity", "entry_price", "add_quantity", "add_price")
    w_entry, w_add, average = local("entry_weight"), local("add_weight"), local("average_entry_price")
    # Weights 1 (linear: value-weighted mean) or 1/price (inverse: harmonic mean), so one
    # expression serves both and the add_quantity solve has a single root.
    return Definition(
        "average-entry-price",
        {"contract_type": k, "quantity": q, "entry_price": ep, "add_quantity": a, "add_price": ap},
        steps=(("entry_weight", ep**(-k)), ("add_weight", ap**(-k))),
        outputs=(("average_entry_price", (q * w_entry * ep + a * w_add * ap) / (q * w_entry + a * w_add)),
                 ("total_quantity", q + a)),
        choices={"contract_type": CONTRACT_TYPE},
        solve_guards={"add_quantity": (Guard(sp.Lt((average - ep) * (average - ap), 0),
                                             "no add_quantity gives this average: average_entry_price must lie "
                                             "strictly between entry_price and add_price", no_solution=True),)},
        notation={"contract_type": "k", "k": "k", "quantity": "q", "entry_price": "E", "add_quantity": "a",
                  "add_price": "A", "entry_weight": "w_E", "add_weight": "w_A", "average_entry_price": "E_avg",
                  "total_quantity": "q_total"},
        closed_form_solves=("add_quantity",))


def position_size() -> Definition:
    risk, ep, stop, f = symbols("risk_amount", "entry_price", "stop_price", "fee_rate")
    wrong_side = Guard(sp.Gt(s * (ep - stop), 0), "stop_price must be on the losing side of entry_price: below it "
                                                  "for a long, above it for a short")
    return Definition(
        "position-size", {"side": s, "risk_amount": risk, "entry_price": ep, "stop_price": stop, "fee_rate": f},
        outputs=(("quantity", risk / (sp.Abs(ep - stop) + f * (ep + stop))),
                 ("notional", local("quantity") * ep),
                 ("stop_distance", sp.Abs(ep - stop) / ep)),
        choices={"side": SIDE}, guards=(wrong_side,), solve_guards={"risk_amount": (wrong_side,)},
        notation={"risk_amount": "R", "entry_price": "E", "stop_price": "S", "fee_rate": "f", "quantity": "Q",
                  "notional": "N", "stop_distance": "d"},
        closed_form_solves=("risk_amount",))


def funding_over_period() -> Definition:
    n, rate, interval, held = symbols("notional", "funding_rate", "interval_hours", "holding_hours")
    return Definition(
        "funding-over-period",
        {"side": s, "notional": n, "funding_rate": rate, "interval_hours": interval, "holding_hours": held},
        outputs=(("total_payment", s * n * rate * held / interval),
                 ("settlements", held / interval),
                 ("payment_per_settlement", s * n * rate),
                 ("annualized_rate", rate * 8760 / interval)),
        choices={"side": SIDE},
        notation={"notional": "N", "funding_rate": "F", "interval_hours": "I", "holding_hours": "H",
                  "total_payment": "total", "settlements": "n", "payment_per_settlement": "payment",
                  "annualized_rate": "F_year"})


DEFINITIONS: tuple[Definition, ...] = (
    hedge_mode_liquidation_price(), inverse_liquidation_price(), position_pnl(), average_entry_price(),
    position_size(), funding_over_period())
