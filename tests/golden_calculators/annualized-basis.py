import math


def annualized_basis(*, spot_price, futures_price, days_to_expiry):
    """Annualized basis: Futures premium over spot, as a price, a rate and a yearly rate (simple and continuous).

    spot_price: Spot (index) price (USDT); > 0.
    futures_price: Futures price (USDT); > 0.
    days_to_expiry: Days to expiry (days); > 0 and ≤ 36500.
    Returns every output by name: annualized_basis, basis, basis_rate, continuous_carry.
    """
    annualized_basis = (365*futures_price/spot_price - 365)/days_to_expiry
    basis = futures_price - spot_price
    basis_rate = futures_price/spot_price - 1
    continuous_carry = 365*math.log(futures_price/spot_price)/days_to_expiry
    return {"annualized_basis": annualized_basis, "basis": basis, "basis_rate": basis_rate, "continuous_carry": continuous_carry}
