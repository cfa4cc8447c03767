def position_pnl(*, side, quantity, entry_price, exit_price, leverage, open_fee_rate, close_fee_rate, funding_paid=0.0):
    """Position PnL after fees and funding: Net profit of a closed linear position after trading fees and funding, its return on margin and the break-even exit price.

    side: Side; one of long, short.
    quantity: Quantity (base units); > 0.
    entry_price: Entry price (USDT); > 0.
    exit_price: Exit price (USDT); > 0.
    leverage: Leverage (×); ≥ 1 and ≤ 1000.
    open_fee_rate: Opening fee rate (decimal); ≥ -0.1 and ≤ 0.1.
    close_fee_rate: Closing fee rate (decimal); ≥ -0.1 and ≤ 0.1.
    funding_paid: Funding paid (negative = received) (USDT); any finite number.
    Returns every output by name: net_pnl, gross_pnl, fees, initial_margin, roe, break_even_price.
    """
    if side not in ('long', 'short'):
        raise ValueError(f"side must be one of long, short, got {side!r}")
    s = {'long': 1, 'short': -1}[side]
    net_pnl = -close_fee_rate*exit_price*quantity - entry_price*open_fee_rate*quantity - funding_paid + quantity*s*(-entry_price + exit_price)
    gross_pnl = quantity*s*(-entry_price + exit_price)
    fees = close_fee_rate*exit_price*quantity + entry_price*open_fee_rate*quantity
    initial_margin = entry_price*quantity/leverage
    roe = net_pnl/initial_margin
    break_even_price = entry_price*(open_fee_rate*s + 1)/(-close_fee_rate*s + 1)
    return {"net_pnl": net_pnl, "gross_pnl": gross_pnl, "fees": fees, "initial_margin": initial_margin, "roe": roe, "break_even_price": break_even_price}
