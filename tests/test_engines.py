"""Other engines: ProperDocs builds the very site MkDocs builds; Zensical builds it from
``glossary export --engine zensical`` and ``glossary finish`` (browser checks of that
site are in ``test_zensical_browser.py``).

ProperDocs reads ``mkdocs.yml`` when it is named with ``-f``, loads ``mkdocs.plugins``
entry points (our ``glossary`` plugin) and ``mkdocs.themes`` (Material), and maps every
``import mkdocs.*`` to its own ``properdocs.*`` modules, so the plugin runs unchanged.
It builds the browser tests' fixture glossary (``site_project``, 40 terms with a page for
every calculator; never the real ``terms/``) for the ``site_url`` the session's MkDocs build
of it was given (conftest's ``prefixed_server``, built once per run and shared by the xdist
workers, so comparing with it costs no MkDocs build of its own); the trees must be
byte-identical except for one line that is the engine's own version stamp: Material writes
``<meta name="generator" content="mkdocs-{{ mkdocs_version }}, mkdocs-material-…">`` and
ProperDocs reports its version as ``ProperDocs 1.6.7``. That content, and nothing else, is
normalised before the digests are compared.

Zensical (0.0.73, the last release that installs without ``zensical-ui``) runs no plugin
of ours; the export and ``finish`` carry every page, redirect, published file and JSON-LD
block, which are held here against MkDocs' build of the same project for the Zensical
site's address: conftest's ``zensical_twin``, the session's MkDocs build with its
``site_url`` replaced by the Zensical site's (the one input the two builds differ in).
``zensical_site`` is the session's one Zensical build (its browser checks read it too).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_faithful_build import tree_digest

from conftest import site_project, with_site_url
from sitecheck import broken_links, html_pages, jsonld_graphs, parse

pytestmark = pytest.mark.site

GENERATOR = re.compile(rb'<meta name="generator" content="mkdocs-[^",]+, ')
STAMP = b'<meta name="generator" content="mkdocs-ENGINE, '


def engine_build(engine: str, project: Path, site: Path) -> subprocess.Popen:
    """``mkdocs build`` or ``properdocs build`` of ``project``, strict, from this environment
    (as the session's in-process MkDocs build sees it), started; the caller waits."""
    command = [sys.executable, "-m", engine, "build", "--strict", "--quiet", "--site-dir", str(site)]
    if engine == "properdocs":
        command[4:4] = ["--config-file", "mkdocs.yml"]  # ProperDocs looks for properdocs.yml first
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    return subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def without_engine_stamp(site: Path) -> dict[str, str]:
    """``tree_digest`` with the generator meta's engine name and version replaced."""
    digests = tree_digest(site)
    for path in digests:
        if path.endswith(".html"):
            data = GENERATOR.sub(STAMP, (site / path).read_bytes(), count=1)
            digests[path] = hashlib.sha256(data).hexdigest()
    return digests


@pytest.fixture(scope="module")
def both_sites(prefixed_server, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """MkDocs' site of the fixture glossary (the session's) and ProperDocs' of the same project
    for the same ``site_url``."""
    if shutil.which("properdocs", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("ProperDocs is not installed: pip install -e '.[test]' installs it")
    mkdocs_site, url = prefixed_server
    root = tmp_path_factory.mktemp("engines")
    process = engine_build("properdocs", with_site_url(site_project(root / "project"), url), root / "properdocs")
    _, stderr = process.communicate()
    assert process.returncode == 0, f"properdocs build failed:\n{stderr}"
    return mkdocs_site, root / "properdocs"


def test_properdocs_builds_the_mkdocs_site_byte_for_byte(both_sites):
    mkdocs_site, properdocs_site = both_sites
    raw_mkdocs, raw_properdocs = tree_digest(mkdocs_site), tree_digest(properdocs_site)
    assert raw_mkdocs.keys() == raw_properdocs.keys()
    assert {"sitemap.xml.gz", "search/search_index.json", "glossary.json", "objects.inv",
            "terms/mark-price/index.html", "calculators/liquidation-price/index.html"} <= raw_mkdocs.keys()
    differing = {path for path in raw_mkdocs if raw_mkdocs[path] != raw_properdocs[path]}
    assert differing and all(path.endswith(".html") for path in differing)  # the stamp only, never data files
    normal_mkdocs, normal_properdocs = without_engine_stamp(mkdocs_site), without_engine_stamp(properdocs_site)
    assert normal_mkdocs == normal_properdocs, sorted(p for p in normal_mkdocs if normal_mkdocs[p] != normal_properdocs[p])


def test_the_only_difference_is_the_engine_stamp(both_sites):
    mkdocs_site, properdocs_site = both_sites
    page = "terms/mark-price/index.html"
    mkdocs_html = (mkdocs_site / page).read_text(encoding="utf-8")
    properdocs_html = (properdocs_site / page).read_text(encoding="utf-8")
    assert re.search(r'content="mkdocs-1\.\d+\.\d+, mkdocs-material-', mkdocs_html)
    assert 'content="mkdocs-ProperDocs ' in properdocs_html  # ProperDocs really ran this build
    assert '<script type="application/ld+json">' in properdocs_html  # our theme override ran under it
    assert 'http-equiv="Content-Security-Policy"' in properdocs_html  # and our post-page step


THEME_FILES = ("assets/javascripts/", "assets/stylesheets/", "search/", "search.json")


def content_files(site: Path) -> set[str]:
    return {path for path in tree_digest(site) if not path.startswith(THEME_FILES)}


def test_zensical_builds_every_page_redirect_and_published_file(zensical_twin, zensical_site):
    zensical_folder, mkdocs_site = zensical_site.folder, zensical_twin
    assert content_files(mkdocs_site) == content_files(zensical_folder)
    for path in content_files(mkdocs_site) - {p for p in content_files(mkdocs_site) if p.endswith((".html", ".xml"))}:
        if not path.endswith(".gz"):  # glossary.json, calculator scripts, published files, twins: byte for byte
            assert (zensical_folder / path).read_bytes() == (mkdocs_site / path).read_bytes(), path
    redirect = "terms/im/index.html"
    assert (zensical_folder / redirect).read_bytes() == (mkdocs_site / redirect).read_bytes()
    assert broken_links(zensical_folder, "/glossary/") == []


def test_zensical_pages_carry_the_same_json_ld_and_policy(zensical_twin, zensical_site):
    zensical_folder, mkdocs_site = zensical_site.folder, zensical_twin
    for page in html_pages(zensical_folder):
        path = page.relative_to(zensical_folder).as_posix()
        built = parse(page)
        assert jsonld_graphs(built) == jsonld_graphs(parse(mkdocs_site / path)), path
        assert path == "404.html" or built.refresh or len(built.jsonld) == 1, path
        assert 'http-equiv="Content-Security-Policy"' in page.read_text(encoding="utf-8"), path


def test_zensical_search_and_sitemap_are_finished_like_mkdocs(zensical_twin, zensical_site):
    zensical_folder, mkdocs_site = zensical_site.folder, zensical_twin
    items = json.loads((zensical_folder / "search.json").read_text(encoding="utf-8"))["items"]
    term_entries = [i for i in items if i["location"].startswith("terms/mark-price/")]
    assert len(term_entries) == 1 and "fair value, built from a spot index" in term_entries[0]["text"]  # one compact entry
    assert sorted(sitemap_entries(zensical_folder)) == sorted(sitemap_entries(mkdocs_site))  # Zensical orders by path
    assert len(sitemap_entries(zensical_folder)) > 10


def test_finishing_a_finished_site_again_changes_nothing(zensical_site, tmp_path):
    """``glossary finish`` run twice (a retried deploy step) leaves every file as the first run did:
    the search index keeps each page's section titles, each page one policy."""
    from site_build.cli import main

    export = tmp_path / "export"
    shutil.copytree(zensical_site.folder.parent, export)
    assert main(["finish", str(export / "site")]) == 0
    first = {p.relative_to(zensical_site.folder): p.read_bytes() for p in zensical_site.folder.rglob("*") if p.is_file()}
    again = {p.relative_to(export / "site"): p.read_bytes() for p in (export / "site").rglob("*") if p.is_file()}
    assert sorted(first) == sorted(again)
    assert [str(name) for name in first if first[name] != again[name]] == []


def sitemap_entries(site: Path) -> list[tuple[str, str]]:
    """(loc, lastmod) of every sitemap entry, in order; '' where there is no lastmod."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    return [(block[0], block[1]) for block in
            re.findall(r"<loc>([^<]*)</loc>\s*(?:<lastmod>([^<]*)</lastmod>)?", text)]


def test_the_term_page_keeps_its_section_list_under_zensical(zensical_site):
    zensical_folder = zensical_site.folder
    html = (zensical_folder / "terms/mark-price/index.html").read_text(encoding="utf-8")
    assert 'class="glossary-section"' in html and 'aria-current="page">Mark Price<' in html
