"""The position builder's page in Chromium, held to ``calculators.strategy``.

The page computes with ``strategy.js`` and the generated black-76 function; here its
results, its chart samples and its shared links are compared with the Python API.
"""

from __future__ import annotations

import html.parser
import re

import pytest

from calculators.builder_view import DEFAULT, chart_spots
from calculators.strategy import Strategy

pytestmark = pytest.mark.browser
PAGE = "calculators/position-builder/"
REL = 1e-9

READ = """() => {
  const form = document.querySelector("form[data-builder]");
  const results = Object.fromEntries([...form.querySelectorAll("[data-result]")].map(d => [d.dataset.result, d.textContent]));
  const legs = [...form.querySelectorAll("tr[data-leg]")].map(row =>
    Object.fromEntries([...row.querySelectorAll("select, input")].map(f => [f.name, f.value])));
  const table = [...form.querySelectorAll("table.chart-data tbody tr")].map(r => [...r.cells].map(c => c.textContent));
  const points = [...form.querySelectorAll("svg circle.chart-point")].map(c => [c.dataset.series, c.dataset.x, c.dataset.y]);
  return {results, legs, table, points, error: form.querySelector(".builder-error").textContent,
          day: form.elements.day.value, max: form.elements.day.max, ready: form.dataset.ready || ""};
}"""


def number(text: str) -> float:
    return float(text.replace(",", "").split(" ")[0])


def close(shown: str | float, expected: float) -> bool:
    value = number(shown) if isinstance(shown, str) else shown
    return abs(value - expected) <= REL * max(abs(expected), 1.0)


def open_builder(page, site_server, query: str = "") -> dict:
    page.goto(f"{site_server}{PAGE}{query}", wait_until="networkidle")
    state = page.evaluate(READ)
    assert state["ready"] == "1", "builder.js did not start"
    return state


def load_preset(page, name: str, width: str, expiry: str) -> dict:
    page.select_option("#builder-preset", name)
    page.fill("#builder-width", width)
    page.fill("#builder-expiry", expiry)
    page.click("[data-action=preset]")
    return page.evaluate(READ)


def assert_results(results: dict, st: Strategy, spot: float, day: float, vol: float = 0.6) -> None:
    """Breakevens, extremes, net premium and greeks as the page shows them, against Python."""
    breakevens = [] if results["breakevens"] == "none" else results["breakevens"].split(", ")
    assert len(breakevens) == len(st.breakevens()), results
    assert all(close(shown, want) for shown, want in zip(breakevens, st.breakevens(), strict=True)), results
    for name, want in (("max_profit", st.max_profit()), ("max_loss", st.max_loss())):
        assert results[name] == "unbounded" if want is None else close(results[name], want), (name, results)
    net = st.net_premium()
    assert close(results["net_premium"], abs(net)) and results["net_premium"].endswith("paid" if net > 0 else "received")
    for name, want in st.greeks(spot, day, vol).items():
        assert close(results[name], want), (name, results[name], want)


@pytest.mark.parametrize("name", ["long-straddle", "bull-call-spread", "iron-condor", "butterfly", "covered-call",
                                  "protective-put", "collar", "short-strangle"])
def test_a_loaded_preset_matches_python(page, site_server, name):
    open_builder(page, site_server)
    state = load_preset(page, name, "4000", "45")
    st = Strategy.preset(name, DEFAULT["spot"], width=4000, expiry_days=45, volatility=0.6)
    assert [(g["kind"], g["side"], float(g["strike"]), float(g["expiry_days"])) for g in state["legs"]] == \
        [(g.kind, g.side, g.strike, g.expiry_days) for g in st.legs]
    assert state["error"] == ""
    assert_results(state["results"], st, DEFAULT["spot"], 0.0)


def test_the_date_slider_moves_the_chart_to_strategy_value(page, site_server):
    open_builder(page, site_server)
    load_preset(page, "calendar-spread", "5000", "20")
    page.focus("#builder-day")
    for _ in range(20):
        page.keyboard.press("ArrowRight")  # the keyboard reaches the near expiry, one day a step
    state = page.evaluate(READ)
    st = Strategy.preset("calendar-spread", DEFAULT["spot"], width=5000, expiry_days=20, volatility=0.6)
    assert state["day"] == "20" and state["max"] == "40"
    xs = chart_spots(st.legs, DEFAULT["spot"])
    assert [float(row[0]) for row in state["table"]] == xs  # String(x) reads back exactly
    for spot, at_expiry, on_day in state["table"]:
        assert close(float(at_expiry), st.pnl_at_expiry(float(spot)))
        assert close(float(on_day), st.value(float(spot), 20, 0.6)), spot
    drawn = [(float(x), float(y)) for series, x, y in state["points"] if series == "value"]
    assert drawn == [(float(r[0]), float(r[2])) for r in state["table"]]  # the SVG draws the table's samples
    assert_results(state["results"], st, DEFAULT["spot"], 20.0)
    assert "on day 20" in page.text_content("figure.builder-chart figcaption")


def test_after_the_last_expiry_the_two_lines_agree(page, site_server):
    open_builder(page, site_server, "?day=30")
    state = page.evaluate(READ)
    assert state["day"] == "30"
    assert all(row[1] == row[2] for row in state["table"]), "value() is pnl_at_expiry once every leg expired"


def test_a_shared_link_restores_the_same_position(page, site_server, browser):
    open_builder(page, site_server)
    load_preset(page, "iron-condor", "3000", "21")
    page.click("[data-action=add]")
    row = page.locator("tr[data-leg]").last
    row.locator("[name=kind]").select_option("future")
    row.locator("[name=side]").select_option("short")
    row.locator("[name=strike]").fill("61000")
    row.locator("[name=quantity]").fill("0.5")
    page.locator("tr[data-leg]").first.locator("[name=premium]").fill("250")
    page.fill("#builder-vol", "0.75")
    page.locator("#builder-day").fill("7")
    page.locator("#builder-day").dispatch_event("input")
    before = page.evaluate(READ)
    assert before["error"] == "" and len(before["legs"]) == 5
    shared = page.url
    assert "leg=" in shared and "vol=0.75" in shared and "day=7" in shared
    other = browser.new_context().new_page()
    other.goto(shared, wait_until="networkidle")
    after = other.evaluate(READ)
    assert {k: after[k] for k in ("legs", "results", "table", "day")} == \
        {k: before[k] for k in ("legs", "results", "table", "day")}
    other.context.close()


def test_a_bad_leg_names_itself_and_shows_no_numbers(page, site_server):
    open_builder(page, site_server)
    field = page.locator("tr[data-leg]").nth(1).locator("[name=strike]")
    field.fill("abc")
    state = page.evaluate(READ)
    assert state["error"] == "Leg 2 strike must be a number, got 'abc'"
    assert set(state["results"].values()) == {"—"}
    page.locator("tr[data-leg]").nth(1).locator("[data-action=remove]").click()
    state = page.evaluate(READ)
    assert state["error"] == "" and len(state["legs"]) == 1


class _Results(html.parser.HTMLParser):
    """The result texts of the page as built (before any script)."""

    def __init__(self) -> None:
        super().__init__()
        self.current, self.found = "", {}

    def handle_starttag(self, tag, attrs):
        self.current = dict(attrs).get("data-result", "") if tag == "dd" else ""

    def handle_endtag(self, tag):
        self.current = ""

    def handle_data(self, data):
        if self.current:
            self.found[self.current] = self.found.get(self.current, "") + data


def test_the_built_page_reads_the_same_after_the_script(page, site_server, real_site):
    parser = _Results()
    parser.feed((real_site / PAGE / "index.html").read_text(encoding="utf-8"))
    live = open_builder(page, site_server)
    assert parser.found == live["results"]
    built_rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>",
                            (real_site / PAGE / "index.html").read_text(encoding="utf-8"))
    assert [r[0] for r in built_rows] == [r[0] for r in live["table"]]  # the same spots, to the last digit
    for built, shown in zip(built_rows, live["table"], strict=True):  # premiums: Python's erfc and runtime.js's
        assert close(float(shown[1]), float(built[1])) and close(float(shown[2]), float(built[2])), (built, shown)


def test_the_builder_fits_a_phone_and_works_by_keyboard(page, site_server):
    page.set_viewport_size({"width": 390, "height": 844})
    open_builder(page, site_server)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.focus("#builder-preset")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "builder-spot"
    page.focus("[data-action=add]")
    page.keyboard.press("Enter")
    state = page.evaluate(READ)
    assert len(state["legs"]) == 3
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Leg 3 kind"
    unnamed = page.evaluate("""() => [...document.querySelectorAll('form[data-builder] :is(input, select, button)')]
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
        .map(el => el.outerHTML)""")
    assert unnamed == []


def test_the_calculators_index_links_the_builder(site_server, real_site):
    index = (real_site / "calculators" / "index.html").read_text(encoding="utf-8")
    assert 'href="position-builder/"' in index and "Position builder" in index


def test_instant_navigation_starts_the_builder(page, site_server):
    """Material swaps the page in without a reload and runs its scripts: the builder must start, once."""
    page.goto(f"{site_server}calculators/", wait_until="networkidle")
    page.click("article a[href$='/position-builder/']")
    page.wait_for_function("() => document.querySelector('form[data-builder]')?.dataset.ready === '1'")
    state = page.evaluate(READ)
    st = Strategy.preset(DEFAULT["preset"], DEFAULT["spot"], width=DEFAULT["width"], expiry_days=DEFAULT["expiry"])
    assert_results(state["results"], st, DEFAULT["spot"], 0.0)
    page.click("[data-action=add]")  # one listener per form: one click adds one leg
    assert len(page.evaluate(READ)["legs"]) == 3
