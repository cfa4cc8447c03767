"""Metadata of the second set's position calculators (DESIGN.md, "Calculators, second set"):
liquidation in hedge mode and on coin-margined contracts, PnL after fees, average entry,
position size from a stop, and funding over a holding period."""

from __future__ import annotations

from .spec import CalculatorSpec

SPECS: tuple[CalculatorSpec, ...] = ()
