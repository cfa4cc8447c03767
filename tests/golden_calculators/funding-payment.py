def funding_payment(*, side, notional, funding_rate):
    """Funding payment: What a position pays (positive) or receives (negative) at one funding time.

    side: Side; one of long, short.
    notional: Position notional (USDT); ≥ 0.
    funding_rate: Funding rate (decimal); ≥ -1 and ≤ 1.
    Returns every output by name: payment.
    """
    if side not in ('long', 'short'):
        raise ValueError(f"side must be one of long, short, got {side!r}")
    s = {'long': 1, 'short': -1}[side]
    payment = funding_rate*notional*s
    return {"payment": payment}
