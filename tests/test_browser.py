"""Browser tests in real headless Chromium (Debian's /usr/bin/chromium via Playwright)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def first_tooltip_link(page, article: str = "article"):
    """The first linked mention once the tooltip script has bound it (``data-glossary-tip``):
    after instant navigation the new page's links are bound a moment after they appear."""
    link = page.locator(f"{article} a.glossary-link[data-glossary-tip]").first
    link.wait_for()
    tip_id = link.get_attribute("aria-describedby")
    return link, page.locator(f"#{tip_id}")


def test_hover_shows_the_summary_tooltip(page, site_server):
    page.goto(site_server + "terms/maintenance-margin/")
    link, tip = first_tooltip_link(page)
    assert tip.get_attribute("role") == "tooltip"
    assert tip.is_hidden()
    link.hover()
    assert tip.is_visible()
    assert len(tip.inner_text()) > 40
    page.mouse.move(0, 0)
    assert tip.is_hidden()


def test_keyboard_focus_shows_the_tooltip_and_escape_hides_it(page, site_server):
    page.goto(site_server + "terms/liquidation-price/")
    link, tip = first_tooltip_link(page)
    link.focus()
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert tip.is_hidden()


def test_a_to_z_letter_jump(page, site_server):
    page.goto(site_server)
    bar = page.locator("nav.glossary-az")
    assert bar.locator("span[aria-disabled='true']").count() >= 1   # letters with no terms
    letter = bar.locator("a", has_text=re.compile(r"^M$"))
    letter.scroll_into_view_if_needed()
    # Material writes the scroll offset into history.state 100 ms after a scroll; a click before
    # that races it (the late write lands on the #letter-m entry and Material scrolls back to it),
    # which a reader, who scrolls and then clicks, does not meet: click once it is on record.
    page.wait_for_function("() => history.state !== null && Math.abs(history.state.y - scrollY) < 1")
    letter.click()
    page.wait_for_function("() => location.hash === '#letter-m'")
    # Material scrolls to the anchor a moment after the hash changes: wait (up to 5 s) for the
    # heading to come to rest (one position over two frames) near the top, then check where it is.
    page.evaluate("""() => new Promise(done => {
        const top = () => document.querySelector('#letter-m').getBoundingClientRect().top, until = Date.now() + 5000;
        const check = before => requestAnimationFrame(() => requestAnimationFrame(() => {
            const now = top();
            (now === before && now < 400) || Date.now() > until ? done() : check(now); }));
        check(top()); })""")
    heading = page.locator("#letter-m")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 400
    assert page.locator("#letter-m ~ ul").first.locator("a", has_text="Maintenance Margin").count() >= 1


def test_search_finds_a_term_by_its_alias(page, site_server):
    page.goto(site_server)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Typed key by key, as a reader does: Material searches on key events, and a value set
    # in one go (fill) is only picked up if the search worker happens to finish loading after it.
    page.locator("input.md-search__input").press_sequentially("BSM", delay=50)
    result = page.locator(".md-search-result__item", has_text="Black-Scholes Model")
    result.first.wait_for(timeout=10_000)
    assert result.count() >= 1


def test_instant_navigation_keeps_tooltips_working(page, site_server):
    page.goto(site_server + "terms/maintenance-margin/")
    page.evaluate("document.querySelector('article').dataset.left = '1'")
    clicked = page.locator("article a.glossary-link").first
    target = clicked.evaluate("a => a.href")
    clicked.click()
    page.wait_for_url(target)
    link, tip = first_tooltip_link(page, "article:not([data-left])")  # the new page's, once bound
    link.hover()
    assert tip.is_visible()


@pytest.fixture
def phone(browser):
    """A fresh tab in an emulated phone: 390 px wide, touch screen, mobile viewport."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


# Every click is counted as it starts (window, capture phase), and every navigation the page
# starts is recorded as it begins: a link's default action and Material's instant navigation
# (history.pushState, done in the click's own handler) both fire the Navigation API's
# ``navigate`` event synchronously. Once a tap's click has run, and two frames after it,
# a navigation it caused is already on record: no timer is needed to wait for one.
WATCH_TAPS = """() => { window.__clicks = 0; window.__navigations = [];
  addEventListener("click", () => { window.__clicks += 1; }, true);
  navigation.addEventListener("navigate", event => window.__navigations.push(event.destination.url)); }"""
AFTER_TAP = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
  () => done({url: location.href, navigations: window.__navigations,
              shown: document.querySelectorAll(".glossary-tooltip:not([hidden])").length}))))"""


def test_first_tap_shows_the_tooltip_and_a_second_tap_follows_the_link(phone, site_server):
    phone.goto(site_server + "terms/maintenance-margin/")
    start = phone.url
    links = phone.locator("article a.glossary-link")
    phone.wait_for_function("() => document.querySelectorAll('article a.glossary-link[data-glossary-tip]').length >= 2")
    phone.evaluate(WATCH_TAPS)
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url))
    for index in (0, 1):  # a first tap on each of two links shows that link's tooltip and stays put
        link = links.nth(index)
        tip = phone.locator(f"#{link.get_attribute('aria-describedby')}")
        link.scroll_into_view_if_needed()
        assert tip.is_hidden()
        link.tap()
        phone.wait_for_function("n => window.__clicks === n", arg=index + 1)  # the tap's click has run
        after = phone.evaluate(AFTER_TAP)
        assert after == {"url": start, "navigations": [], "shown": 1}, index
        assert phone.url == start and tip.is_visible()
    target = link.evaluate("a => a.href")
    assert not any(url.split("#")[0] == target.split("#")[0] for url in requested)
    link.tap()
    phone.wait_for_url(target)
    assert phone.url == target
