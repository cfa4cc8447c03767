"""The browser checks the MkDocs site passes, run again on the site Zensical builds.

``glossary export --engine zensical`` writes the project, ``zensical build`` builds it and
``glossary finish`` completes it: conftest's ``zensical_site``, the browser tests' fixture
glossary (``site_project``) built once per session and served under ``/glossary/`` for its
own ``site_url``, as the MkDocs site is. The ``built_site`` and ``site_server`` fixtures are
overridden here with that site, and the tests of ``test_browser.py`` (tooltips by mouse,
keyboard and touch, the A–Z bar, instant navigation) and
``test_calc_browser.py`` (widgets against Python, errors, solve mode, query-string
state, keyboard use) are imported unchanged, so the very same assertions hold on both engines.

The widgets need no browser to be held to MkDocs' on every page. A widget's behaviour is a
function of its built HTML and the scripts its page loads: the scripts are the same bytes on
both engines (``test_engines.py``), and here, on EVERY page of the Zensical site that has a
``form.calculator`` (every calculator page and every term page with a widget), each form's
HTML, byte for byte (its fields and their values, its outputs with the texts Python built
into them, every ``data-*`` attribute), and the page's calculator ``<script>`` tags, in
order, equal those of the same page of MkDocs' build (``zensical_twin``). One thing is
normalised: a script's ``src``, a URL relative to the page, is compared as the path it
resolves to from the site's root. MkDocs' pages are held in Chromium, every one of them
(``test_calc_browser.py``: the built numbers after the script recomputes, errors, cases,
solves), so the same HTML with the same scripts behaves the same on Zensical's pages. What
only a browser on Zensical's pages can show, that the scripts start and agree under
Zensical's theme (its own bundle, its instant loading), is then held on a sample: a tiered,
an option and a pool calculator page, with every check ``test_calc_browser.py`` runs in its
one visit (built numbers, errors, cases, solves), and two term pages' built numbers.

One check is Zensical's own: its search is a new dialog (a button, results in a shadow
root), not Material's input and result list, so finding a term by its alias is asserted
through that dialog; the index it searches is the one ``glossary finish`` compacted.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
import test_calc_browser as calc_checks
from calc_pages import check_calculator_page, open_calculator
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
    test_state_round_trips_through_the_query_string,
    test_tables_that_scroll_sideways_become_named_focusable_regions,
    test_term_page_widget_starts_from_the_terms_example,
    test_the_formula_is_a_named_region_that_tab_reaches_on_a_phone,
    test_unknown_and_malformed_query_parameters_are_reported_not_dropped,
    test_widget_is_keyboard_operable,
)

import calculators
from conftest import ZensicalSite
from sitecheck import html_pages

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
    check_calculator_page(page, calculators.get(calc_id), open_calculator(page, site_server, calc_id))


TERM_SAMPLE = ["liquidation-price", "impermanent-loss"]


def test_a_sample_of_term_pages_reads_the_same_after_the_script_recomputes(page, site_server):
    """Issue 11 on Zensical's term pages, for the sample (every widget page's HTML and scripts
    are MkDocs' by ``test_every_widget_page_is_the_mkdocs_page``, and MkDocs' pages are all
    held to it in Chromium by ``test_calc_browser.py``)."""
    for term in TERM_SAMPLE:
        path = f"terms/{term}/"
        response = page.goto(f"{site_server}{path}", wait_until="commit")
        calc_checks.assert_built_text_stays(page, response.text(), path)


WIDGET = re.compile(r'<form class="calculator"[^>]*>.*?</form>', re.S)
SCRIPT = re.compile(r'(<script\b[^>]*\bsrc=")([^"]*/assets/calculators/[^"]*)("[^>]*>)')
OUTPUT = re.compile(r"<output\b[^>]*>([^<]*)</output>")


def widgets(site: Path, page: Path) -> tuple[list[str], list[str]]:
    """A built page's calculator forms (their HTML) and its calculator script tags, in order, each
    ``src`` as the path it resolves to from the site's root."""
    text = page.read_text(encoding="utf-8")
    folder = page.parent.relative_to(site).as_posix()
    scripts = [start + posixpath.normpath(posixpath.join(folder, src)) + end for start, src, end in SCRIPT.findall(text)]
    return WIDGET.findall(text), scripts


def widget_pages(site: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Each page of ``site`` that has a widget, by its path, with ``widgets`` of it."""
    found = {page.relative_to(site).as_posix(): widgets(site, page) for page in html_pages(site)}
    return {path: read for path, read in found.items() if read[0]}


def test_every_widget_page_is_the_mkdocs_page(built_site, zensical_twin):
    zensical, mkdocs = widget_pages(built_site), widget_pages(zensical_twin)
    terms = {f"terms/{t.id}/index.html" for t in calc_checks.site_glossary().terms if t.calculator and t.has_page}
    assert {f"calculators/{calc_id}/index.html" for calc_id in calc_checks.IDS} | terms <= mkdocs.keys()
    assert zensical.keys() == mkdocs.keys()
    outputs = 0
    for path, (forms, scripts) in mkdocs.items():
        assert scripts and all('src="assets/calculators/' in tag for tag in scripts), f"{path}: {scripts}"
        assert zensical[path][0] == forms, f"{path}: Zensical's widget HTML is not MkDocs'"
        assert zensical[path][1] == scripts, f"{path}: Zensical's page loads {zensical[path][1]}, MkDocs' {scripts}"
        outputs += sum(1 for form in forms for text in OUTPUT.findall(form) if text.strip())
    assert outputs >= 4 * len(calculators.REGISTRY)  # built numbers in the outputs, not empty shells
