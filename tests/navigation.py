"""Navigating as a reader does, for the browser tests: what a test waits for after a load (a widget
or the builder ready), and following a link with Material's instant navigation."""

from __future__ import annotations

READY = "n => document.querySelectorAll('form.calculator[data-ready]').length >= n"
BUILDER_READY = "() => document.querySelector('form[data-builder]')?.dataset.ready === '1'"
MARK = "() => { window.__sameDocument = true; }"  # survives only instant navigation
SAME_DOCUMENT = "() => window.__sameDocument === true"

# Material takes a link over only once its sitemap has arrived; a click before that is a full load.
# This guard stops the full load of the next click Material has not taken; Material then replays
# that click when its sitemap arrives (its click stream waits for the sitemap's), so the navigation
# is instant either way, and never happens if Material never takes the link (the test then times
# out waiting for the URL). No waiting for a quiet network (``networkidle``) needed.
INSTANT_GUARD = """() => addEventListener("click", event => { if (!event.defaultPrevented) event.preventDefault(); },
                                       {once: true})"""


# Marks the widgets of the page being left: after an instant navigation, the new page's are those unmarked.
LEAVING = "() => document.querySelectorAll('form.calculator').forEach(form => { form.dataset.left = ''; })"


def walk(page, base: str, paths: list[str]):
    """Show each page of ``paths`` (under ``base``) in turn, as a reader moving through the site
    does: the first by loading it, each next one by following a link to it, which Material's
    instant navigation takes over (a quarter to a third of a load's CPU in Chromium,
    ``bench/browser.py``: the bundle, styles and fonts stay). Yields each path once the tab
    shows it; the widgets left behind carry ``data-left``, so a wait for the new page's
    widgets can tell them apart."""
    for index, path in enumerate(paths):
        if index == 0:
            page.goto(base + path, wait_until="commit")
        else:
            page.evaluate(LEAVING)
            follow(page, base + path)
            page.wait_for_url(base + path)
        yield path


def open_calculator(page, url: str) -> None:
    """Load ``url`` and wait until its widget is bound (``data-ready``), not for the network."""
    page.goto(url)
    page.wait_for_function(READY, arg=1)


def follow(page, url: str) -> None:
    """Click a link to ``url``, as a reader would, through Material's instant navigation."""
    page.evaluate(f"""url => {{ ({INSTANT_GUARD})();
        const a = document.createElement('a'); a.href = url; document.body.append(a); a.click(); }}""", url)


def instant_click(page, selector: str) -> None:
    """Click the link at ``selector`` (a real click) through Material's instant navigation."""
    page.evaluate(INSTANT_GUARD)
    page.click(selector)
