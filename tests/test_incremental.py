"""The preview's page cache: a page is reused only under the same key, and forgotten once gone."""

from __future__ import annotations

from site_build.incremental import digest, folder_fingerprint
from site_build.page_cache import PageCache, Rendered


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
