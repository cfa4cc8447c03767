// Widget glue: binds each <form class="calculator"> to its generated calculator.
// Outputs update on every input; the state (inputs and solve mode) lives in the query
// string so a result can be shared (the copy-link button copies it). An input error is
// shown next to its field, in the field's own words (its label), and summarised in the
// form's alert. Initialises on DOMContentLoaded and on Material's document$, so a widget
// works after instant navigation too.
(() => {
  if (typeof document === "undefined") return;  // loaded in Node for tests: nothing to bind
  const G = GlossaryCalculators;
  // The same text the page was built with (numbers.py): a rate (data-percent) as a percentage.
  const display = (output, value) => (output.hasAttribute("data-percent") ? G.percent(value) : G.display(value));

  function fields(form) {
    return [...form.querySelectorAll("input[name], select[name], textarea[name]")].filter(el => el.name !== "solve");
  }

  // Inputs a tier table supplies (rate and amount) while the tier editor is in use.
  function tierSupplied(form, name) {
    return form.dataset.tiers === "on" && G.registry[form.dataset.calculator].meta.tierSupplies.includes(name);
  }

  function applyMode(form, target) {
    for (const field of form.querySelectorAll("[data-input]")) {
      const name = field.dataset.input;
      const off = name === target || (field.hasAttribute("data-goal") && !target) || tierSupplied(form, name);
      field.hidden = off;
      for (const el of field.querySelectorAll("[name]")) el.disabled = off;  // not the tier editor's own controls
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
      output.textContent = output.name === none ? "none" : value === undefined ? "—" : display(output, value);
    }
    form.querySelector(".calculator-error").textContent = message;
    showReason(form, reason);
    GlossaryWorking.update(form, outputs);  // working.js, in the same file
  }

  // Messages name inputs as the code does (entry_price); a reader knows the field by its label.
  // Quoted values ('…') are the reader's own text and stay as typed. widget.py has the same rules.
  const QUOTED = /'[^']*'/g;
  const word = name => new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`);

  function fieldOf(message, names) {
    const plain = message.replace(QUOTED, q => " ".repeat(q.length));
    let best = "", at = Infinity;
    for (const name of names) {
      const found = plain.search(word(name));
      if (found >= 0 && found < at) { best = name; at = found; }
    }
    return best;
  }

  function labelled(message, labels) {
    const names = Object.keys(labels).sort((a, b) => b.length - a.length);
    const pattern = names.length ? new RegExp(`(?<![A-Za-z0-9_])(${names.join("|")})(?![A-Za-z0-9_])`, "g") : null;
    const mid = label => (label.length === 1 || /^.[A-Z]/.test(label) ? label : label[0].toLowerCase() + label.slice(1));
    const text = message.split(/('[^']*')/).map(part => (/^'[^']*'$/.test(part) || !pattern ? part
      : part.replace(pattern, name => mid(labels[name])))).join("");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // The message next to the field it concerns (aria-invalid, aria-describedby); every other field cleared.
  function markFields(form, name, message) {
    for (const field of form.querySelectorAll("[data-input]")) {
      const wrong = Boolean(name) && field.dataset.input === name && !field.hidden;
      const slot = field.querySelector(".calculator-field-error");
      if (slot) { slot.textContent = wrong ? message : ""; slot.hidden = !wrong; }
      for (const el of field.querySelectorAll("input:not([type=checkbox]), select, textarea")) {
        const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(id => id && id !== slot?.id);
        if (wrong && slot) ids.push(slot.id);
        if (ids.length) el.setAttribute("aria-describedby", ids.join(" ")); else el.removeAttribute("aria-describedby");
        if (wrong) el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
      }
    }
  }

  function inputError(form, raw) {
    const labels = {}, names = [];
    for (const el of fields(form)) {
      if (el.disabled) continue;
      names.push(el.name);
      labels[el.name] = labelOf(form, el).replace(/ \((JSON, )?optional\)$/, "");
    }
    const message = labelled(raw, labels);
    markFields(form, fieldOf(raw, names), message);
    return message;
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
    markFields(form, "", "");
    try {
      show(form, G.evaluate(form.dataset.calculator, texts, target), "");
    } catch (error) {
      if (error instanceof G.NoSolution) {
        const primary = G.registry[form.dataset.calculator].meta.primary;
        show(form, null, "", target || primary, error.message);
      } else if (error instanceof G.InputError) {
        show(form, null, inputError(form, error.message));
      } else {
        throw error;
      }
    }
    if (typeof GlossaryCharts !== "undefined") GlossaryCharts.update(form, texts, target);  // chart.js redraws
  }

  function state(form) {
    const params = new URLSearchParams();
    for (const el of fields(form)) if (!el.disabled) params.set(el.name, el.value);
    if (form.elements.solve && form.elements.solve.value) params.set("solve", form.elements.solve.value);
    return params;
  }

  function remember(form) {
    history.replaceState(history.state, "", `${location.pathname}?${state(form)}${location.hash}`);
    links(form);
  }

  // The copy-link button's address and an embedded widget's link to its page both carry the state.
  function links(form) {
    const params = state(form);
    const button = form.querySelector(".calculator-copy-link");
    if (button) {
      const anchor = document.getElementById("calculator") ? "#calculator" : "";
      button.dataset.url = `${location.origin}${location.pathname}?${params}${anchor}`;
    }
    const page = form.querySelector("a.calculator-page-link");
    if (page) page.setAttribute("href", `${page.getAttribute("href").split("?")[0]}?${params}`);
  }

  function copyLink(form, button) {
    const status = form.querySelector(".calculator-copied");
    const say = text => { status.textContent = text; };
    if (!navigator.clipboard) return say(`Copy this link: ${button.dataset.url}`);
    navigator.clipboard.writeText(button.dataset.url).then(() => say("Link copied."),
                                                          () => say(`Copy this link: ${button.dataset.url}`));
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
    if (form.dataset.ready || !GlossaryWorking.has(form.dataset.calculator)) return;  // its file has not run yet
    form.dataset.ready = "1";
    const notes = restore(form);
    attachTiers(form);
    applyMode(form, form.elements.solve ? form.elements.solve.value : "");
    const button = form.querySelector(".calculator-copy-link");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", () => copyLink(form, button));
    }
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
    links(form);
    showNotes(form, notes);
  }

  // The tier editor comes in its own file, which may arrive after the widget started: attached once.
  function attachTiers(form) {
    const tiers = form.querySelector('[data-input="tiers"]');
    if (!tiers || form.dataset.tiers || typeof GlossaryTierEditor === "undefined") return;
    GlossaryTierEditor.attach(tiers, used => {
      form.dataset.tiers = used ? "on" : "off";
      applyMode(form, form.elements.solve ? form.elements.solve.value : "");
    });
  }

  function initAll() {
    for (const form of document.querySelectorAll("form.calculator[data-calculator]")) {
      init(form);
      if (form.dataset.ready) attachTiers(form);
    }
  }
  G.initAll = initAll;  // each calculator file calls it once registered (scripts.py)

  // The scripts are deferred, and a page reached by instant navigation runs them after its content
  // is in place: bind what is there now, then every page Material swaps in (document$ replays the last).
  function start() {
    initAll();
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(initAll);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, {once: true});
  else start();
})();
