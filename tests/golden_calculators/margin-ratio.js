function marginRatio({maintenance_margin, margin_balance}) {
  const margin_ratio = maintenance_margin/margin_balance;
  return {margin_ratio};
}
