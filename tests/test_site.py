"""Built-site tests: the real glossary built with MkDocs, checked as files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import build_site
from sitecheck import broken_links, html_pages, is_redirect, jsonld_graphs, parse, types_of

pytestmark = pytest.mark.site
SEEDS = Path(__file__).resolve().parent / "data" / "seed-terms.tsv"


def term_pages(site: Path) -> list[Path]:
    """Every term page: not the alias redirects, not the disambiguation pages of ambiguous words."""
    return [p for p in (site / "terms").glob("*/index.html")
            if not p.parent.name.endswith("-disambiguation") and not is_redirect(parse(p))]


def test_site_has_at_least_80_term_pages_in_6_areas(real_site):
    assert len(term_pages(real_site)) >= 80
    assert len(list((real_site / "areas").glob("*/index.html"))) >= 6


def test_every_seed_name_resolves(real_site):
    with SEEDS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) == 48
    missing = []
    for row in rows:
        folder = "areas" if row["kind"] == "area" else "terms"
        page = real_site / folder / row["slug"] / "index.html"
        if not page.is_file():
            missing.append(row["name"])
            continue
        parsed = parse(page)
        if is_redirect(parsed):  # an alias: the redirect target must be a real term page
            target = (page.parent / parsed.refresh / "index.html").resolve()
            if not target.is_file() or is_redirect(parse(target)):
                missing.append(f"{row['name']} (redirect to {parsed.refresh})")
    assert missing == []


def test_no_broken_internal_links(real_site):
    assert broken_links(real_site, "/glossary/") == []


EXPECTED_TYPES = {
    "index.html": {"DefinedTermSet", "WebSite"},
    "terms/maintenance-margin/index.html": {"WebPage", "DefinedTerm", "BreadcrumbList", "FAQPage"},
    "areas/api-maintenance/index.html": {"CollectionPage", "ItemList", "BreadcrumbList", "FAQPage"},
    "tags/margin/index.html": {"CollectionPage", "BreadcrumbList"},
    "contribute/index.html": {"WebPage", "BreadcrumbList"},
}


def test_every_page_has_one_valid_jsonld_block(real_site):
    for file in html_pages(real_site):
        page = parse(file)
        name = file.relative_to(real_site).as_posix()
        if is_redirect(page) or name == "404.html":
            assert page.jsonld == [], name
            continue
        graphs = jsonld_graphs(page)
        assert len(graphs) == 1, name
        assert graphs[0]["@context"] == "https://schema.org", name
        if name in EXPECTED_TYPES:
            assert types_of(graphs[0]) == EXPECTED_TYPES[name], name
        elif name.startswith("terms/") and name.split("/")[1].endswith("-disambiguation"):
            assert {"CollectionPage", "ItemList", "BreadcrumbList"} <= types_of(graphs[0]), name
        elif name.startswith("terms/"):
            assert {"WebPage", "DefinedTerm", "BreadcrumbList"} <= types_of(graphs[0]), name


def test_alias_redirects_point_at_the_canonical_page(real_site):
    page = parse(real_site / "terms" / "api-rate-limiting" / "index.html")
    assert page.refresh == "../api-rate-limits/"
    assert "https://crypto-derivatives-glossary.github.io/glossary/terms/api-rate-limits/" in page.targets


def test_redirects_stay_out_of_sitemap_and_search(real_site):
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/terms/maintenance-margin/" in sitemap
    assert "/terms/api-rate-limiting/" not in sitemap
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert not any(loc.startswith("terms/api-rate-limiting/") for loc in locations)


def test_glossary_json_lists_every_term(real_site):
    entries = json.loads((real_site / "glossary.json").read_text(encoding="utf-8"))
    assert len(entries) == len(term_pages(real_site))
    assert set(entries[0]) == {"id", "name", "kind", "summary", "aliases", "areas", "tags", "related", "url"}


def test_term_page_shows_every_section(real_site):
    html = (real_site / "terms" / "maintenance-margin" / "index.html").read_text(encoding="utf-8")
    for piece in ('id="faq"', 'id="related"', 'id="referenced-by"', 'id="sources"', "Also known as",
                  'class="glossary-edit"', 'role="tooltip"', "glossary-kind--term"):
        assert piece in html, piece


def test_sub_path_build_has_no_broken_links(prefixed_server):
    site, site_url = prefixed_server  # built for another site_url than mkdocs.yml's, under /glossary/
    assert broken_links(site, "/") != [], "the checker must notice a wrong base path"
    assert broken_links(site, "/glossary/") == []
    graph = jsonld_graphs(parse(site / "terms" / "delta" / "index.html"))[0]
    page = next(node for node in graph["@graph"] if node["@type"] == "WebPage")
    assert page["url"] == f"{site_url}terms/delta/" and site_url.startswith("http://127.0.0.1:")


def test_new_term_round_trips_as_a_draft_and_deprecated_terms_redirect(tmp_path, capsys):
    """``glossary new`` → check passes → fill the TODOs → --strict passes → it builds as a draft."""
    from conftest import small_project
    from site_build.cli import main

    project = small_project(tmp_path / "project")
    assert main(["--root", str(project), "new", "Draft Term", "--area", "margin",
                 "--kind", "term"]) == 0
    assert "wrote terms/draft-term.yml (a draft)" in capsys.readouterr().out
    file = project / "terms" / "draft-term.yml"
    assert main(["--root", str(project), "check"]) == 0
    assert main(["--root", str(project), "check", "--strict"]) == 1
    assert "[placeholder-text]" in capsys.readouterr().out
    file.write_text(file.read_text(encoding="utf-8").replace("TODO:", "Written:"), encoding="utf-8")
    (project / "terms" / "index-price.yml").write_text(  # what replaces mark-price, so the area keeps 3 terms
        "name: Index Price\nkind: definition\nsummary: A weighted average of spot prices on several venues.\n"
        "areas: [margin]\nrelated: [initial-margin, see-also]\n", encoding="utf-8")
    hub = project / "terms" / "see-also.yml"
    hub.write_text(hub.read_text(encoding="utf-8").replace("related: [", "related: [index-price, "), encoding="utf-8")
    (project / "terms" / "mark-price.yml").write_text(
        (project / "terms" / "mark-price.yml").read_text(encoding="utf-8")
        + "status: deprecated\nreplaced_by: index-price\n", encoding="utf-8")
    assert main(["--root", str(project), "check", "--strict"]) == 0, capsys.readouterr().out

    site = build_site(project, tmp_path / "site")
    html = (site / "terms" / "draft-term" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/terms/draft-term/" not in sitemap and "/terms/initial-margin/" in sitemap
    assert "<lastmod>" in sitemap
    assert "draft-term" not in (site / "index.html").read_text(encoding="utf-8")
    assert "draft-term" not in (site / "glossary.json").read_text(encoding="utf-8")
    redirect = parse(site / "terms" / "mark-price" / "index.html")
    assert is_redirect(redirect) and redirect.refresh.endswith("../index-price/")
    assert "/terms/mark-price/" not in sitemap

def test_mkdocs_build_reports_the_same_problems_as_check(tmp_path, capsys):
    """Errors stop the build listing every one; warnings fail only ``--strict``."""
    import os
    import subprocess
    import sys

    from conftest import FIXTURES, small_project
    from site_build.cli import main

    project = small_project(tmp_path / "project")
    broken = FIXTURES / "broken"
    for case, name in (("unknown-area", "typo-area.yml"), ("bad-kind", "article-kind.yml")):
        (project / "terms" / name).write_text((broken / case / "terms" / name).read_text(encoding="utf-8"),
                                              encoding="utf-8")
    main(["--root", str(project), "check"])
    expected = capsys.readouterr().out.splitlines()[:-1]
    assert len(expected) == 4  # two errors, and each new term an orphan
    assert sum(": error: " in line for line in expected) == 2, expected

    mkdocs = [str(Path(sys.executable).parent / "mkdocs"), "build", "-f", str(project / "mkdocs.yml"), "-d"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([*mkdocs, str(tmp_path / "a")], capture_output=True, text=True, env=env)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert all(line in run.stderr for line in expected if ": error: " in line), run.stderr

    for name in ("typo-area.yml", "article-kind.yml"):
        (project / "terms" / name).unlink()
    (project / "terms" / "lonely.yml").write_text(
        "name: Lonely\nkind: definition\nsummary: Nothing links here.\nareas: [margin]\n",
        encoding="utf-8")
    warning = "terms/lonely.yml:1:7: warning: no other term links to 'lonely'"
    run = subprocess.run([*mkdocs, str(tmp_path / "b")], capture_output=True, text=True, env=env)
    assert run.returncode == 0 and warning in run.stderr
    run = subprocess.run([*mkdocs, str(tmp_path / "c"), "--strict"], capture_output=True, text=True, env=env)
    assert run.returncode == 1 and warning in run.stderr and "Traceback" not in run.stderr
