class NoSolution(ValueError):
    """The inputs are valid, but the quantity asked for does not exist."""


def hedge_mode_liquidation_price(*, wallet_balance, long_quantity, long_entry_price, short_quantity, short_entry_price, long_maintenance_margin_rate, short_maintenance_margin_rate, long_maintenance_amount=0.0, short_maintenance_amount=0.0, other_maintenance_margin=0.0, other_unrealized_pnl=0.0):
    """Liquidation price (USDⓈ-M, hedge mode): Mark price at which a cross-margin account holding a long and a short leg of one symbol falls to its maintenance margin.

    wallet_balance: Wallet balance (USDT); ≥ 0.
    long_quantity: Long quantity (base units); ≥ 0.
    long_entry_price: Long entry price (USDT); > 0.
    short_quantity: Short quantity (base units); ≥ 0.
    short_entry_price: Short entry price (USDT); > 0.
    long_maintenance_margin_rate: Long maintenance margin rate (decimal); ≥ 0 and ≤ 0.99.
    short_maintenance_margin_rate: Short maintenance margin rate (decimal); ≥ 0 and ≤ 0.99.
    long_maintenance_amount: Long maintenance amount (USDT); ≥ 0.
    short_maintenance_amount: Short maintenance amount (USDT); ≥ 0.
    other_maintenance_margin: Maintenance margin of other positions (USDT); ≥ 0.
    other_unrealized_pnl: Unrealized PnL of other positions (USDT); any finite number.
    Returns every output by name: liquidation_price.
    """
    if not (long_quantity + short_quantity > 0):
        raise ValueError('long_quantity and short_quantity are both 0: open at least one leg')
    if not (long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity != 0):
        raise NoSolution('the two legs offset each other exactly, so the margin above the maintenance margin does not change with the price: no liquidation price')
    liquidation_price = (-long_entry_price*long_quantity + long_maintenance_amount - other_maintenance_margin + other_unrealized_pnl + short_entry_price*short_quantity + short_maintenance_amount + wallet_balance)/(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity)
    if not ((liquidation_price*(long_quantity + short_quantity) - long_entry_price*long_quantity - short_entry_price*short_quantity)*(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity) >= 0):
        raise NoSolution("the wallet balance does not cover the maintenance margin at the legs' average entry price, so there is no liquidation price")
    if not (liquidation_price > 0):
        raise NoSolution('the collateral covers a fall to zero: no liquidation price')
    return {"liquidation_price": liquidation_price}
