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

function blackScholes({option_type, spot, strike, time_to_expiry, volatility, risk_free_rate, dividend_yield = 0.0}) {
  option_type = checkChoice("option_type", option_type, ["call", "put"]);
  spot = checkNumber("spot", spot, {low: 0.0, lowOpen: true, bounds: "> 0"});
  strike = checkNumber("strike", strike, {low: 0.0, lowOpen: true, bounds: "> 0"});
  time_to_expiry = checkNumber("time_to_expiry", time_to_expiry, {low: 0.0, high: 100.0, lowOpen: true, bounds: "> 0 and ≤ 100"});
  volatility = checkNumber("volatility", volatility, {low: 0.0, high: 10.0, lowOpen: true, bounds: "> 0 and ≤ 10"});
  risk_free_rate = checkNumber("risk_free_rate", risk_free_rate, {low: -1.0, high: 1.0, bounds: "≥ -1 and ≤ 1"});
  dividend_yield = checkNumber("dividend_yield", dividend_yield, {low: -1.0, high: 1.0, bounds: "≥ -1 and ≤ 1"});
  const phi = {"call": 1, "put": -1}[option_type];
  const d1 = (time_to_expiry*(-dividend_yield + risk_free_rate + (1/2)*Math.pow(volatility, 2)) + Math.log(spot/strike))/(Math.sqrt(time_to_expiry)*volatility);
  const d2 = d1 - Math.sqrt(time_to_expiry)*volatility;
  const price = phi*(spot*Math.exp(-dividend_yield*time_to_expiry)*erfc(-(d1*phi)/Math.sqrt(2))/2 - strike*Math.exp(-risk_free_rate*time_to_expiry)*erfc(-(d2*phi)/Math.sqrt(2))/2);
  const delta = phi*Math.exp(-dividend_yield*time_to_expiry)*erfc(-(d1*phi)/Math.sqrt(2))/2;
  const gamma = Math.exp(-dividend_yield*time_to_expiry)*Math.exp(-(d1)*(d1)/2)/Math.sqrt(2*Math.PI)/(spot*Math.sqrt(time_to_expiry)*volatility);
  const vega = (1/100)*spot*Math.sqrt(time_to_expiry)*Math.exp(-dividend_yield*time_to_expiry)*Math.exp(-(d1)*(d1)/2)/Math.sqrt(2*Math.PI);
  const theta = (1/365)*dividend_yield*phi*spot*Math.exp(-dividend_yield*time_to_expiry)*erfc(-(d1*phi)/Math.sqrt(2))/2 - 1/365*phi*risk_free_rate*strike*Math.exp(-risk_free_rate*time_to_expiry)*erfc(-(d2*phi)/Math.sqrt(2))/2 - 1/730*spot*volatility*Math.exp(-dividend_yield*time_to_expiry)*Math.exp(-(d1)*(d1)/2)/Math.sqrt(2*Math.PI)/Math.sqrt(time_to_expiry);
  const rho = (1/100)*phi*strike*time_to_expiry*Math.exp(-risk_free_rate*time_to_expiry)*erfc(-(d2*phi)/Math.sqrt(2))/2;
  return checkOutputs({price, delta, gamma, vega, theta, rho});
}

function bounds_volatility({option_type, spot, strike, time_to_expiry, risk_free_rate, dividend_yield = 0.0, price}) {
  option_type = checkChoice("option_type", option_type, ["call", "put"]);
  spot = checkNumber("spot", spot, {low: 0.0, lowOpen: true, bounds: "> 0"});
  strike = checkNumber("strike", strike, {low: 0.0, lowOpen: true, bounds: "> 0"});
  time_to_expiry = checkNumber("time_to_expiry", time_to_expiry, {low: 0.0, high: 100.0, lowOpen: true, bounds: "> 0 and ≤ 100"});
  risk_free_rate = checkNumber("risk_free_rate", risk_free_rate, {low: -1.0, high: 1.0, bounds: "≥ -1 and ≤ 1"});
  dividend_yield = checkNumber("dividend_yield", dividend_yield, {low: -1.0, high: 1.0, bounds: "≥ -1 and ≤ 1"});
  price = checkNumber("price", price);
  const phi = {"call": 1, "put": -1}[option_type];
  if (!(price > Math.max(0, phi*(spot*Math.exp(-dividend_yield*time_to_expiry) - strike*Math.exp(-risk_free_rate*time_to_expiry))))) throw new NoSolution("price is at or below the no-arbitrage floor (the discounted intrinsic value): no volatility gives it");
  if (!(price < ((phi == 1) ? (spot*Math.exp(-dividend_yield*time_to_expiry)) : (strike*Math.exp(-risk_free_rate*time_to_expiry))))) throw new NoSolution("price is at or above the no-arbitrage ceiling (a call: the discounted underlying; a put: the discounted strike): no volatility gives it");
  return null;
}
