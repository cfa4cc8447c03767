"""Raw HTML blocks kept out of Python-Markdown (``site_build.raw_blocks``): the HTML of every
generated page is the same with and without them taken out, a term's text cannot forge a
marker, and a block Markdown would not copy verbatim stays in the page."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page, _RawHTMLPreprocessor
from mkdocs.utils.meta import get_data
from test_golden import render_fixture

from conftest import site_project
from site_build import extension, raw_blocks
from site_build.htmlsafe import sanitize_html
from site_build.markup import SITE_EXTENSION_CONFIGS, SITE_EXTENSIONS
from site_build.plugin import GlossaryPlugin, load_project
from site_build.project import generate

TOKEN = raw_blocks.new_token()
ROW = '<div class="calculator-field" id="f{0}"><label for="i{0}">Input {0}</label><input id="i{0}" value="1"></div>\n'
WIDGET = ('<form class="calculator" data-calculator="demo" novalidate>\n' + "".join(ROW.format(i) for i in range(8))
          + '<p class="calculator-error" role="alert"></p>\n</form>\n<script src="demo.js" defer></script>')
# What the generator writes as large raw HTML, and on how many fixture pages at least: a widget
# per calculator page and per term with a calculator, the formula and code tabs, the position builder.
KEPT_OUT = {'<form class="calculator"': 50, '<div class="calculator-formula-region"': 27,
            '<div class="tabbed-set': 27, '<form class="position-builder"': 1}


class Converter:
    """Python-Markdown as MkDocs sets it up for the site, with MkDocs' anchor collector."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=list(SITE_EXTENSIONS), extension_configs=SITE_EXTENSION_CONFIGS)
        self.anchors = _RawHTMLPreprocessor()
        self.anchors._register(self.md)

    def __call__(self, text: str) -> tuple[str, set]:
        html = self.md.reset().convert(text)
        return html, set(self.anchors.present_anchor_ids)


@pytest.fixture(scope="module")
def convert() -> Converter:
    return Converter()


@pytest.fixture(scope="module")
def fixture_pages(tmp_path_factory) -> dict[str, str]:
    """Every generated page's Markdown (front matter off, as MkDocs converts it): the fixture
    site (a page per calculator, every widget) and the golden glossary (its hostile term)."""
    project = site_project(tmp_path_factory.mktemp("raw") / "project")
    generated = generate(load_project(project / "mkdocs.yml"), extension.installed())
    pages = {f.src: f.content for f in generated.files if f.is_page}
    pages |= {"golden/" + f.src: f.content for f in render_fixture()[1] if f.is_page}
    return {src: get_data(content)[0] for src, content in pages.items()}


def same_either_way(convert: Converter, text: str) -> raw_blocks.Taken:
    """Assert ``text``'s HTML and anchors are the same with its blocks taken out; the taking."""
    taken = raw_blocks.take(text, TOKEN)
    html, anchors = convert(text)
    converted, left = convert(taken.markdown)
    assert raw_blocks.put_back(converted, taken) == html
    assert left | taken.ids == anchors
    return taken


def test_every_generated_page_has_the_same_html_with_its_blocks_taken_out(convert, fixture_pages):
    taken = {src: same_either_way(convert, text) for src, text in fixture_pages.items()}
    for mark, least in KEPT_OUT.items():
        holding = [src for src, text in fixture_pages.items() if mark in text]
        assert len(holding) >= least, f"the fixture site should hold {least} pages with {mark}"
        for src in holding:
            assert mark not in taken[src].markdown, f"{src}: {mark} stayed in Markdown"
    moved = sum(len(b) for t in taken.values() for b in t.blocks)
    assert moved > 0.7 * sum(map(len, fixture_pages.values())), f"only {moved} bytes kept out of Markdown"


def test_a_term_text_cannot_forge_a_marker(convert):
    guessed = raw_blocks.marker("0" * 32, 0)
    text = f"# Term\n\n{WIDGET}\n\nA body that says {guessed}.\n\n{guessed}\n\nThe end.\n"
    taken = same_either_way(convert, text)
    assert len(taken.blocks) == 1
    html = raw_blocks.put_back(convert(taken.markdown)[0], taken)
    assert html.count('<form class="calculator"') == 1 and f"<p>{guessed}</p>" in html
    holding = f"# Term\n\n{WIDGET}\n\n{raw_blocks.marker(TOKEN, 0)}\n\nThe end.\n"  # the very token: nothing taken
    assert raw_blocks.take(holding, TOKEN).blocks == ()
    assert raw_blocks.new_token() != raw_blocks.new_token()


@pytest.mark.parametrize("text", [
    pytest.param(f"Text\n{WIDGET}\n\nAfter.\n", id="no blank line before"),
    pytest.param(f"{WIDGET}\nAfter, on the next line.\n", id="text on the next line"),
    pytest.param(f"{WIDGET} trailing text\n\nAfter.\n", id="text after the end tag"),
    pytest.param(f"Before.\n\n{WIDGET}\n", id="the page's end"),
    pytest.param(f"{WIDGET.replace('<p ', chr(9) + '<p ')}\n\nAfter.\n", id="a tab"),
    pytest.param(f"{WIDGET.replace('</form>', '  ' + chr(10) + '</form>')}\n\nAfter.\n", id="a blank-looking line"),
    pytest.param(f"{WIDGET.replace('</form>', '```' + chr(10) + '</form>')}\n\nAfter.\n", id="a fence line"),
    pytest.param(f"{WIDGET.replace('</form>', '<!-- note -->' + chr(10) + '</form>')}\n\nAfter.\n", id="a comment"),
    pytest.param(f"{WIDGET.replace('value=' + chr(34) + '1' + chr(34), 'value=1')}\n\nAfter.\n", id="an unquoted value"),
    pytest.param(f"{WIDGET.replace('</form>', '<textarea>a<b</textarea>' + chr(10) + '</form>')}\n\nA.\n",
                 id="raw text holding a tag"),
    pytest.param(f'<div markdown="1">\n*x*\n</div>\n\n{WIDGET}\n\nAfter.\n', id="a markdown attribute"),
    pytest.param("<div>\n" + "<p>short</p>\n" * 5 + "</div>\n\nAfter.\n", id="a small block"),
    pytest.param(f"<span>{WIDGET}</span>\n\nAfter.\n", id="an inline element first"),
])
def test_a_block_markdown_would_not_copy_verbatim_stays(convert, text):
    assert same_either_way(convert, text).blocks == ()


@pytest.mark.parametrize("text", [
    pytest.param(f"```html\n\n{WIDGET}\n\n```\n\nAfter.\n", id="inside a code fence"),
    pytest.param(f'<div class="never-closed">\n\n{WIDGET}\n\nAfter.\n', id="inside a raw block"),
    pytest.param(f"<!--\n\n{WIDGET}\n\n-->\n\nAfter.\n", id="inside a comment"),
])
def test_a_marker_markdown_reads_otherwise_is_refused(convert, text):
    """The context can make Markdown read a block's place otherwise; the HTML shows it."""
    taken = raw_blocks.take(text, TOKEN)
    assert len(taken.blocks) == 1
    assert raw_blocks.put_back(convert(taken.markdown)[0], taken) is None


def test_elements_holding_only_text_and_hr_follow_markdowns_stack(convert):
    code = "".join(f'<span class="k">w{i}</span> <span class="n" id="s{i}">x</span>\n' for i in range(40))
    text = f'Intro.\n\n<div class="tabbed-set">\n<pre><code>{code}</code></pre>\n<hr>\n</div>\n\nAfter.\n'
    taken = same_either_way(convert, text)
    assert len(taken.blocks) == 1 and {"s0", "s39"} <= taken.ids


def rendered(folder: Path, text: str, plugin: GlossaryPlugin | None) -> tuple[str, set]:
    """A page's HTML and anchors as ``mkdocs build`` makes them, with or without the plugin."""
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "docs" / "page.md").write_text(text, encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: T\nsite_url: https://example.org/\nmarkdown_extensions:\n"
                                       + "".join(f"  - {name}\n" for name in SITE_EXTENSIONS), encoding="utf-8")
    config = load_config(str(folder / "mkdocs.yml"))
    config.mdx_configs.update(SITE_EXTENSION_CONFIGS)
    files = Files([File("page.md", config.docs_dir, config.site_dir, config.use_directory_urls)])
    page = Page(None, files.documentation_pages()[0], config)
    page.read_source(config)
    if plugin is None:
        page.render(config, files)
        return sanitize_html(page.content), page.present_anchor_ids
    page.markdown = plugin.on_page_markdown(page.markdown, page=page, config=config, files=files)
    assert ("page.md" in plugin._taken) == (page.markdown != text)
    page.render(config, files)
    html = plugin.on_page_content(page.content, page=page, config=config, files=files)
    assert page.markdown == text and not plugin._taken
    return html, page.present_anchor_ids


@pytest.mark.parametrize("text", [
    pytest.param(f"# Page\n\n{WIDGET}\n\nAfter.\n", id="put back"),
    pytest.param(f"# Page\n\n```html\n\n{WIDGET}\n\n```\n\nAfter.\n", id="converted again"),
])
def test_the_plugin_builds_the_page_it_would_build_without_taking(tmp_path, text):
    plugin = GlossaryPlugin()
    plugin._raw_token = TOKEN
    with_plugin, anchors = rendered(tmp_path, text, plugin)
    assert (with_plugin, anchors) == rendered(tmp_path, text, None)
    assert ('<form class="calculator"' in with_plugin) == ("```" not in text)
