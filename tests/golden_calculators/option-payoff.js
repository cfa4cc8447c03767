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

function optionPayoff({option_type, side, strike, premium, quantity, spot_at_expiry}) {
  option_type = checkChoice("option_type", option_type, ["call", "put"]);
  side = checkChoice("side", side, ["long", "short"]);
  strike = checkNumber("strike", strike, {low: 0.0, lowOpen: true, bounds: "> 0"});
  premium = checkNumber("premium", premium, {low: 0.0, bounds: "≥ 0"});
  quantity = checkNumber("quantity", quantity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  spot_at_expiry = checkNumber("spot_at_expiry", spot_at_expiry, {low: 0.0, bounds: "≥ 0"});
  const phi = {"call": 1, "put": -1}[option_type];
  const s = {"long": 1, "short": -1}[side];
  const pnl = quantity*s*(-premium + Math.max(0, phi*(spot_at_expiry - strike)));
  const payoff = quantity*s*Math.max(0, phi*(spot_at_expiry - strike));
  const break_even = phi*premium + strike;
  return checkOutputs({pnl, payoff, break_even});
}
