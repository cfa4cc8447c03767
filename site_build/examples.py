"""Worked examples recomputed: every ``examples:`` entry run through its calculator.

A term declares the numbers its text quotes (``outputs: {liquidation_price: "47,690.76"}``);
the checker runs the calculator's own ``compute`` (the one the site's widget runs) on the
declared inputs, rounds the result to the quote's decimals and reports a figure that
differs (``example-mismatch``) or that the body and FAQ answers do not contain as written
(``example-not-in-text``). The calculators are handed in (``extension``), never imported:
a ``compute`` failure is read from the exception it raises (``CalculatorInputError`` and
``NoSolution`` are both ``ValueError``; the first names its inputs in ``problems``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .model import Example, Glossary, Term
from .slugs import did_you_mean

# A number as prose writes it: sign (ASCII or U+2212), digits with optional thousands
# commas, optional decimals, optional percent sign (meaning the value × 100).
_QUOTE = re.compile(r"(?P<sign>[+\-\u2212]?)(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?(?P<pct>%?)")

Report = Callable[..., None]  # crossref._Reporter: (path, key path, code, message[, severity])


@dataclass(frozen=True)
class Quote:
    """A quoted figure: its value as written, how many decimals it shows, and whether it is a percentage."""

    value: Decimal
    decimals: int
    percent: bool

    def rounded(self, computed: float) -> Decimal:
        """``computed`` (×100 for a percentage) rounded as the quote is, ties away from zero."""
        scaled = Decimal(repr(computed)) * (100 if self.percent else 1)
        return scaled.quantize(Decimal(1).scaleb(-self.decimals), rounding=ROUND_HALF_UP)

    def written(self, value: Decimal) -> str:
        """``value`` written the way the quote is: thousands commas, its decimals, its ``%``."""
        text = f"{abs(value):,.{self.decimals}f}"
        return ("−" if value < 0 else "") + text + ("%" if self.percent else "")


def parse_quote(text: str) -> Quote | None:
    """The figure in ``text``, or None when it is not one number as prose writes it."""
    match = _QUOTE.fullmatch(text.strip())
    if match is None:
        return None
    digits = match["int"].replace(",", "") + (f".{match['frac']}" if match["frac"] else "")
    value = Decimal(digits).copy_negate() if match["sign"] in ("-", "\u2212") else Decimal(digits)
    return Quote(value, len(match["frac"] or ""), bool(match["pct"]))


def appears_in(quoted: str, texts: tuple[str, ...]) -> bool:
    """Whether ``quoted`` stands in one of ``texts`` as a whole number (not inside a longer one)."""
    pattern = re.compile(r"(?<![0-9.,])" + re.escape(quoted.strip()) + r"(?![0-9]|[.,][0-9])")
    return any(pattern.search(text) for text in texts)


class ExampleChecker:
    """Recomputes examples; identical inputs to one calculator are computed once per run."""

    def __init__(self, calculators: Mapping[str, Any], report: Report) -> None:
        self.calculators = calculators
        self.report = report
        self._results: dict[str, dict[str, float] | ValueError] = {}

    def check(self, term: Term) -> None:
        texts = (term.body, *(item.answer for item in term.faq))
        for example in term.examples:
            self._example(term, example, texts)

    def _example(self, term: Term, example: Example, texts: tuple[str, ...]) -> None:
        at = ("examples", example.index)
        calc = self.calculators.get(example.calculator)
        if calc is None:
            self.report(term.path, at + ("calculator",), "unknown-calculator",
                        f"unknown calculator '{example.calculator}'{did_you_mean(example.calculator, self.calculators)}; "
                        "run 'glossary calc --list' for the ids")
            return
        outputs = self._known_outputs(term, example, calc)
        for name, quoted in outputs.items():
            if not appears_in(quoted, texts):
                self.report(term.path, at + ("outputs", name), "example-not-in-text",
                            f"'{quoted}' ({name}) is not in the body or an FAQ answer as written; "
                            "quote the figure exactly as the text writes it")
        result = self._compute(calc, example)
        if isinstance(result, ValueError):
            self._calculator_error(term, example, calc, result)
            return
        for name, quoted in outputs.items():
            self._compare(term, example, calc, name, quoted, result[name])

    def _known_outputs(self, term: Term, example: Example, calc: Any) -> dict[str, str]:
        names = tuple(calc.output_names)
        known = {}
        for name, quoted in example.outputs.items():
            if name in names:
                known[name] = quoted
            else:
                self.report(term.path, ("examples", example.index, "outputs", name), "example-unknown-output",
                            f"calculator '{calc.id}' has no output '{name}'{did_you_mean(name, names)}; "
                            f"its outputs are {', '.join(names)}")
        return known

    def _compute(self, calc: Any, example: Example) -> dict[str, float] | ValueError:
        key = json.dumps([calc.id, dict(example.inputs)], sort_keys=True, default=str)
        if key not in self._results:
            try:
                self._results[key] = calc.compute(**example.inputs)
            except ValueError as error:  # CalculatorInputError or NoSolution: the calculator's own words
                self._results[key] = error
        return self._results[key]

    def _calculator_error(self, term: Term, example: Example, calc: Any, error: ValueError) -> None:
        at = ("examples", example.index)
        problems = getattr(error, "problems", None)
        if problems is None:  # NoSolution: valid inputs, but the quantity does not exist
            self.report(term.path, at + ("inputs",), "bad-example",
                        f"'{calc.id}' gives no result for these inputs: {error}; fix the example's inputs")
            return
        for problem in problems:
            where = at + ("inputs", problem.name) if problem.name in example.inputs else at + ("inputs",)
            self.report(term.path, where, "bad-example", f"'{calc.id}' refuses this example: {problem.message}")

    def _compare(self, term: Term, example: Example, calc: Any, name: str, quoted: str, computed: float) -> None:
        at = ("examples", example.index, "outputs", name)
        quote = parse_quote(quoted)
        if quote is None:
            self.report(term.path, at, "example-quote",
                        f"'{quoted}' is not a number as the text writes it; quote only the figure "
                        "(e.g. \"47,690.76\", \"−1,234.5\" or \"5.72%\"), without its unit")
            return
        rounded = quote.rounded(computed)
        if rounded != quote.value:
            places = f"{quote.decimals} decimal{'s' if quote.decimals != 1 else ''}"
            scale = " (as a percentage)" if quote.percent else ""
            self.report(term.path, at, "example-mismatch",
                        f"quoted {quoted.strip()} but {calc.id} gives {quote.written(rounded)} at {places}{scale} "
                        f"({name} = {computed!r}); correct the text and the quote, or the inputs")


def check_examples(glossary: Glossary, calculators: Mapping[str, Any], report: Report) -> None:
    """Recompute every term's examples, reporting each figure that is wrong or not in the text."""
    checker = ExampleChecker(calculators, report)
    for term in glossary.terms:
        checker.check(term)
