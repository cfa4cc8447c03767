"""Finding an input from a target output when no closed form exists (implied volatility).

Plain bisection on a monotone function over a fixed bracket, run until the bracket
cannot shrink any further in floating point. It is slower than Newton's method but
cannot diverge, needs no derivative, and ``runtime.js`` runs the identical loop, so the
widget and the Python API land on the same number.
"""

from __future__ import annotations

from collections.abc import Callable

from .spec import CalculatorInputError

MAX_STEPS = 2000


def solve_monotone(f: Callable[[float], float], target: float, low: float, high: float) -> float:
    """The x in [low, high] with f(x) = target, for f monotone on the bracket.

    Raises ``CalculatorInputError`` when the target lies outside [f(low), f(high)].
    """
    f_low, f_high = f(low) - target, f(high) - target
    if f_low == 0:
        return low
    if f_high == 0:
        return high
    if (f_low > 0) == (f_high > 0):
        raise OutOfReach(min(f_low, f_high) + target, max(f_low, f_high) + target)
    for _ in range(MAX_STEPS):
        mid = low + (high - low) / 2
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


class OutOfReach(CalculatorInputError):
    """The target output is outside what the bracket can produce; carries that range."""

    def __init__(self, lowest: float, highest: float):
        super().__init__(f"target outside [{lowest}, {highest}]")
        self.lowest, self.highest = lowest, highest
