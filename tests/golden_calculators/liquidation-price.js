// Thrown when the inputs are valid but the quantity asked for does not exist (a long whose
// collateral covers a fall to zero has no liquidation price): an answer, not an input error.
class NoSolution extends Error {
  constructor(message) {
    super(message);
    this.name = "NoSolution";
  }
}

function liquidationPrice({side, quantity, entry_price, wallet_balance, maintenance_margin_rate, maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  const liquidation_price = (-entry_price*quantity*s + maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(maintenance_margin_rate*quantity - quantity*s);
  if (!(s == -1 || liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  if (!(s == 1 || liquidation_price > 0)) throw new NoSolution("the margin balance is below the maintenance margin at every price: no liquidation price");
  if (!(s == -1 || liquidation_price <= entry_price)) throw new NoSolution("the liquidation price would be above the entry price for a long: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  if (!(s == 1 || liquidation_price >= entry_price)) throw new NoSolution("the liquidation price would be below the entry price for a short: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  return {liquidation_price};
}

function solve_entry_price({side, quantity, wallet_balance, maintenance_margin_rate, maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, liquidation_price}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  if (!(s == -1 || liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  if (!(s == 1 || liquidation_price > 0)) throw new NoSolution("the margin balance is below the maintenance margin at every price: no liquidation price");
  return (-liquidation_price*maintenance_margin_rate*quantity + liquidation_price*quantity*s + maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(quantity*s);
}

function solve_wallet_balance({side, quantity, entry_price, maintenance_margin_rate, maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, liquidation_price}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  if (!(s == -1 || liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  if (!(s == 1 || liquidation_price > 0)) throw new NoSolution("the margin balance is below the maintenance margin at every price: no liquidation price");
  if (!(s == -1 || liquidation_price <= entry_price)) throw new NoSolution("the liquidation price would be above the entry price for a long: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  if (!(s == 1 || liquidation_price >= entry_price)) throw new NoSolution("the liquidation price would be below the entry price for a short: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  return entry_price*quantity*s + liquidation_price*maintenance_margin_rate*quantity - liquidation_price*quantity*s - maintenance_amount + other_maintenance_margin - other_unrealized_pnl;
}

function solve_quantity({side, entry_price, wallet_balance, maintenance_margin_rate, maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, liquidation_price}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  if (!(s == -1 || liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  if (!(s == 1 || liquidation_price > 0)) throw new NoSolution("the margin balance is below the maintenance margin at every price: no liquidation price");
  if (!(s == -1 || liquidation_price <= entry_price)) throw new NoSolution("the liquidation price would be above the entry price for a long: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  if (!(s == 1 || liquidation_price >= entry_price)) throw new NoSolution("the liquidation price would be below the entry price for a short: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  return (maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(entry_price*s + liquidation_price*maintenance_margin_rate - liquidation_price*s);
}
