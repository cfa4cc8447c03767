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

// ⌊a ÷ b⌋ for a and b read as the decimals they were written as (0.3 ÷ 0.1 is 3, not 2):
// String(x) gives the shortest digits that read back as x, and BigInt divides them exactly.
// exact.py's floor_quotient is the same rule.
function floorQuotient(a, b) {
  const decimal = x => {
    const [digits, exponent = "0"] = String(x).split("e");
    const [whole, fraction = ""] = digits.split(".");
    return [BigInt(whole + fraction), Number(exponent) - fraction.length];
  };
  const [ma, ea] = decimal(a), [mb, eb] = decimal(b);
  let top = ma, bottom = mb;
  if (ea >= eb) top *= 10n ** BigInt(ea - eb); else bottom *= 10n ** BigInt(eb - ea);
  if (bottom < 0n) { top = -top; bottom = -bottom; }
  const quotient = top / bottom;  // rounds toward zero
  return Number(top % bottom !== 0n && top < 0n ? quotient - 1n : quotient);
}

function rateLimitBudget({limit, window_seconds, request_weight, requests_per_second = 0.0}) {
  limit = checkNumber("limit", limit, {low: 0.0, lowOpen: true, bounds: "> 0"});
  window_seconds = checkNumber("window_seconds", window_seconds, {low: 0.0, lowOpen: true, bounds: "> 0"});
  request_weight = checkNumber("request_weight", request_weight, {low: 0.0, lowOpen: true, bounds: "> 0"});
  requests_per_second = checkNumber("requests_per_second", requests_per_second, {low: 0.0, bounds: "≥ 0"});
  const max_requests_per_window = floorQuotient(limit, request_weight);
  const min_interval_seconds = request_weight*window_seconds/limit;
  const utilization = request_weight*requests_per_second*window_seconds/limit;
  return checkOutputs({max_requests_per_window, min_interval_seconds, utilization});
}
