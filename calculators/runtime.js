// Hand-written runtime for the generated calculators: a snippet's input checks, a precise erfc,
// the tier lookup, NoSolution, the monotone solver, and the widget's input checking. No DOM here
// (widget.js does that), so Node can run it. Marked sections are copied verbatim into the copyable JS snippets.
"use strict";

// <checks>
// A copyable snippet's input checks, in the API's words (spec.py's quote, check_number,
// check_choice, check_outputs), so copied code refuses what the page refuses, and says so alike.
const INPUT_NUMBER = /^\s*[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

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
// </checks>

// <erfc>
// Complementary error function, relative error ~5e-16 for all x. Below 0.5 it is
// 1 − erf from the Maclaurin series; above, Laplace's continued fraction, evaluated
// bottom-up with a depth that grows as x shrinks. exp(−x²) is taken in two parts so
// the rounding of x² does not cost accuracy in the far tail.
function erfc(x) {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 0.5) {
    let term = x, sum = x;
    for (let n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= -x * x / n;
      sum += term / (2 * n + 1);
    }
    return 1 - 2 / Math.sqrt(Math.PI) * sum;
  }
  if (x > 27.3) return 0;  // below the smallest double
  let fraction = x;
  for (let k = Math.ceil(60 + 250 / (x * x)); k > 0; k--) fraction = x + (k / 2) / fraction;
  const split = 134217729 * x, high = split - (split - x), low = x - high;
  return Math.exp(-high * high) * Math.exp(-(2 * high * low + low * low)) / (Math.sqrt(Math.PI) * fraction);
}
// </erfc>

// <tierLookup>
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
// </tierLookup>

// <tierFor>
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
// </tierFor>

// <floorQuotient>
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
// </floorQuotient>

// <NoSolution>
// Thrown when the inputs are valid but the quantity asked for does not exist (a long whose
// collateral covers a fall to zero has no liquidation price): an answer, not an input error.
class NoSolution extends Error {
  constructor(message) {
    super(message);
    this.name = "NoSolution";
  }
}
// </NoSolution>

const GlossaryCalculators = (() => {
  const registry = {};
  const NUMBER = /^\s*[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

  class InputError extends Error {}

  // A value as a message repeats it: in quotes, cut to 40 characters with "…", so a pasted
  // 100,000-digit number cannot become a 100,000-character alert (spec.quote does the same).
  function clip(text) {
    const chars = Array.from(String(text));
    return chars.length > 40 ? chars.slice(0, 40).join("") + "…" : chars.join("");
  }

  function quote(text) {
    return `'${clip(text)}'`;
  }

  // The text a reader sees for a number: numbers.py's rule, repeated so the text built into the
  // page and the text after this script recomputes are the same (tests/data/runtime-cases.json).
  // Full digits with thousands separators from 1e-6 up to 1e15, rounded to 12 significant digits
  // but never losing an integer digit; exponent form outside; ties round away from zero.
  const SIGNIFICANT = 12, FIXED_FROM = 1e-6, FIXED_BELOW = 1e15;

  function display(value) {
    if (value === 0) return "0";
    const sign = value < 0 ? "-" : "", size = Math.abs(value);
    if (size >= FIXED_FROM && size < FIXED_BELOW) {
      let power = 14;
      while (power > -6 && size < Number(`1e${power}`)) power--;
      const [whole, fraction = ""] = size.toFixed(Math.max(0, SIGNIFICANT - 1 - power)).split(".");
      const kept = fraction.replace(/0+$/, "");
      return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (kept ? `.${kept}` : "");
    }
    const [mantissa, exponent] = size.toExponential(SIGNIFICANT - 1).split("e");
    return `${sign}${mantissa.replace(/\.?0+$/, "")}e${exponent}`;
  }

  // A rate (an output whose unit is "decimal") as a percentage: the display of 100·x, then "%"
  // (0.004 → "0.4%"); numbers.py's display_percent. Beyond ±1.79e306 100·x is not finite: the decimal.
  function percent(value) {
    const scaled = value * 100;
    return Number.isFinite(scaled) ? `${display(scaled)}%` : display(value);
  }

  // Bisection until the bracket cannot shrink in floating point, in log scale above zero (the
  // midpoint is √low·√high, correctly rounded here as in Python); solver.py is the same loop.
  function midpoint(low, high) {
    return low > 0 ? Math.sqrt(low) * Math.sqrt(high) : low + (high - low) / 2;
  }

  function solveMonotone(f, target, low, high) {
    let fLow = f(low) - target, fHigh = f(high) - target;
    if (fLow === 0) return low;
    if (fHigh === 0) return high;
    if ((fLow > 0) === (fHigh > 0)) {
      return {lowest: Math.min(fLow, fHigh) + target, highest: Math.max(fLow, fHigh) + target};
    }
    for (let step = 0; step < 2000; step++) {
      const mid = midpoint(low, high);
      if (mid <= low || mid >= high) break;
      const fMid = f(mid) - target;
      if (fMid === 0) return mid;
      if ((fMid > 0) === (fLow > 0)) { low = mid; fLow = fMid; } else { high = mid; fHigh = fMid; }
    }
    return Math.abs(fLow) <= Math.abs(fHigh) ? low : high;
  }

  function number(name, text) {
    if (String(text).trim() === "") throw new InputError(`${name} is required`);
    if (!NUMBER.test(String(text))) throw new InputError(`${name} must be a number, got ${quote(text)}`);
    const value = Number(text);
    if (!Number.isFinite(value)) throw new InputError(`${name} must be a finite number, got ${quote(text)}`);
    return value;
  }

  function checked(input, text) {
    if (input.kind === "choice") {
      if (!input.choices.includes(text)) throw new InputError(`${input.name} must be ${input.bounds}, got ${quote(text)}`);
      return text;
    }
    const value = number(input.name, text);
    const tooLow = input.low !== null && (input.lowOpen ? value <= input.low : value < input.low);
    if (tooLow || (input.high !== null && value > input.high)) {
      throw new InputError(`${input.name} = ${value} is out of range; it must be ${input.bounds}`);
    }
    return value;
  }

  function tierTable(text) {
    if (String(text).trim() === "") return null;
    let table;
    try { table = JSON.parse(text); } catch (error) { throw new InputError(`tiers is not valid JSON: ${error.message.slice(0, 120)}`); }
    if (table !== null && typeof table === "object" && !Array.isArray(table) && "tiers" in table) table = table.tiers;
    if (!Array.isArray(table) || table.length === 0) {
      throw new InputError("tiers must be a non-empty JSON list of {floor, cap, maintenance_margin_rate} objects");
    }
    const keys = ["floor", "cap", "maintenance_margin_rate"];
    table.forEach((tier, i) => {
      const n = i + 1;
      if (tier === null || typeof tier !== "object" || Array.isArray(tier) ||
          Object.keys(tier).sort().join() !== [...keys].sort().join()) {
        throw new InputError(`tiers: tier ${n} must be an object with exactly the keys ${keys.join(", ")}`);
      }
      for (const key of keys) {
        if (typeof tier[key] !== "number" || !Number.isFinite(tier[key])) {
          const got = typeof tier[key] === "string" ? quote(tier[key]) : clip(JSON.stringify(tier[key]));
          throw new InputError(`tiers: tier ${n} ${key} must be a finite number, got ${got}`);
        }
      }
      if (!(tier.maintenance_margin_rate >= 0 && tier.maintenance_margin_rate <= 1)) {
        throw new InputError(`tiers: tier ${n} maintenance_margin_rate must be between 0 and 1`);
      }
      if (tier.cap <= tier.floor) throw new InputError(`tiers: tier ${n} cap must be greater than its floor`);
      if (i === 0 && tier.floor !== 0) throw new InputError("tiers: tier 1 must start at floor 0");
      if (i > 0 && tier.floor !== table[i - 1].cap) {
        throw new InputError(`tiers: tier ${n} floor must equal tier ${i}'s cap (${table[i - 1].cap}); tiers must be contiguous`);
      }
      if (i > 0 && tier.maintenance_margin_rate < table[i - 1].maintenance_margin_rate) {
        throw new InputError(`tiers: tier ${n} rate must not be lower than tier ${i}'s`);
      }
    });
    return table;
  }

  // Inputs from their text, fallbacks applied. With a tier table the rate and amount it supplies are left
  // empty (null); one typed in as well reaches the calculator, which refuses the pair, as Python does.
  function readInputs(meta, texts, skip) {
    const values = {};
    const table = meta.inputs.some(i => i.kind === "tiers") ? tierTable(texts.tiers ?? "") : null;
    for (const input of meta.inputs) {
      if (input.name === skip) continue;
      const text = texts[input.name];
      if (input.kind === "tiers") values.tiers = table;
      else if (table && meta.tierSupplies.includes(input.name) && String(text ?? "").trim() === "") values[input.name] = null;
      else if ((text === undefined || String(text).trim() === "") && input.fallback !== null) values[input.name] = input.fallback;
      else values[input.name] = checked(input, text ?? "");
    }
    if (table && "notional" in values) tierLookup(table, values.notional);
    return values;
  }

  function run(calc, values) {
    const outputs = calc.compute(values);
    for (const [name, value] of Object.entries(outputs)) {
      if (!Number.isFinite(value)) throw new InputError(`these inputs are too extreme: ${name} is not a finite number`);
      outputs[name] = value + 0;  // -0 shows as 0
    }
    return outputs;
  }

  function solve(calc, target, goal, values) {
    const meta = calc.meta;
    if (!meta.numericSolves[target]) {
      const solution = calc.solvers[target]({...values, [meta.primary]: goal});
      const input = meta.inputs.find(i => i.name === target);
      try { return checked(input, String(solution)); } catch (error) {
        throw new InputError(`no ${target} in its allowed range (${input.bounds}) gives ${meta.primary} = ${goal}; ` +
                             `the formula gives ${solution}`);
      }
    }
    if (calc.solvers[target]) calc.solvers[target]({...values, [meta.primary]: goal});  // NoSolution outside the bounds
    const [low, high] = meta.numericSolves[target];
    const found = solveMonotone(x => run(calc, {...values, [target]: x})[meta.primary], goal, low, high);
    if (typeof found === "number") return found;
    throw new NoSolution(`no ${target} from ${low} to ${high} gives ${meta.primary} = ${goal}: for these inputs it lies ` +
                         `between ${found.lowest} and ${found.highest}`);
  }

  // Every output by name for the given input texts; in solve mode `target` is found from the primary output.
  function evaluate(id, texts, target = "") {
    const calc = registry[id];
    try {
      if (!target) return run(calc, readInputs(calc.meta, texts, ""));
      const values = readInputs(calc.meta, texts, target);
      const goal = number(calc.meta.primary, texts[calc.meta.primary] ?? "");
      const solution = solve(calc, target, goal, values);
      return {...run(calc, {...values, [target]: solution}), [target]: solution};
    } catch (error) {
      if (error instanceof NoSolution) throw error;  // "none", with the reason
      if (error instanceof InputError || error instanceof RangeError) throw new InputError(error.message);
      throw error;
    }
  }

  // A page script leaves out the fields that hold their default (calculators/script_data.py); put them back.
  const INPUT_DEFAULTS = {choices: [], fallback: null, high: null, low: null, lowOpen: false};
  const META_DEFAULTS = {closedFormSolves: [], numericSolves: {}, tierSupplies: []};

  function register(meta, compute, solvers) {
    const full = {...META_DEFAULTS, ...meta, inputs: meta.inputs.map(input => ({...INPUT_DEFAULTS, ...input}))};
    registry[meta.id] = {meta: full, compute, solvers};
  }

  return {register, evaluate, INPUT_DEFAULTS, META_DEFAULTS, InputError, NoSolution, registry, solveMonotone, quote, display, percent, tierTable, checked, readInputs};
})();

if (typeof module !== "undefined") module.exports = {checkNumber, checkChoice, checkOutputs, quoteValue, erfc, tierLookup, tierFor, floorQuotient, NoSolution, GlossaryCalculators};
