class NoSolution(ValueError):
    """The inputs are valid, but the quantity asked for does not exist."""


def inverse_liquidation_price(*, side, contracts, contract_size, entry_price, wallet_balance, maintenance_margin_rate, maintenance_amount=0.0):
    """Liquidation price (COIN-M, inverse contracts): Mark price at which a coin-margined position's margin falls to its maintenance margin.

    side: Side; one of long, short.
    contracts: Contracts (contracts); > 0.
    contract_size: Contract size (USD per contract); > 0.
    entry_price: Entry price (USD); > 0.
    wallet_balance: Wallet balance (coin); ≥ 0.
    maintenance_margin_rate: Maintenance margin rate (decimal); ≥ 0 and ≤ 0.99.
    maintenance_amount: Maintenance amount (coin); ≥ 0.
    Returns every output by name: liquidation_price.
    """
    if side not in ('long', 'short'):
        raise ValueError(f"side must be one of long, short, got {side!r}")
    s = {'long': 1, 'short': -1}[side]
    if not (contract_size*contracts*s/entry_price + maintenance_amount + wallet_balance != 0):
        raise NoSolution("the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse short is a dollar hedge): no liquidation price")
    position_value = contract_size*contracts
    liquidation_price = (maintenance_margin_rate*position_value + position_value*s)/(maintenance_amount + wallet_balance + position_value*s/entry_price)
    if not (liquidation_price > 0):
        raise NoSolution("the liquidation price would be at or below zero; the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse short is a dollar hedge): no liquidation price")
    if not (s*(entry_price - liquidation_price) >= 0):
        raise NoSolution('the liquidation price would be on the wrong side of the entry price (above it for a long, below it for a short): the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price')
    return {"liquidation_price": liquidation_price}
