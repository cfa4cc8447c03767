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

function positionPnl({side, quantity, entry_price, exit_price, leverage, open_fee_rate, close_fee_rate, funding_paid = 0.0}) {
  side = checkChoice("side", side, ["long", "short"]);
  quantity = checkNumber("quantity", quantity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  exit_price = checkNumber("exit_price", exit_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  leverage = checkNumber("leverage", leverage, {low: 1.0, high: 1000.0, bounds: "≥ 1 and ≤ 1000"});
  open_fee_rate = checkNumber("open_fee_rate", open_fee_rate, {low: -0.1, high: 0.1, bounds: "≥ -0.1 and ≤ 0.1"});
  close_fee_rate = checkNumber("close_fee_rate", close_fee_rate, {low: -0.1, high: 0.1, bounds: "≥ -0.1 and ≤ 0.1"});
  funding_paid = checkNumber("funding_paid", funding_paid);
  const s = {"long": 1, "short": -1}[side];
  const net_pnl = -close_fee_rate*exit_price*quantity - entry_price*open_fee_rate*quantity - funding_paid + quantity*s*(-entry_price + exit_price);
  const gross_pnl = quantity*s*(-entry_price + exit_price);
  const fees = close_fee_rate*exit_price*quantity + entry_price*open_fee_rate*quantity;
  const initial_margin = entry_price*quantity/leverage;
  const roe = net_pnl/initial_margin;
  const break_even_price = entry_price*(open_fee_rate*s + 1)/(-close_fee_rate*s + 1);
  return checkOutputs({net_pnl, gross_pnl, fees, initial_margin, roe, break_even_price});
}

function solve_exit_price({side, quantity, entry_price, leverage, open_fee_rate, close_fee_rate, funding_paid = 0.0, net_pnl}) {
  side = checkChoice("side", side, ["long", "short"]);
  quantity = checkNumber("quantity", quantity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  leverage = checkNumber("leverage", leverage, {low: 1.0, high: 1000.0, bounds: "≥ 1 and ≤ 1000"});
  open_fee_rate = checkNumber("open_fee_rate", open_fee_rate, {low: -0.1, high: 0.1, bounds: "≥ -0.1 and ≤ 0.1"});
  close_fee_rate = checkNumber("close_fee_rate", close_fee_rate, {low: -0.1, high: 0.1, bounds: "≥ -0.1 and ≤ 0.1"});
  funding_paid = checkNumber("funding_paid", funding_paid);
  net_pnl = checkNumber("net_pnl", net_pnl);
  const s = {"long": 1, "short": -1}[side];
  return (entry_price*open_fee_rate*quantity + entry_price*quantity*s + funding_paid + net_pnl)/(quantity*(-close_fee_rate + s));
}
