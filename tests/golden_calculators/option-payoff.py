def option_payoff(*, option_type, side, strike, premium, quantity, spot_at_expiry):
    """Option payoff and PnL at expiry: What a long or short call or put pays at expiry, its profit after the premium, and its break-even.

    option_type: Option type; one of call, put.
    side: Side; one of long, short.
    strike: Strike price (USDT); > 0.
    premium: Premium per unit (USDT); ≥ 0.
    quantity: Quantity (units of underlying); > 0.
    spot_at_expiry: Underlying price at expiry (USDT); ≥ 0.
    Returns every output by name: pnl, payoff, break_even.
    """
    if option_type not in ('call', 'put'):
        raise ValueError(f"option_type must be one of call, put, got {option_type!r}")
    phi = {'call': 1, 'put': -1}[option_type]
    if side not in ('long', 'short'):
        raise ValueError(f"side must be one of long, short, got {side!r}")
    s = {'long': 1, 'short': -1}[side]
    pnl = quantity*s*(-premium + max(0, phi*(spot_at_expiry - strike)))
    payoff = quantity*s*max(0, phi*(spot_at_expiry - strike))
    break_even = phi*premium + strike
    return {"pnl": pnl, "payoff": payoff, "break_even": break_even}
