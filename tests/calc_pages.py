"""A calculator widget in the browser, as the page tests open, drive and read it.

``open_calculator`` loads a calculator page until its widget is ready; ``drive`` types a
list of cases into a widget in one ``page.evaluate`` and reads what it shows; the
``check_*`` steps hold one page's widget to what the runtime computes (bad inputs, a case
of each outcome, each solve mode); ``assert_built_text_stays`` holds the numbers the build
wrote into a page to those its script writes over them (issue 11). ``test_calc_browser.py``
runs them on the MkDocs site, ``test_zensical_browser.py`` on Zensical's.
"""

from __future__ import annotations

import html.parser
import json

from calc_cases import (
    assert_agrees,
    assert_solved,
    cases,
    compute_or_error,
    grid_and_random_cases,
    one_of_each_outcome,
    solve_cases,
    solve_texts,
    texts,
)

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


def check_calculator_page(page, calc, served_html: str) -> None:
    """Every check of a calculator page in one visit: the numbers it was built with read the same
    after the script recomputes, bad inputs, a case of each outcome, then each solve mode."""
    assert_built_text_stays(page, served_html, f"calculators/{calc.id}/")
    check_invalid_input(page, calc)
    check_widget_cases(page, calc)
    for target in calc.solvable:
        check_solve(page, calc, target)


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


# Once ``n`` widgets are ready (or 30 s have passed): how many are, and each one's output texts
# (widgets of a page left by instant navigation, ``data-left``, are not this page's).
AFTER_SCRIPT = """async n => {
  const forms = () => document.querySelectorAll("form.calculator[data-ready]:not([data-left])");
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
