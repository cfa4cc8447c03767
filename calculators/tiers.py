"""Tiered maintenance margin: reading a tier table and finding the tier of a notional.

A table is a list of ``{floor, cap, maintenance_margin_rate}`` tiers, contiguous from 0
with rates that never fall. Tier n holds floor_n < notional ≤ cap_n (tier 1 also holds
0). Each tier's maintenance amount follows the cumulative rule cum_1 = 0,
cum_n = floor_n·(rate_n − rate_{n−1}) + cum_{n−1}, which keeps the margin continuous
across every boundary. ``tier_lookup`` is stdlib-only because the Python snippet copies
it verbatim; ``runtime.js`` holds the same loop (``tierLookup``) and the same checks
(``tierTable``) for the widget. Both are run against ``tests/data/runtime-cases.json``,
so they check in the same order and say the same words: values in messages are written as
JavaScript writes them (``js_string``, ``JSON.stringify``).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from .numbers import js_string
from .spec import QUOTE_LIMIT, CalculatorInputError, quote

# The inputs (and output) a tier table supplies, in the order tier_lookup returns them.
TIER_OUTPUTS = ("maintenance_margin_rate", "maintenance_amount", "tier")
KEYS = ("floor", "cap", "maintenance_margin_rate")
EXAMPLE = Path(__file__).parent / "data" / "binance-btcusdt-tiers.json"


def tier_lookup(tiers, notional):
    """Rate, maintenance amount and 1-based number of the tier that holds ``notional``."""
    amount, previous_rate = 0.0, None
    for number, tier in enumerate(tiers, start=1):
        rate = tier["maintenance_margin_rate"]
        if previous_rate is not None:
            amount = tier["floor"] * (rate - previous_rate) + amount
        previous_rate = rate
        if notional <= tier["cap"]:
            return rate, amount, number
    raise ValueError(f"notional {notional} is above the last tier's cap {tiers[-1]['cap']}")


def parse_tiers(value: Any) -> tuple[dict[str, float], ...]:
    """A validated tier table from JSON text or a list of mappings; ``()`` for an empty value.

    Each tier is checked whole (keys, numbers, rate, cap) and then against the one before
    it, tier by tier, so the first mistake reported is the one ``tierTable`` reports.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return ()
    if isinstance(value, str):
        value = _parse_json(value)
    if isinstance(value, dict) and "tiers" in value:  # a table file with its source, like the shipped example
        value = value["tiers"]
    if not isinstance(value, list) or not value:
        raise CalculatorInputError("tiers must be a non-empty JSON list of {floor, cap, maintenance_margin_rate} objects")
    tiers: list[dict[str, float]] = []
    for number, item in enumerate(value, start=1):
        tiers.append(_tier(number, item))
        _check_order(number, tiers)
    return tuple(tiers)


def _parse_json(text: str) -> Any:
    """Strict JSON, as ``JSON.parse`` reads it: ``NaN`` and ``Infinity`` are not JSON."""
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not a JSON value")

    try:
        return json.loads(text, parse_constant=refuse)
    except json.JSONDecodeError as exc:
        raise CalculatorInputError(f"tiers is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except ValueError as exc:
        raise CalculatorInputError(f"tiers is not valid JSON: {exc}") from None


def _tier(number: int, item: Any) -> dict[str, float]:
    if not isinstance(item, dict) or set(item) != set(KEYS):
        raise CalculatorInputError(f"tiers: tier {number} must be an object with exactly the keys {', '.join(KEYS)}")
    tier = {}
    for key in KEYS:
        value = item[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise CalculatorInputError(f"tiers: tier {number} {key} must be a finite number, got {_shown(value)}")
        tier[key] = float(value)
    if not 0 <= tier["maintenance_margin_rate"] <= 1:
        raise CalculatorInputError(f"tiers: tier {number} maintenance_margin_rate must be between 0 and 1")
    if tier["cap"] <= tier["floor"]:
        raise CalculatorInputError(f"tiers: tier {number} cap must be greater than its floor")
    return tier


def _shown(value: Any) -> str:
    """A refused value as ``tierTable`` quotes it: a string in quotes, anything else as JSON."""
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, float) and not math.isfinite(value):
        text = "null"  # JSON.stringify(Infinity)
    else:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "…"


def _check_order(number: int, tiers: list[dict[str, float]]) -> None:
    """Tier ``number`` (the last in ``tiers``) against the tier before it."""
    after = tiers[-1]
    if number == 1:
        if after["floor"] != 0:
            raise CalculatorInputError("tiers: tier 1 must start at floor 0")
        return
    before = tiers[-2]
    if after["floor"] != before["cap"]:
        raise CalculatorInputError(f"tiers: tier {number} floor must equal tier {number - 1}'s cap "
                                   f"({js_string(before['cap'])}); tiers must be contiguous")
    if after["maintenance_margin_rate"] < before["maintenance_margin_rate"]:
        raise CalculatorInputError(f"tiers: tier {number} rate must not be lower than tier {number - 1}'s")


def resolve(tiers: tuple[dict[str, float], ...], notional: float) -> tuple[float, float, int]:
    """``tier_lookup`` with its error as a ``CalculatorInputError``, numbers written as ``tierLookup`` writes them."""
    if notional > tiers[-1]["cap"]:
        raise CalculatorInputError(f"notional {js_string(notional)} is above the last tier's cap "
                                   f"{js_string(tiers[-1]['cap'])}")
    return tier_lookup(tiers, notional)


def example_table() -> dict[str, Any]:
    """The shipped, dated and cited example tier table."""
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))
