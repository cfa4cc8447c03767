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
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
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
  return {liquidation_price, tier};
}

function solve_entry_price({side, quantity, wallet_balance, maintenance_margin_rate = null, maintenance_amount = null, other_maintenance_margin = 0.0, other_unrealized_pnl = 0.0, tiers = null, liquidation_price}) {
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
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
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
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
  if (!Object.hasOwn({"long": 1, "short": -1}, side)) throw new RangeError(`side must be one of long, short, got ${side}`);
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
