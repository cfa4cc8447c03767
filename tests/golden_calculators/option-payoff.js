function optionPayoff({option_type, side, strike, premium, quantity, spot_at_expiry}) {
  if (!Object.hasOwn({"call": 1, "put": -1}, option_type)) throw new RangeError(`option_type must be one of call, put, got ${option_type}`);
  const phi = {"call": 1, "put": -1}[option_type];
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  const pnl = quantity*s*(-premium + Math.max(0, phi*(spot_at_expiry - strike)));
  const payoff = quantity*s*Math.max(0, phi*(spot_at_expiry - strike));
  const break_even = phi*premium + strike;
  return {pnl, payoff, break_even};
}
