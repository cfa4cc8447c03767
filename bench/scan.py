"""The mention scan alone: its cost per character as more names share a first word.

For each count it builds that many names of up to five words over 20 words, every one of
which starts names too ("Rate Cap", "Cap Limit", "Limit Order" ...), as in real glossaries,
and a 200,000-character text of those words in random order. The more names there are, the
further a walk from each word gets before it fails, and a trie walk restarts at every word;
the automaton reads each word once. It times ``Linker.mentions`` over the text (CPU time,
best of ``--runs``) and the trie walk it replaced (``tests/linker_reference.py``).

    python bench/scan.py                    # 10, 100, 1,000 and 5,000 names
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(Path(__file__).resolve().parent)]
from linker_reference import ReferenceLinker  # noqa: E402 (paths set just above)
from shared_words import FILLER, NEXT  # noqa: E402

from site_build.linker import Linker  # noqa: E402

VOCABULARY = NEXT[:20]


def shared_names(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct names of two to five words, each word also starting names."""
    names: set[str] = set()
    while len(names) < count:
        names.add(" ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(2, 5))))
    return sorted(names)


def shared_text(rng: random.Random, size: int = 200_000) -> list[str]:
    """Lines of about 200 characters: the vocabulary in random order, with a little filler."""
    lines, total = [], 0
    while total < size:
        words = [rng.choice(VOCABULARY) if rng.random() < 0.9 else rng.choice(FILLER) for _ in range(30)]
        lines.append(" ".join(words).lower() + ".")
        total += len(lines[-1])
    return lines


def _count(linker: Linker, lines: list[str]) -> int:
    return sum(1 for line in lines for _ in linker.mentions(line))


def best_time(linker: Linker | ReferenceLinker, lines: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        for line in lines:
            for _mention in linker.mentions(line):
                pass
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[10, 100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| names over 20 shared words | mentions per 1,000 chars | automaton (ns/char) | trie walk (ns/char) |\n"
          "|---:|---:|---:|---:|")
    for count in args.counts:
        rng = random.Random(count)
        names = shared_names(count, rng)
        lines = shared_text(rng)
        pairs = [(name, f"t{i}") for i, name in enumerate(names)]
        chars = sum(map(len, lines))
        found = _count(Linker(pairs), lines)
        new = best_time(Linker(pairs), lines, args.runs) / chars * 1e9
        old = best_time(ReferenceLinker(pairs), lines, args.runs) / chars * 1e9
        print(f"| {count:,} | {found / chars * 1000:.0f} | {new:.0f} | {old:.0f} |")


if __name__ == "__main__":
    main()
