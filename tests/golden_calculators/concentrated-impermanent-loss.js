function concentratedImpermanentLoss({price_lower, price_upper, entry_price, exit_price}) {
  if (!(price_lower < price_upper)) throw new RangeError("price_lower must be below price_upper: a range needs two distinct ends");
  const entry_clamped = Math.min(price_upper, Math.max(entry_price, price_lower));
  const exit_clamped = Math.min(price_upper, Math.max(exit_price, price_lower));
  const value_lp = Math.sqrt(exit_clamped) - Math.sqrt(price_lower) + exit_price*(-Math.sqrt(exit_clamped) + Math.sqrt(price_upper))/(Math.sqrt(exit_clamped)*Math.sqrt(price_upper));
  const value_hold = Math.sqrt(entry_clamped) - Math.sqrt(price_lower) + exit_price*(-Math.sqrt(entry_clamped) + Math.sqrt(price_upper))/(Math.sqrt(entry_clamped)*Math.sqrt(price_upper));
  const impermanent_loss = -1 + value_lp/value_hold;
  return {impermanent_loss};
}
