"""Hand-ordered display forms, where the automatic order would not read as the texts print it.

``FORMS[calculator id][step or output name]`` is the right-hand side in the definition's
notation (grammar in ``display_parse``). A form may name earlier steps and outputs (an option
price in d₁ and d₂, never a later output); tests/test_formula_display.py proves each one
equals the definition's expression once those are expanded, so a form can reorder but never change
the maths. Everything not listed here is displayed in ``display.Ordering``'s order.
"""

from __future__ import annotations

D1_FORWARD = "(ln(F/K) + σ^2·T/2) / (σ·√T)"

FORMS: dict[str, dict[str, str]] = {
    "liquidation-price": {
        "liquidation_price": "(WB − TMM_1 + UPNL_1 + cum − s·Q·EP) / (Q·MMR − s·Q)"},
    "hedge-mode-liquidation-price": {
        "liquidation_price": "(WB − TMM_1 + UPNL_1 + cum_L + cum_S − Q_L·EP_L + Q_S·EP_S)"
                             " / (Q_L·MMR_L + Q_S·MMR_S − Q_L + Q_S)"},
    "inverse-liquidation-price": {
        "liquidation_price": "(Pos·MMR + s·Pos) / (WB + cum + s·Pos/EP)"},
    "black-scholes": {
        "d1": "[ln(S/K) + (r − q + σ^2/2)·T] / (σ·√T)",
        "price": "φ·(S·exp(−q·T)·N(φ·d_1) − K·exp(−r·T)·N(φ·d_2))",
        "vega": "S·exp(−q·T)·n(d_1)·√T / 100",
        "theta": "(−S·exp(−q·T)·n(d_1)·σ/(2·√T) − φ·r·K·exp(−r·T)·N(φ·d_2) + φ·q·S·exp(−q·T)·N(φ·d_1)) / 365"},
    "black-76": {
        "d1": D1_FORWARD,
        "price": "φ·exp(−r·T)·(F·N(φ·d_1) − K·N(φ·d_2))",
        "vega": "F·exp(−r·T)·n(d_1)·√T / 100",
        "theta": "(r·V − F·exp(−r·T)·n(d_1)·σ/(2·√T)) / 365",
        "rho": "−T·V / 100"},
    "inverse-option": {
        "d1": D1_FORWARD,
        "price_coin": "φ·(N(φ·d_1) − K/F·N(φ·d_2))"},
    "constant-product-swap": {
        "amount_out": "y·Δx_net / (x + Δx_net)"},
    "position-pnl": {
        "net_pnl": "s·Q·(P_exit − P_entry) − Q·P_entry·f_open − Q·P_exit·f_close − F",
        "gross_pnl": "s·Q·(P_exit − P_entry)",
        "fees": "Q·P_entry·f_open + Q·P_exit·f_close",
        "initial_margin": "Q·P_entry / L"},
    "average-entry-price": {
        "average_entry_price": "(q·w_E·E + a·w_A·A) / (q·w_E + a·w_A)"},
    "position-size": {
        "quantity": "R / (|E − S| + f·(E + S))",
        "notional": "Q·E"},
    "annualized-basis": {
        "annualized_basis": "(F/S − 1)·365 / d",
        "continuous_carry": "ln(F/S)·365 / d"},
    "concentrated-liquidity": {
        "clamped_price": "min(max(P, p_a), p_b)",
        "value": "L·((√p_b − √p)/(√p·√p_b)·P + √p − √p_a)",
        "amount0": "L·(√p_b − √p) / (√p·√p_b)"},
    "concentrated-impermanent-loss": {
        "entry_clamped": "min(max(P_0, p_a), p_b)",
        "exit_clamped": "min(max(P_1, p_a), p_b)",
        "value_lp": "(√p_b − √p_1)/(√p_1·√p_b)·P_1 + √p_1 − √p_a",
        "value_hold": "(√p_b − √p_0)/(√p_0·√p_b)·P_1 + √p_0 − √p_a"},
    "token-bucket": {
        "tokens_available": "min(C, b_0 + ρ·Δt)",
        "wait_seconds": "max(0, c − b) / ρ"},
    "health-factor": {
        "health_factor": "Q·P·LT / D",
        "liquidation_price": "D / (Q·LT)"},
}
