"""Finding an input from a target output when no closed form exists (implied volatility).

Bisection on a monotone function over a fixed bracket, run until the bracket cannot shrink
any further in floating point. A bracket above zero is halved in log scale (the midpoint
is the geometric mean √low·√high), so one bracket from 1e-100 to 10 reaches full precision
in about sixty steps at any volatility, tiny or large. Slower than Newton's method, but it
cannot diverge and needs no derivative; ``runtime.js`` runs the identical loop (square roots
and products are correctly rounded in both languages), so the widget and the Python API
land on the same number.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .spec import NoSolution

MAX_STEPS = 2000


def midpoint(low: float, high: float) -> float:
    """The geometric mean of a bracket above zero, else the arithmetic one."""
    return math.sqrt(low) * math.sqrt(high) if low > 0 else low + (high - low) / 2


def solve_monotone(f: Callable[[float], float], target: float, low: float, high: float) -> float:
    """The x in [low, high] with f(x) = target, for f monotone on the bracket.

    Raises ``OutOfReach`` (a ``NoSolution``) when the target lies outside [f(low), f(high)].
    """
    f_low, f_high = f(low) - target, f(high) - target
    if f_low == 0:
        return low
    if f_high == 0:
        return high
    if (f_low > 0) == (f_high > 0):
        raise OutOfReach(min(f_low, f_high) + target, max(f_low, f_high) + target)
    for _ in range(MAX_STEPS):
        mid = midpoint(low, high)
        if mid <= low or mid >= high:
            break
        f_mid = f(mid) - target
        if f_mid == 0:
            return mid
        if (f_mid > 0) == (f_low > 0):
            low, f_low = mid, f_mid
        else:
            high, f_high = mid, f_mid
    return low if abs(f_low) <= abs(f_high) else high


class OutOfReach(NoSolution):
    """The target output is outside what the bracket can produce; carries that range."""

    def __init__(self, lowest: float, highest: float):
        super().__init__(f"target outside [{lowest!r}, {highest!r}]")
        self.lowest, self.highest = lowest, highest
