"""Issue 12's widget polish in Chromium: field errors, percentages, the tier editor, copy link,
the embedded widget's link, and scripts loaded per page (also after instant navigation)."""

from __future__ import annotations

import json
import math

import pytest
import test_csp
from navigation import BUILDER_READY, MARK, SAME_DOCUMENT, follow, open_calculator

import calculators
from calculators.numbers import display_percent
from calculators.tiers import EXAMPLE

pytestmark = pytest.mark.browser
# The texts, attributes and visibility (Playwright's rule: a non-empty box, not visibility:hidden)
# of what a test reads, in one round trip: {name: selector} → {name: {text, value, visible, attrs}}.
LOOK = """(wanted) => {
  const look = selector => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return {text: el.innerText, value: el.value,
            visible: box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden",
            attrs: Object.fromEntries([...el.attributes].map(a => [a.name, a.value]))};
  };
  return Object.fromEntries(Object.entries(wanted).map(([name, selector]) => [name, look(selector)]));
}"""


def look(page, **wanted: str) -> dict:
    return page.evaluate(LOOK, wanted)


ERROR_PARTS = {"field": 'input[name="entry_price"]', "slot": '[data-input="entry_price"] .calculator-field-error',
               "alert": "form.calculator p.calculator-error[role=alert]", "other": 'input[name="quantity"]'}


def test_an_input_error_sits_next_to_its_field_in_the_fields_words(page, site_server):
    open_calculator(page, f"{site_server}calculators/liquidation-price/")
    page.fill('input[name="entry_price"]', "abc")
    seen = look(page, **ERROR_PARTS)
    field, slot = seen["field"]["attrs"], seen["slot"]
    assert field.get("aria-invalid") == "true"
    assert slot["attrs"].get("id") in field["aria-describedby"].split()
    assert slot["visible"] and slot["text"] == "Entry price must be a number, got 'abc'"
    assert seen["alert"]["text"] == slot["text"]
    assert seen["other"]["attrs"].get("aria-invalid") is None
    page.fill('input[name="entry_price"]', "60000")
    seen = look(page, **ERROR_PARTS)
    assert seen["field"]["attrs"].get("aria-invalid") is None and not seen["slot"]["visible"]
    assert seen["alert"]["text"] == ""
    assert "-error" not in seen["field"]["attrs"].get("aria-describedby", "")


def test_rates_read_as_percentages_and_data_value_keeps_the_decimal(page, site_server):
    open_calculator(page, f"{site_server}calculators/maintenance-margin/")
    page.fill('input[name="maintenance_margin_rate"]', "0.0125")
    rate = look(page, rate='output[name="applied_rate"]')["rate"]
    assert rate["attrs"]["data-value"] == "0.0125" and rate["text"] == "1.25%"
    open_calculator(page, f"{site_server}calculators/constant-product-swap/")
    seen = look(page, impact='output[name="price_impact"]', out='output[name="amount_out"]')
    impact = seen["impact"]
    assert impact["text"] == display_percent(float(impact["attrs"]["data-value"])) and impact["text"].endswith("%")
    assert seen["out"]["text"][-1] != "%"


TIERS = json.loads(EXAMPLE.read_text(encoding="utf-8"))["tiers"]
# The tier editor's cells (value, disabled), the tiers field, the margin's value and the field's error, at once.
TIER_STATE = """() => ({
  cells: [...document.querySelectorAll(".calculator-tier-table tbody input")].map(c => [c.value, c.matches(":disabled")]),
  tiers: document.querySelector('textarea[name="tiers"]').value,
  margin: document.querySelector('output[name="maintenance_margin"]').dataset.value,
  rateShown: (r => { if (!r) return false; const box = r.getBoundingClientRect();
                     return box.width > 0 && box.height > 0 && getComputedStyle(r).visibility !== "hidden"; })(
               document.querySelector('input[name="maintenance_margin_rate"]')),
  error: document.querySelector('[data-input="tiers"] .calculator-field-error').innerText,
  search: location.search,
})"""


def test_the_tier_editor_starts_from_the_published_table_and_drives_the_result(page, site_server):
    open_calculator(page, f"{site_server}calculators/maintenance-margin/?notional=300000")
    state = page.evaluate(TIER_STATE)
    assert len(state["cells"]) == 3 * len(TIERS)
    assert [value for value, _ in state["cells"][:3]] == [str(TIERS[0]["floor"]), str(TIERS[0]["cap"]),
                                                          str(TIERS[0]["maintenance_margin_rate"])]
    assert state["cells"][0][1] is True and state["tiers"] == ""
    page.check(".calculator-tier-editor input[type=checkbox]")
    state = page.evaluate(TIER_STATE)
    assert not state["rateShown"]
    calc = calculators.get("maintenance-margin")
    expected = calc.compute(notional=300000, tiers=TIERS)["maintenance_margin"]
    assert float(state["margin"]) == pytest.approx(expected, rel=1e-12)
    page.locator('[aria-label="Tier 3 rate (decimal)"]').fill("0.02")  # the tier holding 300,000
    state = page.evaluate(TIER_STATE)
    edited = [dict(t) for t in TIERS]
    edited[2]["maintenance_margin_rate"] = 0.02
    changed = calc.compute(notional=300000, tiers=edited)["maintenance_margin"]
    assert changed != expected and float(state["margin"]) == pytest.approx(changed, rel=1e-12)
    assert json.loads(state["tiers"]) == edited
    assert "tiers=" in state["search"]
    page.locator('[aria-label="Tier 2 floor"]').fill("abc")  # the runtime's own check, in the field's words
    error = page.evaluate(TIER_STATE)["error"]
    assert error.startswith("Tier table: tier 2 floor must be a finite number, got 'abc'"), error


# Pastes ``text`` into the field at ``selector`` as a reader's paste would, then returns TIER_STATE.
PASTE = """([selector, text]) => {
  const data = new DataTransfer();
  data.setData("text/plain", text);
  document.querySelector(selector).dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                                                 cancelable: true}));
  return (""" + TIER_STATE + """)();
}"""


def test_pasting_csv_or_json_into_the_tier_editor_replaces_its_rows(page, site_server):
    open_calculator(page, f"{site_server}calculators/maintenance-margin/?notional=120000")
    page.check(".calculator-tier-editor input[type=checkbox]")
    state = page.evaluate(PASTE, ['[aria-label="Tier 1 floor"]', "floor,cap,rate\n0,100000,0.5%\n100000,1000000,1%\n"])
    assert [value for value, _ in state["cells"]] == ["0", "100000", "0.005", "100000", "1000000", "0.01"]
    table = [{"floor": 0, "cap": 100000, "maintenance_margin_rate": 0.005},
             {"floor": 100000, "cap": 1000000, "maintenance_margin_rate": 0.01}]
    expected = calculators.get("maintenance-margin").compute(notional=120000, tiers=table)["maintenance_margin"]
    assert float(state["margin"]) == pytest.approx(expected, rel=1e-12)
    state = page.evaluate(PASTE, ['[aria-label="Tier 2 cap"]', json.dumps({"tiers": TIERS[:2]})])
    assert len(state["cells"]) == 6 and state["cells"][4][0] == str(TIERS[1]["cap"])
    page.click('[aria-label="Remove tier 2"]')
    assert len(page.evaluate(TIER_STATE)["cells"]) == 3
    page.click(".calculator-tier-add")
    state = page.evaluate(TIER_STATE)
    assert len(state["cells"]) == 6 and state["cells"][3][0] == str(TIERS[0]["cap"])


def test_copy_link_copies_the_shareable_state(page, site_server):
    """The session tab, allowed the clipboard for this test only."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        open_calculator(page, f"{site_server}calculators/liquidation-price/")
        page.fill('input[name="quantity"]', "2.5")
        button = page.locator(".calculator-copy-link")
        assert button.is_visible()
        button.click()
        page.wait_for_function("() => document.querySelector('.calculator-copied').textContent !== ''")
        copied, url, shown = page.evaluate("""async () => [await navigator.clipboard.readText(),
            document.querySelector(".calculator-copy-link").dataset.url,
            document.querySelector('output[name="liquidation_price"]').dataset.value]""")
        assert copied == url and "quantity=2.5" in copied
        page.goto("about:blank")  # the link names this page, with its anchor: a fresh load, not a jump to it
        open_calculator(page, copied)
        assert page.evaluate("() => document.querySelector('output[name=\"liquidation_price\"]').dataset.value") == shown
    finally:
        page.context.clear_permissions()


def test_an_embedded_widget_links_to_its_calculator_page_with_the_inputs(page, site_server):
    open_calculator(page, f"{site_server}terms/impermanent-loss/")
    page.fill('form.calculator input[name="price_ratio"]', "3")
    seen = look(page, link="form.calculator a.calculator-page-link", out='output[name="impermanent_loss"]')
    assert "price_ratio=3" in seen["link"]["attrs"]["href"]
    value = seen["out"]["attrs"]["data-value"]
    page.evaluate("() => document.querySelector('form.calculator').setAttribute('data-left', '')")  # the term page's
    page.click("form.calculator a.calculator-page-link")
    page.wait_for_url("**/calculators/impermanent-loss/**")
    page.wait_for_function("() => document.querySelector('form.calculator[data-ready]:not([data-left])')")
    seen = look(page, ratio='input[name="price_ratio"]', out='output[name="impermanent_loss"]')
    assert seen["ratio"]["value"] == "3"
    assert seen["out"]["attrs"]["data-value"] == value


CALC_SCRIPTS = ("() => [...document.querySelectorAll('script[src]')].map(s => s.src)"
                ".filter(s => s.includes('/assets/calculators/'))")


def test_scripts_load_per_page_and_widgets_start_after_instant_navigation(watched, prefixed_site):
    page, site_server = watched, prefixed_site
    page.goto(f"{site_server}")
    assert page.evaluate(f"() => [({CALC_SCRIPTS})(), typeof GlossaryCalculators]") == [[], "undefined"]
    page.evaluate(MARK)
    for path, calc_id in (("calculators/margin-ratio/", "margin-ratio"), ("calculators/liquidation-price/", "liquidation-price"),
                          ("terms/impermanent-loss/", "impermanent-loss")):
        follow(page, site_server + path)
        page.wait_for_url(f"**/{path}")
        page.wait_for_function("id => document.querySelector(`form.calculator[data-calculator='${id}'][data-ready]`)",
                               arg=calc_id)
        same, loaded = page.evaluate(f"() => [({SAME_DOCUMENT})(), ({CALC_SCRIPTS})()]")
        assert same is True, f"{path}: a full reload, not instant navigation"
        assert any(f"/{calc_id}." in src for src in loaded), (path, loaded)
        assert_widget_answers(page, f'form.calculator[data-calculator="{calc_id}"]')
    assert test_csp.violations(page) == []


# Types into the form's first enabled text field as ``fill`` would (an input event), returns the
# error line and the first output's value.
ANSWER = """([form, text]) => {
  const root = document.querySelector(form), field = root.querySelector("input[type=text]:not([disabled])");
  field.value = text;
  field.dispatchEvent(new Event("input", {bubbles: true}));
  return [root.querySelector(".calculator-error").innerText, root.querySelector("output").dataset.value];
}"""


def assert_widget_answers(page, form: str) -> None:
    """A bad value shows an error, a good one a finite result: the widget is bound and computing."""
    error, _ = page.evaluate(ANSWER, [form, "abc"])
    assert error != "", form
    _, value = page.evaluate(ANSWER, [form, "2"])
    assert value != "" and math.isfinite(float(value)), (form, value)


def test_the_builder_and_a_widget_both_start_across_instant_navigation(watched, prefixed_site):
    """The builder loads the runtime's core and black-76's compute function alone: the black-76 page reached
    from it instantly must still get the widgets' runtime and black-76's own file (working, chart, solvers)
    before its widget starts, and the builder reached back from there must start again."""
    page, site_server = watched, prefixed_site
    page.goto(f"{site_server}calculators/position-builder/")
    page.wait_for_function(BUILDER_READY)
    kinds, loaded = page.evaluate(f"() => [[typeof GlossaryCalculators, typeof GlossaryWorking], ({CALC_SCRIPTS})()]")
    assert kinds == ["object", "undefined"]
    assert not any("/widgets." in src for src in loaded)
    page.evaluate(MARK)
    follow(page, f"{site_server}calculators/black-76/")
    page.wait_for_url("**/calculators/black-76/")
    page.wait_for_function("() => document.querySelector(\"form.calculator[data-calculator='black-76'][data-ready]\")")
    page.wait_for_function("() => document.querySelector('figure.calculator-chart')?.dataset.drawn === '1'")
    form = 'form.calculator[data-calculator="black-76"]'
    same, steps = page.evaluate(f"""() => [({SAME_DOCUMENT})(),
        [...document.querySelectorAll('{form} .calculator-working .calculator-step-value')].map(s => s.innerText)]""")
    assert same is True, "a full reload, not instant navigation"
    assert len(steps) > 0 and "—" not in steps  # the working came with the widget
    assert_widget_answers(page, form)
    follow(page, f"{site_server}calculators/position-builder/")
    page.wait_for_url("**/calculators/position-builder/")
    page.wait_for_function(BUILDER_READY)
    legs = "() => document.querySelectorAll('form[data-builder] tr[data-leg]').length"
    same, before = page.evaluate(f"() => [({SAME_DOCUMENT})(), ({legs})()]")
    assert same is True, "a full reload, not instant navigation"
    page.click("form[data-builder] [data-action=add]")  # one listener: one click, one leg
    after, delta = page.evaluate(f"() => [({legs})(), document.querySelector('form[data-builder] [data-result=delta]')"
                                 ".innerText]")
    assert after == before + 1
    assert delta not in ("", "—")
    assert test_csp.violations(page) == []
