"""The tier a result decides for itself: a liquidation price whose notional picks its own rate.

With a tier table, the maintenance rate and amount of a liquidation price depend on the
notional at that price (quantity × LP), which depends on the rate. Binance's FAQ resolves it
by trying each tier: compute LP with that tier's rate and amount, and keep the tier whose
range holds quantity × LP. Because the margin is continuous and rises more slowly than the
position's value, exactly one tier does. ``tier_for`` is stdlib-only because the Python
snippet copies it verbatim (with ``tier_lookup``); ``runtime.js`` holds the same loop.
"""

from __future__ import annotations

from .tiers import tier_lookup

BOTH_GIVEN = ("give either tiers or maintenance_margin_rate and maintenance_amount, not both: "
              "a tier table supplies the rate and the amount")


def tier_for(tiers, notional_of):
    """Rate, amount and 1-based number of the tier that holds ``notional_of(rate, amount)``."""
    for number, tier in enumerate(tiers, start=1):
        rate, amount, _ = tier_lookup(tiers, tier["cap"])
        notional = notional_of(rate, amount)
        if (number == 1 or notional > tier["floor"]) and notional <= tier["cap"]:
            return rate, amount, number
    raise ValueError(f"the notional at the liquidation price is above the last tier's cap {tiers[-1]['cap']}")
