// Complementary error function, relative error ~5e-16 for all x. Below 0.5 it is
// 1 − erf from the Maclaurin series; above, Laplace's continued fraction, evaluated
// bottom-up with a depth that grows as x shrinks. exp(−x²) is taken in two parts so
// the rounding of x² does not cost accuracy in the far tail.
function erfc(x) {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 0.5) {
    let term = x, sum = x;
    for (let n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= -x * x / n;
      sum += term / (2 * n + 1);
    }
    return 1 - 2 / Math.sqrt(Math.PI) * sum;
  }
  if (x > 27.3) return 0;  // below the smallest double
  let fraction = x;
  for (let k = Math.ceil(60 + 250 / (x * x)); k > 0; k--) fraction = x + (k / 2) / fraction;
  const split = 134217729 * x, high = split - (split - x), low = x - high;
  return Math.exp(-high * high) * Math.exp(-(2 * high * low + low * low)) / (Math.sqrt(Math.PI) * fraction);
}

function inverseOption({option_type, forward, strike, time_to_expiry, volatility}) {
  if (!Object.hasOwn({"call": 1, "put": -1}, option_type)) throw new RangeError(`option_type must be one of call, put, got ${option_type}`);
  const phi = {"call": 1, "put": -1}[option_type];
  const d1 = ((1/2)*time_to_expiry*Math.pow(volatility, 2) + Math.log(forward/strike))/(Math.sqrt(time_to_expiry)*volatility);
  const d2 = d1 - Math.sqrt(time_to_expiry)*volatility;
  const price_coin = phi*(erfc(-(d1*phi)/Math.sqrt(2))/2 - strike*erfc(-(d2*phi)/Math.sqrt(2))/2/forward);
  const price_usd = forward*price_coin;
  const delta = phi*erfc(-(d1*phi)/Math.sqrt(2))/2;
  const premium_adjusted_delta = delta - price_coin;
  return {price_coin, price_usd, delta, premium_adjusted_delta};
}

function bounds_volatility({option_type, forward, strike, time_to_expiry, price_coin}) {
  if (!Object.hasOwn({"call": 1, "put": -1}, option_type)) throw new RangeError(`option_type must be one of call, put, got ${option_type}`);
  const phi = {"call": 1, "put": -1}[option_type];
  if (!(price_coin > Math.max(0, phi*(forward - strike))/forward)) throw new NoSolution("price_coin must be above the option's intrinsic value in coin (max(\u03c6\u00b7(forward \u2212 strike), 0) / forward): no volatility gives a price at or below it");
  if (!(price_coin < (1/2)*(forward*(phi + 1) + strike*(1 - phi))/forward)) throw new NoSolution("price_coin must be below 1 for a call and strike / forward for a put: no volatility gives a price at or above it");
  return null;
}
