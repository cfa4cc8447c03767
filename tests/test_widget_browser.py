"""Issue 12's widget polish in Chromium: field errors, percentages, the tier editor, copy link,
the embedded widget's link, and scripts loaded per page (also after instant navigation)."""

from __future__ import annotations

import json
import math

import pytest
import test_csp

import calculators
from calculators.numbers import display_percent
from calculators.tiers import EXAMPLE

pytestmark = pytest.mark.browser
READY = "n => document.querySelectorAll('form.calculator[data-ready]').length >= n"


def test_an_input_error_sits_next_to_its_field_in_the_fields_words(page, site_server):
    page.goto(f"{site_server}calculators/liquidation-price/")
    page.wait_for_function(READY, arg=1)
    page.fill('input[name="entry_price"]', "abc")
    field = page.locator('input[name="entry_price"]')
    slot = page.locator('[data-input="entry_price"] .calculator-field-error')
    assert field.get_attribute("aria-invalid") == "true"
    assert slot.get_attribute("id") in field.get_attribute("aria-describedby").split()
    assert slot.is_visible() and slot.inner_text() == "Entry price must be a number, got 'abc'"
    alert = page.locator("form.calculator p.calculator-error[role=alert]")
    assert alert.inner_text() == slot.inner_text()
    other = page.locator('input[name="quantity"]')
    assert other.get_attribute("aria-invalid") is None
    page.fill('input[name="entry_price"]', "60000")
    assert field.get_attribute("aria-invalid") is None and slot.is_hidden() and alert.inner_text() == ""
    assert "-error" not in (field.get_attribute("aria-describedby") or "")


def test_rates_read_as_percentages_and_data_value_keeps_the_decimal(page, site_server):
    page.goto(f"{site_server}calculators/maintenance-margin/")
    page.wait_for_function(READY, arg=1)
    page.fill('input[name="maintenance_margin_rate"]', "0.0125")
    rate = page.locator('output[name="applied_rate"]')
    assert rate.get_attribute("data-value") == "0.0125" and rate.inner_text() == "1.25%"
    page.goto(f"{site_server}calculators/constant-product-swap/")
    page.wait_for_function(READY, arg=1)
    impact = page.locator('output[name="price_impact"]')
    value = float(impact.get_attribute("data-value"))
    assert impact.inner_text() == display_percent(value) and impact.inner_text().endswith("%")
    assert page.locator('output[name="amount_out"]').inner_text()[-1] != "%"


TIERS = json.loads(EXAMPLE.read_text(encoding="utf-8"))["tiers"]


def test_the_tier_editor_starts_from_the_published_table_and_drives_the_result(page, site_server):
    page.goto(f"{site_server}calculators/maintenance-margin/?notional=300000")
    page.wait_for_function(READY, arg=1)
    cells = page.locator(".calculator-tier-table tbody input")
    assert cells.count() == 3 * len(TIERS)
    assert [cells.nth(i).input_value() for i in range(3)] == [str(TIERS[0]["floor"]), str(TIERS[0]["cap"]),
                                                              str(TIERS[0]["maintenance_margin_rate"])]
    assert cells.first.is_disabled() and page.locator('textarea[name="tiers"]').input_value() == ""
    page.check(".calculator-tier-editor input[type=checkbox]")
    assert page.locator('input[name="maintenance_margin_rate"]').is_hidden()
    calc = calculators.get("maintenance-margin")
    margin = page.locator('output[name="maintenance_margin"]')
    expected = calc.compute(notional=300000, tiers=TIERS)["maintenance_margin"]
    assert float(margin.get_attribute("data-value")) == pytest.approx(expected, rel=1e-12)
    page.locator('[aria-label="Tier 3 rate (decimal)"]').fill("0.02")  # the tier holding 300,000
    edited = [dict(t) for t in TIERS]
    edited[2]["maintenance_margin_rate"] = 0.02
    changed = calc.compute(notional=300000, tiers=edited)["maintenance_margin"]
    assert changed != expected and float(margin.get_attribute("data-value")) == pytest.approx(changed, rel=1e-12)
    assert json.loads(page.locator('textarea[name="tiers"]').input_value()) == edited
    assert "tiers=" in page.evaluate("location.search")
    page.locator('[aria-label="Tier 2 floor"]').fill("abc")  # the runtime's own check, in the field's words
    slot = page.locator('[data-input="tiers"] .calculator-field-error')
    assert slot.inner_text().startswith("Tier table: tier 2 floor must be a finite number, got 'abc'")


PASTE = """([selector, text]) => {
  const data = new DataTransfer();
  data.setData("text/plain", text);
  document.querySelector(selector).dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                                                 cancelable: true}));
}"""


def test_pasting_csv_or_json_into_the_tier_editor_replaces_its_rows(page, site_server):
    page.goto(f"{site_server}calculators/maintenance-margin/?notional=120000")
    page.wait_for_function(READY, arg=1)
    page.check(".calculator-tier-editor input[type=checkbox]")
    page.evaluate(PASTE, ['[aria-label="Tier 1 floor"]', "floor,cap,rate\n0,100000,0.5%\n100000,1000000,1%\n"])
    cells = page.locator(".calculator-tier-table tbody input")
    assert [cells.nth(i).input_value() for i in range(cells.count())] == ["0", "100000", "0.005",
                                                                          "100000", "1000000", "0.01"]
    table = [{"floor": 0, "cap": 100000, "maintenance_margin_rate": 0.005},
             {"floor": 100000, "cap": 1000000, "maintenance_margin_rate": 0.01}]
    expected = calculators.get("maintenance-margin").compute(notional=120000, tiers=table)["maintenance_margin"]
    margin = page.locator('output[name="maintenance_margin"]')
    assert float(margin.get_attribute("data-value")) == pytest.approx(expected, rel=1e-12)
    page.evaluate(PASTE, ['[aria-label="Tier 2 cap"]', json.dumps({"tiers": TIERS[:2]})])
    assert cells.count() == 6 and cells.nth(4).input_value() == str(TIERS[1]["cap"])
    page.click('[aria-label="Remove tier 2"]')
    assert cells.count() == 3
    page.click(".calculator-tier-add")
    assert cells.count() == 6 and cells.nth(3).input_value() == str(TIERS[0]["cap"])


def test_copy_link_copies_the_shareable_state(browser, site_server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(f"{site_server}calculators/liquidation-price/")
        page.wait_for_function(READY, arg=1)
        page.fill('input[name="quantity"]', "2.5")
        button = page.locator(".calculator-copy-link")
        assert button.is_visible()
        button.click()
        page.wait_for_function("() => document.querySelector('.calculator-copied').textContent !== ''")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == button.get_attribute("data-url") and "quantity=2.5" in copied
        shown = page.locator('output[name="liquidation_price"]').get_attribute("data-value")
        other = context.new_page()
        other.goto(copied)
        other.wait_for_function(READY, arg=1)
        assert other.locator('output[name="liquidation_price"]').get_attribute("data-value") == shown
    finally:
        context.close()


def test_an_embedded_widget_links_to_its_calculator_page_with_the_inputs(page, site_server):
    page.goto(f"{site_server}terms/impermanent-loss/")
    page.wait_for_function(READY, arg=1)
    page.fill('form.calculator input[name="price_ratio"]', "3")
    link = page.locator("form.calculator a.calculator-page-link")
    assert "price_ratio=3" in link.get_attribute("href")
    value = page.locator('output[name="impermanent_loss"]').get_attribute("data-value")
    link.click()
    page.wait_for_url("**/calculators/impermanent-loss/**")
    page.wait_for_function(READY, arg=1)
    assert page.locator('input[name="price_ratio"]').input_value() == "3"
    assert page.locator('output[name="impermanent_loss"]').get_attribute("data-value") == value


CALC_SCRIPTS = ("() => [...document.querySelectorAll('script[src]')].map(s => s.src)"
                ".filter(s => s.includes('/assets/calculators/'))")


def test_scripts_load_per_page_and_widgets_start_after_instant_navigation(watched, prefixed_site):
    page, site_server = watched, prefixed_site
    page.goto(f"{site_server}")
    assert page.evaluate(CALC_SCRIPTS) == [] and page.evaluate("() => typeof GlossaryCalculators") == "undefined"
    page.evaluate("() => { window.__sameDocument = true; }")  # survives only instant navigation
    for path, calc_id in (("calculators/margin-ratio/", "margin-ratio"), ("calculators/liquidation-price/", "liquidation-price"),
                          ("terms/impermanent-loss/", "impermanent-loss")):
        page.evaluate("url => { const a = document.createElement('a'); a.href = url; document.body.append(a); a.click(); }",
                      site_server + path)
        page.wait_for_url(f"**/{path}")
        page.wait_for_function("id => document.querySelector(`form.calculator[data-calculator='${id}'][data-ready]`)",
                               arg=calc_id)
        assert page.evaluate("() => window.__sameDocument") is True, f"{path}: a full reload, not instant navigation"
        loaded = page.evaluate(CALC_SCRIPTS)
        assert any(f"/{calc_id}." in src for src in loaded), (path, loaded)
        assert_widget_answers(page.locator(f'form.calculator[data-calculator="{calc_id}"]'))
    assert test_csp.violations(page) == []


def assert_widget_answers(form) -> None:
    """A bad value shows an error, a good one a finite result: the widget is bound and computing."""
    first = form.locator("input[type=text]:not([disabled])").first
    first.fill("abc")
    assert form.locator(".calculator-error").inner_text() != ""
    first.fill("2")
    value = form.locator("output").first.get_attribute("data-value")
    assert value != "" and math.isfinite(float(value))


BUILDER_READY = "() => document.querySelector('form[data-builder]')?.dataset.ready === '1'"


def follow(page, url: str) -> None:
    """Click a link to ``url``, as a reader would: Material takes it over (instant navigation)."""
    page.evaluate("url => { const a = document.createElement('a'); a.href = url; document.body.append(a); a.click(); }",
                  url)


def test_the_builder_and_a_widget_both_start_across_instant_navigation(watched, prefixed_site):
    """The builder loads the runtime's core and black-76's compute function alone: the black-76 page reached
    from it instantly must still get the widgets' runtime and black-76's own file (working, chart, solvers)
    before its widget starts, and the builder reached back from there must start again."""
    page, site_server = watched, prefixed_site
    page.goto(f"{site_server}calculators/position-builder/")
    page.wait_for_function(BUILDER_READY)
    assert page.evaluate("() => [typeof GlossaryCalculators, typeof GlossaryWorking]") == ["object", "undefined"]
    assert not any("/widgets." in src for src in page.evaluate(CALC_SCRIPTS))
    page.evaluate("() => { window.__sameDocument = true; }")  # survives only instant navigation
    follow(page, f"{site_server}calculators/black-76/")
    page.wait_for_url("**/calculators/black-76/")
    page.wait_for_function("() => document.querySelector(\"form.calculator[data-calculator='black-76'][data-ready]\")")
    page.wait_for_function("() => document.querySelector('figure.calculator-chart')?.dataset.drawn === '1'")
    assert page.evaluate("() => window.__sameDocument") is True, "a full reload, not instant navigation"
    form = page.locator('form.calculator[data-calculator="black-76"]')
    steps = form.locator(".calculator-working .calculator-step-value")
    assert steps.count() > 0 and "—" not in steps.all_inner_texts()  # the working came with the widget
    assert_widget_answers(form)
    follow(page, f"{site_server}calculators/position-builder/")
    page.wait_for_url("**/calculators/position-builder/")
    page.wait_for_function(BUILDER_READY)
    assert page.evaluate("() => window.__sameDocument") is True, "a full reload, not instant navigation"
    legs = page.locator("form[data-builder] tr[data-leg]")
    before = legs.count()
    page.click("form[data-builder] [data-action=add]")  # one listener: one click, one leg
    assert legs.count() == before + 1
    assert page.locator("form[data-builder] [data-result=delta]").inner_text() not in ("", "—")
    assert test_csp.violations(page) == []
