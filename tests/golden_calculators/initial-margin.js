function initialMargin({notional, leverage}) {
  const initial_margin = notional/leverage;
  return {initial_margin};
}

function solve_leverage({notional, initial_margin}) {
  if (!(initial_margin > 0)) throw new RangeError("initial_margin must be greater than 0");
  return notional/initial_margin;
}
