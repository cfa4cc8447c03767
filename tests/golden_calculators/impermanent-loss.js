function impermanentLoss({price_ratio}) {
  const impermanent_loss = 2*Math.sqrt(price_ratio)/(price_ratio + 1) - 1;
  return {impermanent_loss};
}
