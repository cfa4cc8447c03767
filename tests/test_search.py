"""The compact search index: one entry per generated page, found by name, alias, summary."""

from __future__ import annotations

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


