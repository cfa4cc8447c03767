"""Calculator metadata: ids, titles, inputs with units, defaults and bounds, outputs.

Plain Python with no SymPy import, so ``glossary check`` can validate a term's
``example:`` quickly. The formulas themselves live in ``definitions``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .numbers import js_string


@dataclass(frozen=True)
class InputProblem:
    """One refused input: its name ("" when no single input is to blame) and why."""

    name: str
    message: str


class CalculatorInputError(ValueError):
    """A calculator input is missing, not a number, or outside its allowed range.

    ``problems`` lists every refused input when several were checked at once; the
    message joins them, so it still names each input.
    """

    def __init__(self, message: str = "", problems: Sequence[InputProblem] = ()):
        self.problems = tuple(problems) or (InputProblem("", message),)
        super().__init__(message or "; ".join(problem.message for problem in self.problems))


class NoSolution(ValueError):
    """The inputs are valid, but the quantity asked for does not exist.

    A long whose collateral covers a fall to zero has no liquidation price; no volatility
    reproduces an option price at or below its no-arbitrage floor. That is an answer
    ("none", with this reason), not a mistake in the inputs, so it is not a
    ``CalculatorInputError``.
    """


QUOTE_LIMIT = 40  # characters of a value a message repeats
# A number as text: runtime.js's NUMBER (no "inf", "nan", "1_000" or hexadecimal).
NUMBER = re.compile(r"\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*\Z")


def quote(value: object) -> str:
    """A refused value as a message repeats it: text in quotes, a float as JavaScript's ``String(x)``.

    JavaScript writes values the same way (runtime.js ``quote`` and ``quoteValue``), so one
    mistake reads the same in every language. The text is cut to about ``QUOTE_LIMIT``
    characters with "…": a pasted 100,000-digit number must not become a huge message.
    """
    if isinstance(value, float):
        if math.isfinite(value):
            text = js_string(value)
        else:
            text = "NaN" if math.isnan(value) else "-Infinity" if value < 0 else "Infinity"
    else:
        text = value if isinstance(value, str) else repr(value)
    text = text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "…"
    return f"'{text}'" if isinstance(value, str) else text


@dataclass(frozen=True)
class Input:
    name: str
    label: str
    unit: str
    default: Any
    low: float | None = None  # allowed range; None is unbounded
    high: float | None = None
    low_open: bool = False  # True: the value must be strictly greater than ``low``
    choices: tuple[str, ...] = ()
    kind: str = "number"  # "number", "choice" (a <select>) or "tiers" (a JSON tier table)
    fallback: Any = None  # the value used when the input is omitted; None means it is required

    @property
    def optional(self) -> bool:
        return self.fallback is not None

    @property
    def bounds_text(self) -> str:
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.kind == "tiers":
            return "a JSON list of {floor, cap, maintenance_margin_rate} tiers"
        low = "" if self.low is None else (f"> {self.low:g}" if self.low_open else f"≥ {self.low:g}")
        high = "" if self.high is None else f"≤ {self.high:g}"
        return " and ".join(p for p in (low, high) if p) or "any finite number"

    def coerce(self, value: Any) -> Any:
        """The value as this input's type, or ``CalculatorInputError`` naming input, value and range."""
        if self.choices:
            return check_choice(self.name, value, self.choices)
        if self.kind == "tiers":
            return value
        return check_number(self.name, value, self.low, self.high, self.low_open, self.bounds_text)


# ``quote`` and the functions below are copied verbatim into every Python snippet (codegen.python_checks),
# so copied code refuses what the API refuses, in the same words: they use only the standard library,
# QUOTE_LIMIT, NUMBER, js_string and CalculatorInputError, which the snippet defines too.
def as_number(name: str, value: object) -> float:
    """``value`` as a finite float, or ``CalculatorInputError`` naming the input."""
    if isinstance(value, bool):
        raise CalculatorInputError(f"{name} must be a number, got {quote(value)}")
    if isinstance(value, str):  # text is read as runtime.js reads it (tests/data/runtime-cases.json)
        if not value.strip():
            raise CalculatorInputError(f"{name} is required")
        if not NUMBER.match(value):
            raise CalculatorInputError(f"{name} must be a number, got {quote(value)}")
    try:
        number = float(value)
    except OverflowError:  # an int beyond the largest double
        raise CalculatorInputError(f"{name} must be a finite number, got {quote(value)}") from None
    except (TypeError, ValueError):
        raise CalculatorInputError(f"{name} must be a number, got {quote(value)}") from None
    if not math.isfinite(number):
        raise CalculatorInputError(f"{name} must be a finite number, got {quote(value)}")
    return number


def check_number(name: str, value: object, low=None, high=None, low_open=False, bounds="any finite number") -> float:
    """``value`` as a finite float within ``low``/``high`` (``bounds`` says them in words), or ``CalculatorInputError``."""
    number = as_number(name, value)
    too_low = low is not None and (number <= low if low_open else number < low)
    if too_low or (high is not None and number > high):
        raise CalculatorInputError(f"{name} = {js_string(number)} is out of range; it must be {bounds}")
    return number


def check_choice(name: str, value: object, choices: tuple) -> object:
    """``value`` if it is one of ``choices``, or ``CalculatorInputError`` listing them."""
    if isinstance(value, str) and value in choices:
        return value
    raise CalculatorInputError(f"{name} must be one of {', '.join(choices)}, got {quote(value)}")


def check_outputs(outputs: dict) -> dict:
    """``outputs`` unchanged when every one is a finite number; a NaN or an infinity means the inputs were too extreme."""
    for name, value in outputs.items():
        if not math.isfinite(value):
            raise CalculatorInputError(f"these inputs are too extreme: {name} is not a finite number")
    return outputs


@dataclass(frozen=True)
class Output:
    name: str
    label: str
    unit: str


@dataclass(frozen=True)
class CalculatorSpec:
    """What a calculator takes and gives; the first output is the primary one."""

    id: str
    title: str
    summary: str
    inputs: tuple[Input, ...]
    outputs: tuple[Output, ...]
    solvable: tuple[str, ...] = ()

    def input(self, name: str) -> Input:
        for item in self.inputs:
            if item.name == name:
                return item
        raise CalculatorInputError(f"{self.id} has no input {quote(name)}; inputs: {', '.join(self.input_names)}")

    @property
    def input_names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.inputs)

    @property
    def output_names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.outputs)

    def check_example(self, values: Mapping[str, Any]) -> list[tuple[str, str]]:
        """``(input, message)`` for each example value the calculator would refuse."""
        problems = []
        for name, value in values.items():
            if name not in self.input_names:
                problems.append((name, f"calculator '{self.id}' has no input {quote(name)}; "
                                       f"its inputs are {', '.join(self.input_names)}"))
                continue
            try:
                self.input(name).coerce(value)
            except CalculatorInputError as exc:
                problems.append((name, f"example value rejected by '{self.id}': {exc}"))
        return problems
