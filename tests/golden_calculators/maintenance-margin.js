// Rate, maintenance amount and 1-based number of the tier holding `notional`; each
// tier's amount follows the cumulative rule, so the margin is continuous at boundaries.
function tierLookup(tiers, notional) {
  let amount = 0, previousRate = null;
  for (let i = 0; i < tiers.length; i++) {
    const rate = tiers[i].maintenance_margin_rate;
    if (previousRate !== null) amount = tiers[i].floor * (rate - previousRate) + amount;
    previousRate = rate;
    if (notional <= tiers[i].cap) return [rate, amount, i + 1];
  }
  throw new RangeError(`notional ${notional} is above the last tier's cap ${tiers[tiers.length - 1].cap}`);
}

function maintenanceMargin({notional, maintenance_margin_rate = null, maintenance_amount = null, tiers = null}) {
  let tier = 0;
  if (tiers) {
    if (maintenance_margin_rate !== null || maintenance_amount !== null) throw new RangeError("give either tiers or maintenance_margin_rate and maintenance_amount, not both: a tier table supplies the rate and the amount");
    [maintenance_margin_rate, maintenance_amount, tier] = tierLookup(tiers, notional);
  } else if (maintenance_margin_rate === null) throw new RangeError('give maintenance_margin_rate or tiers');
  if (maintenance_amount === null) maintenance_amount = 0.0;
  if (!(maintenance_amount <= maintenance_margin_rate*notional)) throw new RangeError("maintenance_amount must not exceed notional \u00d7 maintenance_margin_rate (the margin would be negative)");
  const maintenance_margin = -maintenance_amount + maintenance_margin_rate*notional;
  const applied_rate = maintenance_margin_rate;
  const applied_amount = maintenance_amount;
  return {maintenance_margin, applied_rate, applied_amount, tier};
}
