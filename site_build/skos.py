"""The glossary as a SKOS concept scheme, written as Turtle and as JSON-LD.

Data catalogues and thesaurus tools import SKOS, not our own ``glossary.json``. The
structure: one ``skos:ConceptScheme`` (the same IRI as the site's JSON-LD
``DefinedTermSet``); each area a top concept of it; each stable term a concept that is
``broader``-linked to its areas (an area is the subject heading a term is filed under,
which is what SKOS's broader expresses for a thesaurus), ``related`` to the terms it lists,
and ``exactMatch``-linked to its ``same_as`` URLs. A term's IRI is its DefinedTerm ``@id``
(``<page>#term``), so SKOS and schema.org describe one resource. Both serialisations are
written from the same ``Node`` values, so they always hold the same graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from . import jsonld, memo, urls
from .model import Glossary

SKOS = "http://www.w3.org/2004/02/skos/core#"
PREFIXES = {"skos": SKOS, "dct": "http://purl.org/dc/terms/"}


@dataclass(frozen=True)
class Node:
    """One subject: its IRI, its SKOS type, text properties (``(property, text)``, all in
    the scheme's language) and links to other IRIs (``(property, iri)``)."""

    iri: str
    type: str
    texts: tuple[tuple[str, str], ...]
    links: tuple[tuple[str, str], ...]


def scheme_iri(site_url: str) -> str:
    return jsonld.glossary_id(site_url)


def term_iri(site_url: str, term_id: str) -> str:
    """The term's DefinedTerm ``@id`` in the page JSON-LD (``jsonld.defined_term_ref``)."""
    return urls.absolute(site_url, urls.term_page(term_id)) + "#term"


def area_iri(site_url: str, area_id: str) -> str:
    return urls.absolute(site_url, urls.area_page(area_id)) + "#area"


def concept_scheme(glossary: Glossary, site_url: str, title: str, description: str = "") -> tuple[Node, ...]:
    """Every node of the scheme: the scheme, its areas, then its stable terms (file order)."""
    scheme = scheme_iri(site_url)
    areas = [a for a in glossary.areas if glossary.members(a.id)]
    listed = {t.id for t in glossary.terms if t.listed}
    nodes = [Node(scheme, "skos:ConceptScheme",
                  (("skos:prefLabel", title),) + ((("dct:description", description),) if description else ()),
                  tuple(("skos:hasTopConcept", area_iri(site_url, a.id)) for a in areas))]
    for area in areas:
        nodes.append(Node(area_iri(site_url, area.id), "skos:Concept",
                          (("skos:prefLabel", area.name), ("skos:definition", area.summary)),
                          (("skos:inScheme", scheme), ("skos:topConceptOf", scheme))))
    for term in glossary.terms:
        if not term.listed:
            continue
        labels = (("skos:prefLabel", term.name),) + tuple(
            ("skos:altLabel", alias) for alias in dict.fromkeys(term.aliases) if alias != term.name)
        links = (("skos:inScheme", scheme),)
        links += tuple(("skos:broader", area_iri(site_url, a)) for a in term.areas if a in glossary.area_by_id)
        links += tuple(("skos:related", term_iri(site_url, r)) for r in term.related if r in listed)
        links += tuple(("skos:exactMatch", url) for url in term.same_as)
        nodes.append(Node(term_iri(site_url, term.id), "skos:Concept",
                          labels + (("skos:definition", term.summary),), links))
    return tuple(nodes)


def _turtle_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"'


def _turtle_iri(iri: str) -> str:
    # Characters Turtle forbids inside <...>; our IRIs are URLs, so percent-encoding is exact.
    return "<" + "".join(f"%{ord(c):02X}" if c in '<>"{}|^`\\ ' or ord(c) < 0x21 else c for c in iri) + ">"


def turtle(nodes: Iterable[Node], language: str = "en") -> str:
    """Turtle (W3C RDF 1.1), one block per subject."""
    lines = [f"@prefix {prefix}: <{iri}> ." for prefix, iri in PREFIXES.items()]
    for node in nodes:
        lines.append("")
        lines.append(memo.cached("turtle", (node, language), lambda node=node: _turtle_block(node, language)))
    return "\n".join(lines) + "\n"


def _turtle_block(node: Node, language: str) -> str:
    statements = [f"a {node.type}"]
    statements += [f"{prop} {_turtle_string(text)}@{language}" for prop, text in node.texts]
    statements += [f"{prop} {_turtle_iri(iri)}" for prop, iri in node.links]
    return _turtle_iri(node.iri) + "\n    " + " ;\n    ".join(statements) + " ."


def json_ld(nodes: Iterable[Node], language: str = "en") -> str:
    """JSON-LD 1.1 with the two prefixes in its context; every value explicit (``@id`` or
    ``@value`` + ``@language``), so no consumer has to guess a datatype.

    The text is ``json.dumps`` of the whole document with ``indent=1``, put together from
    each node's own dump (a preview remembers unchanged nodes': ``memo``).
    """
    items = [memo.cached("skos json", (node, language), lambda node=node: _indented(_json_item(node, language), 2))
             for node in nodes]
    graph = "[\n  " + ",\n  ".join(items) + "\n ]" if items else "[]"
    return '{\n "@context": ' + _indented(PREFIXES, 1) + ',\n "@graph": ' + graph + "\n}\n"


def _json_item(node: Node, language: str) -> dict[str, object]:
    item: dict[str, object] = {"@id": node.iri, "@type": node.type}
    for prop, text in node.texts:
        item.setdefault(prop, []).append({"@value": text, "@language": language})
    for prop, iri in node.links:
        item.setdefault(prop, []).append({"@id": iri})
    return item


def _indented(value: object, depth: int) -> str:
    """``json.dumps(value, indent=1)`` as it reads ``depth`` levels down (JSON strings hold no newline)."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)
