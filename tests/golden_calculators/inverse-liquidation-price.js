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

function inverseLiquidationPrice({side, contracts, contract_size, entry_price, wallet_balance, maintenance_margin_rate, maintenance_amount = 0.0}) {
  side = checkChoice("side", side, ["long", "short"]);
  contracts = checkNumber("contracts", contracts, {low: 0.0, lowOpen: true, bounds: "> 0"});
  contract_size = checkNumber("contract_size", contract_size, {low: 0.0, lowOpen: true, bounds: "> 0"});
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  wallet_balance = checkNumber("wallet_balance", wallet_balance, {low: 0.0, bounds: "≥ 0"});
  maintenance_margin_rate = checkNumber("maintenance_margin_rate", maintenance_margin_rate, {low: 0.0, high: 0.99, bounds: "≥ 0 and ≤ 0.99"});
  maintenance_amount = checkNumber("maintenance_amount", maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  const s = {"long": 1, "short": -1}[side];
  if (!(contract_size*contracts*s/entry_price + maintenance_amount + wallet_balance != 0)) throw new NoSolution("the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse short is a dollar hedge): no liquidation price");
  const position_value = contract_size*contracts;
  const liquidation_price = (maintenance_margin_rate*position_value + position_value*s)/(maintenance_amount + wallet_balance + position_value*s/entry_price);
  if (!(liquidation_price > 0)) throw new NoSolution("the liquidation price would be at or below zero; the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse short is a dollar hedge): no liquidation price");
  if (!(s*(entry_price - liquidation_price) >= 0)) throw new NoSolution("the liquidation price would be on the wrong side of the entry price (above it for a long, below it for a short): the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  return checkOutputs({liquidation_price});
}

function solve_wallet_balance({side, contracts, contract_size, entry_price, maintenance_margin_rate, maintenance_amount = 0.0, liquidation_price}) {
  side = checkChoice("side", side, ["long", "short"]);
  contracts = checkNumber("contracts", contracts, {low: 0.0, lowOpen: true, bounds: "> 0"});
  contract_size = checkNumber("contract_size", contract_size, {low: 0.0, lowOpen: true, bounds: "> 0"});
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  maintenance_margin_rate = checkNumber("maintenance_margin_rate", maintenance_margin_rate, {low: 0.0, high: 0.99, bounds: "≥ 0 and ≤ 0.99"});
  maintenance_amount = checkNumber("maintenance_amount", maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  liquidation_price = checkNumber("liquidation_price", liquidation_price);
  const s = {"long": 1, "short": -1}[side];
  if (!(liquidation_price > 0)) throw new NoSolution("the liquidation price would be at or below zero; the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse short is a dollar hedge): no liquidation price");
  if (!(s*(entry_price - liquidation_price) >= 0)) throw new NoSolution("the liquidation price would be on the wrong side of the entry price (above it for a long, below it for a short): the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  return contract_size*contracts*maintenance_margin_rate/liquidation_price + contract_size*contracts*s/liquidation_price - contract_size*contracts*s/entry_price - maintenance_amount;
}
