"""Published formats, each read by its real consumer: rdflib for SKOS, sphobjinv and a
real Sphinx build for objects.inv, the csv module for the CSV, jsonschema for
glossary.json. All on the fixture glossary (tests/fixtures/glossary), never the real one."""

from __future__ import annotations

import csv
import io
import json
import shutil

import jsonschema
import pytest
import rdflib
import sphobjinv
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from conftest import FIXTURES, SMALL_SITE_URL
from site_build import published, skos, twins
from site_build.link_targets import unsafe_targets
from site_build.pipeline import load

SITE = SMALL_SITE_URL
WIKI = "https://en.wikipedia.org/wiki/Margin_(finance)"


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    """The fixture glossary with one `same_as` URL added (fixture files stay untouched)."""
    root = tmp_path_factory.mktemp("published")
    shutil.copytree(FIXTURES / "glossary" / "terms", root / "terms")
    margin = root / "terms" / "maintenance-margin.yml"
    margin.write_text(margin.read_text(encoding="utf-8") + f"same_as: [{WIKI}]\n", encoding="utf-8")
    loaded = load(root, calculators={})
    # Only the hostile fixtures' own texts are errors; they must still publish inertly.
    assert {p.path for p in loaded.problems if p.is_error} <= {"terms/hostile-term.yml", "terms/areas/hostile.yml"}
    return loaded.glossary


@pytest.fixture(scope="module")
def files(glossary):
    return {f.path: f.content for f in published.published_files(glossary, SITE, "Test Glossary", "A test.")}


def _graphs(files):
    turtle = rdflib.Graph().parse(data=files[published.SKOS_TURTLE], format="turtle")
    jsonld = rdflib.Graph().parse(data=files[published.SKOS_JSONLD], format="json-ld")
    return turtle, jsonld


def test_skos_turtle_and_json_ld_hold_the_same_graph(files):
    turtle, jsonld = _graphs(files)
    assert len(turtle) > 20
    assert isomorphic(turtle, jsonld)


def test_skos_concepts_carry_labels_definitions_and_matches(files, glossary):
    graph, _ = _graphs(files)
    scheme = rdflib.URIRef(SITE + "#glossary")
    margin = rdflib.URIRef(SITE + "terms/maintenance-margin/#term")
    assert (scheme, rdflib.RDF.type, SKOS.ConceptScheme) in graph
    assert (margin, SKOS.prefLabel, rdflib.Literal("Maintenance Margin", lang="en")) in graph
    assert (margin, SKOS.altLabel, rdflib.Literal("MM", lang="en")) in graph
    assert (margin, SKOS.exactMatch, rdflib.URIRef(WIKI)) in graph
    assert (margin, SKOS.related, rdflib.URIRef(SITE + "terms/initial-margin/#term")) in graph
    assert (margin, SKOS.broader, rdflib.URIRef(SITE + "areas/margin/#area")) in graph
    listed = [t for t in glossary.terms if t.listed]
    assert len(set(graph.subjects(SKOS.inScheme, scheme))) == len(listed) + len(
        set(graph.objects(scheme, SKOS.hasTopConcept)))
    hostile = rdflib.URIRef(SITE + "terms/hostile-term/#term")
    definition = str(graph.value(hostile, SKOS.definition))
    assert definition == next(t for t in glossary.terms if t.id == "hostile-term").summary


def test_skos_integrity(files):
    """The SKOS reference's integrity conditions S13 (one prefLabel per language), S14
    (prefLabel and altLabel disjoint) and S27 (related disjoint from broader, transitively)."""
    graph, _ = _graphs(files)
    concepts = set(graph.subjects(rdflib.RDF.type, SKOS.Concept))
    assert concepts
    for concept in concepts:
        preferred = list(graph.objects(concept, SKOS.prefLabel))
        languages = [label.language for label in preferred]
        assert len(languages) == len(set(languages)) == 1, concept
        assert not set(preferred) & set(graph.objects(concept, SKOS.altLabel)), concept
        broader = set(graph.transitive_objects(concept, SKOS.broader)) - {concept}
        related = set(graph.objects(concept, SKOS.related)) | set(graph.subjects(SKOS.related, concept))
        assert not broader & related, concept
        assert graph.value(concept, SKOS.inScheme) is not None, concept


def test_turtle_escapes_quotes_backslashes_and_newlines():
    node = skos.Node("https://example.org/a b", "skos:Concept",
                     (("skos:prefLabel", 'say "hi" \\ then\nnext'),), ())
    graph = rdflib.Graph().parse(data=skos.turtle([node]), format="turtle")
    assert str(graph.value(rdflib.URIRef("https://example.org/a%20b"), SKOS.prefLabel)) == 'say "hi" \\ then\nnext'


def test_objects_inv_lists_every_name_and_alias_as_std_term(files, glossary):
    inventory = sphobjinv.Inventory(zlib=files[published.INVENTORY])
    found = {(o.name, o.domain, o.role): o for o in inventory.objects}
    ambiguous = {sense.name.lower(): sense for sense in glossary.senses}
    assert ambiguous, "the fixture glossary has a word with several senses"
    for term in (t for t in glossary.terms if t.listed):
        for label in (term.name, *term.aliases):
            entry = found[(label.lower(), "std", "term")]
            sense = ambiguous.get(label.lower())
            assert entry.uri == (f"terms/{sense.slug}-disambiguation/" if sense else f"terms/{term.id}/")
            assert entry.dispname_expanded == (sense.name if sense else label)


SPHINX_DOCS = {
    "index.rst": "Consumer\n========\n\n.. toctree::\n\n   risk\n\n"
                 "A position needs :term:`Maintenance Margin`.\n",
    "risk.rst": "Risk\n====\n\nBy alias: :term:`MM`; by another case: :term:`initial margin`.\n",
}


def test_a_sphinx_project_links_terms_and_aliases_through_intersphinx(files, tmp_path, capsys):
    """A real Sphinx HTML build, in this process (``sphinx-build``'s own entry point; a second
    interpreter's start-up was most of the time): -W, so an unresolved term, a warning, fails it."""
    from sphinx.cmd.build import build_main

    inventory = tmp_path / "objects.inv"
    inventory.write_bytes(files[published.INVENTORY])
    source = tmp_path / "docs"
    source.mkdir()
    (source / "conf.py").write_text(f"extensions = ['sphinx.ext.intersphinx']\nproject = 'Consumer'\n"
                                    f"intersphinx_mapping = {{'glossary': ({SITE!r}, {str(inventory)!r})}}\n",
                                    encoding="utf-8")
    for name, text in SPHINX_DOCS.items():
        (source / name).write_text(text, encoding="utf-8")
    status = build_main(["-W", "-q", "-b", "html", str(source), str(tmp_path / "out")])
    assert status == 0, capsys.readouterr().err
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    risk = (tmp_path / "out" / "risk.html").read_text(encoding="utf-8")
    assert f'href="{SITE}terms/maintenance-margin/"' in index
    assert f'href="{SITE}terms/maintenance-margin/"' in risk
    assert f'href="{SITE}terms/initial-margin/"' in risk


def test_csv_is_rfc_4180_and_round_trips(files, glossary):
    text = files[published.CSV]
    assert text.splitlines(keepends=True)[0] == "id,name,aliases,summary,url,areas,tags\r\n"
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    listed = [t for t in glossary.terms if t.listed]
    assert [r["id"] for r in rows] == [t.id for t in listed]
    for row, term in zip(rows, listed, strict=True):
        assert row["summary"] == term.summary
        assert row["aliases"] == "; ".join(term.aliases)
        assert row["url"] == f"{SITE}terms/{term.id}/"


def test_llms_txt_follows_the_llmstxt_layout(files, glossary):
    lines = files[published.LLMS].splitlines()
    assert lines[0] == "# Test Glossary" and lines[2] == "> A test."
    sections = [line for line in lines if line.startswith("## ")]
    assert sections == ["## Areas", "## Terms", "## Optional"]
    for term in (t for t in glossary.terms if t.listed):
        assert any(line.startswith("- [") and f"]({SITE}terms/{term.id}.md): " in line for line in lines)


def test_twins_are_clean_markdown_with_every_part(glossary):
    by_path = dict(twins.twins(glossary, SITE))
    margin = by_path["terms/maintenance-margin.md"]
    assert margin.startswith("# Maintenance Margin\n\n> The minimum equity")
    for part in ("Also called: Maintenance Margin Requirements, Maintenance-Margin Requirements, MM.",
                 "## Frequently asked questions", "### What happens at the maintenance margin?", "## Related terms",
                 "- [Initial Margin](<initial-margin.md>)", f"<{SITE}terms/maintenance-margin/>"):
        assert part in margin
    for path, text in by_path.items():
        assert not unsafe_targets(text), path
        assert "<script" not in text, path
    assert "areas/margin.md" in by_path


def test_glossary_json_matches_its_schema(small_site):
    """The small clean project (conftest's ``small_project``), built by MkDocs: glossary.json
    against the published schema, and every published file in the site."""
    site = small_site
    schema = json.loads((site / published.SCHEMA).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads((site / "glossary.json").read_text(encoding="utf-8")), schema)
    for name in (published.CSV, published.SKOS_TURTLE, published.SKOS_JSONLD, published.INVENTORY,
                 published.LLMS, published.LLMS_FULL, "terms/initial-margin.md", "areas/margin.md"):
        assert (site / name).is_file(), name
    assert (site / "terms" / "initial-margin" / "index.html").is_file()
