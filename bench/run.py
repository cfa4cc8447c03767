"""Benchmark the pipeline against plain MkDocs + Material, and print one table.

For each corpus (``synthetic``: ``bench/generate.py``'s disjoint names; ``shared``: names
that share their words, ``bench/shared_words.py``) and size it generates a glossary and
measures, in fresh processes, the median of ``--runs`` runs of:

- ``check``: ``glossary check`` (the whole command, as a contributor runs it) with its cache
  empty (``site_build.disk_cache``: the first run, or one after an upgrade);
- ``check, 1 edit``: the same once the cache holds the glossary and one term's summary changed
  (a contributor's next run: that file is read and scanned again, the rest is kept);
- ``generate``: our step alone, read + validate + link + render, timed in-process;
- ``cold build``: the full ``mkdocs build`` with no social card cached yet (every
  card drawn: ``.cache/cards/`` removed before each run);
- ``build``: the full ``mkdocs build`` with the glossary plugin, cards cached (warm);
- ``baseline``: plain MkDocs + Material building the same pages, pre-rendered to
  Markdown by ``glossary export``, with our plugin off.

It reports build/baseline, the growth of the build from the smallest to the largest
size, peak RSS of the build, the search index size and the median term page size.

    python bench/run.py                 # sizes 500 1000 5000, 3 runs each
    python bench/run.py --sizes 500 --runs 1
    python bench/run.py --sizes 5000 --corpora shared
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import CORPORA, write_project

BIN = Path(sys.executable).parent
CARD_CACHE = Path(".cache") / "cards"  # site_build.cards.CACHE: the drawn social cards
CHECK_CACHE = Path(tempfile.gettempdir()) / f"glossary-bench-check-cache-{os.getpid()}"  # site_build.disk_cache
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600", "GLOSSARY_CACHE_DIR": str(CHECK_CACHE)}
GENERATE_ONLY = """
import sys, time
from pathlib import Path
from site_build.plugin import load_project
from site_build.extension import installed
from site_build.project import generate
project = load_project(Path(sys.argv[1]) / "mkdocs.yml")
started = time.perf_counter()
generated = generate(project, installed())
print(time.perf_counter() - started)
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float


def timed(command: list[str], own_time: bool = False) -> Run:
    """Wall time (or, with ``own_time``, the time the child prints last) and its peak RSS.

    ``wait4`` gives that one child's resource usage, not the sum over all children.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    output, errors = process.stdout.read(), process.stderr.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1) or b"Traceback" in errors:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode()[-2000:]}")
    if own_time:
        elapsed = float(output.decode().split()[-1])
    return Run(elapsed, usage.ru_maxrss / 1024)


def baseline_project(project: Path, target: Path) -> Path:
    """The same pages as plain Markdown, and mkdocs.yml without the glossary plugin."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(project, target)
    subprocess.run([str(BIN / "glossary"), "--root", str(project), "export", str(target / "docs")],
                   check=True, env=ENV, capture_output=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  - glossary:\n(      .*\n)*", "\n", config)
    (target / "mkdocs.yml").write_text(config + "not_in_nav: |\n  /terms/\n  /areas/*/\n  /tags/*/\n"
                                       "  /calculators/*/\n", encoding="utf-8")
    return target


def median_run(command: list[str], runs: int, own_time: bool = False, prepare=lambda: None) -> Run:
    results = []
    for _ in range(runs):
        prepare()
        results.append(timed(command, own_time))
    return Run(statistics.median(r.seconds for r in results), max(r.peak_rss_mb for r in results))


def edit_summary(project: Path, number: int) -> None:
    """Change one term's summary, as a contributor's edit does (a new text each time)."""
    term = min((project / "terms").glob("*.yml"))
    lines = term.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("summary: "))
    lines[at] = lines[at].rstrip("\n").split(" Edit ")[0] + f" Edit {number}.\n"
    term.write_text("".join(lines), encoding="utf-8")


def site_figures(site: Path) -> tuple[float, float]:
    """Search index size (MB) and the median term page size (KB)."""
    index = (site / "search" / "search_index.json").stat().st_size / 1e6
    pages = [p.stat().st_size for p in (site / "terms").glob("*/index.html") if p.stat().st_size > 2000]
    return index, statistics.median(pages) / 1e3


def measure(size: int, runs: int, work: Path, corpus: str = "synthetic") -> dict[str, float]:
    project = write_project(size, work / f"{corpus}-{size}", corpus=corpus)
    baseline = baseline_project(project, work / f"baseline-{corpus}-{size}")
    site, base_site = work / f"site-{corpus}-{size}", work / f"base-site-{corpus}-{size}"
    mkdocs = str(BIN / "mkdocs")
    check_command = [str(BIN / "glossary"), "--root", str(project), "check"]
    check = median_run(check_command, runs, prepare=lambda: shutil.rmtree(CHECK_CACHE, ignore_errors=True))
    edits = iter(range(runs))
    check_edit = median_run(check_command, runs, prepare=lambda: edit_summary(project, next(edits)))
    generate = median_run([sys.executable, "-c", GENERATE_ONLY, str(project)], runs, own_time=True)
    build_command = [mkdocs, "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    cold = median_run(build_command, runs, prepare=lambda: shutil.rmtree(project / CARD_CACHE, ignore_errors=True))
    build = median_run(build_command, runs)
    base = median_run([mkdocs, "build", "-q", "-f", str(baseline / "mkdocs.yml"), "-d", str(base_site)], runs)
    index_mb, page_kb = site_figures(site)
    base_index_mb, _ = site_figures(base_site)
    return {"corpus": corpus, "size": size, "check": check.seconds, "check_edit": check_edit.seconds,
            "generate": generate.seconds, "cold": cold.seconds,
            "build": build.seconds,
            "baseline": base.seconds, "ratio": build.seconds / base.seconds, "rss": build.peak_rss_mb,
            "base_rss": base.peak_rss_mb, "index": index_mb, "base_index": base_index_mb, "page": page_kb}


def table(rows: list[dict[str, float]]) -> str:
    head = ("| corpus | terms | check | check, 1 edit | generate | cold build | build | baseline | build/baseline "
            "| peak RSS (build / baseline) | search index (ours / Material default) | median term page |")
    lines = [head, "|---" + "|---:" * 11 + "|"]
    for r in rows:
        lines.append(f"| {r['corpus']} | {r['size']:,} | {r['check']:.2f} s | {r['check_edit']:.2f} s "
                     f"| {r['generate']:.2f} s "
                     f"| {r['cold']:.1f} s | {r['build']:.1f} s "
                     f"| {r['baseline']:.1f} s | {r['ratio']:.2f} | {r['rss']:.0f} / {r['base_rss']:.0f} MB "
                     f"| {r['index']:.2f} / {r['base_index']:.2f} MB | {r['page']:.1f} KB |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the glossary build against plain MkDocs.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpora", nargs="+", choices=CORPORA, default=list(CORPORA))
    parser.add_argument("--keep", type=Path, help="keep the generated projects and sites here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="glossary-bench-"))
    rows = []
    for corpus in args.corpora:
        for size in args.sizes:
            rows.append(measure(size, args.runs, work, corpus))
            print(f"measured {size} terms of {corpus}", file=sys.stderr)
    print(f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"median of {args.runs} runs\n")
    print(table(rows))
    for corpus in args.corpora if len(args.sizes) > 1 else ():
        first, last = [r for r in rows if r["corpus"] == corpus][::len(args.sizes) - 1]
        print(f"\n{corpus}: build({last['size']:,}) / build({first['size']:,}) = {last['build'] / first['build']:.1f} "
              f"for {last['size'] / first['size']:.0f}x the terms")
    shutil.rmtree(CHECK_CACHE, ignore_errors=True)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
