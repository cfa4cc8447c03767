"""Unit tests: first-mention auto-linking."""

from site_build.linker import Linker, PageLinks, link_markdown, link_plain

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


def test_cost_does_not_grow_with_the_number_of_names():
    import time

    small = Linker((f"Name {i}", f"t{i}") for i in range(10))
    large = Linker((f"Name {i} Word", f"t{i}") for i in range(20000))
    text = "a margin of words that name nothing in particular " * 2000

    def run(linker):
        started = time.perf_counter()
        list(linker.mentions(text))
        return time.perf_counter() - started

    # Ratio, not absolute time: 2,000x the names may not cost 3x the time.
    assert run(large) < 3 * run(small) + 0.05
