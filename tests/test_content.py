"""Every check of the real content, in one file: the real ``terms/`` loaded (``real_glossary``)
and the real glossary built once (``real_site``; its pages parsed once, ``real_pages``).

Code is tested elsewhere on fixture glossaries (``tests/fixtures/``), so a content pull request
can break only this file: seed names resolve, every page is valid and linked, every term is
found by search, every tag summary shows whole, every page carries its policy, the schema.org
vocabulary is real, the build is reproducible, every widget's example computes and reads the same
once its script recomputes, the issue form offers the real areas, and every term file points
editors at its schema.
"""

from __future__ import annotations

import csv
import html
import json
import os
import posixpath
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from built_widgets import recompute
from test_schema import SCHEMAS
from vocabulary import breadcrumb_errors, vocabulary_errors

import calculators
from conftest import ROOT, build_site
from site_build import csp
from site_build.extension import registry
from site_build.pipeline import load
from sitecheck import PageParser, broken_links, is_redirect, jsonld_graphs, parse_site, types_of

pytestmark = pytest.mark.site
SEEDS = Path(__file__).resolve().parent / "data" / "seed-terms.tsv"
EXPECTED_TYPES = {
    "index.html": {"DefinedTermSet", "WebSite"},
    "terms/maintenance-margin/index.html": {"WebPage", "DefinedTerm", "BreadcrumbList", "FAQPage"},
    "areas/api-maintenance/index.html": {"CollectionPage", "ItemList", "BreadcrumbList", "FAQPage"},
    "tags/margin/index.html": {"CollectionPage", "BreadcrumbList"},
    "contribute/index.html": {"WebPage", "BreadcrumbList"},
}


@pytest.fixture(scope="module")
def real_pages(real_site: Path) -> dict[str, PageParser]:
    """Every HTML page of the real site by its path in the site, parsed once (15 MB of HTML:
    each check reading it again would parse it again)."""
    return {file.relative_to(real_site).as_posix(): page for file, page in parse_site(real_site).items()}


@pytest.fixture(scope="module")
def real_glossary():
    """The real ``terms/``, loaded once for the checks that compare the site with it."""
    return load(ROOT, calculators=registry()).glossary


# --- from test_site.py ---

def term_pages(pages: dict[str, PageParser]) -> list[str]:
    """Every term page: not the alias redirects, not the disambiguation pages of ambiguous words."""
    return [name for name, page in pages.items()
            if re.fullmatch(r"terms/[^/]+/index\.html", name) and not name.endswith("-disambiguation/index.html")
            and not is_redirect(page)]


def test_site_has_at_least_80_term_pages_in_6_areas(real_site, real_pages):
    assert len(term_pages(real_pages)) >= 80
    assert len(list((real_site / "areas").glob("*/index.html"))) >= 6


def test_every_seed_name_resolves(real_pages):
    with SEEDS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) == 48
    missing = []
    for row in rows:
        folder = "areas" if row["kind"] == "area" else "terms"
        name = f"{folder}/{row['slug']}/index.html"
        if name not in real_pages:
            missing.append(row["name"])
            continue
        parsed = real_pages[name]
        if is_redirect(parsed):  # an alias: the redirect target must be a real term page
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), parsed.refresh, "index.html"))
            if target not in real_pages or is_redirect(real_pages[target]):
                missing.append(f"{row['name']} (redirect to {parsed.refresh})")
    assert missing == []


def test_no_broken_internal_links(real_site, real_pages):
    assert broken_links(real_site, "/glossary/", {real_site / name: page for name, page in real_pages.items()}) == []


def test_every_page_has_one_valid_jsonld_block(real_pages):
    for name, page in real_pages.items():
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


def test_alias_redirects_point_at_the_canonical_page(real_pages):
    page = real_pages["terms/api-rate-limiting/index.html"]
    assert page.refresh == "../api-rate-limits/"
    assert "https://crypto-derivatives-glossary.github.io/glossary/terms/api-rate-limits/" in page.targets


def test_redirects_stay_out_of_sitemap_and_search(real_site):
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/terms/maintenance-margin/" in sitemap
    assert "/terms/api-rate-limiting/" not in sitemap
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert not any(loc.startswith("terms/api-rate-limiting/") for loc in locations)


def test_glossary_json_lists_every_term(real_site, real_pages):
    entries = json.loads((real_site / "glossary.json").read_text(encoding="utf-8"))
    assert len(entries) == len(term_pages(real_pages))
    assert set(entries[0]) == {"id", "name", "kind", "summary", "aliases", "areas", "tags", "related", "url"}


def test_term_page_shows_every_section(real_site):
    html = (real_site / "terms" / "maintenance-margin" / "index.html").read_text(encoding="utf-8")
    for piece in ('id="faq"', 'id="related"', 'id="referenced-by"', 'id="sources"', "Also known as",
                  'class="glossary-edit"', 'role="tooltip"', "glossary-kind--term"):
        assert piece in html, piece


# --- from test_quality.py ---

def test_two_builds_are_byte_identical(real_site, tmp_path):
    """This session's build against another: the one ``.ci/test`` made with ``mkdocs build
    --strict`` before pytest started (GLOSSARY_BUILT_SITE), else a second build now."""
    earlier = os.environ.get("GLOSSARY_BUILT_SITE")
    again = Path(earlier) if earlier else build_site(ROOT, tmp_path / "again")
    assert again != real_site and (again / "index.html").is_file(), again
    first = {p.relative_to(real_site): p.read_bytes() for p in real_site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [str(name) for name in first if first[name] != second[name]] == []


def test_jsonld_uses_only_real_schema_org_terms_and_valid_breadcrumbs(real_pages):
    problems = []
    for name, page in real_pages.items():
        for graph in jsonld_graphs(page):  # strict: duplicate keys and NaN refused
            problems += [f"{name}: {e}" for e in vocabulary_errors(graph) + breadcrumb_errors(graph)]
            crumbs = [n for n in graph["@graph"] if n["@type"] == "BreadcrumbList"]
            assert name in ("index.html", "404.html") or crumbs, f"{name} has no breadcrumb"
    assert problems == []


# --- from test_search.py ---

def test_the_real_index_finds_every_term_by_name_and_alias_without_body_words(real_site, real_glossary):
    docs = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    for term in real_glossary.terms:
        if not term.listed:
            continue
        entry = by_location[f"terms/{term.id}/"]
        assert entry["title"] == term.name
        text = html.unescape(entry["text"])  # the index holds HTML: Dead Man&#x27;s Switch
        assert all(alias in text for alias in term.aliases), term.id
    assert not any(d["location"].startswith("terms/") and "#" in d["location"] for d in docs)
    mark_price = by_location["terms/mark-price/"]["text"]
    assert "thousands of traders" not in mark_price and "spot index" in mark_price  # body out, summary in


# --- from test_validate.py ---

def test_every_real_tag_summary_is_whole_on_the_built_site(real_site, real_glossary):
    tags = real_glossary.tags
    assert len(tags) >= 20
    for tag in tags:
        page = html.unescape((real_site / "tags" / tag.id / "index.html").read_text(encoding="utf-8"))
        assert tag.summary in page and tag.summary.endswith("."), tag.id


# --- from test_csp.py ---

def test_every_built_page_carries_one_strict_policy(real_site: Path):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 150
    for file in pages:
        html = file.read_text(encoding="utf-8")
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(policies) == 1, file
        directives = dict(d.strip().split(" ", 1) for d in policies[0].split(";"))
        assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in policies[0], file
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'", file
        first_script = html.find("<script")
        assert first_script == -1 or html.index("Content-Security-Policy") < first_script, file
        for script in csp.inline_scripts(html):
            assert csp.script_hash(script) in directives["script-src"], file


# --- from test_calc_api.py ---

def test_every_real_widget_example_computes(real_glossary):
    """Each term's widget starts from inputs its calculator accepts (``example``, else the first
    worked example): ``glossary check`` computes the declared ``examples``, not these."""
    terms = [t for t in real_glossary.terms if t.calculator]
    assert len(terms) >= 20
    for term in terms:
        example = {k: v for k, v in term.widget_inputs.items() if not (k == "tiers" and not v)}
        assert calculators.get(term.calculator).compute(**example), term.id


def test_every_real_widget_reads_the_same_after_its_script_recomputes(real_site, real_glossary):
    """Issue 11 on every real term page with a widget: a reader must never see a number change when
    the script loads. The text Python wrote into each ``<output>`` is the text the page's own shipped
    scripts compute and format (``evaluate``, then ``display`` or ``percent``) from the page's fields,
    all pages in one Node process (``built_widgets``); Chromium checks the same on the fixture site."""
    terms = [t for t in real_glossary.terms if t.calculator and t.has_page]
    assert len(terms) >= 50
    shown = recompute({t.id: real_site / "terms" / t.id / "index.html" for t in terms})
    compared = 0
    for term in terms:
        assert term.calculator in [w.calculator for w, _ in shown[term.id]], f"{term.id}: no {term.calculator} widget"
        for widget, after in shown[term.id]:
            assert after == widget.outputs, f"terms/{term.id}/: built {widget.outputs} but the script shows {after}"
            assert set(after.values()) - {"—", "none"}, f"terms/{term.id}/: no number shown to compare"
            compared += len(after)
    assert compared >= 4 * len(terms)


# --- from test_contributor_flow.py ---

def test_issue_form_offers_exactly_the_real_areas():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "propose-a-term.yml").read_text(encoding="utf-8"))
    dropdown = next(item for item in form["body"] if item.get("id") == "area")
    areas = sorted(p.stem for p in (ROOT / "terms" / "areas").glob("*.yml"))
    assert dropdown["attributes"]["options"] == [*areas, "not sure"]


# --- from test_schema.py ---

def test_every_term_file_points_editors_at_the_schema():
    for path in (ROOT / "terms").glob("*.yml"):
        if path.name not in ("tags.yml", "senses.yml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == "# yaml-language-server: $schema=../schema/term.schema.json", path.name


def test_the_tag_file_points_editors_at_its_schema_and_passes_it():
    text = (ROOT / "terms" / "tags.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/tags.schema.json"
    schema = json.loads((ROOT / "schema" / "tags.schema.json").read_text(encoding="utf-8"))
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(text))] == []


def test_the_senses_file_points_editors_at_its_schema_and_passes_it():
    text = (ROOT / "terms" / "senses.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/senses.schema.json"
    validator = jsonschema.Draft202012Validator(SCHEMAS["senses"])
    assert [e.message for e in validator.iter_errors(yaml.safe_load(text))] == []
    assert list(validator.iter_errors({"margin": {"name": "Margin", "senses": ["margin-balance"]}}))
