function concentratedLiquidity({price, price_lower, price_upper, liquidity}) {
  if (!(price_lower < price_upper)) throw new RangeError("price_lower must be below price_upper: a range needs two distinct ends");
  const clamped_price = Math.min(price_upper, Math.max(price, price_lower));
  const value = liquidity*(Math.sqrt(clamped_price) - Math.sqrt(price_lower) + price*(-Math.sqrt(clamped_price) + Math.sqrt(price_upper))/(Math.sqrt(clamped_price)*Math.sqrt(price_upper)));
  const amount0 = liquidity*(-Math.sqrt(clamped_price) + Math.sqrt(price_upper))/(Math.sqrt(clamped_price)*Math.sqrt(price_upper));
  const amount1 = liquidity*(Math.sqrt(clamped_price) - Math.sqrt(price_lower));
  return {value, amount0, amount1};
}

function solve_liquidity({price, price_lower, price_upper, value}) {
  if (!(value > 0)) throw new RangeError("value must be greater than 0");
  return Math.sqrt(price_upper)*value*Math.sqrt(Math.min(price_upper, Math.max(price, price_lower)))/(price*Math.sqrt(price_upper) - price*Math.sqrt(Math.min(price_upper, Math.max(price, price_lower))) - Math.sqrt(price_lower)*Math.sqrt(price_upper)*Math.sqrt(Math.min(price_upper, Math.max(price, price_lower))) + Math.sqrt(price_upper)*Math.min(price_upper, Math.max(price, price_lower)));
}
