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

// The tier that holds the notional a result computed with its own rate and amount gives
// (quantity × liquidation price): tier_search.py's tier_for, the same loop.
function tierFor(tiers, notionalOf) {
  for (let i = 0; i < tiers.length; i++) {
    const [rate, amount] = tierLookup(tiers, tiers[i].cap);
    const notional = notionalOf(rate, amount);
    if ((i === 0 || notional > tiers[i].floor) && notional <= tiers[i].cap) return [rate, amount, i + 1];
  }
  throw new RangeError(`the notional at the liquidation price is above the last tier's cap ${tiers[tiers.length - 1].cap}`);
}

// Thrown when the inputs are valid but the quantity asked for does not exist (a long whose
// collateral covers a fall to zero has no liquidation price): an answer, not an input error.
class NoSolution extends Error {
  constructor(message) {
    super(message);
    this.name = "NoSolution";
  }
}

function liquidationPrice({side, quantity, entry_price, wallet_balance, maintenance_margin_rate = null, maintenance_amount = null, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, tiers = null}) {
  side = checkChoice("side", side, ["long", "short"]);
  quantity = checkNumber("quantity", quantity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  wallet_balance = checkNumber("wallet_balance", wallet_balance, {low: 0.0, bounds: "≥ 0"});
  if (maintenance_margin_rate !== null) maintenance_margin_rate = checkNumber("maintenance_margin_rate", maintenance_margin_rate, {low: 0.0, high: 0.99, bounds: "≥ 0 and ≤ 0.99"});
  if (maintenance_amount !== null) maintenance_amount = checkNumber("maintenance_amount", maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  other_maintenance_margin = checkNumber("other_maintenance_margin", other_maintenance_margin, {low: 0.0, bounds: "≥ 0"});
  other_unrealized_pnl = checkNumber("other_unrealized_pnl", other_unrealized_pnl);
  const s = {"long": 1, "short": -1}[side];
  let tier = 0;
  if (tiers) {
    if (maintenance_margin_rate !== null || maintenance_amount !== null) throw new RangeError("give either tiers or maintenance_margin_rate and maintenance_amount, not both: a tier table supplies the rate and the amount");
    [maintenance_margin_rate, maintenance_amount, tier] = tierFor(tiers, (maintenance_margin_rate, maintenance_amount) => quantity*(-entry_price*quantity*s + maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(maintenance_margin_rate*quantity - quantity*s));
  } else if (maintenance_margin_rate === null) throw new RangeError('give maintenance_margin_rate or tiers');
  if (maintenance_amount === null) maintenance_amount = 0.0;
  const liquidation_price = (-entry_price*quantity*s + maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(maintenance_margin_rate*quantity - quantity*s);
  if (!(s == -1 || liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  if (!(s == 1 || liquidation_price > 0)) throw new NoSolution("the margin balance is below the maintenance margin at every price: no liquidation price");
  if (!(s == -1 || liquidation_price <= entry_price)) throw new NoSolution("the liquidation price would be above the entry price for a long: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  if (!(s == 1 || liquidation_price >= entry_price)) throw new NoSolution("the liquidation price would be below the entry price for a short: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  return checkOutputs({liquidation_price, tier});
}

function solve_entry_price({side, quantity, wallet_balance, maintenance_margin_rate = null, maintenance_amount = null, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, tiers = null, liquidation_price}) {
  side = checkChoice("side", side, ["long", "short"]);
  quantity = checkNumber("quantity", quantity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  wallet_balance = checkNumber("wallet_balance", wallet_balance, {low: 0.0, bounds: "≥ 0"});
  if (maintenance_margin_rate !== null) maintenance_margin_rate = checkNumber("maintenance_margin_rate", maintenance_margin_rate, {low: 0.0, high: 0.99, bounds: "≥ 0 and ≤ 0.99"});
  if (maintenance_amount !== null) maintenance_amount = checkNumber("maintenance_amount", maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  other_maintenance_margin = checkNumber("other_maintenance_margin", other_maintenance_margin, {low: 0.0, bounds: "≥ 0"});
  other_unrealized_pnl = checkNumber("other_unrealized_pnl", other_unrealized_pnl);
  liquidation_price = checkNumber("liquidation_price", liquidation_price);
  const s = {"long": 1, "short": -1}[side];
  let tier = 0;
  if (tiers) {
    if (maintenance_margin_rate !== null || maintenance_amount !== null) throw new RangeError("give either tiers or maintenance_margin_rate and maintenance_amount, not both: a tier table supplies the rate and the amount");
    [maintenance_margin_rate, maintenance_amount, tier] = tierFor(tiers, (maintenance_margin_rate, maintenance_amount) => liquidation_price*quantity);
  } else if (maintenance_margin_rate === null) throw new RangeError('give maintenance_margin_rate or tiers');
  if (maintenance_amount === null) maintenance_amount = 0.0;
  if (!(s == -1 || liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  if (!(s == 1 || liquidation_price > 0)) throw new NoSolution("the margin balance is below the maintenance margin at every price: no liquidation price");
  return (-liquidation_price*maintenance_margin_rate*quantity + liquidation_price*quantity*s + maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(quantity*s);
}

function solve_wallet_balance({side, quantity, entry_price, maintenance_margin_rate = null, maintenance_amount = null, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, tiers = null, liquidation_price}) {
  side = checkChoice("side", side, ["long", "short"]);
  quantity = checkNumber("quantity", quantity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  if (maintenance_margin_rate !== null) maintenance_margin_rate = checkNumber("maintenance_margin_rate", maintenance_margin_rate, {low: 0.0, high: 0.99, bounds: "≥ 0 and ≤ 0.99"});
  if (maintenance_amount !== null) maintenance_amount = checkNumber("maintenance_amount", maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  other_maintenance_margin = checkNumber("other_maintenance_margin", other_maintenance_margin, {low: 0.0, bounds: "≥ 0"});
  other_unrealized_pnl = checkNumber("other_unrealized_pnl", other_unrealized_pnl);
  liquidation_price = checkNumber("liquidation_price", liquidation_price);
  const s = {"long": 1, "short": -1}[side];
  let tier = 0;
  if (tiers) {
    if (maintenance_margin_rate !== null || maintenance_amount !== null) throw new RangeError("give either tiers or maintenance_margin_rate and maintenance_amount, not both: a tier table supplies the rate and the amount");
    [maintenance_margin_rate, maintenance_amount, tier] = tierFor(tiers, (maintenance_margin_rate, maintenance_amount) => liquidation_price*quantity);
  } else if (maintenance_margin_rate === null) throw new RangeError('give maintenance_margin_rate or tiers');
  if (maintenance_amount === null) maintenance_amount = 0.0;
  if (!(s == -1 || liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  if (!(s == 1 || liquidation_price > 0)) throw new NoSolution("the margin balance is below the maintenance margin at every price: no liquidation price");
  if (!(s == -1 || liquidation_price <= entry_price)) throw new NoSolution("the liquidation price would be above the entry price for a long: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  if (!(s == 1 || liquidation_price >= entry_price)) throw new NoSolution("the liquidation price would be below the entry price for a short: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  return entry_price*quantity*s + liquidation_price*maintenance_margin_rate*quantity - liquidation_price*quantity*s - maintenance_amount + other_maintenance_margin - other_unrealized_pnl;
}

function solve_quantity({side, entry_price, wallet_balance, maintenance_margin_rate = null, maintenance_amount = null, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, tiers = null, liquidation_price}) {
  side = checkChoice("side", side, ["long", "short"]);
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  wallet_balance = checkNumber("wallet_balance", wallet_balance, {low: 0.0, bounds: "≥ 0"});
  if (maintenance_margin_rate !== null) maintenance_margin_rate = checkNumber("maintenance_margin_rate", maintenance_margin_rate, {low: 0.0, high: 0.99, bounds: "≥ 0 and ≤ 0.99"});
  if (maintenance_amount !== null) maintenance_amount = checkNumber("maintenance_amount", maintenance_amount, {low: 0.0, bounds: "≥ 0"});
  other_maintenance_margin = checkNumber("other_maintenance_margin", other_maintenance_margin, {low: 0.0, bounds: "≥ 0"});
  other_unrealized_pnl = checkNumber("other_unrealized_pnl", other_unrealized_pnl);
  liquidation_price = checkNumber("liquidation_price", liquidation_price);
  const s = {"long": 1, "short": -1}[side];
  let tier = 0;
  if (tiers) {
    if (maintenance_margin_rate !== null || maintenance_amount !== null) throw new RangeError("give either tiers or maintenance_margin_rate and maintenance_amount, not both: a tier table supplies the rate and the amount");
    [maintenance_margin_rate, maintenance_amount, tier] = tierFor(tiers, (maintenance_margin_rate, maintenance_amount) => liquidation_price*(maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(entry_price*s + liquidation_price*maintenance_margin_rate - liquidation_price*s));
  } else if (maintenance_margin_rate === null) throw new RangeError('give maintenance_margin_rate or tiers');
  if (maintenance_amount === null) maintenance_amount = 0.0;
  if (!(s == -1 || liquidation_price > 0)) throw new NoSolution("the collateral covers a fall to zero: no liquidation price");
  if (!(s == 1 || liquidation_price > 0)) throw new NoSolution("the margin balance is below the maintenance margin at every price: no liquidation price");
  if (!(s == -1 || liquidation_price <= entry_price)) throw new NoSolution("the liquidation price would be above the entry price for a long: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  if (!(s == 1 || liquidation_price >= entry_price)) throw new NoSolution("the liquidation price would be below the entry price for a short: the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price");
  return (maintenance_amount - other_maintenance_margin + other_unrealized_pnl + wallet_balance)/(entry_price*s + liquidation_price*maintenance_margin_rate - liquidation_price*s);
}
