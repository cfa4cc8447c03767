import math


def concentrated_liquidity(*, price, price_lower, price_upper, liquidity):
    """Concentrated liquidity position (Uniswap v3): Token amounts and value of a Uniswap v3 liquidity position over a price range.

    price: Current price (token1 per token0); > 0.
    price_lower: Lower price of the range (token1 per token0); > 0.
    price_upper: Upper price of the range (token1 per token0); > 0.
    liquidity: Liquidity L (√(token0·token1)); > 0.
    Returns every output by name: value, amount0, amount1.
    """
    if not (price_lower < price_upper):
        raise ValueError('price_lower must be below price_upper: a range needs two distinct ends')
    clamped_price = min(price_upper, max(price, price_lower))
    value = liquidity*(math.sqrt(clamped_price) - math.sqrt(price_lower) + price*(-math.sqrt(clamped_price) + math.sqrt(price_upper))/(math.sqrt(clamped_price)*math.sqrt(price_upper)))
    amount0 = liquidity*(-math.sqrt(clamped_price) + math.sqrt(price_upper))/(math.sqrt(clamped_price)*math.sqrt(price_upper))
    amount1 = liquidity*(math.sqrt(clamped_price) - math.sqrt(price_lower))
    return {"value": value, "amount0": amount0, "amount1": amount1}
