// "How this was computed": after every compute, the working list under a widget's results
// shows each step's and output's value from the generated steps function (the same code the
// results come from). widget.js calls GlossaryWorking.update(form, outputs) once the results
// are shown; outputs is null when there are none (an input error, no solution): then "—".
const GlossaryWorking = (() => {
  const registry = {};

  function register(id, steps) {
    registry[id] = steps;
  }

  // True once the calculator's own file has run: a chart's call (or the builder) may have registered
  // its compute function alone before (calculators/scripts.py call_script), without steps or solvers.
  const has = id => Object.hasOwn(registry, id);

  // The inputs the results were computed from: the form's texts read as runtime.js reads them,
  // and in solve mode the solved input from the results.
  function inputs(form, outputs) {
    const meta = GlossaryCalculators.registry[form.dataset.calculator].meta;
    const target = form.elements.solve ? form.elements.solve.value : "";
    const texts = {};
    for (const el of form.querySelectorAll("input[name], select[name], textarea[name]")) {
      if (el.name !== "solve" && !el.disabled) texts[el.name] = el.value;
    }
    const values = GlossaryCalculators.readInputs(meta, texts, target);
    if (target) values[target] = outputs[target];
    return values;
  }

  function values(form, outputs) {
    const steps = registry[form.dataset.calculator];
    if (!outputs || !steps) return {};
    try {
      return steps(inputs(form, outputs));
    } catch (error) {
      return {};  // the results themselves came out; a step that cannot be shown shows "—"
    }
  }

  function update(form, outputs) {
    const list = form.querySelector(".calculator-working");
    if (!list) return;
    const found = values(form, outputs);
    for (const row of list.querySelectorAll("li[data-step]")) {
      const slot = row.querySelector(".calculator-step-value");
      const value = found[row.dataset.step];
      const known = typeof value === "number" && Number.isFinite(value);
      slot.dataset.value = known ? String(value + 0) : "";
      slot.textContent = known ? GlossaryCalculators.display(value + 0) : "—";
    }
  }

  return {register, update, has};
})();

if (typeof module !== "undefined" && module.exports) module.exports.GlossaryWorking = GlossaryWorking;
