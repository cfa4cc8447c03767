function fundingOverPeriod({side, notional, funding_rate, interval_hours, holding_hours}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
  const s = {"long": 1, "short": -1}[side];
  const total_payment = funding_rate*holding_hours*notional*s/interval_hours;
  const settlements = holding_hours/interval_hours;
  const payment_per_settlement = funding_rate*notional*s;
  const annualized_rate = 8760*funding_rate/interval_hours;
  return {total_payment, settlements, payment_per_settlement, annualized_rate};
}
