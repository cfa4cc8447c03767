"""Python ↔ JavaScript parity: every calculator's generated JavaScript in Node, every calculator page in Chromium.

The widget runs JavaScript generated from the same SymPy definition as the Python API,
with its own erfc; every output must match Python to 1e-12 relative. The math (a grid
and 40 random cases per calculator, a dozen cases per solvable input) runs in one Node
process on the bundle the site ships (``node_batch``). Each calculator page is visited
once: the numbers it was built with must read the same after the script recomputes, a bad
input must show its error and no number, and the widget must show what the runtime
computes for a case of each outcome (a result, a refusal, "none"), in each solve mode.
The pages are the fixture site's (``site_server``), never the real glossary's.
"""

from __future__ import annotations

import functools
import html.parser
import json
import math
import random
import zlib

import pytest
from node_batch import printed, run_scripts

import calculators
from calculators import CalculatorInputError, NoSolution
from calculators.artifacts import bundle
from calculators.tiers import EXAMPLE
from conftest import ROOT, SITE_TERMS
from site_build.pipeline import load

browser = pytest.mark.browser
TOLERANCE = 1e-12
CASES_PER_CALCULATOR = 40
IDS = sorted(calculators.REGISTRY)

# Sets the given fields of each case in turn, fires one input event (as typing would), and
# returns every shown output and the error of each case, then the query string.
DRIVE = """([form, cases]) => {
  const root = document.querySelector(`form.calculator[data-calculator="${form}"]`);
  const results = cases.map(values => {
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
  });
  return {results, search: location.search};
}"""

# The same through the runtime alone (no page): each run's outputs as data-value has them, or the refusal.
EVALUATE = """;out(((id, runs) => Object.fromEntries(Object.entries(runs).map(([target, list]) => [target, list.map(texts => {
  const G = GlossaryCalculators;
  try {
    const values = G.evaluate(id, texts, target);
    return {outputs: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, [String(value), ""]])),
            error: "", none: ""};
  } catch (error) {
    if (error instanceof G.NoSolution) return {outputs: {}, error: "", none: error.message};
    if (error instanceof G.InputError) return {outputs: {}, error: error.message, none: ""};
    throw error;
  }
})])))(%s, %s));"""


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


def texts(values: dict) -> dict[str, str]:
    return {k: as_text(v) for k, v in values.items()}


def cases(calc, count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    grid = [{i.name: i.default for i in calc.inputs}]
    for item in calc.inputs:
        for choice in item.choices:
            grid.append({**grid[0], item.name: choice})
    randoms = [realistic({i.name: sample(i, rng) for i in calc.inputs}, rng) for _ in range(count)]
    return grid + randoms


def grid_and_random_cases(calc) -> list[dict]:
    """The defaults, each choice, and the calculator's 40 seeded random cases."""
    return cases(calc, CASES_PER_CALCULATOR, seed=zlib.crc32(calc.id.encode()))


def outcome(result) -> str:
    """Which kind of answer Python gives: a number, a refusal of the inputs, or no solution."""
    return "refused" if isinstance(result, CalculatorInputError) else "none" if isinstance(result, NoSolution) else "number"


def one_of_each_outcome(items: list, answer) -> list[int]:
    """The indexes of the first item of each outcome: the few cases a page shows (Node checks them all)."""
    firsts: dict[str, int] = {}
    for index, item in enumerate(items):
        firsts.setdefault(outcome(answer(item)), index)
    return sorted(firsts.values())


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
    assert result["error"] == "", f"{context}: JavaScript error {result['error']!r}"
    worst = 0.0
    for name, value in expected.items():
        shown = result["outputs"][name][0]
        gap = relative_gap(value, shown, cancelling_scale(name, expected, values))
        assert gap <= TOLERANCE, f"{context}: {name} python={value!r} javascript={shown}"
        worst = max(worst, gap)
    return worst


def compute_or_error(calc, values: dict):
    given = {k: v for k, v in values.items() if not (k == "tiers" and not v)}
    try:
        return calc.compute(**given)
    except (CalculatorInputError, NoSolution) as exc:
        return exc


def assert_no_number(result: dict, context: str, widget: bool) -> None:
    """A refusal: the widget shows "—" in every output; the runtime returns none."""
    shown = result["outputs"].values()
    assert all(value == "" and text == "—" for value, text in shown) if widget else not shown, f"{context}: {shown}"


def assert_none(result: dict, name: str, reason: str, context: str, widget: bool = True) -> None:
    """The widget's "no result": "none" in ``name``, no number anywhere, the reason politely, no alert."""
    assert result["error"] == "", f"{context}: {result['error']!r} shown as an input error"
    if widget:
        assert result["outputs"][name] == ["", "none"], f"{context}: {result['outputs'][name]}"
    assert all(value == "" for value, _ in result["outputs"].values()), context
    assert reason in result["none"], f"{context}: reason {result['none']!r}"


def assert_agrees(calc, values: dict, result: dict, context: str, widget: bool) -> float:
    """The JavaScript's answer for ``values`` is Python's: the numbers to 1e-12, or the same refusal or "none"."""
    expected = compute_or_error(calc, values)
    if isinstance(expected, CalculatorInputError):
        assert result["error"], f"{context}: Python refused ({expected}) but the JavaScript did not"
        assert_no_number(result, context, widget)
        return 0.0
    if isinstance(expected, NoSolution):
        assert_none(result, calc.outputs[0].name, str(expected), context, widget)
        return 0.0
    return assert_matches(result, expected, values, context)


SOLVES = [(calc.id, target) for calc in calculators.REGISTRY.values() for target in calc.solvable]


def solve_cases(calc, target: str) -> list[tuple[dict, float, object]]:
    """(the other inputs, the primary output to reach, Python's solution or its refusal) for seed 7's
    cases that have a result to solve back from."""
    primary, found = calc.outputs[0].name, []
    for values in cases(calc, 12, seed=7):
        expected = compute_or_error(calc, values)
        if isinstance(expected, CalculatorInputError | NoSolution):
            continue
        others, goal = {k: v for k, v in values.items() if k != target}, expected[primary]
        try:
            solution = calc.solve(target, **{primary: goal}, **others)
        except (CalculatorInputError, NoSolution) as refused:
            solution = refused
        found.append((others, goal, solution))
    return found


def solve_texts(calc, case: tuple) -> dict[str, str]:
    others, goal, _ = case
    return {**texts(others), calc.outputs[0].name: repr(goal)}


def assert_solved(target: str, case: tuple, result: dict, widget: bool) -> bool:
    """The JavaScript solves for ``target`` as Python does; True where it was a number to compare."""
    others, _, solution = case
    if isinstance(solution, CalculatorInputError):
        assert result["error"], f"{others}: Python could not solve but the JavaScript did"
        return False
    if isinstance(solution, NoSolution):
        assert_none(result, target, str(solution), f"{others}", widget)
        return False
    shown = result["outputs"][target][0]
    assert relative_gap(solution, shown) <= TOLERANCE, f"{others}: {target} python={solution!r} javascript={shown}"
    return True


@pytest.fixture(scope="module")
def javascript() -> dict[str, dict[str, list[dict]]]:
    """Every calculator's grid and random cases (under ``""``) and solve cases (under the input
    solved for), answered by the bundle the site ships, in one Node process."""
    scripts = {}
    for calc_id in IDS:
        calc = calculators.get(calc_id)
        runs = {"": [texts(values) for values in grid_and_random_cases(calc)]}
        runs |= {target: [solve_texts(calc, case) for case in solve_cases(calc, target)] for target in calc.solvable}
        scripts[calc_id] = bundle([calc_id]) + EVALUATE % (json.dumps(calc_id), json.dumps(runs))
    answers = run_scripts(scripts)
    return {calc_id: json.loads(printed(answers, calc_id))[0] for calc_id in IDS}


@pytest.mark.parametrize("calc_id", IDS)
def test_generated_javascript_matches_python_on_a_grid_and_random_cases(javascript, calc_id):
    calc = calculators.get(calc_id)
    worst = 0.0
    for index, (values, result) in enumerate(zip(grid_and_random_cases(calc), javascript[calc_id][""], strict=True)):
        worst = max(worst, assert_agrees(calc, values, result, f"{calc_id} case {index} {values}", widget=False))
    print(f"{calc_id}: largest relative difference {worst:.3g}")


@pytest.mark.parametrize(("calc_id", "target"), SOLVES)
def test_generated_javascript_solves_as_python_does(javascript, calc_id, target):
    found = solve_cases(calculators.get(calc_id), target)
    checked = sum(assert_solved(target, case, result, widget=False)
                  for case, result in zip(found, javascript[calc_id][target], strict=True))
    assert checked >= 5


def open_calculator(page, site_server: str, calc_id: str) -> str:
    """Loads a calculator page until its widget is ready; returns the page as the server sent it."""
    response = page.goto(f"{site_server}calculators/{calc_id}/", wait_until="commit")
    page.locator("form.calculator[data-ready]").wait_for(state="attached")
    return response.text()


def drive(page, calc_id: str, runs: list[dict]) -> dict:
    return page.evaluate(DRIVE, [calc_id, runs])


def check_widget_cases(page, calc) -> None:
    """The widget shows what the runtime computes, for the defaults, each choice and a random case of each outcome."""
    every = grid_and_random_cases(calc)
    grid = len(cases(calc, 0, seed=0))
    chosen = sorted({*range(grid), *(grid + i for i in one_of_each_outcome(every[grid:], lambda v: compute_or_error(calc, v)))})
    results = drive(page, calc.id, [texts(every[i]) for i in chosen])["results"]
    for index, result in zip(chosen, results, strict=True):
        assert_agrees(calc, every[index], result, f"{calc.id} case {index} {every[index]}", widget=True)


def check_invalid_input(page, calc) -> None:
    """A bad first number shows the field's label in the alert, "—" in every output, and no NaN or Infinity."""
    first = next(i for i in calc.inputs if i.kind == "number")
    bad_texts = ("abc", "", "1e999", "NaN")
    results = drive(page, calc.id, [{first.name: bad} for bad in bad_texts])["results"]
    for bad, result in zip(bad_texts, results, strict=True):
        assert first.label in result["error"], (calc.id, bad, result["error"])
        assert all(value == "" and text == "—" for value, text in result["outputs"].values()), (calc.id, bad)
        assert not any(word in json.dumps(result) for word in ("NaN", "Infinity")) or bad in ("NaN", "1e999"), (calc.id, bad)


def check_solve(page, calc, target: str) -> None:
    """Solve mode for ``target``: its field hides, the primary output becomes an input, the widget shows
    the runtime's solution for a case of each outcome, and the query string keeps the mode."""
    primary = calc.outputs[0].name
    page.select_option("select[name=solve]", target)
    assert page.locator(f'input[name="{target}"]').is_hidden(), (calc.id, target)
    assert page.locator(f'input[name="{primary}"]').is_visible(), (calc.id, target)
    found = solve_cases(calc, target)
    chosen = [found[i] for i in one_of_each_outcome(found, lambda case: case[2])]
    shown = drive(page, calc.id, [solve_texts(calc, case) for case in chosen])
    numbers = sum(assert_solved(target, case, result, widget=True) for case, result in zip(chosen, shown["results"], strict=True))
    assert numbers == 1, f"{calc.id} {target}: the widget showed no solved number"
    assert f"solve={target}" in shown["search"] and f"{primary}=" in shown["search"], (calc.id, target, shown["search"])


@browser
@pytest.mark.parametrize("calc_id", IDS)
def test_each_calculator_page_shows_what_python_computes(page, site_server, calc_id):
    """One visit per calculator page, its checks in turn: the built numbers at load, bad inputs,
    the cases, then each solve mode (test_zensical_browser.py runs it on Zensical's pages too)."""
    calc = calculators.get(calc_id)
    path = f"calculators/{calc_id}/"
    assert_built_text_stays(page, open_calculator(page, site_server, calc_id), path)
    check_invalid_input(page, calc)
    check_widget_cases(page, calc)
    for target in calc.solvable:
        check_solve(page, calc, target)


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


# Once ``n`` widgets are ready (or 30 s have passed): how many are, and each one's output texts.
AFTER_SCRIPT = """async n => {
  const forms = () => document.querySelectorAll("form.calculator[data-ready]");
  for (const deadline = Date.now() + 30000; forms().length !== n && Date.now() < deadline;) {
    await new Promise(resume => setTimeout(resume, 5));
  }
  return [forms().length, Object.fromEntries([...forms()].map(form => [form.dataset.calculator,
    Object.fromEntries([...form.querySelectorAll("output")].map(o => [o.name, o.textContent]))]))];
}"""


def assert_built_text_stays(page, served_html: str, path: str) -> int:
    """Issue 11: the text Python wrote into the page (as served) is the text widget.js writes over it,
    once every widget on the page is ready; returns how many outputs were compared."""
    before = built_outputs(served_html)
    assert before, f"{path}: no widget in the built page"
    ready, after = page.evaluate(AFTER_SCRIPT, len(before))
    assert ready == len(before), f"{path}: {ready} of the page's {len(before)} widgets became ready in 30 s"
    assert after == before, f"{path}: built {before} but the script shows {after}"
    return sum(len(outputs) for outputs in before.values())


@browser
def test_built_results_read_the_same_after_the_script_recomputes(page, site_server):
    """Issue 11: a reader must never see a number change when the script loads.

    Every term page with a widget (the term's example) is compared here, as served; every
    calculator page (its default inputs) in test_each_calculator_page_shows_what_python_computes.
    """
    terms = [t for t in site_glossary().terms if t.calculator and t.has_page]
    assert {t.calculator for t in terms} == set(IDS), "the fixture glossary lacks a term for some calculator"
    compared = 0
    for term in terms:
        path = f"terms/{term.id}/"
        response = page.goto(f"{site_server}{path}", wait_until="commit")
        compared += assert_built_text_stays(page, response.text(), path)
    assert compared >= 2 * len(calculators.REGISTRY)
