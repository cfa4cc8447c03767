function liquidationPrice({side, quantity, entry_price, wallet_balance, maintenance_margin_rate, maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  const liquidation_price = (-entry_price*quantity*s + maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(maintenance_margin_rate*quantity - quantity*s);
  return {liquidation_price};
}

function solve_entry_price({side, quantity, wallet_balance, maintenance_margin_rate, maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, liquidation_price}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  return (-liquidation_price*maintenance_margin_rate*quantity + liquidation_price*quantity*s + maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(quantity*s);
}

function solve_wallet_balance({side, quantity, entry_price, maintenance_margin_rate, maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, liquidation_price}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  return entry_price*quantity*s + liquidation_price*maintenance_margin_rate*quantity - liquidation_price*quantity*s - maintenance_amount + other_maintenance_margin - other_unrealized_pnl;
}

function solve_quantity({side, entry_price, wallet_balance, maintenance_margin_rate, maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, liquidation_price}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  return (maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(entry_price*s + liquidation_price*maintenance_margin_rate - liquidation_price*s);
}
