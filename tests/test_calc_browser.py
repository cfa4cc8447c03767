"""Python ↔ JavaScript parity: each calculator page driven in real Chromium against ``compute()``.

The widget runs JavaScript generated from the same SymPy definition as the Python API,
with its own erfc; every output's ``data-value`` must match Python to 1e-12 relative.
"""

from __future__ import annotations

import html.parser
import json
import math
import random
import zlib

import pytest

import calculators
from calculators import CalculatorInputError, NoSolution
from calculators.tiers import EXAMPLE
from conftest import ROOT
from site_build.pipeline import load

pytestmark = pytest.mark.browser
TOLERANCE = 1e-12
CASES_PER_CALCULATOR = 40

# Sets the given fields, fires one input event (as typing would), returns every output and the error.
DRIVE = """([form, values]) => {
  const root = document.querySelector(`form.calculator[data-calculator="${form}"]`);
  for (const [name, value] of Object.entries(values)) {
    root.querySelector(`[name="${name}"]:not([disabled])`).value = value;
  }
  root.querySelector("input:not([disabled])").dispatchEvent(new Event("input", {bubbles: true}));
  const outputs = {};
  for (const out of root.querySelectorAll("output")) {
    if (!out.closest("[data-output]").hidden) outputs[out.name] = [out.dataset.value, out.textContent];
  }
  const none = root.querySelector(".calculator-none");
  return {outputs, error: root.querySelector(".calculator-error").textContent,
          none: none && !none.hidden ? none.textContent : ""};
}"""


def sample(item, rng: random.Random):
    """A plausible market value for an input: around its default, inside its bounds."""
    if item.kind == "choice":
        return rng.choice(item.choices)
    if item.kind == "tiers":
        return json.loads(EXAMPLE.read_text())["tiers"] if rng.random() < 0.3 else ""
    if item.low == -1 and item.high == 1:  # an interest rate, yield or premium: realistic, either sign
        return rng.uniform(-0.05, 0.2) * (abs(item.default) * 10 if item.default else 0.5)
    value = (item.default or 1.0) * 10 ** rng.uniform(-1, 1)
    if item.high is not None:
        value = min(value, item.high)
    if item.low is not None and value <= item.low:
        value = item.low + abs(item.default or 1.0) * 1e-3
    return value


def realistic(values: dict, rng: random.Random) -> dict:
    """Options struck within a factor of two of the underlying, where prices are not vanishingly small.

    Far out of the money a price is the difference of two nearly equal tail terms, so two
    correct libm implementations can differ there by more than 1e-12 relative.
    The two legs of a hedge-mode account are one symbol, opened within about 10% of each other.
    """
    if "long_entry_price" in values:
        values = {**values, "short_entry_price": values["long_entry_price"] * 2 ** rng.uniform(-0.15, 0.15)}
    underlying = values.get("spot", values.get("forward"))
    if underlying is None or "strike" not in values:
        return values
    volatility = min(max(values["volatility"], 0.05), 2.0)
    return {**values, "strike": underlying * 2 ** rng.uniform(-1, 1), "volatility": volatility,
            "time_to_expiry": min(max(values["time_to_expiry"], 0.02), 5.0)}


def as_text(value) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value) if isinstance(value, list) else repr(float(value))


def cases(calc, count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    grid = [{i.name: i.default for i in calc.inputs}]
    for item in calc.inputs:
        for choice in item.choices:
            grid.append({**grid[0], item.name: choice})
    randoms = [realistic({i.name: sample(i, rng) for i in calc.inputs}, rng) for _ in range(count)]
    return grid + randoms


def relative_gap(python: float, shown: str, scale: float | None = None) -> float:
    """|browser − python| relative to the value, or to ``scale`` where the formula subtracts larger terms."""
    browser = float(shown)
    if python == 0:
        return abs(browser)
    return abs(browser - python) / max(abs(python), scale or 0.0)


def cancelling_scale(name: str, expected: dict, values: dict) -> float | None:
    """The size of the two terms an option price is the difference of (|Δ|·underlying).

    Far out of the money the price is a tiny difference of two tail terms, so correct
    libm implementations agree only relative to those terms, not to the difference.
    """
    underlying = values.get("spot", values.get("forward"))
    if underlying is None or name not in ("price", "rho"):
        return None
    term = abs(expected["delta"]) * underlying
    return term if name == "price" else (term * values["time_to_expiry"] / 100 if "forward" in values else None)


def assert_matches(result: dict, expected: dict, values: dict, context: str) -> float:
    assert result["error"] == "", f"{context}: browser error {result['error']!r}"
    worst = 0.0
    for name, value in expected.items():
        shown = result["outputs"][name][0]
        gap = relative_gap(value, shown, cancelling_scale(name, expected, values))
        assert gap <= TOLERANCE, f"{context}: {name} python={value!r} browser={shown}"
        worst = max(worst, gap)
    return worst


def compute_or_error(calc, values: dict):
    given = {k: v for k, v in values.items() if not (k == "tiers" and not v)}
    try:
        return calc.compute(**given)
    except (CalculatorInputError, NoSolution) as exc:
        return exc


def assert_none(result: dict, name: str, reason: str, context: str) -> None:
    """The widget's "no result": "none" in ``name``, no number anywhere, the reason politely, no alert."""
    assert result["error"] == "", f"{context}: {result['error']!r} shown as an input error"
    assert result["outputs"][name] == ["", "none"], f"{context}: {result['outputs'][name]}"
    assert all(value == "" for value, _ in result["outputs"].values()), context
    assert reason in result["none"], f"{context}: reason {result['none']!r}"


@pytest.mark.parametrize("calc_id", sorted(calculators.REGISTRY))
def test_widget_matches_python_on_a_grid_and_random_cases(page, site_server, calc_id):
    calc = calculators.get(calc_id)
    page.goto(f"{site_server}calculators/{calc_id}/")
    worst = 0.0
    for index, values in enumerate(cases(calc, CASES_PER_CALCULATOR, seed=zlib.crc32(calc_id.encode()))):
        result = page.evaluate(DRIVE, [calc_id, {k: as_text(v) for k, v in values.items()}])
        expected = compute_or_error(calc, values)
        if isinstance(expected, CalculatorInputError):
            assert result["error"], f"case {index} {values}: Python refused ({expected}) but the widget did not"
            assert all(value == "" and text == "—" for value, text in result["outputs"].values())
            continue
        if isinstance(expected, NoSolution):
            assert_none(result, calc.outputs[0].name, str(expected), f"case {index} {values}")
            continue
        worst = max(worst, assert_matches(result, expected, values, f"case {index} {values}"))
    print(f"{calc_id}: largest relative difference {worst:.3g}")


@pytest.mark.parametrize("calc_id", sorted(calculators.REGISTRY))
def test_invalid_input_shows_the_error_and_no_number(page, site_server, calc_id):
    calc = calculators.get(calc_id)
    page.goto(f"{site_server}calculators/{calc_id}/")
    first = next(i for i in calc.inputs if i.kind == "number")
    for bad in ("abc", "", "1e999", "NaN"):
        result = page.evaluate(DRIVE, [calc_id, {first.name: bad}])
        assert first.label in result["error"], (bad, result["error"])
        assert all(value == "" and text == "—" for value, text in result["outputs"].values())
        assert not any(word in json.dumps(result) for word in ("NaN", "Infinity")) or bad in ("NaN", "1e999")


SOLVES = [(calc.id, target) for calc in calculators.REGISTRY.values() for target in calc.solvable]


@pytest.mark.parametrize(("calc_id", "target"), SOLVES)
def test_solve_mode_matches_python_solve(page, site_server, calc_id, target):
    calc = calculators.get(calc_id)
    primary = calc.outputs[0].name
    page.goto(f"{site_server}calculators/{calc_id}/")
    page.select_option("select[name=solve]", target)
    assert page.locator(f'input[name="{target}"]').is_hidden()
    assert page.locator(f'input[name="{primary}"]').is_visible()
    checked = 0
    for values in cases(calc, 12, seed=7):
        others = {k: v for k, v in values.items() if k != target}
        expected = compute_or_error(calc, values)
        if isinstance(expected, CalculatorInputError | NoSolution):
            continue
        goal = expected[primary]
        result = page.evaluate(DRIVE, [calc_id, {**{k: as_text(v) for k, v in others.items()}, primary: repr(goal)}])
        try:
            solution = calc.solve(target, **{primary: goal}, **others)
        except CalculatorInputError:
            assert result["error"], f"{others}: Python could not solve but the widget did"
            continue
        except NoSolution as none:
            assert_none(result, target, str(none), f"{others}")
            continue
        gap = relative_gap(solution, result["outputs"][target][0])
        assert gap <= TOLERANCE, f"{others}: {target} python={solution!r} browser={result['outputs'][target][0]}"
        checked += 1
    assert checked >= 5
    search = page.evaluate("location.search")
    assert f"solve={target}" in search and f"{primary}=" in search


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


def test_term_page_widget_starts_from_the_terms_example(page, site_server):
    term = load(ROOT, "terms", calculators=calculators.REGISTRY).glossary.term_by_id["impermanent-loss"]
    page.goto(f"{site_server}terms/impermanent-loss/")
    form = page.locator('form.calculator[data-calculator="impermanent-loss"]')
    assert form.locator('input[name="price_ratio"]').input_value() == str(term.example["price_ratio"])
    expected = calculators.get("impermanent-loss").compute(**term.example)["impermanent_loss"]
    assert float(form.locator("output").first.get_attribute("data-value")) == pytest.approx(expected, rel=TOLERANCE)


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


@pytest.mark.parametrize("calc_id", ["liquidation-price", "black-scholes"])
def test_the_formula_is_a_named_region_that_tab_reaches_on_a_phone(page, site_server, calc_id):
    calc = calculators.get(calc_id)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_server}calculators/{calc_id}/", wait_until="networkidle")
    region = page.get_by_role("region", name=f"Formula: {calc.title}")
    assert region.count() == 1
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
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document, {runOnly: ['scrollable-region-focusable']})")
    assert result["violations"] == [], result["violations"]
    checked = [node["target"] for rule in result["passes"] for node in rule["nodes"]]
    assert state["overflow"] <= AXE_SCROLL_BUFFER or [".calculator-formula-region"] in checked, (state, checked)


def test_tables_that_scroll_sideways_become_named_focusable_regions(page, site_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_server}calculators/liquidation-price/", wait_until="networkidle")
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


@pytest.mark.parametrize("text", ["9" * 100_000, "1" * 50_000 + "x" * 50_000], ids=["digits", "not-a-number"])
def test_a_huge_value_gives_a_short_alert(page, site_server, text):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_server}calculators/liquidation-price/")
    result = page.evaluate(LONG_ALERT, ["liquidation-price", "quantity", text])
    assert result["text"].startswith("Quantity must be a") and f"'{text[:40]}…'" in result["text"], result["text"][:200]
    assert len(result["text"]) < 120 and result["height"] < 200, (len(result["text"]), result["height"])
    page.fill('input[name="quantity"]', "1")
    page.fill('input[name="entry_price"]', "7" * 100_000)  # through Playwright's input, as a paste would
    alert = page.locator("form.calculator .calculator-error")
    assert "Entry price must be a finite number" in alert.inner_text()
    assert len(alert.inner_text()) < 120 and alert.bounding_box()["height"] < 200


NOTE = "form.calculator .calculator-note"
POLLUTED = """() => [Object.getOwnPropertyNames(Object.prototype).sort().join(), ({}).polluted, ({}).constructor === Object,
                     Object.getPrototypeOf({}) === Object.prototype]"""


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


def test_a_query_string_of_valid_inputs_shows_no_note(page, site_server):
    page.goto(f"{site_server}calculators/liquidation-price/?side=short&quantity=2&solve=entry_price&h=margin")
    assert page.locator(NOTE).count() == 0
    assert page.locator("select[name=solve]").input_value() == "entry_price"


class _Outputs(html.parser.HTMLParser):
    """Each widget's ``<output>`` texts as the built page has them, before any script runs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, dict[str, str]] = {}
        self._form, self._name = "", None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and "data-calculator" in attributes:
            self._form = attributes["data-calculator"]
            self.found[self._form] = {}
        elif tag == "output":
            self._name = attributes["name"]
            self.found[self._form][self._name] = ""

    def handle_data(self, data):
        if self._name:
            self.found[self._form][self._name] += data

    def handle_endtag(self, tag):
        if tag == "output":
            self._name = None


def built_outputs(page_html: str) -> dict[str, dict[str, str]]:
    parser = _Outputs()
    parser.feed(page_html)
    return parser.found


AFTER_SCRIPT = """() => Object.fromEntries([...document.querySelectorAll("form.calculator[data-ready]")].map(form =>
  [form.dataset.calculator, Object.fromEntries([...form.querySelectorAll("output")].map(o => [o.name, o.textContent]))]))"""


def test_built_results_read_the_same_after_the_script_recomputes(page, site_server, real_site):
    """Issue 11: the text Python writes into the page is the text widget.js writes over it.

    Every calculator page (its default inputs) and every term page with a widget (the
    term's example): a reader must never see a number change when the script loads.
    """
    pages = [f"calculators/{calc_id}/" for calc_id in sorted(calculators.REGISTRY)]
    glossary = load(ROOT, "terms", calculators=calculators.REGISTRY).glossary
    pages += [f"terms/{t.id}/" for t in glossary.terms if t.calculator and t.has_page]
    compared = 0
    for path in pages:
        before = built_outputs((real_site / path / "index.html").read_text(encoding="utf-8"))
        assert before, f"{path}: no widget in the built page"
        page.goto(f"{site_server}{path}")
        page.wait_for_function("n => document.querySelectorAll('form.calculator[data-ready]').length === n",
                               arg=len(before))
        after = page.evaluate(AFTER_SCRIPT)
        assert after == before, f"{path}: built {before} but the script shows {after}"
        compared += sum(len(outputs) for outputs in before.values())
    assert compared >= 2 * len(calculators.REGISTRY)
