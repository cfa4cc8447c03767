// Live charts: each calculator's <figure class="calculator-chart"> redrawn on every input.
// The specs (calculators/chart_specs.py, bundled as JSON by GlossaryCharts.define) say which
// input runs along x, its range and each series as a small expression; every number comes from
// a generated calculator function through GlossaryCalculators.evaluate, never a formula typed
// here. calculators/charts.py evaluates the same expressions in the same order for the table
// built into the page, so both give the same String(x) texts.
const GlossaryCharts = (() => {
  const specs = {};
  const calc = GlossaryCalculators;
  class Missing extends Error {}

  // A page script leaves out the fields that hold their default (calculators/script_data.py); put them back.
  const DEFAULTS = {chart: {extra: [], samples: 41, pointSeries: {}, horizontal: "", marks: [], calls: []},
                    series: {unit: "", view: "value", step: false}, mark: {x: null, y: null, view: ""}};

  function define(list) {
    for (const spec of list) {
      specs[spec.id] = {...DEFAULTS.chart, ...spec, series: spec.series.map(s => ({...DEFAULTS.series, ...s})),
                        marks: (spec.marks || []).map(m => ({...DEFAULTS.mark, ...m}))};
    }
  }

  // ---- evaluation (charts.py `evaluate`, form for form) ----
  function compute(id, texts) {
    try { return calc.evaluate(id, texts); } catch (error) {
      if (error instanceof calc.InputError || error instanceof calc.NoSolution) return null;
      throw error;
    }
  }

  const text = v => v === null || v === undefined ? "" : typeof v === "number" ? String(v) : v;

  function evaluate(expr, ctx) {
    if (!Array.isArray(expr)) return expr;
    const [op, ...args] = expr;
    if (op === "x") { if (ctx.x === null) throw new Missing("x"); return ctx.x; }
    if (op === "in") {
      const value = ctx.values[args[0]];
      if (value === null || value === undefined || value === "") throw new Missing(args[0]);
      return value;
    }
    if (op === "out") {
      if (!ctx.outputs || !Object.hasOwn(ctx.outputs, args[0])) throw new Missing(args[0]);
      return ctx.outputs[args[0]];
    }
    if (op === "min" || op === "max") {
      const found = args.map(a => maybe(a, ctx)).filter(v => v !== null).map(Number);
      if (!found.length) throw new Missing(op);
      return found.reduce((a, b) => op === "min" ? Math.min(a, b) : Math.max(a, b));
    }
    if (op === "zero_if") return evaluate(args[0], ctx) === 0 ? 0 : evaluate(args[1], ctx);
    if (op === "call") {
      const texts = {};
      for (const [name, sub] of Object.entries(args[1])) texts[name] = text(maybe(sub, ctx));
      const outputs = compute(args[0], texts);
      if (outputs === null) throw new Missing(args[0]);
      return outputs[args[2]];
    }
    const n = args.map(a => Number(evaluate(a, ctx)));
    if (op === "add") return n.reduce((a, b) => a + b);
    if (op === "mul") return n.reduce((a, b) => a * b);
    if (op === "div") { if (n[1] === 0) throw new Missing("division by zero"); return n[0] / n[1]; }
    if (op === "neg") return -n[0];
    if (op === "abs") return Math.abs(n[0]);
    throw new Error(`unknown chart expression ${op}`);
  }

  function maybe(expr, ctx) {
    try { return evaluate(expr, ctx); } catch (error) { if (error instanceof Missing) return null; throw error; }
  }

  function number(expr, ctx) {
    const value = maybe(expr, ctx);
    return value === null || !Number.isFinite(value) ? null : Number(value) + 0;
  }

  // An input's value as the calculator read it (the texts are valid: the calculator just accepted them).
  function parse(meta, texts) {
    const values = {};
    for (const input of meta.inputs) {
      const raw = texts[input.name] ?? "";
      values[input.name] = input.kind !== "number" ? raw : String(raw).trim() === "" ? input.fallback : Number(raw);
    }
    return values;
  }

  function grid(spec, ctx) {
    let low = maybe(spec.low, ctx), high = maybe(spec.high, ctx);
    if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return [];
    if (!(high > low)) [low, high] = low === 0 ? [-1, 1] : [low - Math.abs(low) / 2, high + Math.abs(high) / 2];
    const n = spec.samples, found = new Set();
    for (let i = 0; i < n; i++) found.add(low + (high - low) * i / (n - 1));
    for (const expr of spec.extra) {
      const value = maybe(expr, ctx);
      if (value !== null && low <= value && value <= high) found.add(Number(value));
    }
    return [...found].sort((a, b) => a - b);
  }

  function sample(spec, texts, outputs, view) {
    const meta = calc.registry[spec.id].meta;
    const own = meta.inputs.some(i => i.name === spec.x);
    const values = parse(meta, texts);
    const ctx = {values, outputs, x: own ? values[spec.x] : null};
    const rows = [];
    for (const x of grid(spec, ctx)) {
      const at = own ? {...values, [spec.x]: x} : values;
      const sampled = {values: at, outputs: own ? compute(spec.id, {...texts, [spec.x]: String(x)}) : outputs, x};
      const cells = spec.series.map(s => number(s.expr, sampled));
      if (cells.some(c => c !== null)) rows.push([x, ...cells]);
    }
    const at = maybe(spec.pointAt, ctx);
    const here = at === null ? null : {...ctx, x: Number(at)};
    return {rows, point: here && point(spec, here, view), marks: marks(spec, here || ctx)};
  }

  function point(spec, here, view) {
    const name = spec.pointSeries[view] || spec.series.find(s => s.view === view && s.name !== spec.horizontal).name;
    const across = spec.horizontal ? spec.series.find(s => s.name === spec.horizontal).expr : ["x"];
    const x = number(across, here), y = number(spec.series.find(s => s.name === name).expr, here);
    return x === null || y === null ? null : [x, y];
  }

  function marks(spec, here) {
    const found = [];
    for (const mark of spec.marks) {
      const x = mark.x === null ? null : number(mark.x, here), y = mark.y === null ? null : number(mark.y, here);
      if ((mark.x === null || x !== null) && (mark.y === null || y !== null)) found.push({...mark, x, y});
    }
    return found;
  }

  // ---- drawing ----
  const escapeText = s => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

  // Round steps of 1, 2 or 5 times a power of ten, about `count` of them across [low, high].
  // `outward`: the axis ends on a tick (y); otherwise it spans the data exactly, ticks inside (x).
  function ticks(low, high, count, outward) {
    if (!(high > low)) { const pad = Math.abs(low) / 2 || 1; low -= pad; high += pad; }
    const raw = (high - low) / count, power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map(m => m * power).find(s => s >= raw * (1 - 1e-9));
    const round = outward ? [Math.floor, Math.ceil] : [Math.ceil, Math.floor];
    const first = round[0](low / step - (outward ? -1e-9 : 1e-9)), last = round[1](high / step + (outward ? -1e-9 : 1e-9));
    const values = [];
    for (let k = first; k <= last; k++) values.push(k * step);
    return outward ? {low: first * step, high: last * step, values} : {low, high, values};
  }

  function tickLabel(v) {
    const size = Math.abs(v);
    for (const [from, scale, suffix] of [[1e12, 1e12, "T"], [1e9, 1e9, "B"], [1e6, 1e6, "M"], [1e4, 1e3, "k"]]) {
      if (size >= from) return calc.display(Number((v / scale).toPrecision(10))) + suffix;
    }
    return calc.display(Number(v.toPrecision(10)));
  }

  const withUnit = (label, unit) => unit ? `${label} (${unit})` : label;

  function layout(spec, state, view, width) {
    const column = name => spec.series.findIndex(s => s.name === name) + 1;
    const across = spec.horizontal ? column(spec.horizontal) : 0;
    const shown = spec.series.filter(s => s.view === view && s.name !== spec.horizontal);
    const lines = shown.map(s => state.rows.map(r => r[across] === null || r[column(s.name)] === null ? null
                                                    : [r[across], r[column(s.name)]]));
    const xsAll = [], ysAll = [];
    for (const line of lines) for (const p of line) if (p) { xsAll.push(p[0]); ysAll.push(p[1]); }
    const viewMarks = state.marks.filter(m => !m.view || m.view === view);
    if (state.point) { xsAll.push(state.point[0]); ysAll.push(state.point[1]); }
    for (const m of viewMarks) {
      if (m.y !== null) ysAll.push(m.y);
      if (m.x !== null && m.y !== null) xsAll.push(m.x);
    }
    if (!xsAll.length) return null;
    const height = Math.round(Math.min(340, Math.max(220, width * 0.55)));
    const yt = ticks(Math.min(...ysAll), Math.max(...ysAll), height < 260 ? 4 : 5, true);
    const left = 14 + 7 * Math.max(...yt.values.map(v => tickLabel(v).length));
    const box = {left, right: width - 24, top: 30, bottom: height - 40};
    const xt = ticks(Math.min(...xsAll), Math.max(...xsAll), Math.max(3, Math.floor((box.right - box.left) / 80)), false);
    const sx = v => box.left + (v - xt.low) / (xt.high - xt.low) * (box.right - box.left);
    const sy = v => box.bottom - (v - yt.low) / (yt.high - yt.low) * (box.bottom - box.top);
    return {shown, lines, marks: viewMarks, width, height, box, xt, yt, sx, sy};
  }

  function path(line, step, sx, sy) {
    let d = "", open = false, lastY = 0;
    for (const p of line) {
      if (!p) { open = false; continue; }
      const x = sx(p[0]).toFixed(1), y = sy(p[1]).toFixed(1);
      d += !open ? `M${x} ${y}` : step ? `H${x}V${y}` : `L${x} ${y}`;
      open = true;
      lastY = y;
    }
    return d || `M0 ${lastY}`;
  }

  function svgText(spec, state, view, width) {
    const g = layout(spec, state, view, width);
    if (!g) return null;
    const {box, sx, sy} = g, out = [];
    const viewInfo = spec.views.find(v => v.id === view);
    for (const v of g.yt.values) {
      out.push(`<line class="chart-grid" x1="${box.left}" x2="${box.right}" y1="${sy(v)}" y2="${sy(v)}"/>`,
               `<text class="chart-tick" x="${box.left - 6}" y="${sy(v) + 4}" text-anchor="end">${tickLabel(v)}</text>`);
    }
    for (const v of g.xt.values) {
      out.push(`<line class="chart-grid" x1="${sx(v)}" x2="${sx(v)}" y1="${box.top}" y2="${box.bottom}"/>`,
               `<text class="chart-tick" x="${sx(v)}" y="${box.bottom + 16}" text-anchor="middle">${tickLabel(v)}</text>`);
    }
    const xName = spec.horizontal ? spec.series.find(s => s.name === spec.horizontal) : {label: spec.xLabel, unit: spec.xUnit};
    out.push(`<text class="chart-axis" x="${(box.left + box.right) / 2}" y="${g.height - 6}" text-anchor="middle">` +
             `${escapeText(withUnit(xName.label, xName.unit))}</text>`,
             `<text class="chart-axis" x="4" y="14">${escapeText(withUnit(viewInfo.label, viewInfo.unit))}</text>`);
    g.shown.forEach((s, n) => out.push(`<path class="chart-line chart-s${n + 1}" d="${path(g.lines[n], s.step, sx, sy)}"/>`));
    g.marks.forEach((m, n) => out.push(markText(m, n, g)));
    if (state.point) {
      const [px, py] = state.point;
      out.push(`<circle class="chart-point" data-x="${px}" data-y="${py}" r="5" cx="${sx(px)}" cy="${sy(py)}"/>`);
    }
    out.push('<g class="chart-cursor" display="none"><line y1="0" y2="0"/><circle r="4"/></g>');
    return {markup: out.join(""), geometry: g};
  }

  function markText(m, n, g) {
    // No template literal starts with a blank or nests another: the minifier (rjsmin) would drop the blank.
    const {box, sx, sy} = g, attrs = `data-mark="${m.name}"` + (m.x !== null ? " data-x=\"" + m.x + "\"" : "") +
      (m.y !== null ? " data-y=\"" + m.y + "\"" : "");
    const label = escapeText(m.label);
    if (m.x !== null && m.y !== null) {
      return `<g class="chart-mark" ${attrs}><circle cx="${sx(m.x)}" cy="${sy(m.y)}" r="4"/>` +
             `<text x="${sx(m.x) + 8}" y="${sy(m.y) + 16}">${label}</text></g>`;
    }
    if (m.x !== null) {
      const x = sx(m.x), inside = x >= box.left && x <= box.right;
      const anchor = x > box.right - 90 ? "end" : "start", dx = anchor === "end" ? -3 : 3;
      const hide = inside ? "" : " display=\"none\"";
      return `<g class="chart-mark" ${attrs}${hide}><line x1="${x}" x2="${x}" y1="${box.top}" y2="${box.bottom}"/>` +
             `<text x="${x + dx}" y="${box.top + 11 + 12 * (n % 3)}" text-anchor="${anchor}">${label}</text></g>`;
    }
    const y = sy(m.y);
    return `<g class="chart-mark" ${attrs}><line x1="${box.left}" x2="${box.right}" y1="${y}" y2="${y}"/>` +
           `<text x="${box.right - 3}" y="${y - 4}" text-anchor="end">${label}</text></g>`;
  }

  // ---- the figure: table, SVG, legend, cursor ----
  function writeTable(figure, rows) {
    const body = figure.querySelector("table.chart-data tbody");
    body.innerHTML = rows.map(r => `<tr>${r.map(v => `<td>${v === null ? "" : String(v)}</td>`).join("")}</tr>`).join("");
  }

  function draw(figure) {
    const state = figure.glossaryChart, spec = specs[figure.dataset.chart], view = figure.dataset.view;
    const svg = figure.querySelector("svg"), plot = figure.querySelector(".chart-plot");
    const legend = figure.querySelector(".chart-legend");
    legend.innerHTML = spec.series.filter(s => s.view === view && s.name !== spec.horizontal)
      .map((s, n) => `<span class="chart-key chart-s${n + 1}">${escapeText(s.label)}</span>`).join("");
    const width = Math.max(280, Math.round(plot.clientWidth || 600));
    const drawn = state.rows.length ? svgText(spec, state, view, width) : null;
    if (!drawn) {
      svg.innerHTML = "";
      state.geometry = null;
      figure.dataset.drawn = "empty";
      return;
    }
    const {markup, geometry} = drawn;
    svg.setAttribute("viewBox", `0 0 ${width} ${geometry.height}`);
    svg.setAttribute("width", width);
    svg.setAttribute("height", geometry.height);
    svg.innerHTML = markup;
    state.geometry = geometry;
    state.width = width;
    figure.dataset.drawn = "1";
    if (state.cursor !== null) showCursor(figure, state.cursor);
  }

  // The samples the cursor steps through: those of the first series drawn in this view.
  function cursorPoints(figure) {
    const g = figure.glossaryChart.geometry;
    return g ? g.lines[0].map((p, index) => p && {p, index}).filter(Boolean) : [];
  }

  function showCursor(figure, at) {
    const state = figure.glossaryChart, g = state.geometry, points = cursorPoints(figure);
    const cursor = figure.querySelector(".chart-cursor");
    if (!points.length || !cursor) return;
    state.cursor = Math.max(0, Math.min(points.length - 1, at));
    const {p, index} = points[state.cursor], x = g.sx(p[0]);
    cursor.removeAttribute("display");
    const line = cursor.querySelector("line"), dot = cursor.querySelector("circle");
    for (const [k, v] of [["x1", x], ["x2", x], ["y1", g.box.top], ["y2", g.box.bottom]]) line.setAttribute(k, v);
    dot.setAttribute("cx", x);
    dot.setAttribute("cy", g.sy(p[1]));
    figure.querySelector(".chart-readout").textContent = readout(figure, state.rows[index]);
  }

  function readout(figure, row) {
    const spec = specs[figure.dataset.chart], view = figure.dataset.view;
    const cell = name => row[spec.series.findIndex(s => s.name === name) + 1];
    const across = spec.horizontal ? spec.series.find(s => s.name === spec.horizontal)
                                   : {label: spec.xLabel, unit: spec.xUnit, name: ""};
    const x = spec.horizontal ? cell(spec.horizontal) : row[0];
    const ys = spec.series.filter(s => s.view === view && s.name !== spec.horizontal && cell(s.name) !== null)
      .map(s => withSpace(s.label, calc.display(cell(s.name)), s.unit));
    return withSpace(across.label, calc.display(x), across.unit) + ": " + ys.join("; ");
  }

  const withSpace = (...parts) => parts.filter(Boolean).join(" ");

  function nearest(figure, clientX) {
    const svg = figure.querySelector("svg"), g = figure.glossaryChart.geometry, rect = svg.getBoundingClientRect();
    const x = (clientX - rect.left) * (figure.glossaryChart.width / rect.width);
    let best = 0, gap = Infinity;
    cursorPoints(figure).forEach(({p}, k) => {
      const d = Math.abs(g.sx(p[0]) - x);
      if (d < gap) { gap = d; best = k; }
    });
    return best;
  }

  const STEPS = {ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 5, PageDown: -5};

  function bind(figure) {
    if (figure.dataset.bound) return;
    figure.dataset.bound = "1";
    const plot = figure.querySelector(".chart-plot"), select = figure.querySelector("select.chart-view");
    if (select) {
      for (const type of ["input", "change"]) {
        select.addEventListener(type, event => {
          event.stopPropagation();  // the form's own inputs did not change
          figure.dataset.view = select.value;
          redraw(figure);
        });
      }
    }
    plot.addEventListener("keydown", event => {
      const state = figure.glossaryChart, count = cursorPoints(figure).length;
      let at = state.cursor ?? 0;
      if (event.key in STEPS) at += STEPS[event.key];
      else if (event.key === "Home") at = 0;
      else if (event.key === "End") at = count - 1;
      else return;
      event.preventDefault();
      showCursor(figure, at);
    });
    plot.addEventListener("focus", () => showCursor(figure, figure.glossaryChart.cursor ?? startAt(figure)));
    plot.addEventListener("pointermove", event => showCursor(figure, nearest(figure, event.clientX)));
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(() => {
        if (figure.glossaryChart && Math.round(plot.clientWidth) !== figure.glossaryChart.width) draw(figure);
      }).observe(plot);
    }
  }

  // The cursor starts at the sample nearest the current point.
  function startAt(figure) {
    const point = figure.glossaryChart.point;
    if (!point) return 0;
    let best = 0, gap = Infinity;
    cursorPoints(figure).forEach(({p}, k) => {
      const d = Math.abs(p[0] - point[0]);
      if (d < gap) { gap = d; best = k; }
    });
    return best;
  }

  function redraw(figure) {
    const state = figure.glossaryChart;
    update(state.form, state.texts, state.target);
  }

  // Called by widget.js after every compute, with the form's input texts and its solve target.
  function update(form, texts, target = "") {
    const figure = form.querySelector("figure.calculator-chart");
    const spec = figure && specs[figure.dataset.chart];
    if (!spec || !calc.registry[spec.id]) return;
    // After instant navigation the page's scripts run in any order: the calculators this chart
    // calls may not be registered yet. Keep the built table and draw once they are.
    if (spec.calls.some(id => !calc.registry[id])) {
      figure.glossaryWaits = (figure.glossaryWaits || 0) + 1;
      if (figure.glossaryWaits <= 200) setTimeout(() => update(form, texts, target), 25);
      return;
    }
    bind(figure);
    const all = {...texts};
    let outputs = null, valid = true;
    try {
      outputs = calc.evaluate(spec.id, texts, target);
      if (target) all[target] = String(outputs[target]);
    } catch (error) {
      if (error instanceof calc.NoSolution && !target) outputs = null;
      else if (error instanceof calc.InputError || error instanceof calc.NoSolution) valid = false;
      else throw error;
    }
    const view = figure.dataset.view;
    const found = valid ? sample(spec, all, outputs, view) : {rows: [], point: null, marks: []};
    const cursor = figure.glossaryChart ? figure.glossaryChart.cursor : null;
    figure.glossaryChart = {...found, form, texts, target, cursor: cursor === null ? null : cursor};
    writeTable(figure, found.rows);
    draw(figure);
  }

  return {define, update, specs, DEFAULTS};
})();
