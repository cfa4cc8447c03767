"""Golden files: the fixture glossary rendered to Markdown and JSON-LD.

Run ``pytest tests/test_golden.py --update-golden=pages`` after an intended change to the
templates or renderer, then review the diff of ``tests/golden/``.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from site_build.dates import DateBook
from site_build.pages import render_site
from site_build.pipeline import link, load
from site_build.render import Renderer, Settings, make_environment

GLOSSARY = FIXTURES / "glossary"
GOLDEN = Path(__file__).resolve().parent / "golden"
REFRESH = "run pytest tests/test_golden.py --update-golden=pages"


def render_fixture():
    """Render even the files with errors, to prove the renderer itself is safe."""
    loaded = load(GLOSSARY, calculators={})
    settings = Settings(site_url="https://example.org/glossary/", edit_url="https://example.org/edit/",
                        per_page=2, title="Crypto Derivatives Glossary",
                        description="An open glossary of crypto derivatives: margin and liquidation, perpetuals "
                                    "and funding, options and greeks, AMMs and exchange APIs, with live, tested "
                                    "calculators.")
    renderer = Renderer(loaded.glossary, link(loaded), DateBook.fixed("2024-05-01"), settings,
                        make_environment(ROOT / "templates"))
    return loaded, render_site(renderer)


def golden_files() -> dict[str, str]:
    _, files = render_fixture()
    rendered = {}
    for output in files:
        rendered[output.src] = output.content
        if output.jsonld:
            rendered[output.src + ".jsonld"] = json.dumps(output.jsonld, indent=1, ensure_ascii=False) + "\n"
        if output.sidebar:
            rendered[output.src + ".sidebar.json"] = json.dumps(output.sidebar, indent=1, ensure_ascii=False) + "\n"
    return rendered


def test_every_output_has_a_path_of_its_own():
    """Two outputs at one path would leave the page to whichever MkDocs took last: two spellings
    of one alias ("Maintenance Margin Requirements", "Maintenance-Margin Requirements") make
    one redirect page, the first spelling's."""
    _, files = render_fixture()
    paths = [output.src for output in files]
    assert sorted(path for path in set(paths) if paths.count(path) > 1) == []
    redirect = next(o for o in files if o.src == "terms/maintenance-margin-requirements/index.html")
    assert "“Maintenance Margin Requirements” is another name" in redirect.content


def test_golden_files(update_golden):
    rendered = golden_files()
    if "pages" in update_golden:
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for name, content in rendered.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(content, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(rendered) == sorted(expected), f"{REFRESH} and review the diff"
    for name, content in rendered.items():
        assert content == expected[name], f"{name} differs from tests/golden; if intended, {REFRESH}"


def test_hostile_fixture_is_refused_by_validation():
    loaded, _ = render_fixture()
    hostile = sorted(p.code for p in loaded.problems if p.path == "terms/hostile-term.yml")
    assert {"script-tag", "raw-html", "unsafe-url", "event-handler"} <= set(hostile)


@pytest.mark.parametrize("name", ["terms/hostile-term.md", "areas/hostile.md", "terms/maintenance-margin.md"])
def test_rendered_markdown_carries_no_raw_html_from_yaml(name):
    content = golden_files()[name]
    assert not re.search(r"<script|<img|<!--|\]\((javascript|data):", content, re.IGNORECASE)


def test_code_blocks_are_not_linked():
    content = golden_files()["terms/maintenance-margin.md"]
    assert "initial margin inside code is never linked" in content


class _ActiveContent(HTMLParser):
    """Collects anything in rendered HTML that could run script."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {name}={value}")

    def handle_comment(self, data):
        self.found.append("<!--" + data)


def test_hostile_markdown_renders_to_inert_html():
    import markdown

    content = golden_files()["terms/hostile-term.md"].split("---", 2)[2]
    html = markdown.markdown(content, extensions=["attr_list", "md_in_html", "tables"])
    parser = _ActiveContent()
    parser.feed(html)
    assert parser.found == []
    assert "alert(1)" in html  # the text survives, as text


def test_area_hubs_paginate_with_previous_and_next_links():
    files = golden_files()
    first, second = files["areas/margin.md"], files["areas/margin/page/2.md"]
    assert '<a rel="next" href="page/2/">' in first and "Page 1 of 2" in first
    assert '<a rel="prev" href="../../">' in second and "rel=\"next\"" not in second
    assert "## Frequently asked questions" in first and "Frequently asked" not in second


def test_relative_links_match_posixpath_relpath():
    import posixpath

    from site_build import urls

    sources = ["index.md", "terms/a.md", "areas/x.md", "areas/x/page/2.md", "tags/t.md", "calculators/c.md"]
    for start in sources:
        for target in sources:
            assert urls.href(start, target) == posixpath.relpath(target, posixpath.dirname(start) or ".")
            expected = posixpath.relpath(urls.url_path(target).rstrip("/") or ".", urls.url_path(start).rstrip("/") or ".")
            assert urls.html_href(start, target) == ("./" if expected == "." else expected + "/")
