"""glossary_links, the Markdown extension other sites use: links, what it leaves alone,
hostile glossary text, and how a glossary.json is read (path, URL, cache, errors)."""

from __future__ import annotations

import json
import logging
from importlib.metadata import entry_points
from pathlib import Path

import markdown
import pytest

from conftest import FIXTURES, serve
from site_build import glossary_file
from site_build.glossary_file import GlossaryFileError
from site_build.markdown_ext import GlossaryLinksExtension

GLOSSARY = FIXTURES / "glossary-links" / "glossary.json"


def convert(text: str, glossary: Path | str = GLOSSARY, extensions: tuple = (), **config) -> str:
    md = markdown.Markdown(extensions=[*extensions, "glossary_links"],
                           extension_configs={"glossary_links": {"glossary": str(glossary), **config}})
    return md.convert(text)


def test_registered_under_its_entry_point_name():
    (point,) = entry_points(group="markdown.extensions", name="glossary_links")
    assert point.load() is GlossaryLinksExtension
    md = markdown.Markdown(extensions=["glossary_links"], extension_configs={"glossary_links": {"glossary": str(GLOSSARY)}})
    assert "glossary_links" in md.treeprocessors


def test_first_mention_links_longest_match_and_plural_with_the_summary_as_title():
    html = convert("Funding rate caps differ. Funding rates are paid; funding rates again. FR too.")
    assert html.count('href="https://example.org/glossary/terms/funding-rate-cap/"') == 1
    assert '>Funding rate caps</a>' in html
    assert html.count('href="https://example.org/glossary/terms/funding-rate/"') == 1
    assert '>Funding rates</a> are paid; funding rates again. FR too.' in html
    assert 'class="glossary-link"' in html and 'title="The largest funding rate a venue allows in one interval."' in html


def test_code_headings_links_and_raw_html_are_left_alone():
    text = ("# Funding Rate\n\n`funding rate` and [funding rate](x.md) and <https://e.org/funding-rate>\n\n"
            '<a href="y">funding rate</a>, <code>FR</code>\n\n    funding rate\n\n'
            "```\nfunding rate\n```\n\nNow the funding rate.\n")
    html = convert(text, extensions=("fenced_code",))
    assert html.count("glossary-link") == 1
    assert 'Now the <a class="glossary-link"' in html
    assert "<h1>Funding Rate</h1>" in html


def test_linking_keeps_attribute_lists_and_emphasis():
    html = convert("Liquidation and *funding rates* here.\n{: .lead }", extensions=("attr_list",))
    assert html.startswith('<p class="lead"><a class="glossary-link"')
    assert '<em><a class="glossary-link" href="https://example.org/glossary/terms/funding-rate/"' in html


def test_hostile_summary_is_escaped_and_placeholders_are_inert():
    html = convert("Funding rate and liquidation.")
    assert "<script>" not in html
    assert 'title="The periodic rate &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; that' in html
    assert "\x02" not in html and "\x03" not in html
    assert 'title="Closing a position wzxhzdk:0 whose margin ran out."' in html


def test_unsafe_targets_bad_entries_and_ambiguous_names_do_not_link(caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.glossary_links"):
        entries = glossary_file.parse(GLOSSARY.read_text(), str(GLOSSARY))
    assert {e.id for e in entries} == {"funding-rate", "funding-rate-cap", "margin-balance", "profit-margin",
                                       "liquidation"}
    messages = " | ".join(record.getMessage() for record in caplog.records)
    assert "entry 2 links to 'javascript:alert(document.cookie)'" in messages
    assert "entry 6 has no text for url" in messages and "entry 7 is not an object" in messages
    html = convert("Mark price, margin and margin balance.")
    assert "javascript" not in html and "Mark price, margin and <a" in html
    assert 'href="../terms/margin-balance/"' in html


def test_our_own_published_glossary_json_is_read_whole():
    golden = FIXTURES.parent / "golden" / "glossary.json"
    data = json.loads(golden.read_text())
    assert len(glossary_file.parse(golden.read_text(), str(golden))) == len(data)


def load(source: Path | str):
    return glossary_file.load(str(source), Path("/nonexistent-cache"), max_age=0, timeout=1)


def test_invalid_files_are_one_problem_line_naming_file_and_fix(tmp_path):
    broken = tmp_path / "glossary.json"
    broken.write_text('[\n {"id": "x",\n')
    with pytest.raises(GlossaryFileError, match=rf"^{broken}:3:1: error: not valid JSON .*point 'glossary:'"):
        load(broken)
    broken.write_text('{"terms": []}')
    with pytest.raises(GlossaryFileError, match=r":1:1: error: a glossary.json is a list of terms; this file holds a dict"):
        load(broken)
    with pytest.raises(GlossaryFileError, match=r"missing.json:1:1: error: cannot be read \(No such file"):
        load(tmp_path / "missing.json")
    with pytest.raises(GlossaryFileError, match=r"mkdocs.yml:1:1: error: glossary_links needs 'glossary:'"):
        load("")


def test_the_extension_logs_a_failure_once_and_leaves_pages_unlinked(tmp_path, caplog):
    broken = tmp_path / "glossary.json"
    broken.write_text("[")
    with caplog.at_level(logging.WARNING, logger="mkdocs.glossary_links"):
        assert convert("Funding rate.", broken) == "<p>Funding rate.</p>"
        assert convert("Funding rate.", broken) == "<p>Funding rate.</p>"
    assert [(r.levelname, r.getMessage().split(": error: ")[0]) for r in caplog.records] == [("ERROR", f"{broken}:1:2")]
    broken.write_text(GLOSSARY.read_text())  # fixed: read again at once, as its stamp changed
    assert "glossary-link" in convert("Funding rate.", broken)


def test_a_url_is_fetched_once_kept_and_used_stale_when_unreachable(tmp_path, caplog):
    published = tmp_path / "site"
    published.mkdir()
    (published / "glossary.json").write_text(GLOSSARY.read_text())
    cache = tmp_path / "cache"
    with serve(published) as address:
        url = f"{address}glossary.json"
        html = convert("Funding rate.", url, cache_dir=str(cache), max_age=0)
    assert 'href="https://example.org/glossary/terms/funding-rate/"' in html
    assert len(list(cache.glob("*.json"))) == 1
    assert glossary_file.fetch(url, cache, max_age=3600, timeout=1) == GLOSSARY.read_text()  # fresh: no network
    with caplog.at_level(logging.WARNING, logger="mkdocs.glossary_links"):
        assert glossary_file.fetch(url, cache, max_age=0, timeout=1) == GLOSSARY.read_text()
    assert "cannot be fetched" in caplog.text and "using the copy kept at" in caplog.text


def test_an_unreachable_url_without_a_copy_says_what_to_do(tmp_path):
    with serve(tmp_path) as address:
        url = f"{address}nothing/glossary.json"
        with pytest.raises(GlossaryFileError, match=r"glossary.json:1:1: error: cannot be fetched \(HTTP 404 .*\); check"
                                                    r" the address .* give its path as 'glossary:' \[glossary-fetch\]"):
            glossary_file.load(url, tmp_path / "cache", max_age=0, timeout=2)


def test_relative_urls_in_a_fetched_glossary_resolve_against_it(tmp_path):
    (tmp_path / "glossary.json").write_text(json.dumps(
        [{"id": "a", "name": "Alpha Term", "summary": "s", "url": "terms/a/"}]))
    with serve(tmp_path) as address:
        entries = glossary_file.load(f"{address}glossary.json", tmp_path / "cache", max_age=0, timeout=2)
    assert entries[0].url == f"{address}terms/a/"
