"""Write a synthetic but realistic glossary project of N terms, for the benchmark.

Each term has a unique three-word name, two aliases, one to three of ten areas, one or
two of twenty tags, ten related terms, a Markdown body that mentions five other terms by name (so the auto-linker has
work), a formula section, two FAQ entries and two sources; every twentieth term embeds
a calculator with an example. The project is a copy of this repository's configuration,
templates and theme with ``terms/`` replaced, so it builds exactly like the real site.

    python bench/generate.py 5000 /tmp/glossary-5000
    python bench/generate.py 5000 /tmp/shared-5000 --corpus shared   # names that share words (shared_words.py)
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from shared_words import shared_names, shared_text

ROOT = Path(__file__).resolve().parent.parent


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


PROJECT_PARTS = ("mkdocs.yml", "templates", "overrides", "docs")
MODIFIERS = _words("""adaptive annual asian average backward barrier basket binary bounded capped clearing
compound contango cross delta dynamic effective expected fixed floating forward gamma hedged
implied inverse isolated linear marked nested notional open partial perpetual quoted rolling
settled spread synthetic tiered vega weighted""")
DOMAINS = _words("""auction basis bid book borrow carry collateral coupon credit curve decay deposit
drawdown equity exposure fee funding haircut index insurance leverage liquidity loan margin
market oracle payoff pool position premium price rebate reserve risk skew slippage strike
swap tick vault""")
HEADS = _words("""adjustment allocation band bound buffer cap charge check coefficient discount factor
floor gauge interval limit model ratio schedule threshold window""")
AREAS = ("margin", "funding", "options", "amms", "apis", "risk", "settlement", "indices", "lending", "vaults")
TAGS = tuple(word for word in DOMAINS if word != "index")[:20]  # "index" is reserved: tags/index.md lists the tags
CALCULATOR_EXAMPLE = "calculator: initial-margin\nexample: {notional: 25000, leverage: 10}\n"


def term_names(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct names; the word lists are disjoint, so no two share a word set."""
    combos = [(m, d, h) for m in MODIFIERS for d in DOMAINS for h in HEADS]
    if count > len(combos):
        raise SystemExit(f"at most {len(combos)} terms can be generated")
    return [" ".join(word.capitalize() for word in combo) for combo in rng.sample(combos, count)]


def slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def term_text(index: int, names: list[str], rng: random.Random) -> str:
    name = names[index]
    others = [i for i in rng.sample(range(len(names)), 16) if i != index]
    related = ", ".join(slug(names[i]) for i in others[:10])
    mentioned = [names[i] for i in others[10:15]]
    initials = "".join(word[0] for word in name.split())
    areas = ", ".join(rng.sample(AREAS, rng.randint(1, 3)))
    body = (
        f"  The {name.lower()} sets how much a venue adjusts a position when conditions change,\n"
        f"  and it interacts with the {mentioned[0]} and the {mentioned[1]} on every update.\n\n"
        "  ## How it is computed\n"
        f"  `value = notional × rate × time`, where the rate follows the {mentioned[2]}\n"
        "  and the time is measured in years.\n\n"
        "  ## Worked example\n"
        f"  A 25,000 USDT position with a 0.4% rate over half a year gives 50 USDT; the\n"
        f"  {mentioned[3]} caps it and the {mentioned[4]} is checked afterwards.\n"
    )
    text = [
        f"name: {name}",
        "kind: term",
        f"summary: The {name.lower()} is a synthetic benchmark entry describing how a venue "
        f"scales a position's {name.split()[1].lower()} over time.",
        f"areas: [{areas}]",
        f"aliases: [{initials}{index}, {name} Value]",
        f"related: [{related}]",
        f"tags: [{', '.join(sorted(rng.sample(TAGS, rng.randint(1, 2))))}]",
        "body: |",
        body.rstrip("\n"),
        "faq:",
        f"  - question: How often is the {name.lower()} updated?",
        "    answer: Once per funding interval, or whenever the position changes size.",
        f"  - question: Who sets the {name.lower()}?",
        "    answer: The venue's risk team publishes it, and the matching engine applies it.",
        "sources:",
        "  - title: Benchmark source one",
        f"    url: https://example.org/sources/{index}/one",
        "  - title: Benchmark source two",
        f"    url: https://example.org/sources/{index}/two",
    ]
    if index % 20 == 0:
        text.append(CALCULATOR_EXAMPLE.rstrip("\n"))
    return "\n".join(text) + "\n"


CORPORA = ("synthetic", "shared")


def write_project(count: int, target: Path, seed: int = 20261121, corpus: str = "synthetic") -> Path:
    """A buildable project at ``target`` with ``count`` terms of ``corpus``: ``synthetic``
    (disjoint three-word names, this module) or ``shared`` (names sharing words, ``shared_words``)."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    terms = target / "terms"
    (terms / "areas").mkdir(parents=True)
    (terms / "tags.yml").write_text("".join(f"{tag}: {{name: {tag.capitalize()}, summary: Generated terms.}}\n"
                                            for tag in TAGS), encoding="utf-8")
    for area in AREAS:
        (terms / "areas" / f"{area}.yml").write_text(
            f"name: {area.capitalize()}\nsummary: Generated terms about {area}.\n", encoding="utf-8")
    names = term_names(count, rng) if corpus == "synthetic" else shared_names(count, rng)
    for index, name in enumerate(names):
        text = (term_text(index, names, rng) if corpus == "synthetic"
                else shared_text(index, names, rng, AREAS, TAGS))
        (terms / f"{slug(name)}.yml").write_text(text, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--corpus", choices=CORPORA, default="synthetic")
    args = parser.parse_args()
    write_project(args.count, args.target, corpus=args.corpus)
    print(f"wrote {args.count} terms to {args.target / 'terms'}")


if __name__ == "__main__":
    main()
