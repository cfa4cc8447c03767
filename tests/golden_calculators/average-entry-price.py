def average_entry_price(*, contract_type, quantity, entry_price, add_quantity, add_price):
    """Average entry price: Entry price of a position after adding to it: size-weighted for linear contracts, harmonic for inverse ones.

    contract_type: Contract type; one of linear, inverse.
    quantity: Current quantity (base units or contracts); > 0.
    entry_price: Current entry price (USDT); > 0.
    add_quantity: Quantity added (base units or contracts); > 0.
    add_price: Price of the addition (USDT); > 0.
    Returns every output by name: average_entry_price, total_quantity.
    """
    if contract_type not in ('linear', 'inverse'):
        raise ValueError(f"contract_type must be one of linear, inverse, got {contract_type!r}")
    k = {'linear': 0, 'inverse': 1}[contract_type]
    entry_weight = entry_price**(-k)
    add_weight = add_price**(-k)
    average_entry_price = (add_price*add_quantity*add_weight + entry_price*entry_weight*quantity)/(add_quantity*add_weight + entry_weight*quantity)
    total_quantity = add_quantity + quantity
    return {"average_entry_price": average_entry_price, "total_quantity": total_quantity}
