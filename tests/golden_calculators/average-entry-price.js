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

function averageEntryPrice({contract_type, quantity, entry_price, add_quantity, add_price}) {
  contract_type = checkChoice("contract_type", contract_type, ["linear", "inverse"]);
  quantity = checkNumber("quantity", quantity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  add_quantity = checkNumber("add_quantity", add_quantity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  add_price = checkNumber("add_price", add_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  const k = {"linear": 0, "inverse": 1}[contract_type];
  const entry_weight = Math.pow(entry_price, -k);
  const add_weight = Math.pow(add_price, -k);
  const average_entry_price = (add_price*add_quantity*add_weight + entry_price*entry_weight*quantity)/(add_quantity*add_weight + entry_weight*quantity);
  const total_quantity = add_quantity + quantity;
  return checkOutputs({average_entry_price, total_quantity});
}

function solve_add_quantity({contract_type, quantity, entry_price, add_price, average_entry_price}) {
  contract_type = checkChoice("contract_type", contract_type, ["linear", "inverse"]);
  quantity = checkNumber("quantity", quantity, {low: 0.0, lowOpen: true, bounds: "> 0"});
  entry_price = checkNumber("entry_price", entry_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  add_price = checkNumber("add_price", add_price, {low: 0.0, lowOpen: true, bounds: "> 0"});
  average_entry_price = checkNumber("average_entry_price", average_entry_price);
  const k = {"linear": 0, "inverse": 1}[contract_type];
  if (!((-add_price + average_entry_price)*(average_entry_price - entry_price) < 0)) throw new NoSolution("no add_quantity gives this average: average_entry_price must lie strictly between entry_price and add_price");
  return Math.pow(add_price, k)*Math.pow(entry_price, -2*k)*quantity*(average_entry_price*Math.pow(entry_price, k) - Math.pow(entry_price, k + 1))/(add_price - average_entry_price);
}
