function constantProductSwap({reserve_in, reserve_out, amount_in, fee_rate = 0.003}) {
  const amount_in_after_fee = amount_in*(1 - fee_rate);
  const amount_out = amount_in_after_fee*reserve_out/(amount_in_after_fee + reserve_in);
  const k_before = reserve_in*reserve_out;
  const k_after = (amount_in + reserve_in)*(-amount_out + reserve_out);
  const spot_price = reserve_out/reserve_in;
  const execution_price = amount_out/amount_in;
  const price_impact = -execution_price/spot_price + 1;
  return {amount_out, k_before, k_after, spot_price, execution_price, price_impact};
}

function solve_amount_in({reserve_in, reserve_out, fee_rate = 0.003, amount_out}) {
  if (!(amount_out < reserve_out)) throw new RangeError("amount_out must be less than reserve_out: a pool cannot be emptied");
  return amount_out*reserve_in/(amount_out*fee_rate - amount_out - fee_rate*reserve_out + reserve_out);
}
