def constant_product_swap(*, reserve_in, reserve_out, amount_in, fee_rate=0.003):
    """Constant-product swap (x·y = k): Output amount, k before and after, and price impact of a swap on a Uniswap-v2-style pool.

    reserve_in: Reserve of the token sold (tokens); > 0.
    reserve_out: Reserve of the token bought (tokens); > 0.
    amount_in: Amount sold (tokens); > 0.
    fee_rate: Fee rate (decimal); ≥ 0 and ≤ 0.99.
    Returns every output by name: amount_out, k_before, k_after, spot_price, execution_price, price_impact.
    """
    amount_in_after_fee = amount_in*(1 - fee_rate)
    amount_out = amount_in_after_fee*reserve_out/(amount_in_after_fee + reserve_in)
    k_before = reserve_in*reserve_out
    k_after = (amount_in + reserve_in)*(-amount_out + reserve_out)
    spot_price = reserve_out/reserve_in
    execution_price = amount_out/amount_in
    price_impact = -execution_price/spot_price + 1
    return {"amount_out": amount_out, "k_before": k_before, "k_after": k_after, "spot_price": spot_price, "execution_price": execution_price, "price_impact": price_impact}
