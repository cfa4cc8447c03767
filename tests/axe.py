"""axe-core in a test's page: loading it past the site's CSP, running it for serious and
critical violations, and the chart state the calculator pages are checked in (the cursor
and read-out showing, as a keyboard reader sees them), shared by test_browser_quality and
test_charts so that each (page, palette, width, chart state) is axe'd by one test only."""

from __future__ import annotations

import functools
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
VERSION = "4.14.1"


@functools.cache
def _axe_source() -> str:
    return SOURCE.read_text(encoding="utf-8") + "\n;undefined"


def inject_axe(page) -> None:
    """Load axe-core into the page through DevTools, which the site's script CSP does not restrict."""
    page.evaluate(_axe_source())


# The copy-as-code tabs of a calculator page: 3,000 highlighting spans, half of axe's time there.
# Every calculator page's code is generated alike (the same Pygments classes, the same markup,
# ``test_browser_quality.test_the_code_axe_reads_in_full_has_every_class_of_every_calculator_page``),
# so they are axe'd in full on one calculator page in each palette and width, and left out
# (``without_code``) on the others.
CODE = ".tabbed-set"


def serious_violations(page, without_code: bool = False) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each
    (``without_code``: leaving out the copy-as-code tabs, ``CODE``, axe'd on another page)."""
    context = {"exclude": [[CODE]]} if without_code else None
    result = page.evaluate("async context => await axe.run(context || document, {resultTypes: ['violations']})",
                           context)
    assert result["testEngine"]["version"] == VERSION
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


# Resolves once nothing has moved on the page for two frames: focusing the chart scrolls the
# page and the header's title fades to the page's, a palette switch fades colours; axe must not
# measure a colour mid-transition.
STILL = """() => new Promise((done, fail) => {
  const since = performance.now();
  let still = 0;
  const wait = () => {
    const switching = document.body.hasAttribute("data-md-color-switching");
    still = !switching && document.getAnimations().every(a => a.playState !== "running") ? still + 1 : 0;
    if (still >= 2) return done(true);
    if (performance.now() - since > 10000) return fail(new Error("the page kept moving for 10 s"));
    requestAnimationFrame(wait);
  };
  wait();
})"""

# Where the chart's figure and its SVG end on the page, and whether its cursor and read-out show.
CHART_STATE = """() => {
  const figure = document.querySelector("figure.calculator-chart");
  return {right: figure.getBoundingClientRect().right, svg: figure.querySelector("svg").getBoundingClientRect().width,
          cursor: !figure.querySelector(".chart-cursor").hasAttribute("display"),
          readout: figure.querySelector(".chart-readout").textContent.trim() !== ""};
}"""


def show_chart_cursor(page) -> None:
    """Focus the page's chart and step its cursor, as a keyboard reader does: the cursor and
    read-out then show."""
    page.locator("figure.calculator-chart .chart-plot").focus()
    page.keyboard.press("ArrowRight")


def assert_chart_shown(page, width: int, where: str) -> None:
    """Once the page is ``STILL``: the chart's cursor and read-out show, and the figure and its
    SVG fit within ``width`` (``where`` names the case in the failure)."""
    page.evaluate(STILL)
    state = page.evaluate(CHART_STATE)
    assert state["cursor"] and state["readout"], f"{where}: the chart's cursor or read-out is not showing: {state}"
    assert state["right"] <= width and state["svg"] <= width, f"{where}: the chart is wider than {width} px: {state}"
