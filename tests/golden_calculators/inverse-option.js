// A copyable snippet's input checks, in the API's words (spec.py's quote, check_number,
// check_choice, check_outputs), so copied code refuses what the page refuses, and says so alike.
const INPUT_NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

// A refused value as a message repeats it: text in quotes, a number as String(x), cut to 40 characters.
function quoteValue(value) {
  const chars = Array.from(String(value));
  const text = chars.length > 40 ? chars.slice(0, 40).join("") + "…" : chars.join("");
  return typeof value === "string" ? `'${text}'` : text;
}

// `value` (a number, or text written as a number) as a finite number within the bounds.
function checkNumber(name, value, {low = null, high = null, lowOpen = false, bounds = "any finite number"} = {}) {
  if (value === undefined || (typeof value === "string" && value.trim() === "")) throw new RangeError(`${name} is required`);
  if (typeof value === "string" ? !INPUT_NUMBER.test(value) : typeof value !== "number") {
    throw new RangeError(`${name} must be a number, got ${quoteValue(value)}`);
  }
  const number = Number(value);
  if (!Number.isFinite(number)) throw new RangeError(`${name} must be a finite number, got ${quoteValue(value)}`);
  if ((low !== null && (lowOpen ? number <= low : number < low)) || (high !== null && number > high)) {
    throw new RangeError(`${name} = ${number} is out of range; it must be ${bounds}`);
  }
  return number;
}

function checkChoice(name, value, choices) {
  if (typeof value === "string" && choices.includes(value)) return value;
  throw new RangeError(`${name} must be one of ${choices.join(", ")}, got ${quoteValue(value)}`);
}

// The outputs unchanged when every one is a finite number; NaN or ±Infinity means the inputs were too extreme.
function checkOutputs(outputs) {
  for (const [name, value] of Object.entries(outputs)) {
    if (!Number.isFinite(value)) throw new RangeError(`these inputs are too extreme: ${name} is not a finite number`);
  }
  return outputs;
}

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
  option_type = checkChoice("option_type", option_type, ["call", "put"]);
  forward = checkNumber("forward", forward, {low: 0.0, lowOpen: true, bounds: "> 0"});
  strike = checkNumber("strike", strike, {low: 0.0, lowOpen: true, bounds: "> 0"});
  time_to_expiry = checkNumber("time_to_expiry", time_to_expiry, {low: 0.0, high: 100.0, lowOpen: true, bounds: "> 0 and ≤ 100"});
  volatility = checkNumber("volatility", volatility, {low: 0.0, high: 10.0, lowOpen: true, bounds: "> 0 and ≤ 10"});
  const phi = {"call": 1, "put": -1}[option_type];
  const d1 = ((1/2)*time_to_expiry*Math.pow(volatility, 2) + Math.log(forward/strike))/(Math.sqrt(time_to_expiry)*volatility);
  const d2 = d1 - Math.sqrt(time_to_expiry)*volatility;
  const price_coin = phi*(erfc(-(d1*phi)/Math.sqrt(2))/2 - strike*erfc(-(d2*phi)/Math.sqrt(2))/2/forward);
  const price_usd = forward*price_coin;
  const delta = phi*erfc(-(d1*phi)/Math.sqrt(2))/2;
  const premium_adjusted_delta = delta - price_coin;
  return checkOutputs({price_coin, price_usd, delta, premium_adjusted_delta});
}

function bounds_volatility({option_type, forward, strike, time_to_expiry, price_coin}) {
  option_type = checkChoice("option_type", option_type, ["call", "put"]);
  forward = checkNumber("forward", forward, {low: 0.0, lowOpen: true, bounds: "> 0"});
  strike = checkNumber("strike", strike, {low: 0.0, lowOpen: true, bounds: "> 0"});
  time_to_expiry = checkNumber("time_to_expiry", time_to_expiry, {low: 0.0, high: 100.0, lowOpen: true, bounds: "> 0 and ≤ 100"});
  price_coin = checkNumber("price_coin", price_coin);
  const phi = {"call": 1, "put": -1}[option_type];
  if (!(price_coin > Math.max(0, phi*(forward - strike))/forward)) throw new NoSolution("price_coin must be above the option's intrinsic value in coin (max(\u03c6\u00b7(forward \u2212 strike), 0) / forward): no volatility gives a price at or below it");
  if (!(price_coin < (1/2)*(forward*(phi + 1) + strike*(1 - phi))/forward)) throw new NoSolution("price_coin must be below 1 for a call and strike / forward for a put: no volatility gives a price at or above it");
  return null;
}
