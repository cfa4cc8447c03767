"""Every calculator page in Chromium: the widget shows what the Python API computes, and reads well.

Each calculator page is visited once, the pages in turn as a reader moving through the site
reaches them (``navigation.walk``: Material's instant navigation after the first). On each,
the numbers it was built with must read the same after the script recomputes, a bad input
must show its error and no number, and the widget must show what the runtime computes for
a case of each outcome (a result, a refusal, "none"), in each solve mode (steps:
``calc_pages``; cases: ``calc_cases``; every case's math is held to Python in Node by
``test_calc_parity.py``). Then query-string state, "none" and why, a term page's example,
the keyboard, focusable regions on a phone, huge values, bad query parameters, every term
page's built numbers. The pages are the fixture site's (``site_server``).
``test_zensical_browser.py`` imports these tests and ``IDS`` from here, and ``calc_pages``'
checks, to run them on Zensical's site.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import pytest
from calc_cases import IDS, TOLERANCE
from calc_pages import assert_built_text_stays, check_calculator_page
from navigation import walk

import calculators
from conftest import ROOT, SITE_TERMS
from site_build.pipeline import load

browser = pytest.mark.browser


@browser
def test_every_calculator_page_shows_what_python_computes(page, site_server, built_site):
    """Each calculator page in turn, reached as a reader moving through the site reaches it
    (``walk``), with every check of ``check_calculator_page``; a page that fails is named and
    the others are still checked. Zensical's pages get the same checks on a full load each."""
    failures = []
    for path in walk(page, site_server, [f"calculators/{calc_id}/" for calc_id in IDS]):
        try:
            check_calculator_page(page, calculators.get(path.split("/")[1]), served(built_site, path))
        except AssertionError as error:
            failures.append(str(error) if str(error).startswith(path) else f"{path}: {error}")
    assert failures == [], "\n".join(failures)


def served(site: Path, path: str) -> str:
    """The page at ``path`` as the test server sends it: its file in the built site."""
    return (site / path / "index.html").read_text(encoding="utf-8")


@functools.cache
def site_glossary():
    """The fixture site's glossary (``SITE_TERMS``), the one the pages were built from."""
    return load(SITE_TERMS.parent, SITE_TERMS.name, calculators=calculators.REGISTRY).glossary


@browser
def test_state_round_trips_through_the_query_string(page, site_server):
    query = "?side=short&quantity=2&entry_price=50000&wallet_balance=4000&maintenance_margin_rate=0.005"
    page.goto(f"{site_server}calculators/liquidation-price/{query}")
    shown = page.locator('output[name="liquidation_price"]').get_attribute("data-value")
    python = calculators.get("liquidation-price").compute(side="short", quantity=2, entry_price=50000, wallet_balance=4000,
                                                          maintenance_margin_rate=0.005)
    assert math.isclose(float(shown), python["liquidation_price"], rel_tol=TOLERANCE)
    page.fill('input[name="quantity"]', "3")
    search = page.evaluate("location.search")
    assert "quantity=3" in search and "side=short" in search


@browser
def test_a_liquidation_price_that_does_not_exist_shows_none_and_why(page, site_server):
    query = "?side=long&quantity=1&entry_price=60000&wallet_balance=100000&maintenance_margin_rate=0.005"
    page.goto(f"{site_server}calculators/liquidation-price/{query}")
    output = page.locator('output[name="liquidation_price"]')
    assert output.inner_text() == "none" and output.get_attribute("data-value") == ""
    reason = page.locator("form.calculator .calculator-none")
    assert reason.is_visible() and reason.get_attribute("role") == "status"
    assert "the collateral covers a fall to zero" in reason.inner_text()
    assert page.locator("form.calculator .calculator-error").inner_text() == ""
    page.fill('input[name="wallet_balance"]', "0")  # a long with nothing behind it: above the entry, still none
    assert "above the entry price for a long" in reason.inner_text() and output.inner_text() == "none"
    page.fill('input[name="wallet_balance"]', "3000")  # a real price again: the reason goes away
    assert float(output.get_attribute("data-value")) > 0 and reason.is_hidden()
    page.select_option("select[name=solve]", "wallet_balance")
    page.fill('input[name="liquidation_price"]', "70000")
    solved = page.locator('output[name="wallet_balance"]')
    assert solved.inner_text() == "none" and "above the entry price" in reason.inner_text()


@browser
def test_term_page_widget_starts_from_the_terms_example(page, site_server):
    term = site_glossary().term_by_id["impermanent-loss"]
    page.goto(f"{site_server}terms/impermanent-loss/")
    form = page.locator('form.calculator[data-calculator="impermanent-loss"]')
    assert form.locator('input[name="price_ratio"]').input_value() == str(term.example["price_ratio"])
    expected = calculators.get("impermanent-loss").compute(**term.example)["impermanent_loss"]
    assert float(form.locator("output").first.get_attribute("data-value")) == pytest.approx(expected, rel=TOLERANCE)


@browser
def test_widget_is_keyboard_operable(page, site_server):
    page.goto(f"{site_server}calculators/margin-ratio/")
    page.locator('input[name="maintenance_margin"]').focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("2500")
    assert page.locator('output[name="margin_ratio"]').get_attribute("data-value") == "0.5"
    assert page.locator(".calculator-results").get_attribute("aria-live") == "polite"
    label = page.locator('label[for="calc-margin-ratio-in-maintenance_margin"]')
    assert label.inner_text().startswith("Maintenance margin")


AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
REGION = "el => ({name: el.getAttribute('aria-label'), role: el.getAttribute('role'), tab: el.tabIndex, " \
         "scrolls: el.scrollWidth > el.clientWidth + 1, overflow: el.scrollWidth - el.clientWidth, left: el.scrollLeft})"
AXE_SCROLL_BUFFER = 13  # axe-core counts a region as scrollable only past 13 px of overflow (getScroll's buffer)
# glossary.js marks the tables on Material's document$ and again on the next frame: both have run.
MARKED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@functools.cache
def axe_source() -> str:
    """axe-core as a script to evaluate in a page (read once per session)."""
    return AXE.read_text(encoding="utf-8") + "\n;undefined"


@browser
@pytest.mark.parametrize("calc_id", ["liquidation-price", "black-scholes"])
def test_the_formula_is_a_named_region_that_tab_reaches_on_a_phone(page, site_server, calc_id):
    calc = calculators.get(calc_id)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_server}calculators/{calc_id}/")
    named = page.get_by_role("region", name=f"Formula: {calc.title}")
    assert named.count() == 1
    region = named.element_handle()  # the accessible-name search once, not on every Tab
    page.locator("form.calculator input:not([disabled]), form.calculator select").last.focus()
    for _ in range(10):  # past the heading's permalink to the formula
        page.keyboard.press("Tab")
        if region.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the formula")
    state = region.evaluate(REGION)
    assert state["role"] == "region" and state["tab"] == 0
    if state["scrolls"]:  # black-scholes is wider than a phone: the arrow keys scroll it
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    assert calc_id != "black-scholes" or state["scrolls"], "the wide formula no longer scrolls: pick another page"
    page.evaluate(axe_source())
    result = page.evaluate("async () => await axe.run(document, {runOnly: ['scrollable-region-focusable']})")
    assert result["violations"] == [], result["violations"]
    checked = [node["target"] for rule in result["passes"] for node in rule["nodes"]]
    assert state["overflow"] <= AXE_SCROLL_BUFFER or [".calculator-formula-region"] in checked, (state, checked)


@browser
def test_tables_that_scroll_sideways_become_named_focusable_regions(page, site_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_server}calculators/liquidation-price/")
    page.evaluate(MARKED)
    legend = page.locator("article .md-typeset__scrollwrap").first
    before = legend.evaluate(REGION)
    assert not before["scrolls"] and before["tab"] == -1 and before["role"] is None  # fits: no extra tab stop
    page.set_viewport_size({"width": 320, "height": 844})  # the narrowest phone: the legend table scrolls
    page.wait_for_function("el => el.getAttribute('role') === 'region'", arg=legend.element_handle())
    after = legend.evaluate(REGION)
    assert after["scrolls"] and after["tab"] == 0 and after["name"] == "Table: Symbol, Meaning, Unit"
    scrolling = page.evaluate("""() => [...document.querySelectorAll('article *')].filter(el =>
        ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
        .map(el => [el.tagName, el.tabIndex, el.tagName === 'CODE' || Boolean(el.getAttribute('aria-label'))])""")
    assert len(scrolling) >= 3 and all(tab == 0 and named for _, tab, named in scrolling), scrolling


LONG_ALERT = """([form, name, text]) => {
  const root = document.querySelector(`form.calculator[data-calculator="${form}"]`);
  const field = root.querySelector(`[name="${name}"]`);
  field.value = text;
  field.dispatchEvent(new Event("input", {bubbles: true}));
  const alert = root.querySelector(".calculator-error");
  return {text: alert.textContent, height: alert.getBoundingClientRect().height};
}"""
HUGE = {"digits": "9" * 100_000, "not-a-number": "1" * 50_000 + "x" * 50_000}


@browser
def test_a_huge_value_gives_a_short_alert(page, site_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_server}calculators/liquidation-price/")
    for kind, text in HUGE.items():
        result = page.evaluate(LONG_ALERT, ["liquidation-price", "quantity", text])
        alert = result["text"]
        assert alert.startswith("Quantity must be a") and f"'{text[:40]}…'" in alert, (kind, alert[:200])
        assert len(alert) < 120 and result["height"] < 200, (kind, len(alert), result["height"])
    page.fill('input[name="quantity"]', "1")
    page.fill('input[name="entry_price"]', "7" * 100_000)  # through Playwright's input, as a paste would
    alert = page.locator("form.calculator .calculator-error")
    assert "Entry price must be a finite number" in alert.inner_text()
    assert len(alert.inner_text()) < 120 and alert.bounding_box()["height"] < 200


NOTE = "form.calculator .calculator-note"
POLLUTED = """() => [Object.getOwnPropertyNames(Object.prototype).sort().join(), ({}).polluted, ({}).constructor === Object,
                     Object.getPrototypeOf({}) === Object.prototype]"""


@browser
def test_unknown_and_malformed_query_parameters_are_reported_not_dropped(page, site_server):
    page.goto(f"{site_server}calculators/liquidation-price/")
    clean = page.evaluate(POLLUTED)
    query = ("?solve=__proto__&foo=1&__proto__[polluted]=yes&__proto__=x&constructor=1&side=sideways&quantity=2"
             "&" + "z" * 500 + "=1")
    page.goto(f"{site_server}calculators/liquidation-price/{query}")
    note = page.locator(NOTE)
    assert note.is_visible() and note.get_attribute("role") == "status"
    text = note.inner_text()
    calc = calculators.get("liquidation-price")
    *first, last = [i.name for i in calc.inputs if i.name in calc.solvable]
    for part in ("ignored unknown parameter 'foo'", "ignored unknown parameter '__proto__[polluted]'",
                 "ignored unknown parameter '__proto__'", "ignored unknown parameter 'constructor'",
                 f"ignored solve='__proto__': it can solve for {', '.join(first)} or {last}",
                 "ignored 'sideways': it is not a valid Side; choose long or short",
                 f"ignored unknown parameter '{'z' * 40}…'"):
        assert part in text, (part, text)
    assert "z" * 41 not in text
    assert page.evaluate(POLLUTED) == clean
    # The valid parameter still applies, the bad side keeps its default, and nothing is in error.
    assert page.locator('input[name="quantity"]').input_value() == "2"
    assert page.locator('select[name="side"]').input_value() == "long"
    assert page.locator("select[name=solve]").input_value() == ""
    assert page.locator("form.calculator .calculator-error").inner_text() == ""
    assert page.locator('output[name="liquidation_price"]').get_attribute("data-value") != ""
    page.fill('input[name="quantity"]', "3")  # the query string now holds only the form: the note goes
    assert page.locator(NOTE).count() == 0
    assert "foo" not in page.evaluate("location.search")


@browser
def test_a_query_string_of_valid_inputs_shows_no_note(page, site_server):
    page.goto(f"{site_server}calculators/liquidation-price/?side=short&quantity=2&solve=entry_price&h=margin")
    assert page.locator(NOTE).count() == 0
    assert page.locator("select[name=solve]").input_value() == "entry_price"


@browser
def test_built_results_read_the_same_after_the_script_recomputes(page, site_server, built_site):
    """Issue 11: a reader must never see a number change when the script loads.

    Every term page with a widget (the term's example) is compared here, as served; every
    calculator page (its default inputs) in test_each_calculator_page_shows_what_python_computes.
    """
    terms = [t for t in site_glossary().terms if t.calculator and t.has_page]
    assert {t.calculator for t in terms} == set(IDS), "the fixture glossary lacks a term for some calculator"
    compared = 0
    for path in walk(page, site_server, [f"terms/{term.id}/" for term in terms]):
        compared += assert_built_text_stays(page, served(built_site, path), path)
    assert compared >= 2 * len(calculators.REGISTRY)
