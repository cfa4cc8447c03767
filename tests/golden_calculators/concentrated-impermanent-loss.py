import math


def concentrated_impermanent_loss(*, price_lower, price_upper, entry_price, exit_price):
    """Concentrated impermanent loss (Uniswap v3): Loss of a Uniswap v3 range position against holding the tokens it started with.

    price_lower: Lower price of the range (token1 per token0); > 0.
    price_upper: Upper price of the range (token1 per token0); > 0.
    entry_price: Price at deposit (token1 per token0); > 0.
    exit_price: Price now (token1 per token0); > 0.
    Returns every output by name: impermanent_loss.
    """
    if not (price_lower < price_upper):
        raise ValueError('price_lower must be below price_upper: a range needs two distinct ends')
    entry_clamped = min(price_upper, max(entry_price, price_lower))
    exit_clamped = min(price_upper, max(exit_price, price_lower))
    value_lp = math.sqrt(exit_clamped) - math.sqrt(price_lower) + exit_price*(-math.sqrt(exit_clamped) + math.sqrt(price_upper))/(math.sqrt(exit_clamped)*math.sqrt(price_upper))
    value_hold = math.sqrt(entry_clamped) - math.sqrt(price_lower) + exit_price*(-math.sqrt(entry_clamped) + math.sqrt(price_upper))/(math.sqrt(entry_clamped)*math.sqrt(price_upper))
    impermanent_loss = -1 + value_lp/value_hold
    return {"impermanent_loss": impermanent_loss}
