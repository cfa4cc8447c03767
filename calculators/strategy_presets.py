"""The named positions of the position builder, as legs around an at-the-money strike.

Each preset is a list of ``(kind, side, strike, expiry_days)`` with quantity 1 per leg;
``Strategy.preset`` prices the options with Black-76. ``spot`` is the at-the-money strike
and ``width`` the distance between neighbouring strikes. ``calculators/strategy.js`` holds
the same table for the page.
"""

from __future__ import annotations

from .spec import CalculatorInputError

Row = tuple[str, str, float, float]


def _table(k: float, w: float, t: float) -> dict[str, list[Row]]:
    return {
        "long-straddle": [("call", "long", k, t), ("put", "long", k, t)],
        "short-straddle": [("call", "short", k, t), ("put", "short", k, t)],
        "long-strangle": [("put", "long", k - w, t), ("call", "long", k + w, t)],
        "short-strangle": [("put", "short", k - w, t), ("call", "short", k + w, t)],
        "bull-call-spread": [("call", "long", k, t), ("call", "short", k + w, t)],
        "bear-call-spread": [("call", "short", k, t), ("call", "long", k + w, t)],
        "butterfly": [("call", "long", k - w, t), ("call", "short", k, t), ("call", "short", k, t),
                      ("call", "long", k + w, t)],
        "iron-condor": [("put", "long", k - 2 * w, t), ("put", "short", k - w, t), ("call", "short", k + w, t),
                        ("call", "long", k + 2 * w, t)],
        "covered-call": [("spot", "long", k, t), ("call", "short", k + w, t)],
        "protective-put": [("spot", "long", k, t), ("put", "long", k - w, t)],
        "collar": [("spot", "long", k, t), ("put", "long", k - w, t), ("call", "short", k + w, t)],
        "calendar-spread": [("call", "short", k, t), ("call", "long", k, 2 * t)],
    }


PRESETS: tuple[str, ...] = tuple(_table(1.0, 0.1, 1.0))



def preset_legs(name: str, spot: float, width: float, expiry_days: float) -> list[Row]:
    """The legs of preset ``name``; an unknown name or a strike at or below zero is an input error."""
    if name not in PRESETS:
        raise CalculatorInputError(f"no preset {name!r}; the presets are {', '.join(PRESETS)}")
    rows = _table(spot, width, expiry_days)[name]
    lowest = min(strike for _, _, strike, _ in rows)
    if lowest <= 0:
        raise CalculatorInputError(f"{name}: width {width:g} puts a strike at {lowest:g}; "
                                   f"use a width below {spot / (2 if name == 'iron-condor' else 1):g}")
    return rows
