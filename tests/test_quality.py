"""Site-wide quality gates: reproducible builds, schema.org vocabulary, hostile content,
and random glossaries that build or fail with problems, never a traceback."""

from __future__ import annotations

import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vocabulary import breadcrumb_errors, vocabulary_errors

from conftest import FIXTURES, ROOT, build_site, serve
from sitecheck import html_pages, is_redirect, jsonld_graphs, parse

pytestmark = pytest.mark.site


def test_two_builds_are_byte_identical(real_site, tmp_path):
    again = build_site(ROOT, tmp_path / "again")
    first = {p.relative_to(real_site): p.read_bytes() for p in real_site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [str(name) for name in first if first[name] != second[name]] == []


def test_jsonld_uses_only_real_schema_org_terms_and_valid_breadcrumbs(real_site):
    problems = []
    for file in html_pages(real_site):
        page = parse(file)
        for graph in jsonld_graphs(page):  # strict: duplicate keys and NaN refused
            name = file.relative_to(real_site).as_posix()
            problems += [f"{name}: {e}" for e in vocabulary_errors(graph) + breadcrumb_errors(graph)]
            crumbs = [n for n in graph["@graph"] if n["@type"] == "BreadcrumbList"]
            assert name in ("index.html", "404.html") or crumbs, f"{name} has no breadcrumb"
    assert problems == []


def test_the_vocabulary_check_catches_mistakes():
    node = {"@type": "DefinedTerm", "name": "x", "inDefinedTermSet": "https://x/", "colour": "red",
            "breadcrumb": {"@id": "x"}, "mainEntity": {"@type": "Answer", "text": "t"}}
    assert sorted(vocabulary_errors({"@graph": [node, {"@type": "Glosary"}]})) == [
        ".@graph[0]: 'breadcrumb' is not a property of DefinedTerm (domains: ['WebPage'])",
        ".@graph[0]: 'mainEntity' is not a property of DefinedTerm (domains: ['CreativeWork'])",
        ".@graph[0]: unknown property 'colour'",
        ".@graph[1]: unknown type 'Glosary'"]
    crumbs = {"@graph": [{"@type": "BreadcrumbList", "itemListElement": [{"position": 1.0, "item": "/x/"}]}]}
    assert breadcrumb_errors(crumbs) == ["breadcrumb has 1 item(s)", "breadcrumb positions are [1.0]",
                                         "breadcrumb item '/x/' is not absolute"]


class _Executable(HTMLParser):
    """Everything in a page that could run script."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.inline_scripts: list[str] = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=>")
            if name in ("href", "src", "action", "formaction") and re.match(r"\s*(javascript|vbscript|data):",
                                                                           value or "", re.I):
                self.found.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "object", "embed", "base"):
            self.found.append(f"<{tag}>")
        if tag == "script":
            kind, src = dict(attrs).get("type"), dict(attrs).get("src")
            data = kind not in (None, "", "module", "text/javascript", "application/javascript")
            self._script = None if src or data else ""  # JSON-LD and Material's config are data
            if src and re.match(r"[a-z]+:|//", src, re.I):  # only the site's own script files
                self.found.append(f"<script src={src}>")

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            # String literals hold the page's base path, which differs between pages.
            self.inline_scripts.append(re.sub(r'"[^"]*"', '""', self._script.strip()))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script += data


def hostile_site(target: Path) -> Path:
    """The fixture glossary, whose hostile term ``check`` refuses, rendered anyway (the
    renderer must be safe on its own) and built by plain MkDocs + Material."""
    from test_golden import render_fixture

    project = target / "project"
    for name in ("overrides", "docs"):
        shutil.copytree(ROOT / name, project / name)
    _, files = render_fixture()
    for output in files:
        (project / "docs" / output.src).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / output.src).write_text(output.content, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"\n  - glossary:\n(      .*\n)*", "\n", config), encoding="utf-8")
    (project / "docs" / "assets" / "calculators.js").write_text("", encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(project / "mkdocs.yml"), site_dir=str(target / "site")))
    return target / "site"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_site(tmp_path_factory.mktemp("hostile"))


def test_hostile_content_builds_with_no_executable_script(hostile):
    control = _Executable()
    control.feed((hostile / "contribute" / "index.html").read_text(encoding="utf-8"))
    page_file = hostile / "terms" / "hostile-term" / "index.html"
    assert "alert(1)" in page_file.read_text(encoding="utf-8")  # the text is there, as text
    for file in html_pages(hostile):
        found = _Executable()
        found.feed(file.read_text(encoding="utf-8"))
        name = file.relative_to(hostile).as_posix()
        assert found.found == [], name
        allowed = set(control.inline_scripts)  # Material's own
        if is_redirect(parse(file)):  # and our redirect pages' one line, to a relative target
            allowed.add('location.replace("" + location.search + location.hash);')
            assert not re.match(r"[a-z]+:|//", parse(file).refresh), name
        assert set(found.inline_scripts) <= allowed, name


@pytest.mark.browser
def test_hostile_page_opens_no_dialog(hostile, page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(hostile) as url:
        for path in ("terms/hostile-term/", "areas/hostile/", ""):
            page.goto(url + path, wait_until="networkidle")
            for link in page.locator("article a").all()[:10]:
                link.hover()
            page.wait_for_timeout(200)
    assert dialogs == []


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(names, st.lists(names, max_size=2), st.lists(st.integers(0, 5), max_size=3)),
                min_size=1, max_size=6))
def test_random_glossaries_render_or_report_problems(entries):
    """Random names, aliases and related cycles: problems or pages, never an exception."""
    import yaml

    from site_build.project import Project, generate
    from site_build.render import Settings

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        shutil.copytree(FIXTURES / "check-base" / "terms", project / "terms")
        shutil.copytree(ROOT / "templates", project / "templates")
        ids = [f"random-{i}" for i in range(len(entries))]
        files = {}
        for term_id, (name, aliases, related) in zip(ids, entries, strict=True):
            files[term_id] = yaml.safe_dump({
                "name": name, "kind": "definition", "summary": f"About {name}.", "areas": ["margin"],
                "aliases": aliases, "related": [ids[r % len(ids)] for r in related]}, allow_unicode=True)
            (project / "terms" / f"{term_id}.yml").write_text(files[term_id], encoding="utf-8")
        generated = generate(Project(project, Settings(site_url="https://example.org/")))
        assert generated.files or generated.errors
        for term_id, text in files.items():
            assert (project / "terms" / f"{term_id}.yml").read_text(encoding="utf-8") == text
