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

function positionSize({side, risk_amount, entry_price, stop_price, fee_rate}) {
  side = checkChoice("side", side, ["long", "short"]);
  risk_amount = checkNumber("risk_amount", risk_amount, {low: 0.0, lowOpen: true, bounds: "> 0"});
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  stop_price = checkNumber("stop_price", stop_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  fee_rate = checkNumber("fee_rate", fee_rate, {low: 0.0, high: 0.1, bounds: "≥ 0 and ≤ 0.1"});
  const s = {"long": 1, "short": -1}[side];
  if (!(s*(entry_price - stop_price) > 0)) throw new RangeError("stop_price must be on the losing side of entry_price: below it for a long, above it for a short");
  const quantity = risk_amount/(fee_rate*(entry_price + stop_price) + Math.abs(entry_price - stop_price));
  const notional = entry_price*quantity;
  const stop_distance = Math.abs(entry_price - stop_price)/entry_price;
  return checkOutputs({quantity, notional, stop_distance});
}

function solve_risk_amount({side, entry_price, stop_price, fee_rate, quantity}) {
  side = checkChoice("side", side, ["long", "short"]);
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  stop_price = checkNumber("stop_price", stop_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  fee_rate = checkNumber("fee_rate", fee_rate, {low: 0.0, high: 0.1, bounds: "≥ 0 and ≤ 0.1"});
  quantity = checkNumber("quantity", quantity);
  const s = {"long": 1, "short": -1}[side];
  if (!(s*(entry_price - stop_price) > 0)) throw new RangeError("stop_price must be on the losing side of entry_price: below it for a long, above it for a short");
  return quantity*(entry_price*fee_rate + fee_rate*stop_price + Math.abs(entry_price - stop_price));
}
