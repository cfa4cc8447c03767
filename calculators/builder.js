// The position builder's page: reads the legs editor, computes with GlossaryStrategy (strategy.js, which
// values options with the generated black-76 function) and redraws the results, the chart and its data
// table as builder_view.py built them, with the same texts. All state lives in the query string
// (?spot=…&leg=call,long,60000,30,1,&…), so a position can be shared. No inline handlers: one listener
// per form, delegated.
"use strict";

const GlossaryBuilder = (() => {
  const S = GlossaryStrategy;
  const NUMBER = /^\s*[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
  const SETTINGS = ["spot", "width", "expiry", "vol", "rate"];
  const LEG_FIELDS = ["kind", "side", "strike", "expiry_days", "quantity", "premium"];
  const MAX_LEGS = 20, SVG = "http://www.w3.org/2000/svg";
  const [LEFT, RIGHT, TOP, BOTTOM] = [8, 632, 10, 300];
  const display = value => GlossaryCalculators.display(value);

  class PageError extends Error {}

  function number(label, text, low, lowOpen) {
    if (!NUMBER.test(String(text))) throw new PageError(`${label} must be a number, got '${String(text).slice(0, 40)}'`);
    const value = Number(text);
    if (!Number.isFinite(value) || (lowOpen ? value <= low : value < low)) {
      throw new PageError(`${label} must be ${lowOpen ? ">" : "≥"} ${low}, got ${text.trim()}`);
    }
    return value;
  }

  // The form's state as texts: what the URL holds and the inputs show.
  function read(form) {
    const state = {preset: form.elements.preset.value, day: form.elements.day.value, legs: []};
    for (const name of SETTINGS) state[name] = form.elements[name].value;
    for (const row of form.querySelectorAll("tr[data-leg]")) {
      state.legs.push(Object.fromEntries(LEG_FIELDS.map(f => [f, row.querySelector(`[name="${f}"]`).value])));
    }
    return state;
  }

  // Numbers and legs from the texts; a mistake names its field ("Leg 2 strike must be …").
  function parse(state) {
    const spot = number("Spot", state.spot, 0, true), vol = number("Volatility", state.vol, 0, true);
    const rate = number("Risk-free rate", state.rate, -1, false);
    if (state.legs.length === 0) throw new PageError("Add a leg: the position is empty");
    const legs = state.legs.map((texts, i) => {
      const n = i + 1, optionLeg = texts.kind === "call" || texts.kind === "put";
      const strike = number(`Leg ${n} strike`, texts.strike, 0, true);
      const days = number(`Leg ${n} expiry`, texts.expiry_days, 0, false);
      const quantity = number(`Leg ${n} quantity`, texts.quantity, 0, true);
      let premium = 0;
      if (texts.premium.trim() !== "") premium = number(`Leg ${n} premium`, texts.premium, 0, false);
      else if (optionLeg && days === 0) throw new PageError(`Leg ${n} expires today: type its premium`);
      else if (optionLeg) premium = S.blackPremium(texts.kind, strike, days, spot, vol, rate);
      try {
        return S.leg({kind: texts.kind, side: texts.side, strike, premium, quantity, expiry_days: days});
      } catch (error) {
        throw new PageError(`Leg ${n}: ${error.message}`);
      }
    });
    const top = Math.max(...legs.map(l => l.expiry_days));
    const day = Math.min(number("Valuation date", state.day || "0", 0, false), top);
    return {spot, vol, rate, legs, day, top};
  }

  function results(p) {
    const extreme = value => (value === null ? "unbounded" : display(value));
    const net = S.netPremium(p.legs);
    const texts = {breakevens: S.breakevens(p.legs).map(display).join(", ") || "none",
                   max_profit: extreme(S.maxProfit(p.legs)), max_loss: extreme(S.maxLoss(p.legs)),
                   net_premium: display(Math.abs(net)) + (net > 0 ? " paid" : net < 0 ? " received" : "")};
    const greeks = S.greeks(p.legs, p.spot, p.day, p.vol, p.rate);
    for (const name of S.GREEKS) texts[name] = display(greeks[name]);
    return texts;
  }

  function node(tag, attrs = {}, text = "") {
    const made = tag === "svg" || ["line", "polyline", "circle"].includes(tag)
      ? document.createElementNS(SVG, tag) : document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) made.setAttribute(key, value);
    if (text) made.textContent = text;
    return made;
  }

  // builder_view.py's figure(): the two series drawn and listed, String(x) in the data.
  function drawChart(figure, p) {
    const xs = S.chartSpots(p.legs, p.spot);
    const series = {pnl_at_expiry: xs.map(x => S.pnlAtExpiry(p.legs, x)),
                    value: xs.map(x => S.value(p.legs, x, p.day, p.vol, p.rate))};
    let low = Math.min(0, ...series.pnl_at_expiry, ...series.value);
    let high = Math.max(0, ...series.pnl_at_expiry, ...series.value);
    if (low === high) { low -= 1; high += 1; }
    const px = x => (LEFT + (RIGHT - LEFT) * (x - xs[0]) / (xs[xs.length - 1] - xs[0])).toFixed(2);
    const py = y => (BOTTOM - (BOTTOM - TOP) * (y - low) / (high - low)).toFixed(2);
    const svg = figure.querySelector("svg");
    svg.replaceChildren(node("line", {class: "chart-zero", x1: LEFT, x2: RIGHT, y1: py(0), y2: py(0)}),
                        node("line", {class: "chart-spot", x1: px(p.spot), x2: px(p.spot), y1: TOP, y2: BOTTOM}));
    for (const [n, [name, ys]] of Object.entries(series).entries()) {
      svg.append(node("polyline", {class: `chart-line chart-s${n + 1} chart-${name}`, points: xs.map((x, i) => `${px(x)},${py(ys[i])}`).join(" ")}));
      xs.forEach((x, i) => svg.append(node("circle", {class: "chart-point", "data-series": name, "data-x": String(x),
                                                       "data-y": String(ys[i]), cx: px(x), cy: py(ys[i]), r: "1.5"})));
    }
    const day = String(p.day);
    figure.querySelector("figcaption").textContent = `P&L at expiry (solid) and on day ${day} (dashed) for spot from ` +
      `${display(xs[0])} to ${display(xs[xs.length - 1])}; the vertical line is today's spot ${display(p.spot)}.`;
    figure.querySelector('th[data-name="value"]').textContent = `P&L on day ${day}`;
    figure.querySelector("tbody").replaceChildren(...xs.map((x, i) => {
      const row = node("tr");
      for (const v of [x, series.pnl_at_expiry[i], series.value[i]]) row.append(node("td", {}, String(v)));
      return row;
    }));
  }

  function legRow(n, leg) {
    const row = node("tr", {"data-leg": ""});
    const choice = (name, choices, label) => {
      const select = node("select", {name, "aria-label": `Leg ${n} ${label}`});
      for (const c of choices) select.append(node("option", {}, c));
      select.value = leg[name];
      return select;
    };
    const cells = [choice("kind", S.KINDS, "kind"), choice("side", S.SIDES, "side")];
    for (const [name, label] of [["strike", "strike or entry price"], ["expiry_days", "expiry in days"],
                                 ["quantity", "quantity"], ["premium", "premium (empty: Black-76)"]]) {
      const input = node("input", {name, inputmode: "decimal", "aria-label": `Leg ${n} ${label}`});
      input.value = leg[name];
      cells.push(input);
    }
    cells.push(node("button", {type: "button", class: "md-button", "data-action": "remove", "aria-label": `Remove leg ${n}`}, "Remove"));
    for (const cell of cells) {
      const td = node("td");
      td.append(cell);
      row.append(td);
    }
    return row;
  }

  function setLegs(form, legs) {
    form.querySelector("table.builder-legs tbody").replaceChildren(...legs.map((leg, i) => legRow(i + 1, leg)));
  }

  // Everything redrawn from the inputs; with `remember`, the URL follows.
  function update(form, remember) {
    const state = read(form), error = form.querySelector(".builder-error");
    const slider = form.elements.day;
    let p;
    try {
      p = parse(state);
    } catch (caught) {
      if (!(caught instanceof PageError || caught instanceof S.LegError || caught instanceof GlossaryCalculators.InputError)) throw caught;
      error.textContent = caught.message;
      for (const dd of form.querySelectorAll("[data-result]")) dd.textContent = "—";
      return;
    }
    error.textContent = "";
    slider.max = String(p.top);
    slider.value = String(p.day);
    form.querySelector("#builder-day-shown").textContent = `day ${String(p.day)}`;
    const texts = results(p);
    for (const dd of form.querySelectorAll("[data-result]")) dd.textContent = texts[dd.dataset.result];
    form.querySelectorAll("tr[data-leg]").forEach((row, i) => {
      row.querySelector('[name="premium"]').placeholder = display(p.legs[i].premium);
    });
    drawChart(form.querySelector("figure.builder-chart"), p);
    if (remember) history.replaceState(history.state, "", `${location.pathname}?${query(state)}${location.hash}`);
  }

  function query(state) {
    const params = new URLSearchParams();
    for (const name of ["preset", ...SETTINGS, "day"]) params.set(name, state[name]);
    for (const leg of state.legs) params.append("leg", LEG_FIELDS.map(f => leg[f].trim()).join(","));
    return params.toString();
  }

  // A shared link's state put back into the form; what it cannot use is named in the error line.
  function restore(form, search) {
    const params = new URLSearchParams(search);
    if (![...params.keys()].length) return;
    form.elements.day.max = "36500";  // the legs decide the real end; a range input clamps to its max
    for (const name of ["preset", ...SETTINGS, "day"]) {
      if (params.has(name)) form.elements[name].value = params.get(name);
    }
    const legs = params.getAll("leg").map(text => Object.fromEntries(LEG_FIELDS.map((f, i) => [f, text.split(",")[i] ?? ""])));
    if (legs.length) setLegs(form, legs.slice(0, MAX_LEGS));
  }

  function loadPreset(form) {
    const state = read(form);
    try {
      const spot = number("Spot", state.spot, 0, true), width = number("Strike width", state.width, 0, true);
      const days = number("Expiry", state.expiry, 0, true), vol = number("Volatility", state.vol, 0, true);
      const legs = S.preset(state.preset, spot, width, days, vol);
      setLegs(form, legs.map(l => ({kind: l.kind, side: l.side, strike: String(l.strike), expiry_days: String(l.expiry_days),
                                    quantity: String(l.quantity), premium: ""})));
      form.elements.day.value = "0";
    } catch (caught) {
      form.querySelector(".builder-error").textContent = caught.message;
      return;
    }
    update(form, true);
  }

  function act(form, button) {
    const action = button.dataset.action;
    if (action === "preset") return loadPreset(form);
    if (action === "copy") {
      const status = form.querySelector(".builder-error");
      if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(() => { status.textContent = "Link copied."; }, () => {});
      return undefined;
    }
    const legs = read(form).legs;
    if (action === "add" && legs.length < MAX_LEGS) {
      legs.push({...(legs[legs.length - 1] || {kind: "call", side: "long", strike: form.elements.spot.value,
                                               expiry_days: form.elements.expiry.value, quantity: "1"}), premium: ""});
    }
    if (action === "remove") legs.splice([...form.querySelectorAll("tr[data-leg]")].indexOf(button.closest("tr")), 1);
    setLegs(form, legs);
    const focus = action === "add" ? form.querySelector("tr[data-leg]:last-child select") : form.querySelector('[data-action="add"]');
    if (focus) focus.focus();
    return update(form, true);
  }

  function init(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    restore(form, location.search);
    form.addEventListener("input", () => update(form, true));
    form.addEventListener("change", event => { if (event.target.tagName === "SELECT") update(form, true); });
    form.addEventListener("submit", event => event.preventDefault());
    form.addEventListener("click", event => {
      const button = event.target.closest("button[data-action]");
      if (button && form.contains(button)) act(form, button);
    });
    update(form, false);
  }

  // True once the forms are bound; false while the core or black-76's compute has not run yet.
  function initAll() {
    if (typeof GlossaryCalculators === "undefined" || !GlossaryCalculators.registry["black-76"]) return false;
    document.querySelectorAll("form[data-builder]").forEach(init);
    return true;
  }

  return {initAll, parse, query};
})();

// Instant navigation runs a page's scripts in any order: until the core and black-76's compute have
// run, wait in their queue (calculators/scripts.py); the file that registers black-76 wakes it.
if (typeof document !== "undefined") {
  const start = () => {
    if (!GlossaryBuilder.initAll()) (globalThis.__glossaryPending = globalThis.__glossaryPending || []).push(start);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(GlossaryBuilder.initAll);
}
