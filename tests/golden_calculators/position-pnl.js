function positionPnl({side, quantity, entry_price, exit_price, leverage, open_fee_rate, close_fee_rate, funding_paid = 0.0}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  const net_pnl = -close_fee_rate*exit_price*quantity - entry_price*open_fee_rate*quantity - funding_paid + quantity*s*(-entry_price + exit_price);
  const gross_pnl = quantity*s*(-entry_price + exit_price);
  const fees = close_fee_rate*exit_price*quantity + entry_price*open_fee_rate*quantity;
  const initial_margin = entry_price*quantity/leverage;
  const roe = net_pnl/initial_margin;
  const break_even_price = entry_price*(open_fee_rate*s + 1)/(-close_fee_rate*s + 1);
  return {net_pnl, gross_pnl, fees, initial_margin, roe, break_even_price};
}

function solve_exit_price({side, quantity, entry_price, leverage, open_fee_rate, close_fee_rate, funding_paid = 0.0, net_pnl}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  return (entry_price*open_fee_rate*quantity + entry_price*quantity*s + funding_paid + net_pnl)/(quantity*(-close_fee_rate + s));
}
