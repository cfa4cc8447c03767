// Widget glue: binds each <form class="calculator"> to its generated calculator.
// Outputs update on every input; the state (inputs and solve mode) lives in the query
// string so a result can be shared. Initialises on Material's document$, so widgets
// work after instant navigation too.
(() => {
  if (typeof document === "undefined") return;  // loaded in Node for tests: nothing to bind
  const format = new Intl.NumberFormat("en-US", {maximumSignificantDigits: 10});

  function display(value) {
    const size = Math.abs(value);
    if (value === 0 || (size >= 1e-6 && size < 1e15)) return format.format(value);
    return value.toExponential(9).replace(/\.?0+e/, "e");
  }

  function fields(form) {
    return [...form.querySelectorAll("input[name], select[name], textarea[name]")].filter(el => el.name !== "solve");
  }

  function applyMode(form, target) {
    for (const field of form.querySelectorAll("[data-input]")) {
      const off = field.dataset.input === target || (field.hasAttribute("data-goal") && !target);
      field.hidden = off;
      for (const el of field.querySelectorAll("input, select, textarea")) el.disabled = off;
    }
    for (const row of form.querySelectorAll("[data-output]")) {
      const name = row.dataset.output;
      row.hidden = row.hasAttribute("data-solved") ? name !== target : Boolean(target) && row.hasAttribute("data-primary");
    }
  }

  function show(form, outputs, message) {
    for (const output of form.querySelectorAll("output[name]")) {
      const value = outputs ? outputs[output.name] : undefined;
      output.dataset.value = value === undefined ? "" : String(value);
      output.textContent = value === undefined ? "—" : display(value);
    }
    form.querySelector(".calculator-error").textContent = message;
  }

  function update(form) {
    const target = form.elements.solve ? form.elements.solve.value : "";
    const texts = {};
    for (const el of fields(form)) if (!el.disabled) texts[el.name] = el.value;
    try {
      show(form, GlossaryCalculators.evaluate(form.dataset.calculator, texts, target), "");
    } catch (error) {
      if (!(error instanceof GlossaryCalculators.InputError)) throw error;
      show(form, null, error.message);
    }
  }

  function remember(form) {
    const params = new URLSearchParams();
    for (const el of fields(form)) if (!el.disabled) params.set(el.name, el.value);
    if (form.elements.solve && form.elements.solve.value) params.set("solve", form.elements.solve.value);
    history.replaceState(history.state, "", `${location.pathname}?${params}${location.hash}`);
  }

  function restore(form) {
    const params = new URLSearchParams(location.search);
    const solve = form.elements.solve;
    if (solve && params.has("solve") && [...solve.options].some(o => o.value === params.get("solve"))) {
      solve.value = params.get("solve");
    }
    for (const el of fields(form)) if (params.has(el.name)) el.value = params.get(el.name);
  }

  function startSolving(form) {
    const goal = form.querySelector("[data-goal] input");
    const current = form.querySelector(`output[name="${goal.name}"]`);
    if (current && current.dataset.value) goal.value = current.dataset.value;
  }

  function init(form) {
    if (form.dataset.ready || !GlossaryCalculators.registry[form.dataset.calculator]) return;
    form.dataset.ready = "1";
    restore(form);
    applyMode(form, form.elements.solve ? form.elements.solve.value : "");
    form.addEventListener("submit", event => event.preventDefault());
    form.addEventListener("input", event => {
      if (event.target.name === "solve") return;
      update(form);
      remember(form);
    });
    form.addEventListener("change", event => {
      if (event.target.name !== "solve") return;
      if (event.target.value) startSolving(form);
      applyMode(form, event.target.value);
      update(form);
      remember(form);
    });
    update(form);
  }

  function initAll() {
    document.querySelectorAll("form.calculator[data-calculator]").forEach(init);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(initAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
})();
