"""What a page costs Chromium: a full load against Material's instant navigation to it.

The browser tests are CPU-bound on two cores, and most of their cost is Chromium's. This
builds the site for a loopback address, serves it under ``/glossary/`` and, for each kind
of page, times ``--visits`` full loads and as many instant navigations (a click on a link,
which Material takes over: its bundle, styles and fonts stay). It prints the CPU seconds
of Chromium and Playwright's driver per visit (from ``/proc``, the figure a busy machine
does not inflate) and the wall-clock time. ``tests/navigation.walk`` is built on the
difference.

    python bench/browser.py                  # the real site, 6 visits per kind
    python bench/browser.py --visits 12
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
PREFIX = "/glossary/"
KINDS = {"term page": "terms/{}/", "calculator page": "calculators/{}/"}
READY = "() => [...document.querySelectorAll('form.calculator')].every(form => form.dataset.ready)"
# A click on a link to ``url``, as a reader's; a click Material has not taken over yet (its sitemap
# still on the way) is kept from loading the page, and Material replays it once it has.
FOLLOW = """url => {
  document.querySelector("article").dataset.left = "";  // the new page's article comes without it
  addEventListener("click", event => { if (!event.defaultPrevented) event.preventDefault(); }, {once: true});
  const link = document.createElement("a");
  link.href = url;
  document.body.append(link);
  link.click();
}"""


def tree_cpu() -> float:
    """User + system seconds of every live descendant of this process (Linux ``/proc``)."""
    children: dict[int, list[tuple[int, list[str]]]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                fields = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append((int(name), fields))
    total, stack = 0, [os.getpid()]
    while stack:
        for pid, fields in children.get(stack.pop(), []):
            total += sum(int(value) for value in fields[11:15])
            stack.append(pid)
    return total / os.sysconf("SC_CLK_TCK")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(PREFIX):] if path.startswith(PREFIX) else "/__missing__")

    def log_message(self, *args) -> None:
        pass


def build(site: Path, url: str) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    mkdocs_build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), site_url=url))


def pages(site: Path, kind: str, count: int) -> list[str]:
    """``count`` pages of ``kind`` (every one has a widget or none, as the kind says)."""
    pattern = KINDS[kind]
    folder = site / pattern.split("/")[0]
    names = sorted(p.parent.name for p in folder.glob("*/index.html")
                   if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")[:2000])
    return [pattern.format(name) for name in names if name not in ("page",)][:count]


def visit_all(page, base: str, paths: list[str], instant: bool) -> tuple[float, float]:
    """CPU and wall seconds per visit of ``paths``, each loaded or reached by a link."""
    cpu, wall = tree_cpu(), time.perf_counter()
    for path in paths:
        if instant:
            page.evaluate(FOLLOW, base + path)
            page.wait_for_url(base + path)
            page.wait_for_function("() => document.querySelector('article:not([data-left])')")
        else:
            page.goto(base + path)
        page.wait_for_function(READY)
    return (tree_cpu() - cpu) / len(paths), (time.perf_counter() - wall) / len(paths)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=6, help="pages of each kind visited each way")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, \
            http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler) as server:
        base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
        site = Path(folder) / "site"
        build(site, base)
        server.RequestHandlerClass = functools.partial(_Handler, directory=str(site))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            print("| page kind | full load: CPU | wall | instant navigation: CPU | wall | ratio (CPU) |")
            print("|---|---:|---:|---:|---:|---:|")
            for kind in KINDS:
                paths = pages(site, kind, args.visits)
                page.goto(base + paths[0])  # warm the cache: a reader's second page, not the first
                loaded = visit_all(page, base, paths, instant=False)
                clicked = visit_all(page, base, paths, instant=True)
                print(f"| {kind} | {loaded[0]:.2f} s | {loaded[1]:.2f} s | {clicked[0]:.2f} s | {clicked[1]:.2f} s "
                      f"| {loaded[0] / clicked[0]:.1f}× |")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
