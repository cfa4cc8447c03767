"""Quality gates in real headless Chromium: no request leaves the site, axe-core finds no
serious or critical accessibility violation (light and dark palettes, desktop and 390 px
phone widths; on a phone the calculator pages with their chart's cursor and read-out
showing), hovered and focused links keep a 4.5:1 contrast, and every region that scrolls
sideways can be reached by keyboard and has a name."""

from __future__ import annotations

import re

import pytest
from axe import STILL, assert_chart_shown, inject_axe, serious_violations, show_chart_cursor

pytestmark = pytest.mark.browser
PAGES = {
    "home": "",
    "term": "terms/maintenance-margin/",
    "area": "areas/margin-and-liquidation/",
    "calculator": "calculators/liquidation-price/",
    "tags": "tags/",
    "tag": "tags/margin/",
    "wide-formula": "calculators/black-scholes/",  # its formula scrolls sideways on a phone
}
WIDTHS = {"desktop": 1280, "phone": 390}
# Pages with a chart, checked on a phone with its cursor and read-out showing (the page as it
# is at rest plus the cursor, the read-out's text and the plot's focus ring); test_charts
# axe's the other chart pages in that state.
CHARTED = {"calculator", "wide-formula"}
CODE_IN_FULL = "calculator"  # the calculator page whose code tabs axe reads; the others leave them out (axe.CODE)
LINKS = "term"  # the page whose links' hover and focus contrast is read, in each palette


# What a page finishes after its ``load`` event, each asserted rather than waited out
# (networkidle waited for 500 ms of quiet instead): Material's search worker has loaded the
# index, the widgets computed, glossary.js marked the tables that scroll sideways for this
# width (it re-marks 150 ms after a resize) and every chart is drawn at its plot's width
# (a ResizeObserver redraws it). A page resized to a width is then the page loaded at it.
SETTLED = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  const search = !meta || !["", "Initializing search"].includes(meta.textContent.trim());
  const forms = [...document.querySelectorAll("form.calculator[data-calculator]")].every(f => f.dataset.ready);
  const tables = [...document.querySelectorAll(".md-typeset__scrollwrap")].every(
    w => (w.scrollWidth > w.clientWidth + 1) === Boolean(w.dataset.glossaryScroll));
  const charts = [...document.querySelectorAll("figure.calculator-chart")].every(f => !f.glossaryChart
    || f.dataset.drawn === "empty"
    || f.glossaryChart.width === Math.max(280, Math.round(f.querySelector(".chart-plot").clientWidth || 600)));
  return search && forms && tables && charts;
}"""
# Resolves with the page's palette once it is ``scheme``, or with the palette it kept for 5 s.
APPLIED = """(scheme) => new Promise(done => {
  const since = performance.now();
  const wait = () => {
    const palette = document.body.dataset.mdColorScheme;
    if (palette === scheme || performance.now() - since > 5000) return done(palette);
    requestAnimationFrame(wait);
  };
  wait();
})"""
FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))"


def settle(page) -> None:
    """Wait until the page has done what it does after ``load`` or a resize (``SETTLED``):
    two frames first, so the callbacks a frame runs (glossary.js, ResizeObserver) have run."""
    page.evaluate(FRAMES)
    page.wait_for_function(SETTLED, timeout=10_000)


def load_in(page, url: str, scheme: str) -> None:
    """Load ``url`` as a first visit in ``scheme``: Material keeps the palette it chose at load
    (in localStorage, and rewrites it when the preference changes under a loaded page), so
    the preference is switched, its change handled, the storage cleared, then the page loaded.
    The page's head paints the default palette when none is stored; Material's script applies
    the preference's a task later, which on a loaded machine can come after ``load``: it is
    awaited (``APPLIED``), then the page is ``STILL`` (no colour is mid-fade)."""
    page.emulate_media(color_scheme=scheme)
    page.evaluate(FRAMES)
    page.evaluate("() => { try { localStorage.clear(); } catch (e) {} }")
    page.goto(url)
    expected = {"light": "default", "dark": "slate"}[scheme]
    palette = page.evaluate(APPLIED, expected)
    assert palette == expected, f"{url}: {scheme} preference gave {palette}"
    page.evaluate(STILL)


def ends_with(site: str, tail: str):
    """A predicate for a request of the site whose address ends with ``tail``."""
    return lambda request: request.url.startswith(site) and request.url.endswith(tail)


def test_pages_request_nothing_outside_the_site(fresh_page, site_server):
    page = fresh_page  # an empty cache: every resource is requested once
    requested: list[tuple[str, bool]] = []
    page.on("request", lambda request: requested.append((request.url, request.is_navigation_request())))
    for name in ("home", "term", "area", "calculator"):
        url = site_server + PAGES[name]
        requested.clear()
        # The last requests a page makes come after or about ``load``: the search worker's
        # index and Chromium's favicon request; both awaited, so every request is on record.
        with page.expect_request(ends_with(site_server, "/search_index.json")), \
             page.expect_request(ends_with(site_server, "/favicon.png")):
            page.goto(url)
        page.locator("article a").first.hover()  # showing a tooltip loads nothing either
        page.evaluate(FRAMES)  # what the tooltip's layout would load has been asked for
        navigations = [address for address, navigation in requested if navigation]
        assert navigations and navigations[0] == url, name
        outside = [address for address, _ in requested
                   if not address.startswith(site_server) and not address.startswith("data:")]
        assert outside == [], name


# WCAG contrast of an element's text against what is painted behind it (ancestors'
# backgrounds composited from the root down), and the colour the accent variable gives.
CONTRAST = """el => {
  const rgba = text => { const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number); return {r, g, b, a}; };
  const over = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
                                 b: top.b * top.a + under.b * (1 - top.a), a: 1});
  const chain = [];
  for (let node = el; node; node = node.parentElement) chain.unshift(rgba(getComputedStyle(node).backgroundColor));
  const opaque = chain.findLastIndex(c => c.a === 1);
  let behind = chain[Math.max(opaque, 0)];
  for (const layer of chain.slice(opaque + 1)) behind = over(layer, behind);
  const text = over(rgba(getComputedStyle(el).color), behind);
  const lum = c => { const f = v => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
                     return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const [hi, lo] = [lum(text), lum(behind)].sort((x, y) => y - x);
  const probe = document.createElement("span");
  probe.style.color = "var(--md-accent-fg-color)";
  el.parentElement.append(probe);
  const accent = getComputedStyle(probe).color;
  probe.remove();
  return {ratio: (hi + 0.05) / (lo + 0.05), color: getComputedStyle(el).color, accent, opaque: opaque >= 0};
}"""


# Material fades a link's colour in: the state is read once its transitions have finished
# (two frames first, so the hover or focus has been styled and its transition started).
FADED = """el => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  const give_up = new Promise(stop => setTimeout(stop, 2000));  // a transition that never ends fails below
  Promise.race([Promise.all(el.getAnimations().map(a => a.finished)), give_up]).then(() => done());
})))"""


# The steps of one link's check, each one round trip: "rest" brings it into view and reads it
# at rest with the point a mouse hovers it at; "focus" focuses it (as Playwright's focus does),
# reads it once faded in, and blurs it back to rest; "hover" reads it once the mouse is on
# it, "leave" waits until it has faded back after the mouse left.
LINK_STEP = """async ([selector, step]) => {
  const contrast = """ + CONTRAST + """, faded = """ + FADED + """;
  const el = document.querySelector(selector);
  if (step === "rest") {
    el.scrollIntoView({block: "center"});
    const box = el.getClientRects()[0], x = box.left + box.width / 2, y = box.top + box.height / 2;
    return {state: contrast(el), x, y, hit: document.elementFromPoint(x, y)?.closest("a") === el};
  }
  if (step === "focus") {
    el.focus();
    await faded(el);
    const state = contrast(el);
    el.blur();
    await faded(el);
    return {state};
  }
  await faded(el);
  return {state: contrast(el)};
}"""


def assert_links_keep_a_4_5_contrast(page, scheme: str) -> None:
    """A text link and a list link of the loaded page, focused and then hovered: each turns the
    accent colour and keeps 4.5:1 against what is painted behind it, then goes back to rest."""
    for how in ("focus", "hover"):
        for selector in ("article p a.glossary-link", "article li > a:not(.glossary-link)"):
            case = f"{LINKS} {scheme} {how} {selector}"
            rest = page.evaluate(LINK_STEP, [selector, "rest"])
            resting = rest["state"]
            if how == "focus":
                state = page.evaluate(LINK_STEP, [selector, "focus"])["state"]
            else:
                assert rest["hit"], f"{case}: the link's centre is covered"
                page.mouse.move(rest["x"], rest["y"])
                state = page.evaluate(LINK_STEP, [selector, "hover"])["state"]
                page.mouse.move(0, 0)
                page.evaluate(LINK_STEP, [selector, "leave"])  # back at rest before the next link is read
            assert state["opaque"], f"{case}: no opaque background behind the link"
            assert state["color"] == state["accent"] != resting["color"], (case, state, resting)
            assert state["ratio"] >= 4.5, f"{case}: {state['color']} is {state['ratio']:.2f}:1"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_finds_no_serious_violations_and_links_keep_a_4_5_contrast(page, site_server, name, scheme):
    """Each page in each palette, loaded once (``load_in``): axe'd at desktop width, resized to
    phone width (``settle``), a chart's cursor shown (``CHARTED``) and axe'd again; the
    ``LINKS`` page's links are then read focused and hovered (on that same load)."""
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
    load_in(page, site_server + PAGES[name], scheme)
    inject_axe(page)
    found = {}
    for width in ("desktop", "phone"):
        case = f"{name} {scheme} {width}"
        page.set_viewport_size({"width": WIDTHS[width], "height": 900})
        settle(page)
        if width == "phone" and name in CHARTED:
            case += " with the chart's cursor showing"
            show_chart_cursor(page)
            assert_chart_shown(page, WIDTHS[width], case)
        found[case] = serious_violations(page, without_code=name != CODE_IN_FULL)
    failing = {case: lines for case, lines in found.items() if lines}
    assert failing == {}, "\n".join(f"{case}: {line}" for case, lines in failing.items() for line in lines)
    if name == LINKS:
        assert_links_keep_a_4_5_contrast(page, scheme)


def test_the_code_axe_reads_in_full_has_every_class_of_every_calculator_page(built_site):
    """What leaving the code tabs out of axe on other pages rests on: the page whose code axe
    reads (``CODE_IN_FULL``) has every highlighting class any calculator page's code has, in
    the same tab markup, so every colour pair the code can show is checked in each palette."""
    def code(path: str) -> tuple[set[str], str]:
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        start = html.find('<div class="tabbed-set')
        assert start != -1, f"{path}: no code tabs"
        tabs = html[start:html.index("<p>", start)]  # the set, every tab: no paragraph inside, code is escaped
        classes = set(re.findall(r'<span class="([^"]+)">', tabs))
        return classes, re.sub(r">[^<]*<", "><", re.sub(r'<span class="[^"]+">', "<span>", tabs))[:400]

    checked, markup = code(PAGES[CODE_IN_FULL])
    pages = sorted(p.parent.relative_to(built_site).as_posix() for p in (built_site / "calculators").glob("*/index.html")
                   if "tabbed-set" in p.read_text(encoding="utf-8"))
    assert len(pages) >= 20, pages
    for path in pages:
        classes, shape = code(path + "/")
        assert classes <= checked, f"{path}: highlighting classes {sorted(classes - checked)} are axe'd nowhere"
        assert shape == markup, f"{path}: the code tabs' markup differs from the page axe reads in full"
