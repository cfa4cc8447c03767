def initial_margin(*, notional, leverage):
    """Initial margin: Collateral needed to open a position at a given leverage.

    notional: Position notional (USDT); ≥ 0.
    leverage: Leverage (×); ≥ 1 and ≤ 1000.
    Returns every output by name: initial_margin.
    """
    initial_margin = notional/leverage
    return {"initial_margin": initial_margin}
