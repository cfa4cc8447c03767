"""Checks that need the whole glossary: references, deprecation chains, calculator examples,
repeated FAQ questions, and (after linking) orphans and backlinks; name collisions and
near-duplicates are ``collisions``'."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from .collisions import check_collisions, check_near_duplicates
from .examples import check_examples
from .model import Glossary, Term
from .problems import Problem
from .sections import check_sections
from .senses import check_senses
from .slugs import did_you_mean
from .source import KeyPath, SourceMap

MIN_AREA_TERMS = 3


class _Reporter:
    def __init__(self, positions: Mapping[str, SourceMap]) -> None:
        self.positions = positions
        self.problems: list[Problem] = []

    def __call__(self, path: str, at: KeyPath, code: str, message: str, severity: str = "error") -> None:
        source = self.positions.get(path)
        line, col = source.value_at(at) if source else (1, 1)
        self.problems.append(Problem(path, line, col, severity, code, message))


def check_glossary(glossary: Glossary, positions: Mapping[str, SourceMap],
                   calculators: Mapping[str, Any]) -> list[Problem]:
    """Every cross-file problem of the glossary (before linking)."""
    report = _Reporter(positions)
    for term in glossary.terms:
        _check_references(term, glossary, calculators, report)
    check_collisions(glossary, report, positions)
    check_senses(glossary, report)
    check_near_duplicates(glossary.terms, report)
    _check_replacement_loops(glossary, report)
    _check_repeated_questions(glossary, report)
    check_sections(glossary, report)
    check_examples(glossary, calculators, report)
    for area in glossary.areas:
        count = len(glossary.members(area.id))
        # An unreadable term file may be a member: warn only if it could not make up the count.
        if count + len(glossary.unreadable.terms) < MIN_AREA_TERMS:
            report(area.path, (), "small-area",
                   f"area '{area.id}' has {count} term(s), fewer than {MIN_AREA_TERMS}; add terms or merge it",
                   "warning")
    return report.problems


def _check_references(term: Term, glossary: Glossary, calculators: Mapping[str, Any], report: _Reporter) -> None:
    """Areas, tags and terms the term names must exist; an id whose file is unreadable counts.

    A broken file reports its own mistake; its id is not also unknown in every file that
    refers to it (one mistake, one report).
    """
    unreadable = glossary.unreadable
    targets = (("areas", glossary.area_by_id, "area"), ("tags", glossary.tag_by_id, "tag"),
               ("related", glossary.term_by_id, "term"), ("distinct_from", glossary.term_by_id, "term"))
    for key, known, what in targets:
        for index, ref in enumerate(getattr(term, key)):
            if ref == term.id and what == "term":
                report(term.path, (key, index), "self-reference", f"'{key}' lists the term itself; remove '{ref}'")
            elif ref not in known and not unreadable.covers(what, ref):
                report(term.path, (key, index), f"unknown-{what}",
                       f"unknown {what} '{ref}' in '{key}'{did_you_mean(ref, known)}")
    if term.replaced_by and term.replaced_by not in glossary.term_by_id and term.replaced_by not in unreadable.terms:
        report(term.path, ("replaced_by",), "unknown-term",
               f"unknown term '{term.replaced_by}' in 'replaced_by'{did_you_mean(term.replaced_by, glossary.term_by_id)}")
    if term.replaced_by == term.id:
        report(term.path, ("replaced_by",), "self-reference", "'replaced_by' names the term itself")
    if term.calculator:
        _check_calculator(term, calculators, report)
    elif term.example:
        report(term.path, ("example",), "example-without-calculator", "'example' needs a 'calculator' to feed")


def _check_calculator(term: Term, calculators: Mapping[str, Any], report: _Reporter) -> None:
    calc = calculators.get(term.calculator)
    if calc is None:
        report(term.path, ("calculator",), "unknown-calculator",
               f"unknown calculator '{term.calculator}'{did_you_mean(term.calculator, calculators)}; "
               "run 'glossary calc --list' for the ids")
        return
    for name, message in calc.check_example(dict(term.example)):
        report(term.path, ("example", name), "bad-example", message)


def _check_replacement_loops(glossary: Glossary, report: _Reporter) -> None:
    for term in glossary.terms:
        seen, current = [term.id], term
        while current.replaced_by and current.replaced_by in glossary.term_by_id:
            if current.replaced_by in seen:
                chain = " → ".join(seen + [current.replaced_by])
                if current.replaced_by == term.id and term.id != term.replaced_by:
                    report(term.path, ("replaced_by",), "replacement-loop",
                           f"'replaced_by' loops: {chain}; point one of them at a stable term")
                break
            seen.append(current.replaced_by)
            current = glossary.term_by_id[current.replaced_by]


def question_key(question: str) -> str:
    """A question folded for comparison: case, whitespace and punctuation do not count."""
    return " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", question).casefold()).split())


def _check_repeated_questions(glossary: Glossary, report: _Reporter) -> None:
    """One FAQ question belongs to one page: a question asked on two pages is reported on both.

    Search engines take a FAQ answer as the page's own; the same question on two pages
    competes with itself, and a reader meets the answer twice.
    """
    asked: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for page in (*(t for t in glossary.terms if t.has_page), *glossary.areas):
        for index, item in enumerate(page.faq):
            asked[question_key(item.question)].append((page.path, index))
    for places in asked.values():
        for path, index in places:
            others = sorted({other for other, _ in places if other != path})
            if others:
                report(path, ("faq", index, "question"), "repeated-question",
                       f"this question is also asked in {', '.join(others)}; "
                       "keep it on one page and ask something else here", "warning")


def final_target(term: Term, glossary: Glossary) -> Term:
    """The stable term a deprecated term's redirect chain ends at."""
    seen = {term.id}
    while term.replaced_by and term.replaced_by in glossary.term_by_id and term.replaced_by not in seen:
        seen.add(term.replaced_by)
        term = glossary.term_by_id[term.replaced_by]
    return term


def backlinks(glossary: Glossary, mentions: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """For each term, the listed terms linking to it through ``related`` or a mention."""
    incoming: dict[str, set[str]] = defaultdict(set)
    for term in glossary.terms:
        if not term.listed:
            continue
        for target in (*term.related, *mentions.get(term.id, ())):
            if target != term.id:
                incoming[target].add(term.id)
    return {target: tuple(sorted(sources)) for target, sources in incoming.items()}


def orphans(glossary: Glossary, incoming: Mapping[str, tuple[str, ...]],
            positions: Mapping[str, SourceMap]) -> list[Problem]:
    """Warnings for listed terms that no other term links to.

    None while a term file is unreadable: what it links to is unknown, so any term might
    be linked only from it; the broken file's error comes first, the orphans after.
    """
    report = _Reporter(positions)
    if glossary.unreadable.terms:
        return []
    for term in glossary.terms:
        if term.listed and not incoming.get(term.id):
            report(term.path, ("name",), "orphan-term",
                   f"no other term links to '{term.id}'; mention it in a related term's text or 'related'",
                   "warning")
    return report.problems
