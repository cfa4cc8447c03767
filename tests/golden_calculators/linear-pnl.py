def linear_pnl(*, side, quantity, entry_price, exit_price):
    """Linear contract PnL: Profit or loss of a linear (USDT-margined) position, in the quote currency.

    side: Side; one of long, short.
    quantity: Quantity (base units); > 0.
    entry_price: Entry price (USDT); > 0.
    exit_price: Exit price (USDT); > 0.
    Returns every output by name: pnl.
    """
    if side not in ('long', 'short'):
        raise ValueError(f"side must be one of long, short, got {side!r}")
    s = {'long': 1, 'short': -1}[side]
    pnl = quantity*s*(-entry_price + exit_price)
    return {"pnl": pnl}
