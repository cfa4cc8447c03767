def health_factor(*, collateral_amount, collateral_price, liquidation_threshold, debt_value):
    """Health factor (Aave v3): Aave-style health factor of a loan, the collateral price that liquidates it, and the fall to get there.

    collateral_amount: Collateral amount (tokens); > 0.
    collateral_price: Collateral price (USD per token); > 0.
    liquidation_threshold: Liquidation threshold (decimal); > 0 and ≤ 1.
    debt_value: Debt value (USD); > 0.
    Returns every output by name: health_factor, liquidation_price, price_drop_to_liquidation.
    """
    health_factor = collateral_amount*collateral_price*liquidation_threshold/debt_value
    liquidation_price = debt_value/(collateral_amount*liquidation_threshold)
    price_drop_to_liquidation = 1 - liquidation_price/collateral_price
    return {"health_factor": health_factor, "liquidation_price": liquidation_price, "price_drop_to_liquidation": price_drop_to_liquidation}
