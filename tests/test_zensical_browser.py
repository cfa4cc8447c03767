"""The browser checks the MkDocs site passes, run again on the site Zensical builds.

``glossary export --engine zensical`` writes the project, ``zensical build`` builds it and
``glossary finish`` completes it: conftest's ``zensical_site``, the browser tests' fixture
glossary (``site_project``) built once per session and served under ``/glossary/`` for its
own ``site_url``, as the MkDocs site is. The ``built_site`` and ``site_server`` fixtures are
overridden here with that site, and the tests of ``test_browser.py`` (tooltips by mouse,
keyboard and touch, the A–Z bar, instant navigation) and
``test_calc_browser.py`` (every widget against Python, errors, solve mode, query-string
state, keyboard use, the built numbers against the script's) are imported unchanged, so
the very same assertions hold on both engines. The widget scripts are the same bytes on
both (``test_engines.py``), so the checks ``test_calc_browser.py`` runs in its one visit of
each calculator page (built numbers, errors, cases, solves) run here for a sample: a tiered,
an option and a pool calculator; the built numbers alone are held on every other
calculator page, as on every term page.

One check is Zensical's own: its search is a new dialog (a button, results in a shadow
root), not Material's input and result list, so finding a term by its alias is asserted
through that dialog; the index it searches is the one ``glossary finish`` compacted.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import test_calc_browser as calc_checks
from test_browser import (  # noqa: F401  (collected here again, against the Zensical site)
    phone,
    test_a_to_z_letter_jump,
    test_first_tap_shows_the_tooltip_and_a_second_tap_follows_the_link,
    test_hover_shows_the_summary_tooltip,
    test_instant_navigation_keeps_tooltips_working,
    test_keyboard_focus_shows_the_tooltip_and_escape_hides_it,
)
from test_calc_browser import (  # noqa: F401
    test_a_huge_value_gives_a_short_alert,
    test_a_liquidation_price_that_does_not_exist_shows_none_and_why,
    test_a_query_string_of_valid_inputs_shows_no_note,
    test_built_results_read_the_same_after_the_script_recomputes,
    test_state_round_trips_through_the_query_string,
    test_tables_that_scroll_sideways_become_named_focusable_regions,
    test_term_page_widget_starts_from_the_terms_example,
    test_the_formula_is_a_named_region_that_tab_reaches_on_a_phone,
    test_unknown_and_malformed_query_parameters_are_reported_not_dropped,
    test_widget_is_keyboard_operable,
)

from conftest import ZensicalSite

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def built_site(zensical_site: ZensicalSite) -> Path:
    """The Zensical site's folder (overrides conftest's MkDocs build of the same glossary)."""
    return zensical_site.folder


@pytest.fixture(scope="module")
def site_server(zensical_site: ZensicalSite) -> str:
    """The Zensical site's URL under ``/glossary/`` (overrides conftest's MkDocs site)."""
    return zensical_site.url


def test_the_site_really_is_zensicals(built_site):
    html = (built_site / "terms" / "maintenance-margin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="zensical-' in html
    result = subprocess.run([sys.executable, "-m", "zensical", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() in html


def test_search_finds_a_term_by_its_alias(page, site_server):
    page.goto(site_server)
    page.locator(".md-search__button").click()
    page.keyboard.type("BSM", delay=50)  # key by key, as a reader types; only the alias says BSM
    result = page.get_by_text("Black-Scholes Model", exact=True).first
    result.wait_for(timeout=10_000)
    assert "Also called: Black-Scholes-Merton, BSM" in page.locator("body").evaluate(
        "b => [...b.querySelectorAll('*')].filter(e => e.shadowRoot).map(e => e.shadowRoot.textContent).join(' ')")


SAMPLE = ["liquidation-price", "black-scholes", "constant-product-swap"]


@pytest.mark.parametrize("calc_id", SAMPLE)
def test_each_calculator_page_shows_what_python_computes(page, site_server, calc_id):
    calc_checks.test_each_calculator_page_shows_what_python_computes(page, site_server, calc_id)


def test_every_other_calculator_page_reads_the_same_after_the_script_recomputes(page, site_server):
    """Issue 11 on Zensical's pages: each calculator page outside the sample shows, once its
    script is ready, the numbers it was built with (its defaults); the sample's pages are
    held to it above, the term pages by ``test_built_results…``."""
    for calc_id in sorted(set(calc_checks.IDS) - set(SAMPLE)):
        path = f"calculators/{calc_id}/"
        calc_checks.assert_built_text_stays(page, calc_checks.open_calculator(page, site_server, calc_id), path)
