def delta_hedge(*, option_delta, contracts, contract_size=1.0):
    """Delta hedge: Quantity of the underlying that makes an option position delta-neutral.

    option_delta: Option delta (per contract); any finite number.
    contracts: Contracts (negative = short) (contracts); any finite number.
    contract_size: Contract size (underlying per contract); > 0.
    Returns every output by name: hedge_quantity.
    """
    hedge_quantity = -contract_size*contracts*option_delta
    return {"hedge_quantity": hedge_quantity}
