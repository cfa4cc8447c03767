function healthFactor({collateral_amount, collateral_price, liquidation_threshold, debt_value}) {
  const health_factor = collateral_amount*collateral_price*liquidation_threshold/debt_value;
  const liquidation_price = debt_value/(collateral_amount*liquidation_threshold);
  const price_drop_to_liquidation = 1 - liquidation_price/collateral_price;
  return {health_factor, liquidation_price, price_drop_to_liquidation};
}

function solve_collateral_price({collateral_amount, liquidation_threshold, debt_value, health_factor}) {
  if (!(health_factor > 0)) throw new RangeError("health_factor must be greater than 0");
  return debt_value*health_factor/(collateral_amount*liquidation_threshold);
}

function solve_debt_value({collateral_amount, collateral_price, liquidation_threshold, health_factor}) {
  if (!(health_factor > 0)) throw new RangeError("health_factor must be greater than 0");
  return collateral_amount*collateral_price*liquidation_threshold/health_factor;
}
