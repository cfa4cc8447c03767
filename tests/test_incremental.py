"""The preview's caches: a page, a pipeline step, a written file or a page's search entries
is reused only under the same key, and forgotten once gone."""

from __future__ import annotations

from site_build import memo
from site_build.incremental import digest, folder_fingerprint
from site_build.memo import Memo
from site_build.page_cache import PageCache, Rendered
from site_build.search_entries import SearchEntries
from site_build.site_folder import SiteFolder


def rendered(key: str) -> Rendered:
    return Rendered(key, "<p>html</p>", None, "Title", frozenset({"faq"}), ())


def test_digest_depends_on_every_part_and_their_boundaries():
    assert digest("a", {"b": 1}) == digest("a", {"b": 1})
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("a", {"b": 1}) != digest("a", {"b": 2})


def test_a_page_is_reused_only_under_the_same_key():
    cache = PageCache()
    cache.start()
    cache.keep_rendered("terms/a.md", rendered("k1"))
    cache.keep_output("terms/a.md", "o1", "<html>a</html>")
    cache.forget_missing(["terms/a.md"])
    cache.start()
    assert cache.rendered("terms/a.md", "k2") is None
    assert cache.rendered("terms/a.md", "k1") == rendered("k1")
    assert cache.output("terms/a.md", "o2") is None
    assert cache.output("terms/a.md", "o1") == "<html>a</html>"
    assert (cache.counts.rendered, cache.counts.reused_markdown, cache.counts.reused_output) == (0, 1, 1)
    assert cache.counts.line(1).startswith("preview: 0 of 1 pages re-rendered")


def test_a_page_that_is_gone_is_forgotten():
    cache = PageCache()
    cache.start()
    cache.keep_rendered("terms/a.md", rendered("k1"))
    cache.forget_missing([])
    cache.start()
    assert cache.rendered("terms/a.md", "k1") is None


def test_the_theme_fingerprint_changes_with_a_file(tmp_path):
    (tmp_path / "main.html").write_text("one", encoding="utf-8")
    before = folder_fingerprint(tmp_path)
    (tmp_path / "main.html").write_text("one and two", encoding="utf-8")
    assert folder_fingerprint(tmp_path) != before
    assert folder_fingerprint(tmp_path / "missing") == ""


def test_the_memo_reuses_a_step_only_for_equal_parts_and_the_same_objects():
    kept, calls = Memo(), []

    def step(value):
        calls.append(value)
        return value * 2

    shared = ("a term",)
    for _ in range(2):
        kept.start("settings")
        with memo.active(kept):
            assert memo.cached("double", 1, lambda: step(1), same=shared) == 2
            assert memo.cached("double", 2, lambda: step(2), same=shared) == 4
            assert memo.cached("double", 1, lambda: step(1), same=(object(),)) == 2
        kept.forget_unused()
    assert calls == [1, 2, 1, 1]  # equal parts and the same object: once; another object: again
    kept.start("other settings")  # a new context: everything again
    with memo.active(kept):
        memo.cached("double", 1, lambda: step(1), same=shared)
    assert calls[-1] == 1 and len(calls) == 5
    assert memo.cached("double", 1, lambda: step(3)) == 6  # no memo active: always computed


def test_the_site_folder_writes_only_what_changed_and_removes_what_is_gone(tmp_path):
    folder, site = SiteFolder(), tmp_path / "site"
    for content in (b"one", b"one", b"two"):
        folder.begin()
        folder.write(content, str(site / "terms" / "a" / "index.html"))
        folder.write(b"kept", str(site / "terms" / "b" / "index.html"))
        written = folder.written
        assert folder.finish(str(site)) == 0
    assert written == 1 and (site / "terms" / "a" / "index.html").read_bytes() == b"two"
    folder.begin()
    folder.write(b"kept", str(site / "terms" / "b" / "index.html"))
    folder.write(b"first", str(site / "index.html"))
    folder.write(b"second", str(site / "index.html"))  # a second write in one build is never skipped
    assert folder.finish(str(site)) == 1
    assert not (site / "terms" / "a").exists() and (site / "terms" / "b" / "index.html").is_file()
    assert (site / "index.html").read_bytes() == b"second"


class _Page:
    def __init__(self, url: str, content: str) -> None:
        self.url, self.content, self.title, self.meta, self.toc = url, content, "Title", {}, []


class _Index:
    def __init__(self) -> None:
        self.entries, self.parsed = [], 0

    def add_entry_from_context(self, page) -> None:
        self.parsed += 1
        self.entries.append({"location": page.url, "title": page.title, "text": page.content})


def test_search_entries_are_reused_for_an_unchanged_page_only():
    kept, builds = SearchEntries(), []
    for second in ("<p>b</p>", "<p>b, edited</p>"):
        index = _Index()
        kept.wrap(index)
        index.add_entry_from_context(_Page("a/", "<p>a</p>"))
        index.add_entry_from_context(_Page("b/", second))
        kept.finish()
        builds.append(index)
    assert [build.parsed for build in builds] == [2, 1]
    assert builds[1].entries == [{"location": "a/", "title": "Title", "text": "<p>a</p>"},
                                 {"location": "b/", "title": "Title", "text": "<p>b, edited</p>"}]
