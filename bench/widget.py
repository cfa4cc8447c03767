"""How long a widget takes to redraw after an input, per calculator page, in headless Chromium.

    python bench/widget.py [SITE_DIR] [--repeats N]

Builds the site (unless SITE_DIR holds a built one), serves it on a loopback port, opens every
calculator page, and times in the page with ``performance.now()``: the value of the first
number input is changed and its ``input`` event dispatched, which runs the whole update
(compute, outputs, error marks, working steps and the chart redraw) synchronously; "frame" adds
the wait for the next animation frame, i.e. until the browser can paint the new results. Prints
the median and the worst of N inputs per page, and the pages' script sizes. Not a test: the
machine is shared, so read the figures as an order of magnitude against the 16 ms of one frame.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import re
import statistics
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Alternates the first number input between two values, so every input changes the results.
MEASURE = """async ([repeats]) => {
  const form = document.querySelector("form.calculator[data-ready]");
  const field = form.querySelector("input[type=text]:not([disabled])");
  const base = Number(field.value) || 1;
  const handler = [], frame = [];
  for (let i = 0; i < repeats; i++) {
    field.value = String(i % 2 ? base : base * 1.01);
    const start = performance.now();
    field.dispatchEvent(new Event("input", {bubbles: true}));
    handler.push(performance.now() - start);
    await new Promise(resolve => requestAnimationFrame(() => resolve()));
    frame.push(performance.now() - start);
  }
  return {handler, frame, error: form.querySelector(".calculator-error").textContent};
}"""


def build(target: Path) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(target)))
    return target


def serve(site: Path) -> str:
    http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def script_sizes(site: Path, calc_id: str) -> tuple[int, int]:
    page = site / "calculators" / calc_id / "index.html"
    sources = re.findall(r'<script src="([^"]*assets/calculators/[^"]+)"', page.read_text(encoding="utf-8"))
    data = b"".join(page.parent.joinpath(src).resolve().read_bytes() for src in sources)
    return len(data), len(gzip.compress(data, 9))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site (default: build one)")
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    import calculators

    site = args.site or build(Path(tempfile.mkdtemp(prefix="bench-widget-")) / "site")
    base = serve(site)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        for calc_id in sorted(calculators.REGISTRY):
            page.goto(f"{base}calculators/{calc_id}/", wait_until="networkidle")
            page.wait_for_selector("form.calculator[data-ready]")
            page.evaluate(MEASURE, [5])  # warm up the JIT
            result = page.evaluate(MEASURE, [args.repeats])
            rows.append((calc_id, result, *script_sizes(site, calc_id)))
        browser.close()
    print(f"{'calculator':32} {'handler median':>14} {'max':>7} {'frame median':>13} {'max':>7} {'JS':>8} {'gzip':>7}")
    for calc_id, result, size, zipped in rows:
        handler, frame = result["handler"], result["frame"]
        print(f"{calc_id:32} {statistics.median(handler):11.2f} ms {max(handler):7.2f} "
              f"{statistics.median(frame):10.2f} ms {max(frame):7.2f} {size / 1000:6.1f} KB {zipped / 1000:5.1f} KB"
              + (f"  (error: {result['error']})" if result["error"] else ""))
    worst = max(statistics.median(r[1]["handler"]) for r in rows)
    print(f"slowest median handler: {worst:.2f} ms (budget 16 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
