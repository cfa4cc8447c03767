"""Unit tests: escaping and neutralising text from YAML."""

import pytest

from site_build.markup import escape_plain, is_safe_url, sanitize_markdown, unsafe_spans


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:x", "java\tscript:x", "javascript&#58;x",
                                 "data:text/html,x", "vbscript:x", " javascript:x"])
def test_unsafe_urls(url):
    assert not is_safe_url(url)


@pytest.mark.parametrize("url", ["https://x.org/a:b", "http://x.org", "../a.md", "#frag", "a/b?c=d:e", "//x.org"])
def test_safe_urls(url):
    assert is_safe_url(url)


def test_sanitize_escapes_html_and_attribute_lists_but_not_code():
    out = sanitize_markdown("a <script>x</script> {: onclick=y } `<kbd>` [j](javascript:alert(1)) [k](https://k.org)")
    assert "<script" not in out and "&lt;script>" in out
    assert "\\{: onclick=y \\}" in out
    assert "`<kbd>`" in out
    assert "javascript" not in out and "[k](https://k.org)" in out


def test_reference_definitions_with_unsafe_targets_are_dropped():
    assert "javascript" not in sanitize_markdown("[a][r]\n\n[r]: javascript:alert(1)\n")


def test_escape_plain_renders_back_to_the_same_text():
    import markdown

    text = "# 50% *of* [x](y) <b> & a_b `c` 1. {: z}"
    html = markdown.markdown(escape_plain(text))
    assert html == "<p># 50% *of* [x](y) &lt;b&gt; &amp; a_b `c` 1. {: z}</p>"


def test_detectors_name_what_they_found():
    codes = {code for _, code, _ in unsafe_spans('<img src=x onerror=alert(1)> <!-- <script> javascript:x')}
    assert codes == {"raw-html", "event-handler", "script-tag", "unsafe-url"}
    assert list(unsafe_spans("serves market data: books, x < y and a > b")) == []
