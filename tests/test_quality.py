"""Site-wide quality gates: the schema.org vocabulary check itself, hostile content, and random
glossaries that build or fail with problems, never a traceback (the real site's reproducible
build and vocabulary are checked in ``test_content.py``)."""

from __future__ import annotations

import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tabs import VIEWPORT
from vocabulary import breadcrumb_errors, vocabulary_errors

from conftest import FIXTURES, ROOT, serve
from sitecheck import html_pages, is_redirect, parse

pytestmark = pytest.mark.site


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


_URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "xlink:href", "data", "cite", "ping"}


def _opens_unsafely(value: str, name: str) -> bool:
    """Whether a (decoded) URL attribute opens a scheme other than http(s) or mailto: the
    WHATWG steps written out again here (blanks trimmed, tabs and newlines dropped)."""
    parts = re.split(r"[\s,]+", value) if name in ("srcset", "ping") else [value]
    for part in parts:
        scheme = re.match(r"([a-z][a-z0-9+.-]*):", re.sub(r"[\t\n\r]", "", part.strip("".join(map(chr, range(33))))), re.I)
        if scheme and scheme.group(1).lower() not in ("http", "https", "mailto"):
            return True
    return False


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
            if name in _URL_ATTRIBUTES and _opens_unsafely(value or "", name):
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


_HOOK = """from site_build.plugin import GlossaryPlugin

_plugin = GlossaryPlugin()


def on_page_content(html, page, config, files):
    return _plugin.on_page_content(html, page=page, config=config, files=files)
"""


def hostile_site(target: Path, *, html_pass: bool = False) -> Path:
    """The fixture glossary, whose hostile term ``check`` refuses, rendered anyway (the
    renderer must be safe on its own) and built by plain MkDocs + Material.

    With ``html_pass`` the build also runs the plugin's HTML sanitizer and holds one more
    page, ``raw-links/``: every hostile link form as raw Markdown, never escaped, so the
    HTML pass alone has to make it safe.
    """
    from test_golden import render_fixture
    from test_htmlsafe import hostile_links

    project = target / "project"
    for name in ("overrides", "docs"):
        shutil.copytree(ROOT / name, project / name)
    _, files = render_fixture()
    for output in files:
        (project / "docs" / output.src).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / output.src).write_text(output.content, encoding="utf-8")
    config = re.sub(r"\n  - glossary:\n(      .*\n)*", "\n", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    if html_pass:
        (project / "docs" / "raw-links.md").write_text("# Raw links\n\n" + hostile_links(), encoding="utf-8")
        (project / "sanitize_hook.py").write_text(_HOOK, encoding="utf-8")
        config += "\nhooks:\n  - sanitize_hook.py\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "docs" / "assets" / "calculators.js").write_text("", encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(project / "mkdocs.yml"), site_dir=str(target / "site")))
    return target / "site"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_site(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def hostile_sanitized(tmp_path_factory):
    return hostile_site(tmp_path_factory.mktemp("hostile-sanitized"), html_pass=True)


@pytest.mark.parametrize("site", ["hostile", "hostile_sanitized"])
def test_hostile_content_builds_with_no_executable_script(site, request):
    hostile = request.getfixturevalue(site)
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


def test_the_html_pass_neutralises_raw_links_and_keeps_their_text(hostile_sanitized):
    raw = (hostile_sanitized / "raw-links" / "index.html").read_text(encoding="utf-8")
    assert raw.count("data-unsafe-href") >= 18 and raw.count("data-unsafe-src") >= 3
    assert "Heading link" in raw and ">colon</a>" in raw and ">so does this</a>" in raw


_CLICK_EVERY_LINK = """() => {
    const safe = new Set(["http:", "https:", "mailto:"]);
    // A link the browser would open over http(s) or mailto stays on this page; any other runs.
    document.addEventListener("click", event => {
        const link = event.target.closest("a");
        if (link && safe.has(link.protocol)) event.preventDefault();
    }, true);
    const links = [...document.querySelectorAll("article a, article img")];
    links.forEach(link => link.click());
    const targets = [...document.querySelectorAll("[href], [src]")].map(
        element => new URL(element.getAttribute("href") ?? element.getAttribute("src"), document.baseURI).protocol);
    return {clicked: links.length, unsafe: targets.filter(protocol => !safe.has(protocol))};
}"""


# Where a real mouse hovers the first ten links, in a viewport as tall as the page (no link
# needs scrolling to), and whether each point hits its link (nothing covers it).
_HOVER_POINTS = """() => [...document.querySelectorAll("article a")].slice(0, 10).map(link => {
    const box = link.getClientRects()[0];
    if (!box) return {link: link.outerHTML, hit: false};
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    return {x, y, link: link.outerHTML, hit: document.elementFromPoint(x, y)?.closest("a") === link};
})"""


def hover_links(page, path: str) -> None:
    """Hover the first ten links of the article with the real mouse, in as few round trips as
    the mouse allows: the page is shown whole, the points found in one evaluate, then visited."""
    page.set_viewport_size({"width": VIEWPORT["width"], "height": page.evaluate("document.documentElement.scrollHeight")})
    points = page.evaluate(_HOVER_POINTS)
    missed = [point["link"] for point in points if not point["hit"]]
    assert points and missed == [], f"{path}: links the mouse cannot reach: {missed}"
    for point in points:
        page.mouse.move(point["x"], point["y"])


# Every link clicked, then what any script it started left behind. A javascript: link's script
# runs in a task its click queued: a canary link clicked last runs after them all.
_CLICK_AND_WAIT = """async () => {
    const result = (""" + _CLICK_EVERY_LINK + """)();
    const canary = document.createElement("a");
    canary.href = "javascript:void(window.__canary = true)";
    document.body.append(canary);
    canary.click();
    canary.remove();
    await new Promise(done => { const wait = () => window.__canary ? done() : setTimeout(wait, 5); wait(); });
    return {...result, xss: window.__xss ?? null};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("site", ["hostile", "hostile_sanitized"])
def test_hostile_page_opens_no_dialog(site, request, page):
    hostile = request.getfixturevalue(site)
    dialogs: list[str] = []
    record = lambda dialog: (dialogs.append(dialog.message), dialog.dismiss())  # noqa: E731
    page.on("dialog", record)
    paths = ["terms/hostile-term/", "areas/hostile/", ""] + (["raw-links/"] if site == "hostile_sanitized" else [])
    try:
        with serve(hostile) as url:
            for path in paths:
                page.set_viewport_size(VIEWPORT)
                page.goto(url + path)  # at load, inline scripts have run and every image loaded or failed
                hover_links(page, path)
                result = page.evaluate(_CLICK_AND_WAIT)
                assert result["unsafe"] == [], path
                assert result["clicked"] >= 3, path
                assert result["xss"] is None, path
                assert page.url.removesuffix("#") == url + path  # no link navigated away
    finally:
        page.remove_listener("dialog", record)  # the session's tab goes on to other tests
    assert dialogs == []


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(names, st.lists(names, max_size=2), st.lists(st.integers(0, 5), max_size=3)),
                min_size=1, max_size=6))
def test_random_glossaries_render_or_report_problems(entries):
    """Random names, aliases and related cycles: problems or pages, never an exception."""
    import yaml

    from site_build.extension import NO_CALCULATORS
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
        generated = generate(Project(project, Settings(site_url="https://example.org/")), NO_CALCULATORS)
        assert generated.files or generated.errors
        for term_id, text in files.items():
            assert (project / "terms" / f"{term_id}.yml").read_text(encoding="utf-8") == text
