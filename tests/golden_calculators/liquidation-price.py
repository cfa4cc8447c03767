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


def tier_for(tiers, notional_of):
    """Rate, amount and 1-based number of the tier that holds ``notional_of(rate, amount)``."""
    for number, tier in enumerate(tiers, start=1):
        rate, amount, _ = tier_lookup(tiers, tier["cap"])
        notional = notional_of(rate, amount)
        if (number == 1 or notional > tier["floor"]) and notional <= tier["cap"]:
            return rate, amount, number
    raise ValueError(f"the notional at the liquidation price is above the last tier's cap {tiers[-1]['cap']}")


class NoSolution(ValueError):
    """The inputs are valid, but the quantity asked for does not exist."""


def liquidation_price(*, side, quantity, entry_price, wallet_balance, maintenance_margin_rate=None, maintenance_amount=None, other_maintenance_margin=0.0, other_unrealized_pnl=0.0, tiers=None):
    """Liquidation price (USDⓈ-M, one-way mode): Mark price at which a position's margin balance falls to its maintenance margin.

    side: Side; one of long, short.
    quantity: Quantity (base units); > 0.
    entry_price: Entry price (USDT); > 0.
    wallet_balance: Wallet balance (USDT); ≥ 0.
    maintenance_margin_rate: Maintenance margin rate (decimal); ≥ 0 and ≤ 0.99.
    maintenance_amount: Maintenance amount (USDT); ≥ 0.
    other_maintenance_margin: Maintenance margin of other positions (USDT); ≥ 0.
    other_unrealized_pnl: Unrealized PnL of other positions (USDT); any finite number.
    tiers: Tier table (JSON, optional); a JSON list of {floor, cap, maintenance_margin_rate} tiers.
    Returns every output by name: liquidation_price, tier.
    """
    if side not in ('long', 'short'):
        raise ValueError(f"side must be one of long, short, got {side!r}")
    s = {'long': 1, 'short': -1}[side]
    tier = 0
    if tiers:
        if maintenance_margin_rate is not None or maintenance_amount is not None:
            raise ValueError('give either tiers or maintenance_margin_rate and maintenance_amount, not both: a tier table supplies the rate and the amount')
        maintenance_margin_rate, maintenance_amount, tier = tier_for(tiers, lambda maintenance_margin_rate, maintenance_amount: quantity*(-entry_price*quantity*s + maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(maintenance_margin_rate*quantity - quantity*s))
    elif maintenance_margin_rate is None:
        raise ValueError('give maintenance_margin_rate or tiers')
    if maintenance_amount is None:
        maintenance_amount = 0.0
    liquidation_price = (-entry_price*quantity*s + maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(maintenance_margin_rate*quantity - quantity*s)
    if not ((s == -1) or (liquidation_price > 0)):
        raise NoSolution('the collateral covers a fall to zero: no liquidation price')
    if not ((s == 1) or (liquidation_price > 0)):
        raise NoSolution('the margin balance is below the maintenance margin at every price: no liquidation price')
    if not ((s == -1) or (liquidation_price <= entry_price)):
        raise NoSolution('the liquidation price would be above the entry price for a long: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price')
    if not ((s == 1) or (liquidation_price >= entry_price)):
        raise NoSolution('the liquidation price would be below the entry price for a short: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price')
    return {"liquidation_price": liquidation_price, "tier": tier}
