function fundingRate({premium_index, interest_rate = 0.0001, clamp = 0.0005, rate_cap = 0.003}) {
  const funding_rate = Math.min(rate_cap, Math.max(-rate_cap, premium_index + Math.min(clamp, Math.max(-clamp, interest_rate - premium_index))));
  return {funding_rate};
}
