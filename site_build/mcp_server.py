"""``glossary mcp``: the glossary as Model Context Protocol tools for AI agents (stdio).

Four tools over the same model the site renders (``pipeline.load``): ``define`` a name or
alias, ``search`` the terms, ``list_calculators`` and ``calculate``. ``calculate`` runs
the command-line parser and checks of ``glossary calc`` (``calc_command.calc_results``), so an
agent gets the very error lines a person at the shell would. Tool errors come back as MCP
error results (``is_error``) whose text says what to do, never as a traceback.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import urls
from .calc_command import calc_results
from .model import Glossary, Term

SERVER_NAME = "crypto-derivatives-glossary"
SEARCH_LIMIT = 10
_MATH = re.compile(r"<math\b.*?</math>", re.S)  # the equations, without the page's wrapper


def _no_formula(calc_id: str) -> str:
    return ""


def calculator_formula(calc_id: str) -> str:
    """The shipped calculator's formula as MathML, one ``<math>`` block per step, as its page shows it."""
    from calculators.artifacts import artifact

    return "\n".join(_MATH.findall(artifact(calc_id).formula_html))


class ToolFailure(Exception):
    """A mistake in a tool call; its message is what the agent reads (the SDK's ``ToolError`` carries it)."""


@dataclass(frozen=True)
class GlossaryTools:
    """What the tools answer, as plain JSON-ready dicts (the MCP wiring is ``build_server``)."""

    glossary: Glossary
    calculators: Mapping[str, Any]
    site_url: str = ""
    formula: Callable[[str], str] = _no_formula

    def url(self, term: Term) -> str:
        page = urls.term_page(term.id)
        return urls.absolute(self.site_url, page) if self.site_url else urls.url_path(page)

    def _listed(self) -> list[Term]:
        return [t for t in self.glossary.terms if t.listed]

    @functools.cached_property
    def _by_name(self) -> dict[str, Term]:
        """Every listed term under its id, its name and each alias, case-folded (built once:
        the server answers many calls on one glossary)."""
        found: dict[str, Term] = {}
        for term in self._listed():
            for key in (term.id, term.name, *term.aliases):
                found.setdefault(key.casefold(), term)
        return found

    def brief(self, term: Term) -> dict[str, str]:
        return {"id": term.id, "name": term.name, "summary": term.summary, "url": self.url(term)}

    def define(self, name: str) -> dict[str, Any]:
        """The term a name, alias or id means (any case), or the senses of an ambiguous word."""
        key = " ".join(name.split()).casefold()
        for sense in self.glossary.senses:
            if key in (sense.name.casefold(), sense.slug):
                terms = [self.glossary.term_by_id[s] for s in sense.senses if s in self.glossary.term_by_id]
                return {"ambiguous": sense.name, "senses": [self.brief(t) for t in terms],
                        "note": f"'{sense.name}' has {len(terms)} meanings; call define with one of these names"}
        names = self._by_name
        if key not in names:
            close = difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)
            shown = list(dict.fromkeys(names[c].name for c in close))  # closest first
            hint = f"; close names: {', '.join(shown)}" if shown else "; try the search tool"
            raise ToolFailure(f"no term named '{name[:80]}' in the glossary{hint}")
        return self._entry(names[key])

    def _entry(self, term: Term) -> dict[str, Any]:
        entry: dict[str, Any] = {**self.brief(term), "aliases": list(term.aliases), "kind": term.kind,
                                 "definition": term.body.strip(),
                                 "faq": [{"question": f.question, "answer": f.answer} for f in term.faq],
                                 "related": [self.brief(self.glossary.term_by_id[r]) for r in term.related
                                             if r in self.glossary.term_by_id and self.glossary.term_by_id[r].listed],
                                 "sources": [{"title": s.title, "url": s.url} for s in term.sources]}
        if term.calculator in self.calculators:
            calc = self.calculators[term.calculator]
            entry["formula"] = {"calculator": calc.id, "title": calc.title, "mathml": self.formula(calc.id),
                                "inputs": [i["name"] for i in self.list_calculators(calc.id)[0]["inputs"]]}
        return entry

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[dict[str, str]]:
        """Listed terms ranked by where the query's words occur: name, then alias, summary, body."""
        words = re.findall(r"\w+", query.casefold())
        if not words:
            raise ToolFailure("give a search query with at least one word, e.g. 'liquidation price'")
        scored = [(score, term.name.casefold(), term) for term in self._listed()
                  if (score := _score(term, query.casefold().strip(), words)) > 0]
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [self.brief(term) for _, _, term in scored[:max(1, min(limit, 50))]]

    def list_calculators(self, only: str | None = None) -> list[dict[str, Any]]:
        """Every calculator (or one) with its inputs' units, bounds and defaults, and its outputs."""
        return [{"id": calc.id, "title": calc.title, "summary": calc.summary,
                 "inputs": [{"name": i.name, "label": i.label, "unit": i.unit, "bounds": i.bounds_text,
                             "required": not i.optional, "example": i.default} for i in calc.inputs],
                 "outputs": [{"name": o.name, "label": o.label, "unit": o.unit} for o in calc.outputs]}
                for calc in self.calculators.values() if only in (None, calc.id)]

    def calculate(self, calculator: str, inputs: Mapping[str, Any]) -> dict[str, Any]:
        """Every output with its unit, or a ``ToolFailure`` worded as ``glossary calc`` words it."""
        from calculators import CalculatorInputError, NoSolution

        calc = self.calculators.get(calculator)
        if calc is None:
            raise ToolFailure(f"error: {_unknown_calculator(calculator)} [calc-unknown]")
        tokens, problems = _tokens(inputs)
        if problems:
            raise ToolFailure("\n".join(f"error: {p} [calc-input]" for p in problems))
        try:
            found = calc_results(calc, tokens, None)
        except CalculatorInputError as exc:
            raise ToolFailure("\n".join(f"error: {p.message} [calc-input]" for p in exc.problems)) from None
        except NoSolution as exc:
            return {"calculator": calc.id, "outputs": {calc.outputs[0].name: None}, "note": str(exc)}
        units = {o.name: o.unit for o in calc.outputs}
        return {"calculator": calc.id, "outputs": found, "units": {n: units.get(n, "") for n in found}}


def _unknown_calculator(calc_id: str) -> str:
    """The message ``calculators.get`` gives for an unknown id (closest ids, then all)."""
    from calculators import get

    try:
        get(calc_id)
    except KeyError as exc:
        return str(exc.args[0])
    return f"no calculator '{calc_id}' is handed to this server"


def _score(term: Term, phrase: str, words: list[str]) -> int:
    names = [term.name.casefold(), *(a.casefold() for a in term.aliases)]
    score = 100 if phrase in names else 40 if any(phrase in n for n in names) else 0
    summary, body = term.summary.casefold(), term.body.casefold()
    for word in words:
        score += 8 * any(word in n for n in names) + 3 * (word in summary) + (word in body)
    return score if all(any(w in text for text in (*names, summary, body)) for w in words) else 0


def _tokens(inputs: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """The inputs as ``glossary calc`` flags; a tier table is given as JSON, never as a path on the server."""
    tokens, problems = [], []
    for name, value in inputs.items():
        if isinstance(value, list | dict):
            value = json.dumps(value)
        elif name == "tiers" and not str(value).lstrip().startswith(("[", "{")):
            problems.append("--tiers: give the tier table itself as JSON (a list of tiers), not a file path")
            continue
        tokens += [f"--{name}", value if isinstance(value, str) else json.dumps(value)]
    return tokens, problems


def build_server(tools: GlossaryTools) -> Any:
    """An MCP server (the SDK's ``MCPServer``) exposing the four tools."""
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError

    server = MCPServer(SERVER_NAME, instructions="Definitions, search and calculators of the crypto "
                       "derivatives glossary. Content CC BY 4.0; cite the term's url.")

    def guarded(call: Callable[[], Any]) -> Any:
        try:
            return call()
        except ToolFailure as exc:
            raise ToolError(str(exc)) from None

    @server.tool(description="Define a glossary term by name, alias or id (any case): summary, definition, "
                             "formula if it has a calculator, FAQ, related terms, sources and URL. An ambiguous "
                             "word (e.g. Margin) returns its senses.")
    def define(name: str) -> dict[str, Any]:
        return guarded(lambda: tools.define(name))

    @server.tool(description="Search the glossary; returns ranked terms (id, name, summary, url).")
    def search(query: str, limit: int = SEARCH_LIMIT) -> list[dict[str, str]]:
        return guarded(lambda: tools.search(query, limit))

    @server.tool(description="List the calculators: id, title, inputs (unit, bounds, required, example) and outputs.")
    def list_calculators() -> list[dict[str, Any]]:
        return tools.list_calculators()

    @server.tool(description="Run a calculator: id and inputs by name (numbers, choice strings, a tier table "
                             "as JSON); returns every output, or the errors 'glossary calc' would print.")
    def calculate(calculator: str, inputs: dict[str, Any]) -> dict[str, Any]:
        return guarded(lambda: tools.calculate(calculator, inputs))

    return server
