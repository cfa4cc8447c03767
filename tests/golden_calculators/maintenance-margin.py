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


def maintenance_margin(*, notional, maintenance_margin_rate=None, maintenance_amount=None, tiers=None):
    """Maintenance margin: Maintenance margin of a position from a rate and amount, or from a tier table.

    notional: Position notional (USDT); ≥ 0.
    maintenance_margin_rate: Maintenance margin rate (decimal); ≥ 0 and ≤ 1.
    maintenance_amount: Maintenance amount (USDT); ≥ 0.
    tiers: Tier table (JSON, optional); a JSON list of {floor, cap, maintenance_margin_rate} tiers.
    Returns every output by name: maintenance_margin, applied_rate, applied_amount, tier.
    """
    tier = 0
    if tiers:
        if maintenance_margin_rate is not None or maintenance_amount is not None:
            raise ValueError('give either tiers or maintenance_margin_rate and maintenance_amount, not both: a tier table supplies the rate and the amount')
        maintenance_margin_rate, maintenance_amount, tier = tier_lookup(tiers, notional)
    elif maintenance_margin_rate is None:
        raise ValueError('give maintenance_margin_rate or tiers')
    if maintenance_amount is None:
        maintenance_amount = 0.0
    if not (maintenance_amount <= maintenance_margin_rate*notional):
        raise ValueError('maintenance_amount must not exceed notional × maintenance_margin_rate (the margin would be negative)')
    maintenance_margin = -maintenance_amount + maintenance_margin_rate*notional
    applied_rate = maintenance_margin_rate
    applied_amount = maintenance_amount
    return {"maintenance_margin": maintenance_margin, "applied_rate": applied_rate, "applied_amount": applied_amount, "tier": tier}
