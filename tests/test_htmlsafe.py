"""URL safety and the HTML sanitizer: decoded as the browser decodes, checked in Chromium.

The oracle for ``is_safe_url`` is built from the spelling itself: each spelling is made
from a known scheme (or one deliberately broken), so what the browser opens is known
by construction, not by running the code under test. Chromium then confirms a table of
such spellings with its own ``a.protocol``.
"""

from __future__ import annotations

import random
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT
from site_build.htmlsafe import sanitize_html, unsafe_urls, url_attributes
from site_build.markup import SITE_EXTENSION_CONFIGS, SITE_EXTENSIONS, is_safe_url
from site_build.urlsafety import decode_attribute, url_scheme

SCHEMES = ["javascript", "vbscript", "data", "file", "blob", "x-custom+v1.2", "http", "https", "mailto"]
SAFE = {"http", "https", "mailto"}
NAMED = {":": ["&colon;"], "\t": ["&Tab;"], "\n": ["&NewLine;"], ".": ["&period;"], "+": ["&plus;"]}
BREAKERS = [" ", "%", "\x01", "\u00a0", "&#1;", "&#x20;", "&nbsp;", "/", "#"]  # a scheme cannot hold these


def spell(char: str, how: int, rng: random.Random) -> str:
    """``char`` as one of the ways an attribute may write it."""
    if how == 0:
        return char.upper() if rng.random() < 0.5 else char
    if how == 1:
        return "&#" + "0" * rng.randrange(4) + str(ord(char)) + ";"
    if how == 2:
        digits = f"{ord(char):x}"
        return "&#" + rng.choice("xX") + "0" * rng.randrange(3) + (digits.upper() if rng.random() < 0.5 else digits) + ";"
    return rng.choice(NAMED.get(char, [char]))


def spelling(scheme: str, rng: random.Random, *, broken: bool = False) -> str:
    """A target with ``scheme`` spelled out in mixed case and character references, with
    tabs and newlines inside, blanks and controls before; ``broken`` inserts a character
    that ends the scheme early, so the browser sees no scheme at all."""
    lead = "".join(rng.choice([" ", "\t", "\n", "\x0c", "\x1f", "&#9;", "&#x0A;", "&#32;", "&#13;"])
                   for _ in range(rng.randrange(4)))
    pieces = []
    for index, char in enumerate(scheme + ":"):
        if index and rng.random() < 0.3:
            pieces.append(rng.choice(["\t", "\n", "\r", "&#9;", "&#10;", "&#x0D;", "&Tab;", "&NewLine;"]))
        if broken and index == len(scheme) - 1:
            pieces.append(rng.choice(BREAKERS))
        pieces.append(spell(char, rng.randrange(4), rng))
    return lead + "".join(pieces) + "alert(1)"


def browser_opens_safely(scheme: str, broken: bool) -> bool:
    return broken or scheme in SAFE


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(SCHEMES), st.booleans(), st.randoms(use_true_random=False))
def test_is_safe_url_agrees_with_the_spelling(scheme, broken, rng):
    url = spelling(scheme, rng, broken=broken and len(scheme) > 1)
    assert is_safe_url(url) == browser_opens_safely(scheme, broken and len(scheme) > 1), repr(url)
    if not (broken and len(scheme) > 1):
        assert url_scheme(url) == scheme


@pytest.mark.parametrize("url", ["javascript&#58;x", "javascript&#x3A;x", "javascript&colon;x", "javascript&#0000058x",
                                 "JAVASCRIPT:x", "java\tscript:x", "java&#9;script:x", " \x01javascript:x",
                                 "&#106;avascript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
                                 "blob:https://x/1", "unknown-scheme:x", "javascript&#58x"])
def test_unsafe_spellings(url):
    assert not is_safe_url(url)


@pytest.mark.parametrize("url", ["https://x.org/a:b", "HTTP://x.org", "mailto:a@b.org", "../a/", "#frag", "?q=a:b",
                                 "//x.org/", "a/b:c", "javascript&colonx", "java script:x", "\x00javascript:x", ""])
def test_safe_spellings(url):
    # '&colonx': without ';' only the legacy names decode, and 'colon' is none of them
    # (numeric references need no ';': 'javascript&#58x' above is unsafe)
    assert is_safe_url(url)


def test_named_references_follow_the_attribute_rule():
    assert decode_attribute("a&amp;b&lt=c&ltd&notin;&#x110000;&#0;&#128;") == "a&b&lt=c&ltd∉\ufffd\ufffd€"
    assert decode_attribute("&" + "#" + "9" * 5000 + ";") == "\ufffd"


def test_the_check_converts_with_the_sites_markdown_extensions():
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    configs = {next(iter(e)): e[next(iter(e))] for e in config["markdown_extensions"] if isinstance(e, dict)}
    assert list(SITE_EXTENSIONS) == listed
    assert configs == SITE_EXTENSION_CONFIGS


SANITIZED = [
    ('<a href="javascript&#58;alert(1)">x</a>', '<a href="#" data-unsafe-href>x</a>'),
    ('<a title=">" href=javascript:x>y</a>', '<a title=">" href="#" data-unsafe-href>y</a>'),
    ('<a href="javascript:x"title="t">', '<a href="#" data-unsafe-href title="t">'),
    ('<a\nHREF\n=\n"JaVaScRiPt:x">', '<a\nhref="#" data-unsafe-href>'),
    ('<img alt="a" src=" java&#x09;script:x">', '<img alt="a" data-unsafe-src>'),
    ('<img src="https://x/" srcset="a.png 1x, javascript:x 2x">', '<img src="https://x/" data-unsafe-srcset>'),
    ('<svg><a xlink:href="data:text/html,x"><animate attributeName=href values="#a;javascript:x"/></a></svg>',
     '<svg><a data-unsafe-xlink-href><animate attributeName=href data-unsafe-values/></a></svg>'),
    ('<form action="vbscript:x"><button formaction="javascript:x">', '<form data-unsafe-action><button data-unsafe-formaction>'),
    ('<!--> <a href=javascript:x>', '<!--> <a href="#" data-unsafe-href>'),  # '<!-->' is a whole comment
    ('<a href="x" <b title="javascript:y">', '<a href="x" <b title="javascript:y">'),  # an attribute '<b'
    ('<a href="#x">open <a href="javascript:x', '<a href="#x">open &lt;a href="javascript:x'),  # left open
]
UNCHANGED = [
    '<!-- <a href="javascript:x"> --> <a href="#ok">',
    '<!-- a --!> <p>x</p>',
    '<p>x = y, href=&quot;javascript:x&quot; in text</p>',
    '<code>&lt;a href="javascript:x"&gt;</code>',
    '<a href="mailto:a@b.org">mail</a> <a href="HTTPS://x.org/">x</a> <a href="../a/" title="javascript:x">a</a>',
    '<script>if (a<b) { s = "<a " + "href=" + q; }</script><a href="#ok">',
    '<textarea><a href="x"></textarea>',
]


@pytest.mark.parametrize(("html", "expected"), SANITIZED)
def test_unsafe_attributes_are_replaced_by_markers(html, expected):
    assert sanitize_html(html) == expected


@pytest.mark.parametrize("html", UNCHANGED)
def test_safe_html_is_unchanged(html):
    assert sanitize_html(html) == html


def test_raw_text_elements_end_where_the_browser_ends_them():
    # '<!--' inside a script, then a nested '<script>': the first '</script>' does not end it.
    html = '<script><!--<script>x</script>"</script><a href="javascript:x">--></script><a href="javascript:y">'
    assert [a.value for a in unsafe_urls(html)] == ["javascript:x", "javascript:y"]  # both read, inside too
    assert sanitize_html(html).endswith('--></script><a href="#" data-unsafe-href>')


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.found += [(name, value or "") for name, value in attrs if name in ("href", "src")]


values = st.text(st.sampled_from('ab:/#?>=\' "\t\nj'), max_size=12)
tags = st.lists(st.tuples(st.sampled_from(["a", "img", "p"]), st.lists(
    st.tuples(st.sampled_from(["href", "src", "title", "data-x"]), values, st.sampled_from(['"', "'", ""]),
              st.sampled_from([" ", "\n", "  "])), max_size=3)), max_size=4)


@settings(max_examples=200, deadline=None)
@given(tags, st.sampled_from(["", "text > ", "<!-- c --> "]))
def test_attributes_are_read_as_html_parser_reads_them(tag_list, between):
    html = ""
    for name, attributes in tag_list:
        parts = []
        for key, value, quote, space in attributes:
            if quote == "" and (not value or any(c in value for c in " \t\n>\"'=/")):
                quote = '"'
            parts.append(f"{space}{key}={quote}{value.replace(quote, '') if quote else value}{quote}")
        html += f"<{name}{''.join(parts)}>{between}"
    parser = _Attributes()
    parser.feed(html)
    parser.close()
    ours = [(a.name, a.value) for a in url_attributes(html) if a.name in ("href", "src")]
    assert ours == parser.found
    assert unsafe_urls(sanitize_html(html)) == []
    if not unsafe_urls(html):
        assert sanitize_html(html) == html


def hostile_links() -> str:
    """The link forms of the hostile fixture (term body, FAQ answer, area body) as raw
    Markdown, without the rest of its text (raw scripts the escaping layer stops)."""
    import yaml

    term = yaml.safe_load((FIXTURES / "glossary/terms/hostile-term.yml").read_text(encoding="utf-8"))
    area = yaml.safe_load((FIXTURES / "glossary/terms/areas/hostile.yml").read_text(encoding="utf-8"))
    body, answer = term["body"], term["faq"][0]["answer"]
    return "\n\n".join([body[body.index("## [Heading link]"):], answer[answer.index("[so does this]"):],
                         area["body"]]) + "\n"


def test_markdown_of_every_link_form_comes_out_clean():
    """The HTML pass alone, on Markdown that skipped the escaping layer."""
    import markdown

    html = markdown.markdown(hostile_links(), extensions=list(SITE_EXTENSIONS), extension_configs=SITE_EXTENSION_CONFIGS)
    assert len(unsafe_urls(html)) >= 20
    clean = sanitize_html(html)
    assert unsafe_urls(clean) == [] and "data-unsafe-href" in clean and "data-unsafe-src" in clean


TABLE = [spelling(scheme, random.Random(seed), broken=seed % 3 == 0 and len(scheme) > 1)
         for seed in range(60) for scheme in SCHEMES]
TABLE += ["javascript&#58;x", "javascript&colon;x", "javascript&#0000058;x", "javascript&#58x", "javascript&colonx",
          "java&Tab;script:x", "\x01javascript:x", "&#0;javascript:x", "JaVaScRiPt:x", "//x.org", "#a", "a:b",
          "https:x", "mailto:x", "data&colon;text/html,x", "vbscript&#x3a;x"]


@pytest.mark.browser
def test_chromium_opens_each_spelling_as_is_safe_url_says(page):
    page.set_content('<base href="https://example.org/dir/"><body></body>')
    protocols = page.evaluate("""(values) => values.map(value => {
        const holder = document.createElement('div');
        holder.innerHTML = '<a href="' + value.replace(/"/g, '&quot;') + '">x</a>';
        return holder.firstChild.protocol;
    })""", TABLE)
    wrong = [(url, protocol) for url, protocol in zip(TABLE, protocols, strict=True)
             if (protocol in ("http:", "https:", "mailto:")) != is_safe_url(url)]
    assert wrong == []
    assert {"javascript:", "vbscript:", "data:", "https:"} <= set(protocols)
