"""SymPy definitions of the position calculators listed in ``catalog_positions``."""

from __future__ import annotations

from .symbolic import Definition

DEFINITIONS: tuple[Definition, ...] = ()
