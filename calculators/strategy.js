// The position builder's maths: calculators/strategy.py and calculators/strategy_presets.py, line for
// line, so the page and the Python API give the same breakevens, extremes and values
// (tests/data/strategy-cases.json holds both to it). No DOM here (builder.js does that), so Node can
// run it. Option values come from the generated black-76 function in the calculators bundle.
"use strict";

const GlossaryStrategy = (() => {
  const KINDS = ["call", "put", "future", "spot"], SIDES = ["long", "short"];
  const GREEKS = ["delta", "gamma", "vega", "theta"];
  const DAYS_PER_YEAR = 365, MAX_DAYS = 36500;

  class LegError extends Error {}

  function number(name, value, low, lowOpen, high = Infinity) {
    if (typeof value !== "number") throw new LegError(`${name} must be a number, got ${String(value).slice(0, 40)}`);
    const below = lowOpen ? value <= low : value < low;
    if (!Number.isFinite(value) || below || value > high) {
      const bound = `${lowOpen ? ">" : "≥"} ${low}` + (high < Infinity ? ` and ≤ ${high}` : "");
      throw new LegError(`${name} = ${value} is out of range; it must be ${bound}`);
    }
    return value;
  }

  const isOption = leg => leg.kind === "call" || leg.kind === "put";
  const sign = leg => (leg.side === "long" ? 1 : -1);

  // A checked, frozen leg (strategy.py's Leg): strike is a future's or spot's entry price.
  function leg({kind, side, strike, premium = 0, quantity = 1, expiry_days = 30}) {
    if (!KINDS.includes(kind)) throw new LegError(`leg kind must be one of ${KINDS.join(", ")}, got ${String(kind).slice(0, 40)}`);
    if (!SIDES.includes(side)) throw new LegError(`leg side must be long or short, got ${String(side).slice(0, 40)}`);
    const made = {kind, side, strike: number("leg strike", strike, 0, true), premium: number("leg premium", premium, 0, false),
                  quantity: number("leg quantity", quantity, 0, true),
                  expiry_days: number("leg expiry_days", expiry_days, 0, false, MAX_DAYS)};
    if (!isOption(made) && made.premium !== 0) {
      throw new LegError(`a ${kind} leg has no premium (its strike is the entry price); set premium to 0, got ${premium}`);
    }
    return Object.freeze(made);
  }

  function payoff(leg, spot) {
    if (leg.kind === "call") return Math.max(spot - leg.strike, 0);
    if (leg.kind === "put") return Math.max(leg.strike - spot, 0);
    return spot - leg.strike;
  }

  const legPnl = (leg, spot) => sign(leg) * leg.quantity * (payoff(leg, spot) - leg.premium);
  const isOpen = (leg, day) => isOption(leg) && day < leg.expiry_days;

  function model(leg, spot, day, volatility, rate) {
    return GlossaryCalculators.registry["black-76"].compute({
      option_type: leg.kind, forward: spot, strike: leg.strike, time_to_expiry: (leg.expiry_days - day) / DAYS_PER_YEAR,
      volatility, risk_free_rate: rate});
  }

  function checkSpot(spot, positive) {
    return number("spot", spot, 0, positive);
  }

  const sum = values => values.reduce((total, x) => total + x, 0);
  const netPremium = legs => sum(legs.map(l => sign(l) * l.quantity * l.premium));

  function pnlAtExpiry(legs, spot) {
    checkSpot(spot, false);
    return sum(legs.map(l => legPnl(l, spot)));
  }

  function kinks(legs) {
    return [...new Set([0, ...legs.filter(isOption).map(l => l.strike)])].sort((a, b) => a - b);
  }

  const finalSlope = legs => sum(legs.filter(l => l.kind !== "put").map(l => sign(l) * l.quantity));

  function breakevens(legs) {
    const points = kinks(legs), found = [];
    const values = points.map(p => pnlAtExpiry(legs, p));
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1], fa = values[i], fb = values[i + 1];
      if (fa === 0) found.push(a);
      if (fb === 0) found.push(b);
      else if (fa !== 0 && (fa < 0) !== (fb < 0)) found.push(a + (b - a) * fa / (fa - fb));
    }
    const last = points[points.length - 1], fLast = values[values.length - 1], slope = finalSlope(legs);
    if (fLast === 0) found.push(last);
    else if (slope !== 0 && (fLast < 0) !== (slope < 0)) found.push(last - fLast / slope);
    return [...new Set(found)].sort((a, b) => a - b);
  }

  function maxProfit(legs) {
    if (finalSlope(legs) > 0) return null;
    return Math.max(...kinks(legs).map(p => pnlAtExpiry(legs, p)));
  }

  function maxLoss(legs) {
    if (finalSlope(legs) < 0) return null;
    return Math.min(...kinks(legs).map(p => pnlAtExpiry(legs, p)));
  }

  function value(legs, spot, day = 0, volatility = 0.6, rate = 0) {
    number("days_forward", day, 0, false, MAX_DAYS);
    checkSpot(spot, legs.some(l => isOpen(l, day)));
    let total = 0;
    for (const l of legs) {
      if (isOpen(l, day)) total += sign(l) * l.quantity * (model(l, spot, day, volatility, rate).price - l.premium);
      else total += legPnl(l, spot);
    }
    return total;
  }

  function greeks(legs, spot, day = 0, volatility = 0.6, rate = 0) {
    number("days_forward", day, 0, false, MAX_DAYS);
    checkSpot(spot, legs.some(l => isOpen(l, day)));
    const totals = Object.fromEntries(GREEKS.map(name => [name, 0]));
    for (const l of legs) {
      if (isOpen(l, day)) {
        const unit = model(l, spot, day, volatility, rate);
        for (const name of GREEKS) totals[name] += sign(l) * l.quantity * unit[name];
      } else if (!isOption(l)) totals.delta += sign(l) * l.quantity;
    }
    return totals;
  }

  // builder_view.py's chart_spots: half the lowest to 1.5 × the highest price in play, and every strike.
  const SAMPLES = 41;

  function chartSpots(legs, spot) {
    const prices = [spot, ...legs.map(l => l.strike)];
    const low = Math.min(...prices) * 0.5, high = Math.max(...prices) * 1.5;
    const xs = [];
    for (let i = 0; i < SAMPLES; i++) xs.push(low + (high - low) * i / (SAMPLES - 1));
    xs.push(...legs.filter(l => isOption(l) && low < l.strike && l.strike < high).map(l => l.strike));
    return [...new Set(xs)].sort((a, b) => a - b);
  }

  // The premium a leg typed without one is given: its Black-76 value today.
  function blackPremium(kind, strike, expiryDays, spot, volatility, rate) {
    return model({kind, strike, expiry_days: expiryDays}, spot, 0, volatility, rate).price;
  }

  // strategy_presets.py's table: (kind, side, strike, expiry_days) around the at-the-money strike k.
  function table(k, w, t) {
    return {
      "long-straddle": [["call", "long", k, t], ["put", "long", k, t]],
      "short-straddle": [["call", "short", k, t], ["put", "short", k, t]],
      "long-strangle": [["put", "long", k - w, t], ["call", "long", k + w, t]],
      "short-strangle": [["put", "short", k - w, t], ["call", "short", k + w, t]],
      "bull-call-spread": [["call", "long", k, t], ["call", "short", k + w, t]],
      "bear-call-spread": [["call", "short", k, t], ["call", "long", k + w, t]],
      "butterfly": [["call", "long", k - w, t], ["call", "short", k, t], ["call", "short", k, t], ["call", "long", k + w, t]],
      "iron-condor": [["put", "long", k - 2 * w, t], ["put", "short", k - w, t], ["call", "short", k + w, t],
                      ["call", "long", k + 2 * w, t]],
      "covered-call": [["spot", "long", k, t], ["call", "short", k + w, t]],
      "protective-put": [["spot", "long", k, t], ["put", "long", k - w, t]],
      "collar": [["spot", "long", k, t], ["put", "long", k - w, t], ["call", "short", k + w, t]],
      "calendar-spread": [["call", "short", k, t], ["call", "long", k, 2 * t]],
    };
  }

  const PRESETS = Object.keys(table(1, 0.1, 1));

  function preset(name, spot, width = null, expiryDays = 30, volatility = 0.6) {
    number("spot", spot, 0, true);
    const w = width === null ? spot / 10 : number("width", width, 0, true);
    if (!PRESETS.includes(name)) throw new LegError(`no preset ${String(name).slice(0, 40)}; the presets are ${PRESETS.join(", ")}`);
    const rows = table(spot, w, expiryDays)[name];
    const lowest = Math.min(...rows.map(r => r[2]));
    if (lowest <= 0) throw new LegError(`${name}: width ${w} puts a strike at ${lowest}; use a smaller width`);
    return rows.map(([kind, side, strike, days]) => {
      const premium = isOption({kind}) ? model(leg({kind, side, strike, expiry_days: days}), spot, 0, volatility, 0).price : 0;
      return leg({kind, side, strike, premium, quantity: 1, expiry_days: days});
    });
  }

  return {KINDS, SIDES, GREEKS, PRESETS, LegError, leg, legPnl, isOpen, netPremium, pnlAtExpiry, kinks, finalSlope,
          breakevens, maxProfit, maxLoss, value, greeks, preset, chartSpots, blackPremium};
})();

if (typeof module !== "undefined") module.exports = {GlossaryStrategy};
