def position_size(*, side, risk_amount, entry_price, stop_price, fee_rate):
    """Position size from a stop: Quantity that loses exactly the amount at risk, fees included, if the stop is hit.

    side: Side; one of long, short.
    risk_amount: Amount at risk (USDT); > 0.
    entry_price: Entry price (USDT); > 0.
    stop_price: Stop price (USDT); > 0.
    fee_rate: Fee rate (entry and stop) (decimal); ≥ 0 and ≤ 0.1.
    Returns every output by name: quantity, notional, stop_distance.
    """
    if side not in ('long', 'short'):
        raise ValueError(f"side must be one of long, short, got {side!r}")
    s = {'long': 1, 'short': -1}[side]
    if not (s*(entry_price - stop_price) > 0):
        raise ValueError('stop_price must be on the losing side of entry_price: below it for a long, above it for a short')
    quantity = risk_amount/(fee_rate*(entry_price + stop_price) + abs(entry_price - stop_price))
    notional = entry_price*quantity
    stop_distance = abs(entry_price - stop_price)/entry_price
    return {"quantity": quantity, "notional": notional, "stop_distance": stop_distance}
