"""A position of several legs (options, futures, spot) and what it pays: the position builder's maths.

P&L at expiry is piecewise linear in the spot price, with kinks only at option strikes, so
breakevens and extremes are found exactly: each segment between kinks (and the unbounded
end beyond the last) is solved as the straight line it is, never by sampling. Before
expiry each open option is worth its Black-76 value, computed by the generated
``black-76`` calculator, never by a formula typed in again here. ``calculators/strategy.js``
is the same logic for the page, line for line; ``tests/data/strategy-cases.json`` holds
both to the same answers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .spec import CalculatorInputError
from .strategy_presets import preset_legs

KINDS = ("call", "put", "future", "spot")
SIDES = ("long", "short")
GREEKS = ("delta", "gamma", "vega", "theta")
DAYS_PER_YEAR = 365.0  # the calculators' time unit is the year; theta is per calendar day
MAX_DAYS = 36_500.0  # Black-76's time_to_expiry is at most 100 years


def _number(name: str, value: Any, *, low: float, low_open: bool, high: float = math.inf) -> float:
    """``value`` as a finite float in range, else a ``CalculatorInputError`` saying what is allowed."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CalculatorInputError(f"{name} must be a number, got {value!r}")
    number = float(value)
    below = number <= low if low_open else number < low
    if not math.isfinite(number) or below or number > high:
        bound = f"{'>' if low_open else '≥'} {low:g}" + (f" and ≤ {high:g}" if high < math.inf else "")
        raise CalculatorInputError(f"{name} = {value!r} is out of range; it must be {bound}")
    return number


@dataclass(frozen=True)
class Leg:
    """One leg: an option (``call``/``put``), a ``future`` or ``spot``, held ``long`` or ``short``.

    For a future or spot leg ``strike`` is the entry price and ``premium`` is 0. ``premium``
    is per unit and always paid by the long side; ``expiry_days`` counts from today.
    """

    kind: str
    side: str
    strike: float
    premium: float = 0.0
    quantity: float = 1.0
    expiry_days: float = 30.0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise CalculatorInputError(f"leg kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        if self.side not in SIDES:
            raise CalculatorInputError(f"leg side must be long or short, got {self.side!r}")
        set_ = object.__setattr__
        set_(self, "strike", _number("leg strike", self.strike, low=0.0, low_open=True))
        set_(self, "premium", _number("leg premium", self.premium, low=0.0, low_open=False))
        set_(self, "quantity", _number("leg quantity", self.quantity, low=0.0, low_open=True))
        set_(self, "expiry_days", _number("leg expiry_days", self.expiry_days, low=0.0, low_open=False, high=MAX_DAYS))
        if not self.is_option and self.premium != 0:
            raise CalculatorInputError(f"a {self.kind} leg has no premium (its strike is the entry price); "
                                       f"set premium to 0, got {self.premium!r}")

    @property
    def is_option(self) -> bool:
        return self.kind in ("call", "put")

    @property
    def sign(self) -> float:
        return 1.0 if self.side == "long" else -1.0

    def payoff(self, spot: float) -> float:
        """What one unit is worth at expiry: intrinsic value, or spot less entry for a future or spot."""
        if self.kind == "call":
            return max(spot - self.strike, 0.0)
        if self.kind == "put":
            return max(self.strike - spot, 0.0)
        return spot - self.strike

    def pnl_at_expiry(self, spot: float) -> float:
        return self.sign * self.quantity * (self.payoff(spot) - self.premium)

    def is_open(self, days_forward: float) -> bool:
        """An option not yet expired on that date (futures and spot are linear: never modelled)."""
        return self.is_option and days_forward < self.expiry_days

    def model(self, spot: float, days_forward: float, volatility: float, rate: float) -> dict[str, float]:
        """Black-76 price and greeks of one unit, from the generated calculator."""
        import calculators

        return calculators.get("black-76").compute(
            option_type=self.kind, forward=spot, strike=self.strike,
            time_to_expiry=(self.expiry_days - days_forward) / DAYS_PER_YEAR,
            volatility=volatility, risk_free_rate=rate)


def _spot(spot: Any, *, positive: bool = False) -> float:
    """Spot is never below zero; a Black-76 value needs it above zero (its forward)."""
    return _number("spot", spot, low=0.0, low_open=positive)


def _day(days_forward: Any) -> float:
    return _number("days_forward", days_forward, low=0.0, low_open=False, high=MAX_DAYS)


@dataclass(frozen=True)
class Strategy:
    """Legs held together; every figure is the sum over legs, each at its own expiry."""

    legs: tuple[Leg, ...]

    def __post_init__(self) -> None:
        legs = tuple(self.legs)
        if not legs or not all(isinstance(leg, Leg) for leg in legs):
            raise CalculatorInputError("a strategy needs at least one leg, each a Leg")
        object.__setattr__(self, "legs", legs)

    @classmethod
    def preset(cls, name: str, spot: float, width: float | None = None, expiry_days: float = 30.0,
               volatility: float = 0.6) -> Strategy:
        """A named position around ``spot`` (the at-the-money strike); see ``strategy_presets``."""
        spot = _number("spot", spot, low=0.0, low_open=True)
        width = spot / 10 if width is None else _number("width", width, low=0.0, low_open=True)
        legs = []
        for kind, side, strike, days in preset_legs(name, spot, width, expiry_days):
            premium = 0.0
            if kind in ("call", "put"):
                premium = Leg(kind, side, strike, 0.0, 1.0, days).model(spot, 0.0, volatility, 0.0)["price"]
            legs.append(Leg(kind, side, strike, premium, 1.0, days))
        return cls(tuple(legs))

    def net_premium(self) -> float:
        """Premium paid to open (positive: a debit; negative: a credit)."""
        return sum(leg.sign * leg.quantity * leg.premium for leg in self.legs)

    def pnl_at_expiry(self, spot: float) -> float:
        spot = _spot(spot)
        return sum(leg.pnl_at_expiry(spot) for leg in self.legs)

    def kinks(self) -> tuple[float, ...]:
        """Zero and every option strike, ascending: P&L at expiry is a straight line between them."""
        return tuple(sorted({0.0, *(leg.strike for leg in self.legs if leg.is_option)}))

    def final_slope(self) -> float:
        """d(P&L)/d(spot) beyond the last strike: calls, futures and spot count, puts are worthless there."""
        return sum(leg.sign * leg.quantity for leg in self.legs if leg.kind != "put")

    def breakevens(self) -> tuple[float, ...]:
        """Spots where P&L at expiry crosses or touches zero, ascending; a flat zero stretch gives its ends."""
        points, found = self.kinks(), []
        values = [self.pnl_at_expiry(p) for p in points]
        for i in range(len(points) - 1):
            a, b, fa, fb = points[i], points[i + 1], values[i], values[i + 1]
            if fa == 0:
                found.append(a)
            if fb == 0:
                found.append(b)
            elif fa != 0 and (fa < 0) != (fb < 0):
                found.append(a + (b - a) * fa / (fa - fb))
        last, f_last, slope = points[-1], values[-1], self.final_slope()
        if f_last == 0:
            found.append(last)
        elif slope != 0 and (f_last < 0) != (slope < 0):
            found.append(last - f_last / slope)
        return tuple(sorted(set(found)))

    def max_profit(self) -> float | None:
        """The largest P&L at expiry, or ``None`` when it grows without bound as spot rises."""
        if self.final_slope() > 0:
            return None
        return max(self.pnl_at_expiry(p) for p in self.kinks())

    def max_loss(self) -> float | None:
        """The smallest P&L at expiry (negative when it can lose), or ``None`` when unbounded."""
        if self.final_slope() < 0:
            return None
        return min(self.pnl_at_expiry(p) for p in self.kinks())

    def value(self, spot: float, days_forward: float = 0, volatility: float = 0.6, rate: float = 0.0) -> float:
        """P&L if every open leg were closed at its Black-76 value on that date; expired legs at expiry value."""
        days_forward = _day(days_forward)
        spot = _spot(spot, positive=any(leg.is_open(days_forward) for leg in self.legs))
        total = 0.0
        for leg in self.legs:
            if leg.is_open(days_forward):
                price = leg.model(spot, days_forward, volatility, rate)["price"]
                total += leg.sign * leg.quantity * (price - leg.premium)
            else:
                total += leg.pnl_at_expiry(spot)
        return total

    def greeks(self, spot: float, days_forward: float = 0, volatility: float = 0.6,
               rate: float = 0.0) -> dict[str, float]:
        """Net delta, gamma, vega (per vol point) and theta (per day); an expired option adds nothing."""
        days_forward = _day(days_forward)
        spot = _spot(spot, positive=any(leg.is_open(days_forward) for leg in self.legs))
        totals = dict.fromkeys(GREEKS, 0.0)
        for leg in self.legs:
            if leg.is_open(days_forward):
                unit = leg.model(spot, days_forward, volatility, rate)
                for name in GREEKS:
                    totals[name] += leg.sign * leg.quantity * unit[name]
            elif not leg.is_option:
                totals["delta"] += leg.sign * leg.quantity
        return totals
