// The tier editor: a table of rows (floor, cap, rate) in place of the tier table's JSON text.
// The <textarea name="tiers"> stays the source of truth (DESIGN's contract): the editor writes
// the JSON of its rows there and fires its input event, so the widget computes, checks and
// shares exactly what it did before. A cell holding something that is not a number goes into
// the JSON as text, so the runtime's own check names the tier and the column. Pasting CSV
// (floor, cap, rate per line; a header line, "%" rates, tabs or semicolons allowed) or JSON
// (a list, or {"tiers": [...]}) into any cell replaces the rows. The editor starts from the
// published example the page carries (data-example) and is off until "use" is ticked, since
// a tier table replaces the rate and amount fields. Its own file, loaded only by pages with a tier
// input; instant navigation runs it again, so it defines itself once.
globalThis.GlossaryTierEditor = globalThis.GlossaryTierEditor || (() => {
  const COLUMNS = [["floor", "Floor"], ["cap", "Cap"], ["maintenance_margin_rate", "Rate (decimal)"]];
  const NUMBER = /^\s*[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

  const cellValue = text => (NUMBER.test(text) ? Number(text) : text);

  function toJson(rows) {
    return JSON.stringify(rows.map(row => Object.fromEntries(COLUMNS.map(([key], i) => [key, cellValue(row[i])]))));
  }

  function fromJson(text) {
    let table;
    try { table = JSON.parse(text); } catch (error) { return null; }
    if (table && !Array.isArray(table) && typeof table === "object") table = table.tiers;
    if (!Array.isArray(table) || !table.length) return null;
    return table.map(tier => (Array.isArray(tier) ? tier : COLUMNS.map(([key]) => (tier || {})[key]))
      .slice(0, 3).map(value => (value === undefined || value === null ? "" : String(value))));
  }

  function fromCsv(text) {
    const rows = [];
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      const cells = line.split(/[,;\t]/).map(cell => cell.trim().replace(/^"(.*)"$/, "$1"));
      const rate = cells[2] || "";
      if (rate.endsWith("%") && NUMBER.test(rate.slice(0, -1))) cells[2] = String(Number(rate.slice(0, -1)) / 100);
      if (!rows.length && !cells.some(cell => NUMBER.test(cell))) continue;  // a header line
      if (cells.length < 3) return null;
      rows.push(cells.slice(0, 3));
    }
    return rows.length ? rows : null;
  }

  // Rows from pasted text, or null when it is a single value (an ordinary paste into one cell).
  function parse(text) {
    const trimmed = text.trim();
    if (/^[[{]/.test(trimmed)) return fromJson(trimmed);
    return /[\n,;\t]/.test(trimmed) ? fromCsv(trimmed) : null;
  }

  function element(tag, props = {}, ...children) {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  }

  function attach(field, onUse) {
    const textarea = field.querySelector("textarea");
    const ident = textarea.id;
    const use = element("input", {type: "checkbox", id: `${ident}-use`});
    const body = element("tbody");
    const add = element("button", {type: "button", className: "calculator-tier-add", textContent: "Add a tier"});
    const rows = element("fieldset", {className: "calculator-tier-rows"},
      element("legend", {className: "calculator-tier-legend", textContent: "Tiers"}),
      element("table", {className: "calculator-tier-table"},
        element("thead", {}, element("tr", {}, ...COLUMNS.map(([, title]) => element("th", {scope: "col", textContent: title})),
                                     element("th", {scope: "col", textContent: "Row"}))),
        body),
      element("p", {}, add, " ",
              element("small", {className: "calculator-hint",
                                textContent: "Paste CSV (floor, cap, rate per line) or JSON into any cell to replace the table."})));
    const editor = element("div", {className: "calculator-tier-editor"},
      element("p", {}, use, " ", element("label", {htmlFor: use.id,
        textContent: "Use a tier table (its rate and amount replace the fields above)"})), rows);

    function cells() {
      return [...body.rows].map(row => [...row.querySelectorAll("input")].map(input => input.value));
    }

    function changed() {
      textarea.value = use.checked ? toJson(cells()) : "";
      textarea.dispatchEvent(new Event("input", {bubbles: true}));
    }

    // Each control is disabled itself (not through the fieldset), so the state reads from each one.
    function enable() {
      for (const el of rows.querySelectorAll("input, button")) {
        el.disabled = !use.checked || (el.classList.contains("calculator-tier-remove") && body.rows.length === 1);
      }
    }

    function render(table) {
      body.replaceChildren(...table.map((row, r) => element("tr", {},
        ...COLUMNS.map(([, title], c) => element("td", {}, element("input", {
          type: "text", inputMode: "decimal", autocomplete: "off", value: row[c] ?? "",
          ariaLabel: `Tier ${r + 1} ${title.toLowerCase()}`}))),
        element("td", {}, element("button", {type: "button", className: "calculator-tier-remove", textContent: "Remove",
                                             ariaLabel: `Remove tier ${r + 1}`})))));
      enable();
    }

    function setUse(on) {
      use.checked = on;
      enable();
      onUse(on);
    }

    body.addEventListener("input", event => {
      event.stopPropagation();  // the textarea's own event follows, with the JSON in place
      changed();
    });
    body.addEventListener("click", event => {
      const button = event.target.closest(".calculator-tier-remove");
      if (!button) return;
      const table = cells();
      table.splice(button.closest("tr").rowIndex - 1, 1);
      render(table);
      changed();
    });
    body.addEventListener("paste", event => {
      const table = parse(event.clipboardData ? event.clipboardData.getData("text/plain") : "");
      if (!table) return;
      event.preventDefault();
      render(table);
      changed();
    });
    add.addEventListener("click", () => {
      const table = cells();
      const last = table[table.length - 1] || ["0", "", ""];
      table.push([last[1], "", last[2]]);
      render(table);
      changed();
      body.rows[body.rows.length - 1].querySelectorAll("input")[1].focus();
    });
    use.addEventListener("change", event => {
      event.stopPropagation();
      setUse(use.checked);
      changed();
    });

    const given = textarea.value.trim() ? fromJson(textarea.value) : null;
    render(given || fromJson(field.dataset.example || "") || [["0", "", ""]]);
    textarea.hidden = true;
    field.querySelector(`label[for="${ident}"]`).hidden = true;
    field.classList.add("calculator-field--tiers");
    textarea.after(editor);
    // A table in the link (or typed as JSON) that the rows cannot show stays in the textarea, shown.
    if (textarea.value.trim() && !given) textarea.hidden = false;
    setUse(Boolean(textarea.value.trim()));
  }

  return {attach, parse, toJson};
})();
