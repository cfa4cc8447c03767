import math


def inverse_option(*, option_type, forward, strike, time_to_expiry, volatility):
    """Inverse (coin-settled) option price: Deribit-style option quoted and settled in the coin: Black-76 at the forward with zero rates.

    option_type: Option type; one of call, put.
    forward: Forward price (USD); > 0.
    strike: Strike price (USD); > 0.
    time_to_expiry: Time to expiry (years); > 0 and ≤ 100.
    volatility: Volatility (decimal); > 0 and ≤ 10.
    Returns every output by name: price_coin, price_usd, delta, premium_adjusted_delta.
    """
    if option_type not in ('call', 'put'):
        raise ValueError(f"option_type must be one of call, put, got {option_type!r}")
    phi = {'call': 1, 'put': -1}[option_type]
    d1 = ((1/2)*time_to_expiry*volatility**2 + math.log(forward/strike))/(math.sqrt(time_to_expiry)*volatility)
    d2 = d1 - math.sqrt(time_to_expiry)*volatility
    price_coin = phi*(math.erfc(-(d1*phi)/math.sqrt(2))/2 - strike*math.erfc(-(d2*phi)/math.sqrt(2))/2/forward)
    price_usd = forward*price_coin
    delta = phi*math.erfc(-(d1*phi)/math.sqrt(2))/2
    premium_adjusted_delta = delta - price_coin
    return {"price_coin": price_coin, "price_usd": price_usd, "delta": delta, "premium_adjusted_delta": premium_adjusted_delta}
