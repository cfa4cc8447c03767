// Thrown when the inputs are valid but the quantity asked for does not exist (a long whose
// collateral covers a fall to zero has no liquidation price): an answer, not an input error.
class NoSolution extends Error {
  constructor(message) {
    super(message);
    this.name = "NoSolution";
  }
}

function hedgeModeLiquidationPrice({wallet_balance, long_quantity, long_entry_price, short_quantity, short_entry_price, long_maintenance_margin_rate, short_maintenance_margin_rate, long_maintenance_amount = 0.0, short_maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0}) {
  if (!(long_quantity + short_quantity > 0)) throw new RangeError("long_quantity and short_quantity are both 0: open at least one leg");
  if (!(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity != 0)) throw new NoSolution("the two legs offset each other exactly, so the margin above the maintenance margin does not change with the price: no liquidation price");
  const liquidation_price = (-long_entry_price*long_quantity + long_maintenance_amount - other_maintenance_margin + other_unrealized_pnl + short_entry_price*short_quantity + short_maintenance_amount + wallet_balance)/(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity);
  if (!((liquidation_price*(long_quantity + short_quantity) - long_entry_price*long_quantity - short_entry_price*short_quantity)*(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity) >= 0)) throw new NoSolution("the wallet balance does not cover the maintenance margin at the legs' average entry price, so there is no liquidation price");
  if (!(liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  return {liquidation_price};
}

function solve_wallet_balance({long_quantity, long_entry_price, short_quantity, short_entry_price, long_maintenance_margin_rate, short_maintenance_margin_rate, long_maintenance_amount = 0.0, short_maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, liquidation_price}) {
  if (!(long_quantity + short_quantity > 0)) throw new RangeError("long_quantity and short_quantity are both 0: open at least one leg");
  if (!(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity != 0)) throw new NoSolution("the two legs offset each other exactly, so the margin above the maintenance margin does not change with the price: no liquidation price");
  if (!((liquidation_price*(long_quantity + short_quantity) - long_entry_price*long_quantity - short_entry_price*short_quantity)*(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity) >= 0)) throw new NoSolution("the wallet balance does not cover the maintenance margin at the legs' average entry price, so there is no liquidation price");
  if (!(liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  return liquidation_price*long_maintenance_margin_rate*long_quantity - liquidation_price*long_quantity + liquidation_price*short_maintenance_margin_rate*short_quantity + liquidation_price*short_quantity + long_entry_price*long_quantity - long_maintenance_amount + other_maintenance_margin - other_unrealized_pnl - short_entry_price*short_quantity - short_maintenance_amount;
}
