def funding_over_period(*, side, notional, funding_rate, interval_hours, holding_hours):
    """Funding over a holding period: Funding a position pays (positive) or receives (negative) over a holding period, and the rate's simple annualised value.

    side: Side; one of long, short.
    notional: Position notional (USDT); ≥ 0.
    funding_rate: Funding rate per settlement (decimal); ≥ -1 and ≤ 1.
    interval_hours: Funding interval (h); > 0 and ≤ 8760.
    holding_hours: Holding period (h); ≥ 0.
    Returns every output by name: total_payment, settlements, payment_per_settlement, annualized_rate.
    """
    if side not in ('long', 'short'):
        raise ValueError(f"side must be one of long, short, got {side!r}")
    s = {'long': 1, 'short': -1}[side]
    total_payment = funding_rate*holding_hours*notional*s/interval_hours
    settlements = holding_hours/interval_hours
    payment_per_settlement = funding_rate*notional*s
    annualized_rate = 8760*funding_rate/interval_hours
    return {"total_payment": total_payment, "settlements": settlements, "payment_per_settlement": payment_per_settlement, "annualized_rate": annualized_rate}
