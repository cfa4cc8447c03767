"""Content-Security-Policy: hashes of the inline scripts, on every page, and zero violations.

The unit tests pin the hashing (to the CSP specification's own example) and the placement;
``test_content.py`` reads every HTML file of the real site; the Chromium tests load each kind of page under
``site_url``'s path, use search and a widget, navigate instantly, and record every
``securitypolicyviolation`` event.
"""

from __future__ import annotations

import re

import pytest

from site_build import csp


def test_hash_matches_the_csp_specification_example():
    # CSP Level 3, "Hash usage for script elements": alert('Hello, world.');
    assert csp.script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_only_classic_inline_scripts_are_hashed():
    page = ('<head><meta charset="utf-8"><script>a()</script><script src="x.js"></script>'
            '<script type="application/ld+json">{"a": 1}</script><script id="__config" type="application/json">{}'
            '</script><SCRIPT type="text/javascript">b()</SCRIPT></head>')
    assert csp.inline_scripts(page) == ["a()", "b()"]
    policy = csp.policy(page)
    assert csp.script_hash("a()") in policy and csp.script_hash("b()") in policy
    assert csp.script_hash('{"a": 1}') not in policy


def test_policy_goes_before_the_first_script():
    page = '<!doctype html><html><head>\n<meta charset="utf-8">\n<script>a()</script></head><body></body></html>'
    out = csp.with_policy(page)
    assert out.index('http-equiv="Content-Security-Policy"') < out.index("<script>")
    assert out.replace(re.search(r"\n<meta http-equiv[^>]*>", out).group(0), "") == page
    assert csp.with_policy("no head at all") == "no head at all"


def test_preview_allows_the_live_reload_script_without_hashes():
    policy = csp.policy("<head><script>a()</script></head>", preview=True)
    assert "'unsafe-inline'" in policy and "sha256" not in policy
    assert "'unsafe-inline'" not in csp.policy("<head><script>a()</script></head>").split("style-src")[0]


def violations(tab) -> list[str]:
    return tab.evaluate("window.__violations")


PAGES = {
    "home": "", "term": "terms/mark-price/", "area": "areas/margin-and-liquidation/", "tag": "tags/margin/",
    "calculator": "calculators/liquidation-price/", "redirect": "terms/mm/", "404": "no/such/page/",
    "contribute": "contribute/",
}
# What a page loads after its ``load`` event is awaited rather than waited out (networkidle
# waited for 500 ms of quiet): the favicon request (made, or refused by the policy, after
# ``load``), then two frames, so a violation event already queued has been dispatched.
# Everything else starts before ``load``: Material's bundle creates the search worker
# (worker-src) and fetches the sitemap (connect-src) as it runs; the worker's own requests
# are outside the page's policy (a worker has its own, from its response) and report nothing here.
FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))"


def visit(tab, url: str, final: str | None = None) -> None:
    """Load ``url`` (a redirect ends at ``final``) and wait until the page has loaded all it will."""
    final = final or url
    favicon = lambda request: request.url.endswith("/favicon.png") and request.frame.url == final  # noqa: E731
    with tab.expect_request(favicon):
        tab.goto(url)
        if final != url:
            tab.wait_for_url(final)
    tab.evaluate(FRAMES)


@pytest.mark.browser
def test_no_policy_violations_on_each_kind_of_page(watched, prefixed_site):
    for kind in sorted(PAGES):
        final = prefixed_site + ("terms/maintenance-margin/" if kind == "redirect" else PAGES[kind])
        visit(watched, prefixed_site + PAGES[kind], final)  # a redirect's inline script ran under the policy
        assert watched.evaluate("typeof __md_scope") == "object", kind  # Material's inline scripts ran
        assert violations(watched) == [], kind


@pytest.mark.browser
def test_no_violations_with_search_a_widget_and_instant_navigation(watched, prefixed_site):
    watched.goto(prefixed_site + "calculators/liquidation-price/")
    field = watched.locator("form.calculator input[name=wallet_balance]")
    field.fill("")
    field.type("2500")
    watched.wait_for_function("() => document.querySelector('output[name=liquidation_price]').dataset.value !== ''")
    watched.keyboard.press("/")
    watched.locator("input.md-search__input").press_sequentially("funding")  # key by key, in one call
    watched.wait_for_selector(".md-search-result__item", timeout=10000)
    assert violations(watched) == []
    watched.goto(prefixed_site)
    watched.evaluate("window.__same_document = true; document.querySelector('article').dataset.left = '1'")
    watched.locator("article a[href$='/terms/mark-price/']").first.click()
    watched.wait_for_url("**/terms/mark-price/")
    # The new page's scripts have run once glossary.js (on Material's document$, which follows
    # them) has bound the swapped-in article's links; then queued violation events are dispatched.
    watched.wait_for_function("() => document.querySelector('article:not([data-left]) a.glossary-link[data-glossary-tip]')")
    watched.evaluate(FRAMES)
    assert watched.evaluate("window.__same_document") is True  # Material swapped the page in place
    assert violations(watched) == []


@pytest.mark.browser
def test_the_policy_refuses_a_script_that_was_not_in_the_page(watched, prefixed_site):
    watched.goto(prefixed_site + "terms/mark-price/")
    watched.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__injected = 1'; document.head.appendChild(s); }""")
    watched.wait_for_function("() => window.__violations.length > 0")
    assert watched.evaluate("typeof window.__injected") == "undefined"
    assert any(v.startswith("script-src") for v in violations(watched))
