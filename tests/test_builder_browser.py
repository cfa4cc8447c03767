"""The position builder's page in Chromium, held to ``calculators.strategy``.

The page computes with ``strategy.js`` and the generated black-76 function; here its
results, its chart samples and its shared links are compared with the Python API.
"""

from __future__ import annotations

import html.parser
import re

import pytest
from navigation import BUILDER_READY, MARK, SAME_DOCUMENT, instant_click

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
          day: form.elements.day.value, max: form.elements.day.max, ready: form.dataset.ready || "",
          caption: form.querySelector("figure.builder-chart figcaption").textContent};
}"""

# What a reader's edits do, in one round trip: each field set as typing or choosing would set it
# (an input event for a text field or the slider, a change event for a select), then READ.
EDIT = """([edits, click]) => {
  const form = document.querySelector("form[data-builder]");
  for (const [selector, value] of edits) {
    const field = form.querySelector(selector);
    field.value = value;
    field.dispatchEvent(new Event(field.tagName === "SELECT" ? "change" : "input", {bubbles: true}));
  }
  if (click) form.querySelector(click).click();
  return (""" + READ + """)();
}"""


def number(text: str) -> float:
    return float(text.replace(",", "").split(" ")[0])


def close(shown: str | float, expected: float) -> bool:
    value = number(shown) if isinstance(shown, str) else shown
    return abs(value - expected) <= REL * max(abs(expected), 1.0)


def open_builder(page, site_server, query: str = "") -> dict:
    return visit(page, f"{site_server}{PAGE}{query}")


def visit(page, url: str) -> dict:
    """Load the builder at ``url``; its state once builder.js has bound the form and drawn it."""
    page.goto(url)
    page.wait_for_function(BUILDER_READY)
    return page.evaluate(READ)


def load_preset(page, name: str, width: str, expiry: str) -> dict:
    return page.evaluate(EDIT, [[["#builder-preset", name], ["#builder-width", width], ["#builder-expiry", expiry]],
                                "[data-action=preset]"])


def assert_results(results: dict, st: Strategy, spot: float, day: float, vol: float = 0.6, case: str = "") -> None:
    """Breakevens, extremes, net premium and greeks as the page shows them, against Python."""
    breakevens = [] if results["breakevens"] == "none" else results["breakevens"].split(", ")
    assert len(breakevens) == len(st.breakevens()), (case, results)
    assert all(close(shown, want) for shown, want in zip(breakevens, st.breakevens(), strict=True)), (case, results)
    for name, want in (("max_profit", st.max_profit()), ("max_loss", st.max_loss())):
        assert results[name] == "unbounded" if want is None else close(results[name], want), (case, name, results)
    net = st.net_premium()
    assert close(results["net_premium"], abs(net)) and results["net_premium"].endswith("paid" if net > 0 else "received"), \
        (case, results)
    for name, want in st.greeks(spot, day, vol).items():
        assert close(results[name], want), (case, name, results[name], want)


PRESETS = ["long-straddle", "bull-call-spread", "iron-condor", "butterfly", "covered-call", "protective-put", "collar",
           "short-strangle"]


def test_every_loaded_preset_matches_python(page, site_server):
    """One visit, every preset loaded in turn (loading replaces the legs and the day): each against Python."""
    open_builder(page, site_server)
    for name in PRESETS:
        state = load_preset(page, name, "4000", "45")
        st = Strategy.preset(name, DEFAULT["spot"], width=4000, expiry_days=45, volatility=0.6)
        assert [(g["kind"], g["side"], float(g["strike"]), float(g["expiry_days"])) for g in state["legs"]] == \
            [(g.kind, g.side, g.strike, g.expiry_days) for g in st.legs], name
        assert state["error"] == "", (name, state["error"])
        assert_results(state["results"], st, DEFAULT["spot"], 0.0, case=name)


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
    assert "on day 20" in state["caption"]


def test_after_the_last_expiry_the_two_lines_agree(page, site_server):
    state = open_builder(page, site_server, "?day=30")
    assert state["day"] == "30"
    assert all(row[1] == row[2] for row in state["table"]), "value() is pnl_at_expiry once every leg expired"


FIFTH_LEG = "tr[data-leg]:last-child"


def test_a_shared_link_restores_the_same_position(page, site_server):
    open_builder(page, site_server)
    load_preset(page, "iron-condor", "3000", "21")
    before = page.evaluate(EDIT, [[], "[data-action=add]"])
    assert len(before["legs"]) == 5
    before = page.evaluate(EDIT, [[[f"{FIFTH_LEG} [name=kind]", "future"], [f"{FIFTH_LEG} [name=side]", "short"],
                                   [f"{FIFTH_LEG} [name=strike]", "61000"], [f"{FIFTH_LEG} [name=quantity]", "0.5"],
                                   ["tr[data-leg]:first-child [name=premium]", "250"], ["#builder-vol", "0.75"],
                                   ["#builder-day", "7"]], None])
    assert before["error"] == "" and len(before["legs"]) == 5
    assert before["legs"][4] == {**before["legs"][4], "kind": "future", "side": "short", "strike": "61000",
                                 "quantity": "0.5"}
    shared = page.url
    assert "leg=" in shared and "vol=0.75" in shared and "day=7" in shared
    # The link alone: nothing kept in storage, and a new document (the marker does not survive a load).
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); window.__before = true; }")
    after = visit(page, shared)
    assert page.evaluate("() => window.__before") is None, "the link was not loaded afresh"
    assert {k: after[k] for k in ("legs", "results", "table", "day")} == \
        {k: before[k] for k in ("legs", "results", "table", "day")}


def test_a_bad_leg_names_itself_and_shows_no_numbers(page, site_server):
    open_builder(page, site_server)
    page.locator("tr[data-leg]").nth(1).locator("[name=strike]").fill("abc")
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


def test_the_built_page_reads_the_same_after_the_script(page, site_server, built_site):
    """The page served is the one built: Python's numbers in the HTML, runtime.js's after the script ran."""
    built = (built_site / PAGE / "index.html").read_text(encoding="utf-8")
    parser = _Results()
    parser.feed(built)
    live = open_builder(page, site_server)
    assert parser.found == live["results"]
    built_rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", built)
    assert [r[0] for r in built_rows] == [r[0] for r in live["table"]]  # the same spots, to the last digit
    for built_row, shown in zip(built_rows, live["table"], strict=True):  # premiums: Python's erfc and runtime.js's
        assert close(float(shown[1]), float(built_row[1])) and close(float(shown[2]), float(built_row[2])), \
            (built_row, shown)


UNNAMED = """() => [...document.querySelectorAll('form[data-builder] :is(input, select, button)')]
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
    .map(el => el.outerHTML)"""


def test_the_builder_fits_a_phone_and_works_by_keyboard(page, site_server):
    page.set_viewport_size({"width": 390, "height": 844})
    open_builder(page, site_server)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.focus("#builder-preset")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "builder-spot"
    page.focus("[data-action=add]")
    page.keyboard.press("Enter")
    legs, focused, unnamed = page.evaluate(f"""() => [document.querySelectorAll("form[data-builder] tr[data-leg]").length,
        document.activeElement.getAttribute('aria-label'), ({UNNAMED})()]""")
    assert legs == 3
    assert focused == "Leg 3 kind"
    assert unnamed == []


def test_the_calculators_index_links_the_builder(built_site):
    index = (built_site / "calculators" / "index.html").read_text(encoding="utf-8")
    assert 'href="position-builder/"' in index and "Position builder" in index


def test_instant_navigation_starts_the_builder(page, site_server):
    """Material swaps the page in without a reload and runs its scripts: the builder must start, once."""
    page.goto(f"{site_server}calculators/")
    page.evaluate(MARK)
    instant_click(page, "article a[href$='/position-builder/']")
    page.wait_for_function(BUILDER_READY)
    state = page.evaluate(READ)
    assert page.evaluate(SAME_DOCUMENT), "a full reload, not instant navigation"
    st = Strategy.preset(DEFAULT["preset"], DEFAULT["spot"], width=DEFAULT["width"], expiry_days=DEFAULT["expiry"])
    assert_results(state["results"], st, DEFAULT["spot"], 0.0)
    assert len(page.evaluate(EDIT, [[], "[data-action=add]"])["legs"]) == 3  # one listener per form: one click, one leg
