function deltaHedge({option_delta, contracts, contract_size = 1.0}) {
  const hedge_quantity = -contract_size*contracts*option_delta;
  return {hedge_quantity};
}
