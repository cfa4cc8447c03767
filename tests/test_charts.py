"""The live charts: every sample drawn held against ``compute()``, the marks against the
calculators' outputs, redraw on input, instant navigation, the keyboard read-out, and axe.

The table inside each ``<figure class="calculator-chart">`` holds the very samples the SVG
draws (``String(x)`` texts), so reading it is reading the chart. Every calculator page's
scripts redraw its chart in one Node process (``chart_pages``); Chromium, on the fixture
site, holds a few pages' live figures against Python and that Node run, and does what needs
a page: typing, the point, the keyboard, instant navigation, a phone's width, axe.
"""

from __future__ import annotations

import json
import math

import pytest
from axe import assert_chart_shown, inject_axe, serious_violations, show_chart_cursor
from chart_pages import built_table, figure, page_script
from node_batch import printed, run_scripts

import calculators
from calculators.chart_figure import header
from calculators.chart_samples import Context, compute, evaluate, row, sample
from calculators.chart_specs import CHARTS
from calculators.numbers import display, js_string

TOLERANCE = 1e-12
ALL = sorted(calculators.REGISTRY)

# The figure as the script left it: column names, rows of texts, the current point, the marks.
READ = """(id) => {
  const f = document.querySelector(`figure.calculator-chart[data-chart="${id}"]`);
  const point = f.querySelector("svg circle.chart-point");
  return {names: [...f.querySelectorAll("table.chart-data thead th")].map(th => th.dataset.name),
          rows: [...f.querySelectorAll("table.chart-data tbody tr")].map(tr => [...tr.cells].map(td => td.textContent)),
          point: point ? [point.dataset.x, point.dataset.y] : null,
          marks: Object.fromEntries([...f.querySelectorAll("svg .chart-mark")].map(
            m => [m.dataset.mark, [m.dataset.x ?? null, m.dataset.y ?? null]])),
          drawn: f.dataset.drawn, paths: [...f.querySelectorAll("svg path.chart-line")].map(p => p.getAttribute("d"))};
}"""

# The figure before, then each field typed as a person types it (select all, then key by key: every
# prefix is an input event the form redraws on), then the figure after: one round trip in all.
TYPE_AND_READ = f"""([id, typed]) => {{
  const read = {READ};
  const before = read(id);
  for (const [name, text] of typed) {{
    const field = document.querySelector(`form.calculator :is(input, textarea)[name="${{name}}"]:not([disabled])`);
    if (!field) throw new Error(`no enabled field named ${{name}}`);
    field.focus();
    for (let n = 1; n <= text.length; n++) {{
      field.value = text.slice(0, n);
      field.dispatchEvent(new InputEvent("input", {{bubbles: true, inputType: "insertText", data: text[n - 1]}}));
    }}
  }}
  return {{before, after: read(id)}};
}}"""

# Resolves once the calculator has started and the chart script has drawn (or emptied) its figure:
# one round trip when it already has (the usual case once the page has loaded).
DRAWN = """() => new Promise((done, fail) => {
  const since = performance.now();
  const check = () => {
    if (document.querySelector("form.calculator")?.dataset.ready === "1"
        && document.querySelector("figure.calculator-chart")?.dataset.drawn) return done(true);
    if (performance.now() - since > 10000) return fail(new Error("no calculator drew its chart in 10 s"));
    setTimeout(check, 10);
  };
  check();
})"""


def open_chart(page, url: str) -> None:
    """Load a page with a chart and wait for exactly that: the widget ready and the figure drawn."""
    page.goto(url, wait_until="load")
    page.evaluate(DRAWN)


def typed(calc_id: str) -> dict[str, float]:
    """Inputs a reader changes: each required number input nudged up by a different share (10%, 7%, ...)."""
    calc = calculators.get(calc_id)
    changed = {}
    for item in calc.inputs:
        if item.kind == "number" and not item.optional and item.default:
            value = item.default * (1.1 - 0.03 * (len(changed) % 3))
            if item.high is not None and value > item.high:
                value = item.default * 0.9
            changed[item.name] = value
    return changed


def typed_texts(calc_id: str) -> dict[str, str]:
    """``typed`` as the reader types it: ``String(x)`` of each value."""
    return {name: js_string(value) for name, value in typed(calc_id).items()}


def type_into(page, name: str, text: str) -> None:
    """Select the field's text and type the new value key by key, as a person would."""
    field = page.locator(f'form.calculator :is(input, textarea)[name="{name}"]:not([disabled])')
    field.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def close(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def defaults(calc_id: str) -> dict:
    return {i.name: i.default for i in calculators.get(calc_id).inputs}


def assert_samples(calc_id: str, shown: dict, values: dict) -> None:
    """Every cell of every row equals Python: own outputs through ``compute()``, derived series through
    the other calculators' ``compute()`` (charts.chart_samples); empty cells only where Python refuses."""
    chart, calc = CHARTS[calc_id], calculators.get(calc_id)
    assert shown["names"] == [name for name, _ in header(chart)]
    outputs = compute(calc_id, values)
    expected = sample(chart, values, outputs)
    assert len(shown["rows"]) == len(expected.rows) >= 20
    for texts, python_row in zip(shown["rows"], expected.rows, strict=True):
        x = float(texts[0])
        assert close(x, python_row[0]), (texts[0], python_row[0])
        again = row(chart, values, outputs, x)
        own = compute(calc_id, {**values, chart.x: x}) if chart.x in calc.input_names else None
        for series, text, value in zip(chart.series, texts[1:], again[1:], strict=True):
            if value is None:
                assert text == "", f"{calc_id} x={x} {series.name}: Python refuses, browser shows {text}"
                continue
            assert text != "", f"{calc_id} x={x} {series.name}: browser left a gap, Python gives {value}"
            assert close(float(text), value), f"{calc_id} x={x} {series.name}: browser {text}, python {value!r}"
            if series.expr == ["out", series.name] and own is not None:
                assert close(float(text), own[series.name]), (calc_id, x, series.name)


def assert_marks(calc_id: str, shown: dict, values: dict) -> None:
    """The point and every mark where Python puts them, and the named ones equal to the calculators' outputs."""
    chart = CHARTS[calc_id]
    outputs = compute(calc_id, values)
    expected = sample(chart, values, outputs)
    assert shown["point"] is not None and expected.point is not None
    assert all(close(float(a), b) for a, b in zip(shown["point"], expected.point, strict=True)), shown["point"]
    assert set(shown["marks"]) == {name for name, _, _ in expected.marks}
    for name, x, y in expected.marks:
        for text, value in zip(shown["marks"][name], (x, y), strict=True):
            assert (text is None) == (value is None) and (value is None or close(float(text), value)), (name, text)
    marks = {name: (x, y) for name, x, y in expected.marks}
    if "liquidation_price" in marks:  # the crossing is the calculator's liquidation price
        assert close(float(shown["marks"]["liquidation_price"][0]), outputs["liquidation_price"])
        if chart.x == "mark_price":  # the margin charts' point is the crossing
            assert close(float(shown["point"][0]), outputs["liquidation_price"])
    if "strike" in marks:
        assert float(shown["marks"]["strike"][0]) == values["strike"]
    if "break_even" in marks:
        premium = outputs.get("price", outputs.get("price_usd", values.get("premium")))
        payoff = calculators.get("option-payoff").compute(
            option_type=values["option_type"], side=values.get("side", "long"), strike=values["strike"],
            premium=premium, quantity=values.get("quantity", 1), spot_at_expiry=values["strike"])
        assert close(float(shown["marks"]["break_even"][0]), payoff["break_even"])
    if "break_even_price" in marks:
        assert close(float(shown["marks"]["break_even_price"][0]), outputs["break_even_price"])


def test_every_calculator_has_a_chart_whose_series_come_from_calculators():
    assert sorted(CHARTS) == ALL
    for chart in CHARTS.values():
        assert chart.calls() <= set(ALL), chart.calc
        for series in chart.series:  # an output: the calculator's own, or another's through "call"
            words = str(series.expr)
            assert "'out'" in words or "'call'" in words or series.name == chart.horizontal, (chart.calc, series.name)


@pytest.mark.parametrize("calc_id", ALL)
def test_the_built_table_is_pythons_samples_for_the_defaults(built_site, calc_id):
    names, rows = built_table(built_site, calc_id)
    values = defaults(calc_id)
    expected = sample(CHARTS[calc_id], values, compute(calc_id, values))
    assert names == list(expected.names)
    assert rows == [["" if v is None else js_string(v) for v in r] for r in expected.rows]


def test_the_liquidation_lines_cross_at_the_liquidation_price():
    """Margin balance and maintenance margin, each from other calculators, are equal at the liquidation price."""
    for calc_id in ("liquidation-price", "hedge-mode-liquidation-price", "inverse-liquidation-price"):
        values = defaults(calc_id)
        outputs = compute(calc_id, values)
        chart = CHARTS[calc_id]
        at = Context(values, outputs, outputs["liquidation_price"])
        balance, margin = (evaluate(s.expr, at) for s in chart.series)
        assert math.isclose(balance, margin, rel_tol=1e-9), (calc_id, balance, margin)
        below = Context(values, outputs, outputs["liquidation_price"] * 1.01)
        assert evaluate(chart.series[0].expr, below) != evaluate(chart.series[1].expr, below)


@pytest.fixture(scope="module")
def node_answers(built_site) -> dict[str, dict]:
    """Every calculator page's chart redrawn by the page's own scripts, in one Node process
    (``chart_pages``): for the form's texts, then key by key through ``typed_texts``."""
    return run_scripts({calc_id: page_script(built_site / "calculators" / calc_id / "index.html",
                                             calc_id, typed_texts(calc_id)) for calc_id in ALL})


@pytest.fixture
def node_figures(node_answers, built_site):
    """``figures(calc id)``: {"before": figure, "after": figure} from the Node run, each as READ
    reads the live figure; fails, naming the page, if its scripts threw at any key."""
    def figures(calc_id: str) -> dict[str, dict]:
        names = built_table(built_site, calc_id)[0]
        states = [json.loads(line) for line in printed(node_answers, calc_id).splitlines()]
        return {state: figure(names, *rest) for state, *rest in states}
    return figures


def assert_redrawn(calc_id: str, before: dict, after: dict) -> None:
    """The chart drawn for the defaults, then redrawn for the typed inputs: every sample and mark as Python has it."""
    assert before["drawn"] == "1" and before["paths"]
    assert_samples(calc_id, before, defaults(calc_id))
    values = {**defaults(calc_id), **{name: float(text) for name, text in typed_texts(calc_id).items()}}
    assert after["rows"] != before["rows"], "the chart did not redraw"
    assert_samples(calc_id, after, values)
    assert_marks(calc_id, after, values)


def same_texts(a: list[str | None] | None, b: list[str | None] | None) -> bool:
    """Two figures' texts for the same cells: both empty (or absent), or numbers within TOLERANCE
    (Chromium's and Node's V8 may differ in the last bit of Math.exp and the like)."""
    if a is None or b is None:
        return a is b
    return len(a) == len(b) and all(x == y or (x not in ("", None) and y not in ("", None) and close(float(x), float(y)))
                                    for x, y in zip(a, b, strict=True))


def assert_same_figure(shown: dict, in_node: dict, where: str) -> None:
    assert shown["names"] == in_node["names"] and shown["drawn"] == in_node["drawn"], where
    assert len(shown["rows"]) == len(in_node["rows"]), f"{where}: {len(shown['rows'])} rows, Node {len(in_node['rows'])}"
    for row_shown, row_node in zip(shown["rows"], in_node["rows"], strict=True):
        assert same_texts(row_shown, row_node), f"{where}: page row {row_shown}, Node row {row_node}"
    assert same_texts(shown["point"], in_node["point"]), f"{where}: point {shown['point']}, Node {in_node['point']}"
    assert set(shown["marks"]) == set(in_node["marks"]), where
    for name, texts in shown["marks"].items():
        assert same_texts(texts, in_node["marks"][name]), f"{where}: mark {name} {texts}, Node {in_node['marks'][name]}"


@pytest.mark.xdist_group("chart-figures")  # the Node run once per test run, not once per worker
@pytest.mark.parametrize("calc_id", ALL)
def test_typed_inputs_redraw_every_sample_as_python_computes_it(node_figures, calc_id):
    """The page's scripts (in Node) against ``compute()``, for every calculator."""
    found = node_figures(calc_id)
    assert sorted(found) == ["after", "before"]
    assert_redrawn(calc_id, found["before"], found["after"])


# Pages whose live figure is held against Python and against the same scripts in Node: a chart
# that calls two other calculators' files, with a tier table and an x that is no input
# (liquidation-price); one with views and marks from another calculator (black-scholes); one
# drawn against an output (constant-product-swap); one with a mark at a constant (health-factor).
IN_A_PAGE = ["liquidation-price", "black-scholes", "constant-product-swap", "health-factor"]


@pytest.mark.browser
@pytest.mark.xdist_group("chart-figures")
@pytest.mark.parametrize("calc_id", IN_A_PAGE)
def test_the_page_redraws_what_its_scripts_compute(page, site_server, node_figures, calc_id):
    page.set_viewport_size({"width": 390, "height": 844})
    open_chart(page, f"{site_server}calculators/{calc_id}/")
    shown = page.evaluate(TYPE_AND_READ, [calc_id, list(typed_texts(calc_id).items())])
    assert_redrawn(calc_id, shown["before"], shown["after"])
    for state in ("before", "after"):  # the rows, gaps, point and marks the Node run found
        assert_same_figure(shown[state], node_figures(calc_id)[state], f"{calc_id} {state}")


@pytest.mark.browser
def test_typing_the_x_input_moves_the_point(page, site_server):
    open_chart(page, f"{site_server}calculators/black-scholes/")
    type_into(page, "spot", "45")
    shown = page.evaluate(READ, "black-scholes")
    price = calculators.get("black-scholes").compute(**{**defaults("black-scholes"), "spot": 45})["price"]
    assert float(shown["point"][0]) == 45 and close(float(shown["point"][1]), price)
    page.select_option("figure.calculator-chart select.chart-view", "gamma")
    gamma = calculators.get("black-scholes").compute(**{**defaults("black-scholes"), "spot": 45})["gamma"]
    assert close(float(page.evaluate(READ, "black-scholes")["point"][1]), gamma)
    assert "spot=45" in page.evaluate("location.search")


@pytest.mark.browser
def test_no_liquidation_price_still_draws_the_margin_lines(page, site_server):
    open_chart(page, f"{site_server}calculators/liquidation-price/?side=long&quantity=1&entry_price=60000"
                     "&wallet_balance=100000&maintenance_margin_rate=0.005")
    shown = page.evaluate(READ, "liquidation-price")
    assert shown["drawn"] == "1" and shown["point"] is None and "liquidation_price" not in shown["marks"]
    values = {**defaults("liquidation-price"), "wallet_balance": 100000, "maintenance_margin_rate": 0.005}
    assert_samples("liquidation-price", shown, values)
    type_into(page, "quantity", "abc")  # an input error: no chart, no numbers
    assert page.evaluate(READ, "liquidation-price")["rows"] == []


@pytest.mark.browser
def test_the_keyboard_reads_out_points(page, site_server):
    open_chart(page, f"{site_server}calculators/liquidation-price/")
    plot = page.locator("figure.calculator-chart .chart-plot")
    readout = page.locator("figure.calculator-chart .chart-readout")
    assert readout.get_attribute("aria-live") == "polite"
    page.locator('form.calculator input[name="other_unrealized_pnl"]').focus()
    for _ in range(40):  # Tab reaches the chart after the last field and the tier table's controls
        page.keyboard.press("Tab")
        if plot.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the chart")
    first = readout.inner_text()
    page.keyboard.press("ArrowRight")
    second = readout.inner_text()
    assert second != first and second.startswith("Mark price ") and "Margin balance " in second
    assert "Maintenance margin " in second and "USDT" in second
    page.keyboard.press("Home")
    rows = page.evaluate(READ, "liquidation-price")["rows"]
    assert readout.inner_text().startswith(f"Mark price {display(float(rows[0][0]))} USDT")


# Material's instant navigation has fetched the sitemap (it takes over no link before that).
SITEMAP_READ = """() => performance.getEntriesByType("resource")
  .some(e => new URL(e.name).pathname.endsWith("/sitemap.xml") && e.responseEnd > 0)"""


@pytest.mark.browser
def test_the_chart_survives_instant_navigation(page, prefixed_site):
    open_chart(page, f"{prefixed_site}calculators/liquidation-price/")
    page.wait_for_function(SITEMAP_READ)  # Material takes over only the links its sitemap lists
    page.evaluate("() => { window.stillHere = true; }")
    page.locator("article a[href*='terms/']").first.click()
    page.wait_for_function("() => location.pathname.includes('/terms/')")
    page.wait_for_function("() => document.querySelector('figure.calculator-chart')?.dataset.drawn === '1'")
    page.locator("article a[href*='calculators/liquidation-price/']").first.click()
    page.wait_for_function("() => location.pathname.endsWith('/calculators/liquidation-price/')")
    page.wait_for_function("() => document.querySelector('figure.calculator-chart')?.dataset.drawn === '1'")
    assert page.evaluate("() => window.stillHere === true"), "the page was reloaded: not instant navigation"
    type_into(page, "wallet_balance", "4000")
    values = {**defaults("liquidation-price"), "wallet_balance": 4000.0}
    shown = page.evaluate(READ, "liquidation-price")
    assert_samples("liquidation-price", shown, values)
    assert_marks("liquidation-price", shown, values)


# The chart pages axe'd here, on a phone with the cursor and read-out showing, in each palette:
# liquidation-price and black-scholes are axe'd in that state by test_browser_quality (its
# "calculator" and "wide-formula" pages, loaded in each palette, also axe'd on a desktop).
CHART_PAGES = ["constant-product-swap", "concentrated-liquidity", "health-factor"]


SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme: Material's palette

# Switch the palette in the loaded page as the reader's toggle does; resolves once Material has
# applied it (then ``STILL``: nothing moves on the page for two frames, since focusing the chart
# scrolls the page, and the header's title fades to the page's).
PALETTE = """(scheme) => new Promise((done, fail) => {
  const input = document.querySelector(`[data-md-component=palette] input[data-md-color-scheme="${scheme}"]`);
  if (document.body.dataset.mdColorScheme !== scheme) input.click();
  const since = performance.now();
  const wait = () => {
    if (document.body.dataset.mdColorScheme === scheme) return done(scheme);
    if (performance.now() - since > 10000) return fail(new Error(`the palette stayed ${document.body.dataset.mdColorScheme}`));
    requestAnimationFrame(wait);
  };
  wait();
})"""


@pytest.mark.browser
@pytest.mark.parametrize("calc_id", CHART_PAGES)
def test_pages_with_charts_pass_axe_on_a_phone(page, site_server, calc_id):
    """On a phone, with the cursor and read-out showing, in the light palette and then the dark one."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_chart(page, f"{site_server}calculators/{calc_id}/")
    show_chart_cursor(page)
    inject_axe(page)
    for scheme, palette in SCHEMES.items():
        where = f"{calc_id}, {scheme} palette, phone, the chart's cursor showing"
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate(PALETTE, palette) == palette, where
        assert_chart_shown(page, 390, where)
        serious = serious_violations(page, without_code=True)  # axe'd in full by test_browser_quality
        assert serious == [], f"{where}:\n" + "\n".join(serious)
