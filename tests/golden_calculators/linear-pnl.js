function linearPnl({side, quantity, entry_price, exit_price}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  const pnl = quantity*s*(-entry_price + exit_price);
  return {pnl};
}

function solve_exit_price({side, quantity, entry_price, pnl}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  return entry_price + pnl/(quantity*s);
}
