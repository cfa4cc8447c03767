function fundingPayment({side, notional, funding_rate}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  const payment = funding_rate*notional*s;
  return {payment};
}
