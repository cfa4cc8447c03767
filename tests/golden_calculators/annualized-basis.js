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

function annualizedBasis({spot_price, futures_price, days_to_expiry}) {
  spot_price = checkNumber("spot_price", spot_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  futures_price = checkNumber("futures_price", futures_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  days_to_expiry = checkNumber("days_to_expiry", days_to_expiry, {low: 0.0, high: 36500, lowOpen: true, bounds: "> 0 and ≤ 36500"});
  const annualized_basis = (365*futures_price/spot_price - 365)/days_to_expiry;
  const basis = futures_price - spot_price;
  const basis_rate = futures_price/spot_price - 1;
  const continuous_carry = 365*Math.log(futures_price/spot_price)/days_to_expiry;
  return checkOutputs({annualized_basis, basis, basis_rate, continuous_carry});
}

function solve_futures_price({spot_price, days_to_expiry, annualized_basis}) {
  spot_price = checkNumber("spot_price", spot_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  days_to_expiry = checkNumber("days_to_expiry", days_to_expiry, {low: 0.0, high: 36500, lowOpen: true, bounds: "> 0 and ≤ 36500"});
  annualized_basis = checkNumber("annualized_basis", annualized_basis);
  if (!(annualized_basis*days_to_expiry > -365)) throw new RangeError("annualized_basis \u00d7 days_to_expiry / 365 must be above \u22121: a futures price cannot fall to zero or below");
  return (1/365)*spot_price*(annualized_basis*days_to_expiry + 365);
}
