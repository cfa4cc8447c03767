function positionSize({side, risk_amount, entry_price, stop_price, fee_rate}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  if (!(s*(entry_price - stop_price) > 0)) throw new RangeError("stop_price must be on the losing side of entry_price: below it for a long, above it for a short");
  const quantity = risk_amount/(fee_rate*(entry_price + stop_price) + Math.abs(entry_price - stop_price));
  const notional = entry_price*quantity;
  const stop_distance = Math.abs(entry_price - stop_price)/entry_price;
  return {quantity, notional, stop_distance};
}

function solve_risk_amount({side, entry_price, stop_price, fee_rate, quantity}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  if (!(s*(entry_price - stop_price) > 0)) throw new RangeError("stop_price must be on the losing side of entry_price: below it for a long, above it for a short");
  return quantity*(entry_price*fee_rate + fee_rate*stop_price + Math.abs(entry_price - stop_price));
}
