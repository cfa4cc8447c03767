def margin_ratio(*, maintenance_margin, margin_balance):
    """Margin ratio: Maintenance margin over margin balance; liquidation starts at 100%.

    maintenance_margin: Maintenance margin (USDT); ≥ 0.
    margin_balance: Margin balance (USDT); > 0.
    Returns every output by name: margin_ratio.
    """
    margin_ratio = maintenance_margin/margin_balance
    return {"margin_ratio": margin_ratio}
