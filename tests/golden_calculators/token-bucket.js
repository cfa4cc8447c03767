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

function tokenBucket({capacity, refill_rate, tokens, elapsed_seconds, cost}) {
  capacity = checkNumber("capacity", capacity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  refill_rate = checkNumber("refill_rate", refill_rate, {low: 0.0, lowOpen: true, bounds: "> 0"});
  tokens = checkNumber("tokens", tokens, {low: 0.0, bounds: "≥ 0"});
  elapsed_seconds = checkNumber("elapsed_seconds", elapsed_seconds, {low: 0.0, bounds: "≥ 0"});
  cost = checkNumber("cost", cost, {low: 0.0, bounds: "≥ 0"});
  if (!(cost <= capacity)) throw new RangeError("cost must not exceed capacity: such a request could never pass");
  const tokens_available = Math.min(capacity, elapsed_seconds*refill_rate + tokens);
  const allowed = ((cost <= tokens_available) ? (1) : (0));
  const tokens_after = -allowed*cost + tokens_available;
  const wait_seconds = Math.max(0, cost - tokens_available)/refill_rate;
  return checkOutputs({tokens_available, allowed, tokens_after, wait_seconds});
}
