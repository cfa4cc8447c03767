function fundingRate({premium_index, interest_rate = 0.0001, clamp = 0.0005}) {
  const funding_rate = premium_index + Math.min(clamp, Math.max(-clamp, interest_rate - premium_index));
  return {funding_rate};
}
