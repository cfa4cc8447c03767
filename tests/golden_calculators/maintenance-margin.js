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

// Rate, maintenance amount and 1-based number of the tier holding `notional`; each
// tier's amount follows the cumulative rule, so the margin is continuous at boundaries.
function tierLookup(tiers, notional) {
  let amount = 0, previousRate = null;
  for (let i = 0; i < tiers.length; i++) {
    const rate = tiers[i].maintenance_margin_rate;
    if (previousRate !== null) amount = tiers[i].floor * (rate - previousRate) + amount;
    previousRate = rate;
    if (notional <= tiers[i].cap) return [rate, amount, i + 1];
  }
  throw new RangeError(`notional ${notional} is above the last tier's cap ${tiers[tiers.length - 1].cap}`);
}

function maintenanceMargin({notional, maintenance_margin_rate = null, maintenance_amount = null, tiers = null}) {
  notional = checkNumber("notional", notional, {low: 0.0, bounds: "≥ 0"});
  if (maintenance_margin_rate !== null) maintenance_margin_rate = checkNumber("maintenance_margin_rate", maintenance_margin_rate, {low: 0.0, high: 1.0, bounds: "≥ 0 and ≤ 1"});
  if (maintenance_amount !== null) maintenance_amount = checkNumber("maintenance_amount", maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  let tier = 0;
  if (tiers) {
    if (maintenance_margin_rate !== null || maintenance_amount !== null) throw new RangeError("give either tiers or maintenance_margin_rate and maintenance_amount, not both: a tier table supplies the rate and the amount");
    [maintenance_margin_rate, maintenance_amount, tier] = tierLookup(tiers, notional);
  } else if (maintenance_margin_rate === null) throw new RangeError('give maintenance_margin_rate or tiers');
  if (maintenance_amount === null) maintenance_amount = 0.0;
  if (!(maintenance_amount <= maintenance_margin_rate*notional)) throw new RangeError("maintenance_amount must not exceed notional \u00d7 maintenance_margin_rate (the margin would be negative)");
  const maintenance_margin = -maintenance_amount + maintenance_margin_rate*notional;
  const applied_rate = maintenance_margin_rate;
  const applied_amount = maintenance_amount;
  return checkOutputs({maintenance_margin, applied_rate, applied_amount, tier});
}
