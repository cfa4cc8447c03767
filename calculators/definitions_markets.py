"""SymPy definitions of the market calculators listed in ``catalog_markets``."""

from __future__ import annotations

from .symbolic import Definition

DEFINITIONS: tuple[Definition, ...] = ()
