"""Metadata of the second set's market calculators (DESIGN.md, "Calculators, second set"):
annualised basis, Uniswap v3 ranges and their impermanent loss, a lending health factor,
coin-settled options and option payoffs at expiry."""

from __future__ import annotations

from .spec import CalculatorSpec

SPECS: tuple[CalculatorSpec, ...] = ()
