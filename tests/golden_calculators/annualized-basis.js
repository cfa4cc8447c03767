function annualizedBasis({spot_price, futures_price, days_to_expiry}) {
  const annualized_basis = (365*futures_price/spot_price - 365)/days_to_expiry;
  const basis = futures_price - spot_price;
  const basis_rate = futures_price/spot_price - 1;
  const continuous_carry = 365*Math.log(futures_price/spot_price)/days_to_expiry;
  return {annualized_basis, basis, basis_rate, continuous_carry};
}

function solve_futures_price({spot_price, days_to_expiry, annualized_basis}) {
  if (!(annualized_basis*days_to_expiry > -365)) throw new RangeError("annualized_basis \u00d7 days_to_expiry / 365 must be above \u22121: a futures price cannot fall to zero or below");
  return (1/365)*spot_price*(annualized_basis*days_to_expiry + 365);
}
