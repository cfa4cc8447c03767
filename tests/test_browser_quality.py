"""Quality gates in real headless Chromium: no request leaves the site, axe-core finds no
serious or critical accessibility violation (light and dark palettes, desktop and 390 px
phone widths), hovered and focused links keep a 4.5:1 contrast, and every region that
scrolls sideways can be reached by keyboard and has a name."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
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


def inject_axe(page) -> None:
    """Load axe-core into the page through DevTools, which the site's script CSP does not restrict."""
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")


def run_axe(page, options: str = "{resultTypes: ['violations']}") -> dict:
    inject_axe(page)
    return page.evaluate(f"async () => await axe.run(document, {options})")


@pytest.mark.parametrize("name", ["home", "term", "area", "calculator"])
def test_pages_request_nothing_outside_the_site(fresh_page, site_server, name):
    page = fresh_page  # an empty cache: every resource is requested
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server + PAGES[name], wait_until="networkidle")
    page.locator("article a").first.hover()  # showing a tooltip loads nothing either
    page.wait_for_load_state("networkidle")
    assert requested and requested[0] == site_server + PAGES[name]
    outside = [url for url in requested if not url.startswith(site_server) and not url.startswith("data:")]
    assert outside == []


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_finds_no_serious_violations(page, site_server, name, scheme, width):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(site_server + PAGES[name], wait_until="networkidle")
    result = run_axe(page)
    serious = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(serious)
    assert result["testEngine"]["version"] == "4.14.1"


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("how", ["focus", "hover"])
def test_focused_and_hovered_links_keep_a_4_5_contrast(page, site_server, scheme, how):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_server + "terms/maintenance-margin/", wait_until="networkidle")
    for selector in ("article p a.glossary-link", "article li > a:not(.glossary-link)"):
        link = page.locator(selector).first
        resting = link.evaluate(CONTRAST)
        link.focus() if how == "focus" else link.hover()
        # Material fades the colour in: wait until the accent is what is painted.
        link.evaluate("el => new Promise(done => setTimeout(done, 400))")
        state = link.evaluate(CONTRAST)
        assert state["opaque"], "no opaque background behind the link"
        assert state["color"] == state["accent"] != resting["color"], (selector, how, state, resting)
        assert state["ratio"] >= 4.5, f"{scheme} {how} {selector}: {state['color']} is {state['ratio']:.2f}:1"
        page.mouse.move(0, 0)
        page.evaluate("document.activeElement && document.activeElement.blur()")
