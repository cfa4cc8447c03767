"""Edit-to-visible under ``mkdocs serve``: save one term, time until the browser's page shows it.

For each size it writes a synthetic glossary (``bench/generate.py``), starts a real
``mkdocs serve`` on it, waits for the first build, then ``--edits`` times rewrites one
term's summary on disk (a real file edit, seen by MkDocs' file watcher) and polls, as
live reload does, two pages until both show the new text: the term's own page and a
page that lists it (a term whose related list carries it). It prints the median and
the worst edit-to-visible time, the server's CPU time per edit (what a busy machine
does not inflate), the first build, and the serve log's last
``preview: ... re-rendered`` line (how many pages that rebuild rendered).

    python bench/serve.py                      # 1,000 and 5,000 terms, 3 edits each
    python bench/serve.py --sizes 1000 --edits 1
    python bench/serve.py --tree /tmp/before         # another checkout's site_build (git archive HEAD~3 site_build)
    python bench/serve.py --cards /tmp/cards         # keep the drawn social cards between runs (a faster first build)

What one save costs is the median and worst edit-to-visible; on a shared machine the
server's CPU seconds per edit are the steadier figure (a busy machine stretches the
wall-clock time, not the work).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_project

POLL = 0.1           # seconds between two fetches of a page, as fast as a reader would notice
GIVE_UP = 1800.0     # seconds: a first build at 5,000 terms (5,000 cards drawn) on a busy machine
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# `mkdocs serve` with site_build imported from TREE instead of this checkout (the editable
# install's finder would win over PYTHONPATH, so it is left out for site_build alone).
SERVE_FROM_TREE = """
import sys
tree, rest = sys.argv[1], sys.argv[2:]
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__module__]
sys.path[:0] = [tree]
sys.path.append({root!r})
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", *rest]
cli()
"""


@dataclass(frozen=True)
class Result:
    size: int
    first_build: float
    edits: tuple[float, ...]
    cpu: tuple[float, ...]  # the server's CPU seconds per edit: comparable on a busy machine
    log_line: str


def cpu_seconds(pid: int) -> float:
    """User + system time of ``pid`` and its waited-for children (Linux ``/proc``; else 0)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=GIVE_UP) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return ""


def wait_until(urls: list[str], text: str, started: float, server: subprocess.Popen) -> float:
    """Seconds from ``started`` until every page in ``urls`` contains ``text``."""
    pending = list(urls)
    while pending:
        if time.perf_counter() - started > GIVE_UP or server.poll() is not None:
            raise SystemExit(f"{pending} never showed {text!r}; see the serve log")
        pending = [url for url in pending if text not in fetch(url)]
        if pending:
            time.sleep(POLL)
    return time.perf_counter() - started


def lister_of(project: Path, term: str) -> str:
    """A term whose ``related`` list carries ``term`` (its page lists the term's summary)."""
    for path in sorted((project / "terms").glob("*.yml")):
        if re.search(rf"^related: \[.*\b{re.escape(term)}\b", path.read_text(encoding="utf-8"), re.MULTILINE):
            return path.stem
    raise SystemExit(f"no term lists {term}")


def serve_command(port: int, tree: Path | None) -> list[str]:
    args = ["serve", "--dev-addr", f"127.0.0.1:{port}"]
    if tree is None:
        return [sys.executable, "-m", "mkdocs", *args]
    root = str(Path(__file__).resolve().parent.parent)
    return [sys.executable, "-c", SERVE_FROM_TREE.format(root=root), str(tree.resolve()), *args]


def measure(size: int, edits: int, work: Path, tree: Path | None = None, cards: Path | None = None) -> Result:
    project = write_project(size, work / f"serve-{size}")
    if cards is not None:  # the card cache is keyed by each card's content: safe to share between runs
        (cards / str(size)).mkdir(parents=True, exist_ok=True)
        (project / ".cache").mkdir(exist_ok=True)
        (project / ".cache" / "cards").symlink_to((cards / str(size)).resolve(), target_is_directory=True)
    term = sorted(p.stem for p in (project / "terms").glob("*.yml"))[size // 2]
    lister = lister_of(project, term)
    port = free_port()
    base = f"http://127.0.0.1:{port}/glossary/"
    pages = [f"{base}terms/{term}/", f"{base}terms/{lister}/"]
    log_path = project / "serve.log"
    with log_path.open("w") as log:
        started = time.perf_counter()
        server = subprocess.Popen(serve_command(port, tree), cwd=project, env=ENV, stdout=log,
                                  stderr=subprocess.STDOUT)
        try:
            first = wait_until(pages[:1], "<html", started, server)
            source = project / "terms" / f"{term}.yml"
            times, cpu = [], []
            for edit in range(edits):
                marker = f"Edited for the bench, take {edit + 1}."
                text = re.sub(r"^summary: .*$", f"summary: {marker}", source.read_text(encoding="utf-8"),
                              count=1, flags=re.MULTILINE)
                saved, busy = time.perf_counter(), cpu_seconds(server.pid)
                source.write_text(text, encoding="utf-8")
                times.append(wait_until(pages, marker, saved, server))
                cpu.append(cpu_seconds(server.pid) - busy)
                time.sleep(1.0)  # let the watcher settle before the next save
        finally:
            server.terminate()
            server.wait(timeout=60)
    lines = [line for line in log_path.read_text(encoding="utf-8").splitlines() if "re-rendered" in line]
    return Result(size, first, tuple(times), tuple(cpu), "preview: " + lines[-1].split("preview: ")[-1] if lines else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--tree", type=Path, help="a folder holding another version's site_build/ to time")
    parser.add_argument("--cards", type=Path, help="a folder keeping the drawn social cards between runs")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="glossary-serve-bench-") as work:
        results = [measure(size, args.edits, Path(work), args.tree, args.cards) for size in args.sizes]
    print(f"{platform.node()}: {os.cpu_count()} CPUs, load average {load_before:.1f} before and "
          f"{os.getloadavg()[0]:.1f} after, {args.edits} edits per size, site_build from "
          f"{args.tree or 'this checkout'}\n")
    print("| terms | first build | edit to visible (median) | worst | server CPU per edit | rebuild rendered |")
    print("|---:|---:|---:|---:|---:|---|")
    for r in results:
        print(f"| {r.size:,} | {r.first_build:.1f} s | {statistics.median(r.edits):.1f} s | {max(r.edits):.1f} s "
              f"| {statistics.median(r.cpu):.1f} s | {r.log_line or 'every page (no preview line)'} |")


if __name__ == "__main__":
    main()
