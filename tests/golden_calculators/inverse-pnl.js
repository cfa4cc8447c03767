function inversePnl({side, contracts, entry_price, exit_price}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  const pnl = contracts*s*(-1/exit_price + 1/entry_price);
  return {pnl};
}

function solve_exit_price({side, contracts, entry_price, pnl}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  return contracts*entry_price*s/(contracts*s - entry_price*pnl);
}
