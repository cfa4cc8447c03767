def inverse_pnl(*, side, contracts, entry_price, exit_price):
    """Inverse contract PnL: Profit or loss of an inverse (coin-margined) position, in the base coin.

    side: Side; one of long, short.
    contracts: Contracts (USD face value) (USD); > 0.
    entry_price: Entry price (USD); > 0.
    exit_price: Exit price (USD); > 0.
    Returns every output by name: pnl.
    """
    if side not in ('long', 'short'):
        raise ValueError(f"side must be one of long, short, got {side!r}")
    s = {'long': 1, 'short': -1}[side]
    pnl = contracts*s*(-1/exit_price + 1/entry_price)
    return {"pnl": pnl}
