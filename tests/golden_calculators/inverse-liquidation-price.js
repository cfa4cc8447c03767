// Thrown when the inputs are valid but the quantity asked for does not exist (a long whose
// collateral covers a fall to zero has no liquidation price): an answer, not an input error.
class NoSolution extends Error {
  constructor(message) {
    super(message);
    this.name = "NoSolution";
  }
}

function inverseLiquidationPrice({side, contracts, contract_size, entry_price, wallet_balance, maintenance_margin_rate, maintenance_amount = 0.0}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  if (!(contract_size*contracts*s/entry_price + maintenance_amount + wallet_balance != 0)) throw new NoSolution("the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse short is a dollar hedge): no liquidation price");
  const position_value = contract_size*contracts;
  const liquidation_price = (maintenance_margin_rate*position_value + position_value*s)/(maintenance_amount + wallet_balance + position_value*s/entry_price);
  if (!(liquidation_price > 0)) throw new NoSolution("the liquidation price would be at or below zero; the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse short is a dollar hedge): no liquidation price");
  if (!(s*(entry_price - liquidation_price) >= 0)) throw new NoSolution("the liquidation price would be on the wrong side of the entry price (above it for a long, below it for a short): the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  return {liquidation_price};
}

function solve_wallet_balance({side, contracts, contract_size, entry_price, maintenance_margin_rate, maintenance_amount = 0.0, liquidation_price}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  if (!(liquidation_price > 0)) throw new NoSolution("the liquidation price would be at or below zero; the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse short is a dollar hedge): no liquidation price");
  if (!(s*(entry_price - liquidation_price) >= 0)) throw new NoSolution("the liquidation price would be on the wrong side of the entry price (above it for a long, below it for a short): the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  return contract_size*contracts*maintenance_margin_rate/liquidation_price + contract_size*contracts*s/liquidation_price - contract_size*contracts*s/entry_price - maintenance_amount;
}
