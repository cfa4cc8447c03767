class NoSolution(ValueError):
    """The inputs are valid, but the quantity asked for does not exist."""


def liquidation_price(*, side, quantity, entry_price, wallet_balance, maintenance_margin_rate, maintenance_amount=0.0, other_maintenance_margin=0.0, other_unrealized_pnl=0.0):
    """Liquidation price (USDⓈ-M, one-way mode): Mark price at which a position's margin balance falls to its maintenance margin.

    side: Side; one of long, short.
    quantity: Quantity (base units); > 0.
    entry_price: Entry price (USDT); > 0.
    wallet_balance: Wallet balance (USDT); ≥ 0.
    maintenance_margin_rate: Maintenance margin rate (decimal); ≥ 0 and ≤ 0.99.
    maintenance_amount: Maintenance amount (USDT); ≥ 0.
    other_maintenance_margin: Maintenance margin of other positions (USDT); ≥ 0.
    other_unrealized_pnl: Unrealized PnL of other positions (USDT); any finite number.
    Returns every output by name: liquidation_price.
    """
    if side not in ('long', 'short'):
        raise ValueError(f"side must be one of long, short, got {side!r}")
    s = {'long': 1, 'short': -1}[side]
    liquidation_price = (-entry_price*quantity*s + maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(maintenance_margin_rate*quantity - quantity*s)
    if not ((s == -1) or (liquidation_price > 0)):
        raise NoSolution('the collateral covers a fall to zero: no liquidation price')
    if not ((s == 1) or (liquidation_price > 0)):
        raise NoSolution('the margin balance is below the maintenance margin at every price: no liquidation price')
    if not ((s == -1) or (liquidation_price <= entry_price)):
        raise NoSolution('the liquidation price would be above the entry price for a long: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price')
    if not ((s == 1) or (liquidation_price >= entry_price)):
        raise NoSolution('the liquidation price would be below the entry price for a short: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price')
    return {"liquidation_price": liquidation_price}
