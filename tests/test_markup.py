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


LINK_FORMS = [
    "[x](javascript&#58;alert(1))", "[x]( javascript&#58;alert(1))", "[x](<javascript&#58;alert(1)>)",
    "## [x](javascript&#58;alert(1))", "## ![x](javascript&#58;alert(1)) title", "![x](JaVaScRiPt&colon;alert(1))",
    "[x](java&Tab;script:alert(1))", "[x](java&#10;script:alert(1))", "[x](&#106;avascript:alert(1))",
    "[a [b] c](javascript:alert(1))", "[across\nlines](javascript&#58;alert(1))", "[x](\njavascript&#58;alert(1))",
    "[x][r]\n\n[r]: javascript&#58;alert(1)", "[x][r]\n\n[r]:\n  javascript&#58;alert(1)",
    "| a |\n|---|\n| [x](vbscript&#58;msgbox(1)) |", "[x](data&colon;text/html,x 'title')",
]


@pytest.mark.parametrize("text", LINK_FORMS)
def test_every_link_form_is_neutralised_before_markdown(text):
    import markdown

    from site_build.htmlsafe import unsafe_urls
    from site_build.markup import SITE_EXTENSION_CONFIGS, SITE_EXTENSIONS

    def html(source):
        return markdown.markdown(source, extensions=list(SITE_EXTENSIONS), extension_configs=SITE_EXTENSION_CONFIGS)

    assert unsafe_urls(html(text)) != []  # the form really is a live link...
    assert unsafe_urls(html(sanitize_markdown(text))) == []  # ...until it is escaped


def test_safe_links_keep_their_form():
    text = "[a](<https://a.org/x y>) [b]( https://b.org 'b') ## [c](../c/)"
    assert sanitize_markdown(text) == text


def test_unsafe_targets_are_found_once_each_where_they_are_written():
    from site_build.link_targets import unsafe_targets

    text = "[a](javascript:x) and [b][r] and [c][r]\n\n[r]: <vbscript&#58;y>\n[unused]: data&colon;z\n"
    found = [(t.offset, t.written, t.scheme) for t in unsafe_targets(text)]
    assert found == [(4, "javascript:x", "javascript"), (text.index("vbscript"), "vbscript&#58;y", "vbscript"),
                     (text.index("data&"), "data&colon;z", "data")]
    assert unsafe_targets("no link here: javascript:x") == []  # not a link: unsafe_spans reports it


@pytest.mark.parametrize(("text", "converted"), [
    ("[a](https://a.org/x) and [b](mailto:b@c.org) and [c](../c/)", False),
    ("[a](https://a.org/x). Note: margin, and <https://b.org/>", False), ("[a](x\\-y:z)", True),
    ("[a](\n ja\nva:x)", True), ("[a](&#106;avascript:x)", True), ("[r]:\n  <data:x>", True),
    ("[a](#){: href='vbscript:x' }", True), ("<b>x</b> [a](#)", True), ("plain javascript:x", False),
    ("[a](&#35;x) [b](<ftp://x.org/>)", True)])
def test_markdown_runs_only_when_a_target_could_be_unsafe(text, converted, monkeypatch):
    from site_build import htmlsafe, link_targets

    calls = []
    monkeypatch.setattr(htmlsafe, "unsafe_urls", lambda html: calls.append(html) or [])
    link_targets.unsafe_targets(text)
    assert bool(calls) == converted


def test_an_escaped_character_can_still_make_a_scheme():
    from site_build.link_targets import unsafe_targets

    assert [t.scheme for t in unsafe_targets("[a](x\\-y:z)")] == ["x-y"]


@pytest.mark.parametrize("text", ["- " * 3000 + "[a](javascript:x)", "[" * 20000 + "](javascript:x)"])
def test_texts_markdown_cannot_convert_quickly_are_read_as_written(text):
    import time

    from site_build.link_targets import unsafe_targets

    start = time.perf_counter()
    assert [(t.written, t.scheme) for t in unsafe_targets(text)] == [("javascript:x", "javascript")]
    assert time.perf_counter() - start < 5  # Python-Markdown alone: a RecursionError, or a minute
    # and the next text is converted as before (code is no link; a failed run left no state behind)
    assert [t.scheme for t in unsafe_targets("`[a](javascript:x)` [b](vbscript:y)")] == ["vbscript"]
