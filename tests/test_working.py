"""The "How this was computed" list: every step and output, its formula and its value.

Python: ``Calculator.steps`` returns every step and output of the definition, in order, and
its outputs are exactly ``compute()``'s; the built list shows those values. Chromium: after
typing an input, each value in the list equals Python's ``steps`` to 1e-12 relative.
"""

from __future__ import annotations

import html.parser
import math

import pytest
from navigation import open_calculator

import calculators
from calculators.definitions import DEFINITIONS
from calculators.numbers import js_string
from calculators.widget import widget_html

IDS = sorted(calculators.REGISTRY)


def defaults(calc) -> dict:
    return {i.name: i.default for i in calc.inputs if not (i.kind == "tiers" and not i.default)}


@pytest.mark.parametrize("calc_id", IDS)
def test_steps_are_every_assignment_and_agree_with_compute(calc_id):
    calc = calculators.get(calc_id)
    steps = calc.steps(**defaults(calc))
    assert list(steps) == [name for name, _ in DEFINITIONS[calc_id].assignments]
    outputs = calc.compute(**defaults(calc))
    assert {name: steps[name] for name in outputs} == outputs
    assert all(math.isfinite(value) for value in steps.values())


def test_steps_raise_what_compute_raises():
    calc = calculators.get("black-scholes")
    with pytest.raises(calculators.CalculatorInputError, match="volatility"):
        calc.steps(**{**defaults(calc), "volatility": -1})
    liquidation = calculators.get("liquidation-price")
    with pytest.raises(calculators.NoSolution):
        liquidation.steps(**{**defaults(liquidation), "wallet_balance": 10**9})


class _Rows(html.parser.HTMLParser):
    """``data-step`` → (data-value, text) of each row's value in the working list."""

    def __init__(self):
        super().__init__()
        self.rows, self.step, self.inside = {}, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li" and "data-step" in attrs:
            self.step = attrs["data-step"]
        if "calculator-step-value" in (attrs.get("class") or ""):
            self.inside, self.rows[self.step] = True, [attrs["data-value"], ""]

    def handle_data(self, data):
        if self.inside:
            self.rows[self.step][1] += data

    def handle_endtag(self, tag):
        self.inside = self.inside and tag != "span"


def built_rows(calc_id: str, example: dict) -> dict:
    parser = _Rows()
    parser.feed(widget_html(calculators.get(calc_id), example))
    return parser.rows


@pytest.mark.parametrize("calc_id", IDS)
def test_the_built_list_shows_every_step_with_its_python_value(calc_id):
    calc = calculators.get(calc_id)
    rows = built_rows(calc_id, {})
    assert list(rows) == [name for name, _ in DEFINITIONS[calc_id].assignments]
    try:
        steps = calc.steps(**defaults(calc))
    except calculators.NoSolution:
        steps = {}
    for name, (value, text) in rows.items():
        assert value == (js_string(steps[name]) if steps else ""), (name, value)
        assert text != ""


def test_a_refused_input_empties_the_list():
    rows = built_rows("black-scholes", {"volatility": -1})
    assert rows and all(value == "" and text == "—" for value, text in rows.values())


def test_the_list_shows_each_formula_in_the_display_notation():
    page = widget_html(calculators.get("black-scholes"), {})
    working = page[page.index('<details class="calculator-working">'):]
    assert "How this was computed" in working
    assert working.count('<math displaystyle="true">') == len(DEFINITIONS["black-scholes"].assignments)
    assert "<mi>ln</mi>" in working and "<mo>−</mo>" in working


# Sets the given fields, fires one input event (as typing would), reads the working list's values,
# then puts the fields back as they were (one more input event): the next case starts from the page's defaults.
DRIVE = """([form, values]) => {
  const root = document.querySelector(`form.calculator[data-calculator="${form}"]`);
  const type = vals => {
    const before = {};
    for (const [name, value] of Object.entries(vals)) {
      const field = root.querySelector(`[name="${name}"]:not([disabled])`);
      before[name] = field.value;
      field.value = value;
    }
    root.querySelector("input:not([disabled])").dispatchEvent(new Event("input", {bubbles: true}));
    return before;
  };
  const before = type(values);
  const rows = {};
  for (const row of root.querySelectorAll(".calculator-working li[data-step]")) {
    const slot = row.querySelector(".calculator-step-value");
    rows[row.dataset.step] = [slot.dataset.value, slot.textContent];
  }
  type(before);
  return rows;
}"""

TYPED = [("black-scholes", {"spot": "105.5", "volatility": "0.35"}),
         ("black-scholes", {"option_type": "put", "strike": "120", "time_to_expiry": "0.75"}),
         ("liquidation-price", {"entry_price": "61234.5", "quantity": "0.4"}),
         ("liquidation-price", {"side": "short", "wallet_balance": "2500"}),
         ("constant-product-swap", {"amount_in": "12.5", "fee_rate": "0.0025"})]


@pytest.mark.browser
def test_the_list_follows_typing_with_the_python_values(page, site_server):
    """Each calculator page visited once; every case typed into it from its defaults."""
    shown = None
    for calc_id, typed in TYPED:
        if calc_id != shown:
            open_calculator(page, f"{site_server}calculators/{calc_id}/")
            shown = calc_id
        calc = calculators.get(calc_id)
        rows = page.evaluate(DRIVE, [calc_id, typed])
        values = {**defaults(calc), **{k: (v if k in ("side", "option_type") else float(v)) for k, v in typed.items()}}
        expected = calc.steps(**values)
        case = f"{calc_id} {typed}"
        assert list(rows) == list(expected), case
        assert calc_id != "black-scholes" or {"d1", "d2"} <= set(rows), case
        for name, value in expected.items():
            shown_value = float(rows[name][0])
            assert abs(shown_value - value) <= 1e-12 * max(abs(value), 1e-300), (case, name, value, rows[name])
            assert rows[name][1] not in ("", "—"), (case, name)


@pytest.mark.browser
def test_the_list_follows_solve_mode_and_errors(page, site_server):
    calc = calculators.get("black-scholes")
    open_calculator(page, f"{site_server}calculators/black-scholes/")
    page.select_option("select[name=solve]", "volatility")
    rows = page.evaluate(DRIVE, ["black-scholes", {"price": "7.5"}])
    volatility = calc.solve("volatility", price=7.5, **{k: v for k, v in defaults(calc).items() if k != "volatility"})
    expected = calc.steps(**{**defaults(calc), "volatility": volatility})
    for name, value in expected.items():
        assert abs(float(rows[name][0]) - value) <= 1e-9 * max(abs(value), 1e-12), (name, value, rows[name])
    page.select_option("select[name=solve]", "")
    rows = page.evaluate(DRIVE, ["black-scholes", {"spot": "abc"}])
    assert all(value == "" and text == "—" for value, text in rows.values())
