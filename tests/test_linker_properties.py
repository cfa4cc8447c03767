"""The automaton finds exactly the mentions the trie walk found, on random names and texts.

Names share first words and extend each other ("Margin", "Margin Call", "Margin Call
Price"); texts mix those words in any case, with plurals, accents, abbreviations, every kind
of gap (blanks, hyphens, dashes, apostrophes, punctuation that breaks a name) and URLs.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from linker_reference import ReferenceLinker

from site_build.autolink import PageLinks, link_markdown, mentioned_ids
from site_build.linker import Ambiguous, Linker

WORDS = ["margin", "call", "price", "rate", "funding", "strategy", "bonus", "caress", "délta", "δέλτα", "cap", "im"]
ACRONYMS = ["MM", "IV", "K", "FR", "IM"]
GAPS = [" ", " ", " ", "-", " – ", ", ", ". ", "'", "’", "\\", "_", "/", "  ", "\n", "(", ") ", " (", " /", "- ."]
URLS = ["https://x.org/margin-call", "www.margin.com/rate", "see://call"]


def _spelled(word: str, draw) -> str:
    """``word`` as text may spell it: any case, maybe a plural."""
    form = draw(st.sampled_from([word, word + "s", word[:-1] + "ies" if word.endswith("y") else word + "es"]))
    return draw(st.sampled_from([form, form.capitalize(), form.upper()]))


@st.composite
def names(draw) -> list[tuple[str, str]]:
    chains = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), min_size=1, max_size=12))
    found = [(" ".join(w.capitalize() for w in chain), f"t{i}") for i, chain in enumerate(chains)]
    found += [(" ".join(chain[:k]).title(), f"p{i}-{k}") for i, chain in enumerate(chains) for k in range(1, len(chain))]
    found += [(acronym, f"a{i}") for i, acronym in enumerate(draw(st.lists(st.sampled_from(ACRONYMS), max_size=3)))]
    return found


@st.composite
def texts(draw, pairs: list[tuple[str, str]]) -> str:
    """Text made mostly of the names' own words, so that names are found, half-found and broken."""
    vocabulary = sorted({word.lower() for name, _ in pairs for word in name.split()} | {"the"})
    pieces = []
    for _ in range(draw(st.integers(0, 30))):
        choice = draw(st.integers(0, 9))
        if choice == 0:
            pieces.append(draw(st.sampled_from(URLS)))
        elif choice == 1:
            pieces.append(draw(st.sampled_from([*ACRONYMS, "mm", "Iv", "the", "2x", "Ünit"])))
        else:
            pieces.append(_spelled(draw(st.sampled_from(vocabulary if choice > 3 else WORDS)), draw))
        pieces.append(draw(st.sampled_from(GAPS)))
    return "".join(pieces)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_the_automaton_finds_what_the_trie_walk_found(data):
    pairs = data.draw(names())
    text = data.draw(texts(pairs))
    assert list(Linker(pairs).mentions(text)) == list(ReferenceLinker(pairs).mentions(text))


@settings(max_examples=150, deadline=None)
@given(st.data(), st.sampled_from(["Margin", "Call", "K", "Margin Call"]))
def test_ambiguous_words_are_found_alike(data, word):
    pairs = data.draw(names())
    text = data.draw(texts(pairs))
    ambiguous = {word: Ambiguous(f"{word.lower()}-disambiguation", (("t0", frozenset({"x"})),))}
    assert (list(Linker(pairs, ambiguous).mentions(text))
            == list(ReferenceLinker(pairs, ambiguous).mentions(text)))


def test_a_long_chain_of_shared_words_is_one_mention_each():
    pairs = [(" ".join(["Margin", *["Call"] * k]), f"m{k}") for k in range(5)]
    text = "margin call call call call, margin calls and margin, margin-call call"
    assert [m.term_id for m in Linker(pairs).mentions(text)] == ["m4", "m1", "m0", "m2"]
    assert list(Linker(pairs).mentions(text)) == list(ReferenceLinker(pairs).mentions(text))


MARKDOWN = ["`", "``margin call`` ", "[", "](https://x.org) ", "[Margin](https://x.org/m) ", "\n# ", "\n\n    ", "\n```\n"]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_check_finds_the_terms_the_page_links(data):
    """``glossary check`` (``mentioned_ids``, through ``Linker.targets``) finds exactly the terms
    ``link_markdown`` links, in Markdown with code spans and blocks, links and headings."""
    pairs = data.draw(names())
    pieces = data.draw(st.lists(st.one_of(texts(pairs), st.sampled_from(MARKDOWN)), max_size=8))
    markdown = "".join(pieces)
    linker = Linker(pairs)
    page = PageLinks(href=lambda target: f"/{target}/")
    link_markdown(markdown, linker, page)
    assert mentioned_ids(markdown, linker) == set(page.linked)
    for line in markdown.splitlines():
        assert linker.targets(line) == {mention.term_id for mention in linker.mentions(line)}
