"""Browser tabs that many tests share (conftest's ``page`` and ``watched`` fixtures lend them)."""

from __future__ import annotations

import contextlib


class Tab:
    """One tab reused by many tests: a test gets it at the desktop size, light palette, mouse in
    the corner, and fails if the page raised a JavaScript error while it ran. Reuse keeps the
    renderer and HTTP cache warm (a navigation costs half of a fresh context's first one); a
    test that watches requests or dialogs takes ``fresh_page`` instead."""

    def __init__(self, context) -> None:
        self.context, self.tab = context, None

    @contextlib.contextmanager
    def lend(self):
        if self.tab is None or self.tab.is_closed():
            self.tab = self.context.new_page()
        tab, errors = self.tab, []
        tab.set_viewport_size(VIEWPORT)
        tab.emulate_media(color_scheme="light")
        record = lambda error: errors.append(str(error))  # noqa: E731
        tab.on("pageerror", record)
        try:
            yield tab
        finally:
            if not tab.is_closed():
                with contextlib.suppress(Exception):  # mid-navigation, or a page without storage
                    tab.evaluate(_FORGET)
                tab.goto("about:blank")
                tab.mouse.move(0, 0)
                tab.remove_listener("pageerror", record)
            self.context.clear_cookies()
        assert errors == [], f"JavaScript errors: {errors}"


# What a page may leave behind for the next test on the same origin.
_FORGET = "() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }"
VIEWPORT = {"width": 1280, "height": 900}


# Every Content-Security-Policy violation a page reports, in ``window.__violations``.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
"""
