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

function concentratedLiquidity({price, price_lower, price_upper, liquidity}) {
  price = checkNumber("price", price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  price_lower = checkNumber("price_lower", price_lower, {low: 0.0, lowOpen: true, bounds: "> 0"});
  price_upper = checkNumber("price_upper", price_upper, {low: 0.0, lowOpen: true, bounds: "> 0"});
  liquidity = checkNumber("liquidity", liquidity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  if (!(price_lower < price_upper)) throw new RangeError("price_lower must be below price_upper: a range needs two distinct ends");
  const clamped_price = Math.min(price_upper, Math.max(price, price_lower));
  const value = liquidity*(Math.sqrt(clamped_price) - Math.sqrt(price_lower) + price*(-Math.sqrt(clamped_price) + Math.sqrt(price_upper))/(Math.sqrt(clamped_price)*Math.sqrt(price_upper)));
  const amount0 = liquidity*(-Math.sqrt(clamped_price) + Math.sqrt(price_upper))/(Math.sqrt(clamped_price)*Math.sqrt(price_upper));
  const amount1 = liquidity*(Math.sqrt(clamped_price) - Math.sqrt(price_lower));
  return checkOutputs({value, amount0, amount1});
}

function solve_liquidity({price, price_lower, price_upper, value}) {
  price = checkNumber("price", price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  price_lower = checkNumber("price_lower", price_lower, {low: 0.0, lowOpen: true, bounds: "> 0"});
  price_upper = checkNumber("price_upper", price_upper, {low: 0.0, lowOpen: true, bounds: "> 0"});
  value = checkNumber("value", value);
  if (!(value > 0)) throw new RangeError("value must be greater than 0");
  return Math.sqrt(price_upper)*value*Math.sqrt(Math.min(price_upper, Math.max(price, price_lower)))/(price*Math.sqrt(price_upper) - price*Math.sqrt(Math.min(price_upper, Math.max(price, price_lower))) - Math.sqrt(price_lower)*Math.sqrt(price_upper)*Math.sqrt(Math.min(price_upper, Math.max(price, price_lower))) + Math.sqrt(price_upper)*Math.min(price_upper, Math.max(price, price_lower)));
}
