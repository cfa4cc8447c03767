"""The option calculators of the first set, as SymPy expressions: Black-Scholes (spot, with a
dividend yield), Black-76 (on a forward, as crypto options venues quote them) and the delta
hedge. ``phi`` is the option sign (+1 call, −1 put).

Greeks are closed forms per the conventions the pages state (vega and rho per percentage
point, theta per calendar day); a test checks each against the derivative of the price.
Volatility is found from a price by a numeric search, within no-arbitrage bounds that say
when no volatility gives the price.
"""

from __future__ import annotations

import sympy as sp

from .symbolic import Definition, Guard, NormCdf, local, norm_pdf, symbols

OPTION_TYPE = {"call": 1, "put": -1}
phi = symbols("phi")[0]

VOLATILITY_BRACKET = (1e-100, 10.0)  # the whole volatility input range, searched in log scale


def price_bounds(price: sp.Symbol, floor: sp.Expr, ceiling: sp.Expr) -> tuple[Guard, ...]:
    """No volatility gives a price at or below the no-arbitrage floor, or at or above the ceiling.

    The price rises strictly with volatility from the floor (volatility → 0) towards the ceiling
    (volatility → ∞), so every price strictly between them has exactly one volatility.
    """
    return (Guard(sp.Gt(price, floor), "price is at or below the no-arbitrage floor (the discounted intrinsic "
                  "value): no volatility gives it", no_solution=True),
            Guard(sp.Lt(price, ceiling), "price is at or above the no-arbitrage ceiling (a call: the discounted "
                  "underlying; a put: the discounted strike): no volatility gives it", no_solution=True))


def black_scholes() -> Definition:
    spot, k, t, vol, r, q = symbols("spot", "strike", "time_to_expiry", "volatility", "risk_free_rate", "dividend_yield")
    d1, d2 = local("d1"), local("d2")
    carry, discount = sp.exp(-q * t), sp.exp(-r * t)
    theta = (-spot * carry * norm_pdf(d1) * vol / (2 * sp.sqrt(t)) - phi * r * k * discount * NormCdf(phi * d2)
             + phi * q * spot * carry * NormCdf(phi * d1))
    return Definition(
        "black-scholes",
        {"option_type": phi, "spot": spot, "strike": k, "time_to_expiry": t, "volatility": vol,
         "risk_free_rate": r, "dividend_yield": q},
        steps=(("d1", (sp.log(spot / k) + (r - q + vol**2 / 2) * t) / (vol * sp.sqrt(t))),
               ("d2", d1 - vol * sp.sqrt(t))),
        outputs=(("price", phi * (spot * carry * NormCdf(phi * d1) - k * discount * NormCdf(phi * d2))),
                 ("delta", phi * carry * NormCdf(phi * d1)),
                 ("gamma", carry * norm_pdf(d1) / (spot * vol * sp.sqrt(t))),
                 ("vega", spot * carry * norm_pdf(d1) * sp.sqrt(t) / 100),
                 ("theta", theta / 365),
                 ("rho", phi * k * t * discount * NormCdf(phi * d2) / 100)),
        choices={"option_type": OPTION_TYPE},
        notation={"spot": "S", "strike": "K", "time_to_expiry": "T", "volatility": "σ", "risk_free_rate": "r",
                  "dividend_yield": "q", "phi": "φ", "d1": "d_1", "d2": "d_2", "price": "V", "delta": "Δ",
                  "gamma": "Γ", "vega": "ν", "theta": "Θ", "rho": "ρ"},
        solve_guards={"volatility": price_bounds(
            local("price"), sp.Max(phi * (spot * carry - k * discount), 0),
            sp.Piecewise((spot * carry, sp.Eq(phi, 1)), (k * discount, True)))},
        numeric_solves={"volatility": VOLATILITY_BRACKET})


def black_76() -> Definition:
    fwd, k, t, vol, r = symbols("forward", "strike", "time_to_expiry", "volatility", "risk_free_rate")
    d1, d2, price = local("d1"), local("d2"), local("price")
    discount = sp.exp(-r * t)
    return Definition(
        "black-76",
        {"option_type": phi, "forward": fwd, "strike": k, "time_to_expiry": t, "volatility": vol, "risk_free_rate": r},
        steps=(("d1", (sp.log(fwd / k) + vol**2 * t / 2) / (vol * sp.sqrt(t))), ("d2", d1 - vol * sp.sqrt(t))),
        outputs=(("price", phi * discount * (fwd * NormCdf(phi * d1) - k * NormCdf(phi * d2))),
                 ("delta", phi * discount * NormCdf(phi * d1)),
                 ("gamma", discount * norm_pdf(d1) / (fwd * vol * sp.sqrt(t))),
                 ("vega", fwd * discount * norm_pdf(d1) * sp.sqrt(t) / 100),
                 ("theta", (r * price - fwd * discount * norm_pdf(d1) * vol / (2 * sp.sqrt(t))) / 365),
                 ("rho", -t * price / 100)),
        choices={"option_type": OPTION_TYPE},
        notation={"forward": "F", "strike": "K", "time_to_expiry": "T", "volatility": "σ", "risk_free_rate": "r",
                  "phi": "φ", "d1": "d_1", "d2": "d_2", "price": "V", "delta": "Δ", "gamma": "Γ", "vega": "ν",
                  "theta": "Θ", "rho": "ρ"},
        solve_guards={"volatility": price_bounds(
            price, discount * sp.Max(phi * (fwd - k), 0), sp.Piecewise((discount * fwd, sp.Eq(phi, 1)), (discount * k, True)))},
        numeric_solves={"volatility": VOLATILITY_BRACKET})


def delta_hedge() -> Definition:
    d, c, size = symbols("option_delta", "contracts", "contract_size")
    return Definition("delta-hedge", {"option_delta": d, "contracts": c, "contract_size": size},
                      outputs=(("hedge_quantity", -d * c * size),),
                      notation={"option_delta": "Δ", "contracts": "n", "contract_size": "m", "hedge_quantity": "h"})
