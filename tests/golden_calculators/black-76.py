import math


def black_76(*, option_type, forward, strike, time_to_expiry, volatility, risk_free_rate):
    """Black-76 option price and greeks: European option on a forward or future, discounted at the risk-free rate.

    option_type: Option type; one of call, put.
    forward: Forward price (USDT); > 0.
    strike: Strike price (USDT); > 0.
    time_to_expiry: Time to expiry (years); > 0 and ≤ 100.
    volatility: Volatility (decimal); > 0 and ≤ 10.
    risk_free_rate: Risk-free rate (decimal); ≥ -1 and ≤ 1.
    Returns every output by name: price, delta, gamma, vega, theta, rho.
    """
    if option_type not in ('call', 'put'):
        raise ValueError(f"option_type must be one of call, put, got {option_type!r}")
    phi = {'call': 1, 'put': -1}[option_type]
    d1 = ((1/2)*time_to_expiry*volatility**2 + math.log(forward/strike))/(math.sqrt(time_to_expiry)*volatility)
    d2 = d1 - math.sqrt(time_to_expiry)*volatility
    price = phi*(forward*math.erfc(-(d1*phi)/math.sqrt(2))/2 - strike*math.erfc(-(d2*phi)/math.sqrt(2))/2)*math.exp(-risk_free_rate*time_to_expiry)
    delta = phi*math.exp(-risk_free_rate*time_to_expiry)*math.erfc(-(d1*phi)/math.sqrt(2))/2
    gamma = math.exp(-risk_free_rate*time_to_expiry)*math.exp(-(d1)*(d1)/2)/math.sqrt(2*math.pi)/(forward*math.sqrt(time_to_expiry)*volatility)
    vega = (1/100)*forward*math.sqrt(time_to_expiry)*math.exp(-risk_free_rate*time_to_expiry)*math.exp(-(d1)*(d1)/2)/math.sqrt(2*math.pi)
    theta = -1/730*forward*volatility*math.exp(-risk_free_rate*time_to_expiry)*math.exp(-(d1)*(d1)/2)/math.sqrt(2*math.pi)/math.sqrt(time_to_expiry) + (1/365)*price*risk_free_rate
    rho = -1/100*price*time_to_expiry
    return {"price": price, "delta": delta, "gamma": gamma, "vega": vega, "theta": theta, "rho": rho}
