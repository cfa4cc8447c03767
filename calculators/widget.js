// Widget glue: binds each <form class="calculator"> to its generated calculator.
// Outputs update on every input; the state (inputs and solve mode) lives in the query
// string so a result can be shared. Initialises on Material's document$, so widgets
// work after instant navigation too.
(() => {
  if (typeof document === "undefined") return;  // loaded in Node for tests: nothing to bind
  const display = GlossaryCalculators.display;  // the same text the page was built with (numbers.py)

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

  // `none` names the output that has no value (the primary one, or the solved input); its
  // reason goes in a polite status line under the results, not in the error alert.
  function show(form, outputs, message, none = "", reason = "") {
    for (const output of form.querySelectorAll("output[name]")) {
      const value = outputs ? outputs[output.name] : undefined;
      output.dataset.value = value === undefined ? "" : String(value);
      output.textContent = output.name === none ? "none" : value === undefined ? "—" : display(value);
    }
    form.querySelector(".calculator-error").textContent = message;
    showReason(form, reason);
    if (typeof GlossaryWorking !== "undefined") GlossaryWorking.update(form, outputs);  // working.js
  }

  function showReason(form, reason) {
    let line = form.querySelector(".calculator-none");
    if (!line && reason) {
      line = document.createElement("p");
      line.className = "calculator-none";
      line.setAttribute("role", "status");
      form.querySelector(".calculator-results").after(line);
    }
    if (line) {
      line.textContent = reason ? `No result: ${reason}.` : "";
      line.hidden = !reason;
    }
  }

  function update(form) {
    const target = form.elements.solve ? form.elements.solve.value : "";
    const texts = {};
    for (const el of fields(form)) if (!el.disabled) texts[el.name] = el.value;
    try {
      show(form, GlossaryCalculators.evaluate(form.dataset.calculator, texts, target), "");
    } catch (error) {
      if (error instanceof GlossaryCalculators.NoSolution) {
        const primary = GlossaryCalculators.registry[form.dataset.calculator].meta.primary;
        show(form, null, "", target || primary, error.message);
      } else if (error instanceof GlossaryCalculators.InputError) {
        show(form, null, error.message);
      } else {
        throw error;
      }
    }
    if (typeof GlossaryCharts !== "undefined") GlossaryCharts.update(form, texts, target);  // chart.js redraws
  }

  function remember(form) {
    const params = new URLSearchParams();
    for (const el of fields(form)) if (!el.disabled) params.set(el.name, el.value);
    if (form.elements.solve && form.elements.solve.value) params.set("solve", form.elements.solve.value);
    history.replaceState(history.state, "", `${location.pathname}?${params}${location.hash}`);
  }

  // Query parameters Material itself reads (search query, search-term highlight): not ours to report.
  const FOREIGN = new Set(["q", "h"]);

  function labelOf(form, el) {
    const label = el.id ? form.querySelector(`label[for="${el.id}"]`) : null;
    return label ? label.textContent.trim() : el.name;
  }

  function choose(select) {
    const values = [...select.options].map(o => o.value).filter(Boolean);
    return values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}` : values.join("");
  }

  // Applies the query string to the form; returns a note for each parameter it had to ignore.
  // Keys and values are only compared with the form's own names, never used to index an object,
  // so "__proto__" and friends reach no prototype.
  function restore(form) {
    const params = new URLSearchParams(location.search);
    const quote = GlossaryCalculators.quote;
    const notes = [];
    const controls = new Map(fields(form).map(el => [el.name, el]));
    const solve = form.elements.solve;
    for (const [key, value] of params) {
      if (key === "solve" && solve) {
        if ([...solve.options].some(o => o.value === value)) solve.value = value;
        else notes.push(`ignored solve=${quote(value)}: it can solve for ${choose(solve)}`);
      } else if (!controls.has(key) && !FOREIGN.has(key)) {
        notes.push(`ignored unknown parameter ${quote(key)}`);
      }
    }
    for (const [name, el] of controls) {
      if (!params.has(name)) continue;
      const value = params.get(name);
      if (el.tagName === "SELECT" && ![...el.options].some(o => o.value === value)) {
        notes.push(`ignored ${quote(value)}: it is not a valid ${labelOf(form, el)}; choose ${choose(el)}`);
      } else {
        el.value = value;
      }
    }
    return notes;
  }

  // The ignored parameters, shown once next to the error line until the reader edits the form.
  function showNotes(form, notes) {
    let note = form.querySelector(".calculator-note");
    if (!notes.length) {
      if (note) note.remove();
      return;
    }
    if (!note) {
      note = document.createElement("p");
      note.className = "calculator-note";
      note.setAttribute("role", "status");
      form.querySelector(".calculator-error").before(note);
    }
    note.textContent = `From the link: ${notes.join("; ")}.`;
  }

  function startSolving(form) {
    const goal = form.querySelector("[data-goal] input");
    const current = form.querySelector(`output[name="${goal.name}"]`);
    if (current && current.dataset.value) goal.value = current.dataset.value;
  }

  function init(form) {
    if (form.dataset.ready || !GlossaryCalculators.registry[form.dataset.calculator]) return;
    form.dataset.ready = "1";
    const notes = restore(form);
    applyMode(form, form.elements.solve ? form.elements.solve.value : "");
    form.addEventListener("submit", event => event.preventDefault());
    form.addEventListener("input", event => {
      if (event.target.name === "solve") return;
      update(form);
      remember(form);
      showNotes(form, []);  // the query string now holds only the form's own values
    });
    form.addEventListener("change", event => {
      if (event.target.name !== "solve") return;
      if (event.target.value) startSolving(form);
      applyMode(form, event.target.value);
      update(form);
      remember(form);
      showNotes(form, []);
    });
    update(form);
    showNotes(form, notes);
  }

  function initAll() {
    document.querySelectorAll("form.calculator[data-calculator]").forEach(init);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(initAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
})();
