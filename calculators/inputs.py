"""Shared input and output declarations for the catalogs: units, sides, bounded numbers."""

from __future__ import annotations

from .spec import Input, Output

QUOTE = "USDT"
SIDE = Input("side", "Side", "", "long", choices=("long", "short"), kind="choice")
OPTION_TYPE = Input("option_type", "Option type", "", "call", choices=("call", "put"), kind="choice")


def positive(name: str, label: str, unit: str, default: float, high: float | None = None, **extra) -> Input:
    return Input(name, label, unit, default, low=0.0, low_open=True, high=high, **extra)


def non_negative(name: str, label: str, unit: str, default: float, high: float | None = None, **extra) -> Input:
    return Input(name, label, unit, default, low=0.0, high=high, **extra)


def rate(name: str, label: str, default: float, limit: float = 1.0, **extra) -> Input:
    return Input(name, label, "decimal", default, low=-limit, high=limit, **extra)


GREEKS = (
    Output("price", "Option price", QUOTE),
    Output("delta", "Delta", "per unit of underlying"),
    Output("gamma", "Gamma", "per unit of underlying²"),
    Output("vega", "Vega", "per volatility point"),
    Output("theta", "Theta", "per calendar day"),
    Output("rho", "Rho", "per rate point"),
)
