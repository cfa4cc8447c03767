"""Quality gates in real headless Chromium: no request leaves the site, and axe-core finds
no serious or critical accessibility violation (light and dark palettes)."""

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
}


@pytest.mark.parametrize("name", ["home", "term", "area", "calculator"])
def test_pages_request_nothing_outside_the_site(page, site_server, name):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server + PAGES[name], wait_until="networkidle")
    page.locator("article a").first.hover()  # showing a tooltip loads nothing either
    page.wait_for_load_state("networkidle")
    assert requested and requested[0] == site_server + PAGES[name]
    outside = [url for url in requested if not url.startswith(site_server) and not url.startswith("data:")]
    assert outside == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_finds_no_serious_violations(page, site_server, name, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_server + PAGES[name], wait_until="networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(serious)
    assert result["testEngine"]["version"] == "4.14.1"
