"""A second benchmark corpus, shaped like real glossaries: names that share their words.

``generate.py``'s names are three words from disjoint lists, so almost no word of running
text starts a name and no two names overlap. Real glossaries are the opposite: hundreds
of names start with "Margin", "Funding" or "Delta", many names extend others ("Funding
Rate", "Funding Rate Cap", "Funding Rate Cap Interval") and the prose is full of those
words. Here ~5,000 names grow as chains from 24 common first words, so each first word
starts about 200 names, and every body mentions names, their prefixes and near-misses
(a chain's first words followed by a word that continues no name): the worst case for a
mention scan that restarts at every word.

    python bench/generate.py 5000 /tmp/shared-5000 --corpus shared
"""

from __future__ import annotations

import random


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words("""Margin Funding Delta Gamma Vega Theta Option Futures Perpetual Liquidation Order Price
Leverage Mark Position Risk Fee Basis Spread Premium Collateral Insurance Settlement Volatility""")
NEXT = _words("""Rate Call Ratio Requirement Level Balance Cap Floor Limit Interval Payment Mode Tier Buffer
Threshold Window Schedule Band Factor Adjustment Fund Engine Curve Surface Skew Exposure Hedge Neutral
Weighted Implied Realised Cross Isolated Initial Maintenance Auto Partial Full Reduce Post Trigger Stop
Value Model Check Source Feed Oracle Auction Queue Book Depth Impact Premium Discount Clamp Period""")
FILLER = _words("""the a venue sets and when every position trader account of per its that is
applies before after during moves rises falls above below within keeps""")


def shared_names(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct names: each first word, then chains that extend earlier names by one
    word (so most names have a shorter name as their prefix), no two with the same word set."""
    names, seen = list(FIRST), {frozenset([first.lower()]) for first in FIRST}
    frontier = [[first] for first in FIRST]
    while len(names) < count:
        stem = rng.choice(frontier)
        if len(stem) >= 3 and rng.random() < 0.6:  # most real names have two or three words
            continue
        word = rng.choice(NEXT)
        words = [*stem, word]
        key = frozenset(w.lower() for w in words)
        if word in stem or len(words) > 5 or key in seen:
            continue
        seen.add(key)
        names.append(" ".join(words))
        frontier.append(words)
    return names[:count]


def _near_miss(name: str, rng: random.Random) -> str:
    """The first words of ``name`` followed by a word that continues no name."""
    words = name.split()
    return " ".join([*words[: max(1, len(words) - 1)], rng.choice(FILLER)]).lower()


def _sentence(names: list[str], rng: random.Random) -> str:
    picks = [rng.choice(names) for _ in range(3)]
    filler = " ".join(rng.choice(FILLER) for _ in range(4))
    return (f"The {picks[0].lower()} {filler} the {_near_miss(picks[1], rng)} and the {picks[2]}, "
            f"while the {picks[1].split()[0].lower()} {rng.choice(NEXT).lower()} {filler}.")


def shared_text(index: int, names: list[str], rng: random.Random, areas: tuple[str, ...], tags: tuple[str, ...]) -> str:
    """One term file: a summary and a body dense with shared words, two FAQ entries, sources."""
    name = names[index]
    slugs = [n.lower().replace(" ", "-") for n in names]
    related = [slugs[i] for i in rng.sample(range(len(names)), 9) if i != index][:8]
    body = "\n\n".join("  " + " ".join(_sentence(names, rng) for _ in range(3)) for _ in range(3))
    faq_answer = " ".join(_sentence(names, rng) for _ in range(2))
    lines = [
        f"name: {name}",
        "kind: term",
        f"summary: The {name.lower()} is how a venue measures the {name.split()[-1].lower()} of a position "
        f"as the {rng.choice(names).lower()} changes.",
        f"areas: [{', '.join(rng.sample(areas, rng.randint(1, 3)))}]",
        f"aliases: [{''.join(w[0] for w in name.split())}{index}]",
        f"related: [{', '.join(related)}]",
        f"tags: [{', '.join(sorted(rng.sample(tags, rng.randint(1, 2))))}]",
        "body: |",
        body,
        "faq:",
        f"  - question: When does the {name.lower()} change?",
        f"    answer: {faq_answer}",
        f"  - question: Who publishes the {name.lower()}?",
        "    answer: The venue's risk team publishes it, and the matching engine applies it.",
        "sources:",
        "  - title: Benchmark source",
        f"    url: https://example.org/shared/{index}",
    ]
    return "\n".join(lines) + "\n"
