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

// Thrown when the inputs are valid but the quantity asked for does not exist (a long whose
// collateral covers a fall to zero has no liquidation price): an answer, not an input error.
class NoSolution extends Error {
  constructor(message) {
    super(message);
    this.name = "NoSolution";
  }
}

function hedgeModeLiquidationPrice({wallet_balance, long_quantity, long_entry_price, short_quantity, short_entry_price, long_maintenance_margin_rate, short_maintenance_margin_rate, long_maintenance_amount = 0.0, short_maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0}) {
  wallet_balance = checkNumber("wallet_balance", wallet_balance, {low: 0.0, bounds: "≥ 0"});
  long_quantity = checkNumber("long_quantity", long_quantity, {low: 0.0, bounds: "≥ 0"});
  long_entry_price = checkNumber("long_entry_price", long_entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  short_quantity = checkNumber("short_quantity", short_quantity, {low: 0.0, bounds: "≥ 0"});
  short_entry_price = checkNumber("short_entry_price", short_entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  long_maintenance_margin_rate = checkNumber("long_maintenance_margin_rate", long_maintenance_margin_rate, {low: 0.0, high: 0.99, bounds: "≥ 0 and ≤ 0.99"});
  short_maintenance_margin_rate = checkNumber("short_maintenance_margin_rate", short_maintenance_margin_rate, {low: 0.0, high: 0.99, bounds: "≥ 0 and ≤ 0.99"});
  long_maintenance_amount = checkNumber("long_maintenance_amount", long_maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  short_maintenance_amount = checkNumber("short_maintenance_amount", short_maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  other_maintenance_margin = checkNumber("other_maintenance_margin", other_maintenance_margin, {low: 0.0, bounds: "≥ 0"});
  other_unrealized_pnl = checkNumber("other_unrealized_pnl", other_unrealized_pnl);
  if (!(long_quantity + short_quantity > 0)) throw new RangeError("long_quantity and short_quantity are both 0: open at least one leg");
  if (!(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity != 0)) throw new NoSolution("the two legs offset each other exactly, so the margin above the maintenance margin does not change with the price: no liquidation price");
  const liquidation_price = (-long_entry_price*long_quantity + long_maintenance_amount - other_maintenance_margin + other_unrealized_pnl + short_entry_price*short_quantity + short_maintenance_amount + wallet_balance)/(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity);
  if (!((liquidation_price*(long_quantity + short_quantity) - long_entry_price*long_quantity - short_entry_price*short_quantity)*(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity) >= 0)) throw new NoSolution("the wallet balance does not cover the maintenance margin at the legs' average entry price, so there is no liquidation price");
  if (!(liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  return checkOutputs({liquidation_price});
}

function solve_wallet_balance({long_quantity, long_entry_price, short_quantity, short_entry_price, long_maintenance_margin_rate, short_maintenance_margin_rate, long_maintenance_amount = 0.0, short_maintenance_amount = 0.0, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, liquidation_price}) {
  long_quantity = checkNumber("long_quantity", long_quantity, {low: 0.0, bounds: "≥ 0"});
  long_entry_price = checkNumber("long_entry_price", long_entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  short_quantity = checkNumber("short_quantity", short_quantity, {low: 0.0, bounds: "≥ 0"});
  short_entry_price = checkNumber("short_entry_price", short_entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  long_maintenance_margin_rate = checkNumber("long_maintenance_margin_rate", long_maintenance_margin_rate, {low: 0.0, high: 0.99, bounds: "≥ 0 and ≤ 0.99"});
  short_maintenance_margin_rate = checkNumber("short_maintenance_margin_rate", short_maintenance_margin_rate, {low: 0.0, high: 0.99, bounds: "≥ 0 and ≤ 0.99"});
  long_maintenance_amount = checkNumber("long_maintenance_amount", long_maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  short_maintenance_amount = checkNumber("short_maintenance_amount", short_maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  other_maintenance_margin = checkNumber("other_maintenance_margin", other_maintenance_margin, {low: 0.0, bounds: "≥ 0"});
  other_unrealized_pnl = checkNumber("other_unrealized_pnl", other_unrealized_pnl);
  liquidation_price = checkNumber("liquidation_price", liquidation_price);
  if (!(long_quantity + short_quantity > 0)) throw new RangeError("long_quantity and short_quantity are both 0: open at least one leg");
  if (!(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity != 0)) throw new NoSolution("the two legs offset each other exactly, so the margin above the maintenance margin does not change with the price: no liquidation price");
  if (!((liquidation_price*(long_quantity + short_quantity) - long_entry_price*long_quantity - short_entry_price*short_quantity)*(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity) >= 0)) throw new NoSolution("the wallet balance does not cover the maintenance margin at the legs' average entry price, so there is no liquidation price");
  if (!(liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  return liquidation_price*long_maintenance_margin_rate*long_quantity - liquidation_price*long_quantity + liquidation_price*short_maintenance_margin_rate*short_quantity + liquidation_price*short_quantity + long_entry_price*long_quantity - long_maintenance_amount + other_maintenance_margin - other_unrealized_pnl - short_entry_price*short_quantity - short_maintenance_amount;
}
