"""Calculators for the glossary, each defined once and checked against published figures.

``REGISTRY`` maps calculator ids to their metadata (inputs, bounds, outputs); it is
importable without SymPy so ``glossary check`` stays fast.
"""

from __future__ import annotations

import difflib

from .calculator import Calculator
from .catalog import SPECS
from .spec import CalculatorInputError, CalculatorSpec, Input, NoSolution, Output

REGISTRY: dict[str, Calculator] = {spec.id: Calculator(spec) for spec in SPECS}

__all__ = ["REGISTRY", "Calculator", "CalculatorInputError", "CalculatorSpec", "Input", "NoSolution", "Output",
           "get"]


def get(calc_id: str) -> Calculator:
    """The calculator with this id; ``KeyError`` lists the closest ids."""
    try:
        return REGISTRY[calc_id]
    except KeyError:
        close = difflib.get_close_matches(calc_id, REGISTRY, n=3, cutoff=0.4)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"no calculator '{calc_id}'{hint} (known: {', '.join(sorted(REGISTRY))})") from None
