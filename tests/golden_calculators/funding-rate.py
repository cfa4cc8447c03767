def funding_rate(*, premium_index, interest_rate=0.0001, clamp=0.0005, rate_cap=0.003):
    """Funding rate: Funding rate from the premium index and interest rate, with the interest clamp and the rate cap.

    premium_index: Premium index (decimal); ≥ -1 and ≤ 1.
    interest_rate: Interest rate (decimal); ≥ -1 and ≤ 1.
    clamp: Clamp (decimal); ≥ 0 and ≤ 1.
    rate_cap: Rate cap (per settlement) (decimal); ≥ 0 and ≤ 1.
    Returns every output by name: funding_rate.
    """
    funding_rate = min(rate_cap, max(-rate_cap, premium_index + min(clamp, max(-clamp, interest_rate - premium_index))))
    return {"funding_rate": funding_rate}
