"""The compact search index: one entry per generated page, found by name, alias, summary."""

from __future__ import annotations

import html
import json

import pytest

from site_build.search import compact_index, search_text


def index(*docs):
    return {"config": {"lang": ["en"]}, "docs": [dict(zip(("location", "title", "text"), d, strict=True)) for d in docs]}


def test_generated_pages_become_one_entry_with_their_distinct_headings():
    texts = {f"terms/t{i}/": search_text(f"Summary {i} <b>", [f"Alias {i}"]) for i in range(4)}
    docs = [("contribute/", "Contribute", "<p>every word kept</p>")]
    for i in range(4):
        docs += [(f"terms/t{i}/", f"Term {i}", "<p>long body words</p>"),
                 (f"terms/t{i}/#worked-example", "Worked example", "<p>numbers</p>"),
                 (f"terms/t{i}/#q{i}", f"Why does {i} happen?", "<p>answer words</p>")]
    compacted = compact_index(index(*docs), texts)
    assert compacted["config"] == {"lang": ["en"]}
    assert compacted["docs"][0] == {"location": "contribute/", "title": "Contribute", "text": "<p>every word kept</p>"}
    assert compacted["docs"][1] == {"location": "terms/t0/", "title": "Term 0",
                                    "text": "<p>Summary 0 &lt;b&gt;</p><p>Also called: Alias 0</p>"
                                            "<h2>Why does 0 happen?</h2>"}
    assert [d["location"] for d in compacted["docs"]] == ["contribute/", "terms/t0/", "terms/t1/", "terms/t2/", "terms/t3/"]


@pytest.mark.site
def test_the_real_index_finds_every_term_by_name_and_alias_without_body_words(real_site):
    from conftest import ROOT
    from site_build.extension import registry
    from site_build.pipeline import load

    docs = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    for term in load(ROOT, calculators=registry()).glossary.terms:
        if not term.listed:
            continue
        entry = by_location[f"terms/{term.id}/"]
        assert entry["title"] == term.name
        text = html.unescape(entry["text"])  # the index holds HTML: Dead Man&#x27;s Switch
        assert all(alias in text for alias in term.aliases), term.id
    assert not any(d["location"].startswith("terms/") and "#" in d["location"] for d in docs)
    mark_price = by_location["terms/mark-price/"]["text"]
    assert "thousands of traders" not in mark_price and "spot index" in mark_price  # body out, summary in
