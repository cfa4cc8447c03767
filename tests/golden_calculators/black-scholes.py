import math


def black_scholes(*, option_type, spot, strike, time_to_expiry, volatility, risk_free_rate, dividend_yield=0.0):
    """Black–Scholes–Merton option price and greeks: European option price and greeks on a spot underlying with continuous rates.

    option_type: Option type; one of call, put.
    spot: Spot price (USDT); > 0.
    strike: Strike price (USDT); > 0.
    time_to_expiry: Time to expiry (years); > 0 and ≤ 100.
    volatility: Volatility (decimal); > 0 and ≤ 10.
    risk_free_rate: Risk-free rate (decimal); ≥ -1 and ≤ 1.
    dividend_yield: Dividend yield (decimal); ≥ -1 and ≤ 1.
    Returns every output by name: price, delta, gamma, vega, theta, rho.
    """
    if option_type not in ('call', 'put'):
        raise ValueError(f"option_type must be one of call, put, got {option_type!r}")
    phi = {'call': 1, 'put': -1}[option_type]
    d1 = (time_to_expiry*(-dividend_yield + risk_free_rate + (1/2)*volatility**2) + math.log(spot/strike))/(math.sqrt(time_to_expiry)*volatility)
    d2 = d1 - math.sqrt(time_to_expiry)*volatility
    price = phi*(spot*math.exp(-dividend_yield*time_to_expiry)*math.erfc(-(d1*phi)/math.sqrt(2))/2 - strike*math.exp(-risk_free_rate*time_to_expiry)*math.erfc(-(d2*phi)/math.sqrt(2))/2)
    delta = phi*math.exp(-dividend_yield*time_to_expiry)*math.erfc(-(d1*phi)/math.sqrt(2))/2
    gamma = math.exp(-dividend_yield*time_to_expiry)*math.exp(-(d1)*(d1)/2)/math.sqrt(2*math.pi)/(spot*math.sqrt(time_to_expiry)*volatility)
    vega = (1/100)*spot*math.sqrt(time_to_expiry)*math.exp(-dividend_yield*time_to_expiry)*math.exp(-(d1)*(d1)/2)/math.sqrt(2*math.pi)
    theta = (1/365)*dividend_yield*phi*spot*math.exp(-dividend_yield*time_to_expiry)*math.erfc(-(d1*phi)/math.sqrt(2))/2 - 1/365*phi*risk_free_rate*strike*math.exp(-risk_free_rate*time_to_expiry)*math.erfc(-(d2*phi)/math.sqrt(2))/2 - 1/730*spot*volatility*math.exp(-dividend_yield*time_to_expiry)*math.exp(-(d1)*(d1)/2)/math.sqrt(2*math.pi)/math.sqrt(time_to_expiry)
    rho = (1/100)*phi*strike*time_to_expiry*math.exp(-risk_free_rate*time_to_expiry)*math.erfc(-(d2*phi)/math.sqrt(2))/2
    return {"price": price, "delta": delta, "gamma": gamma, "vega": vega, "theta": theta, "rho": rho}
