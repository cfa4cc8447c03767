"""Unit tests: first-mention auto-linking."""

from site_build.autolink import PageLinks, link_markdown, link_plain
from site_build.linker import Linker

LINKER = Linker([
    ("Maintenance Margin", "maintenance-margin"), ("MM", "maintenance-margin"),
    ("Margin", "margin"), ("Initial Margin", "initial-margin"), ("Delta", "delta"),
    ("Delta Hedging", "delta-hedging"), ("Auto-Deleveraging", "auto-deleveraging"),
    ("Strategy", "strategy"),
])


def page(exclude: str = "") -> PageLinks:
    return PageLinks(href=lambda target: f"{target}.md", exclude=exclude)


def linked_ids(markdown: str, exclude: str = "") -> list[str]:
    state = page(exclude)
    link_markdown(markdown, LINKER, state)
    return state.linked


def test_longest_match_wins_case_insensitive_and_plural():
    state = page()
    out = link_markdown("The Maintenance margins and delta hedging.", LINKER, state)
    assert out.startswith("The [Maintenance margins](maintenance-margin.md)")
    assert state.linked == ["maintenance-margin", "delta-hedging"]


def test_only_the_first_mention_links():
    assert link_markdown("delta and delta", LINKER, page()).count("](delta.md)") == 1


def test_never_inside_code_headings_links_or_own_page():
    text = "## Delta heading\n`delta` and ```delta```\n[delta](x.md) and margin\n"
    assert linked_ids(text, exclude="margin") == []
    fenced = "```\ninitial margin\n```\n"
    assert linked_ids(fenced) == []


def test_hyphenated_names_and_ies_plurals():
    assert linked_ids("auto-deleveraging and strategies") == ["auto-deleveraging", "strategy"]


def test_abbreviations_match_only_in_capitals():
    assert linked_ids("mm is a unit") == []
    assert linked_ids("MM is the requirement") == ["maintenance-margin"]


def test_words_separated_by_punctuation_do_not_form_a_name():
    assert linked_ids("initial. Margin") == ["margin"]


def test_link_carries_the_tooltip_reference():
    out = link_plain("Uses initial margin.", LINKER, page())
    assert '{ .glossary-link aria-describedby="glossary-tip-initial-margin" }' in out


def test_urls_are_not_linked_inside():
    assert linked_ids("see https://example.org/initial-margin for more") == []


def test_cost_does_not_grow_with_the_number_of_names(monkeypatch):
    """Counted, not timed: the trie steps per text are the same for 10 or 20,000 names.

    (Timings live in bench/run.py, where the whole build's growth is measured.)
    """
    import site_build.linker as linker_module

    steps = []
    real_fold = linker_module.fold_word
    monkeypatch.setattr(linker_module, "fold_word", lambda word: steps.append(word) or real_fold(word))
    small = Linker((f"Name {i}", f"t{i}") for i in range(10))
    large = Linker((f"Name {i} Word", f"t{i}") for i in range(20000))
    text = "a margin of words that name nothing in particular, name 7 word " * 200

    def count(linker):
        steps.clear()
        found = list(linker.mentions(text))
        return len(steps), len(found)

    small_steps, small_found = count(small)
    large_steps, large_found = count(large)
    assert small_found == large_found == 200
    assert large_steps <= small_steps + 200 and small_steps < 5 * len(text.split())


def test_check_finds_the_same_mentions_as_the_full_linking():
    """`glossary check` takes the fast path (ids only); it must agree with the linked pages
    (on the 40-term fixture glossary, ambiguous words and their senses included)."""
    from conftest import SITE_TERMS
    from site_build.extension import registry
    from site_build.pipeline import link, load, make_linker, mentions

    loaded = load(SITE_TERMS.parent, calculators=registry())
    assert loaded.glossary.senses
    linked = link(loaded)
    fast = mentions(loaded, make_linker(loaded.glossary))
    assert fast == {tid: tuple(sorted(set(texts.mentions) - {tid})) for tid, texts in linked.texts.items()}
    assert sum(map(len, fast.values())) > 120
