"""The Python API of a calculator: ``compute`` every output, ``solve`` for an input.

Metadata comes from the spec; the first ``compute`` executes the Python source generated
from the SymPy definition (stored in ``generated.json``), so the API runs exactly the
snippet a reader copies. Every failure is a ``CalculatorInputError`` naming the input;
valid inputs whose quantity does not exist raise ``NoSolution`` with the reason.
"""

from __future__ import annotations

import difflib
import functools
import math
from collections.abc import Callable, Mapping
from typing import Any

from . import tiers
from .artifacts import Artifact, artifact
from .exact import floor_quotient
from .solver import OutOfReach, solve_monotone
from .spec import (
    CalculatorInputError,
    CalculatorSpec,
    InputProblem,
    NoSolution,
    as_number,
    check_choice,
    check_number,
    check_outputs,
    quote,
)
from .tier_search import BOTH_GIVEN, tier_for


class Calculator:
    """One calculator: its metadata (``id``, ``title``, ``inputs``, ``outputs``) and its maths."""

    def __init__(self, spec: CalculatorSpec):
        self.spec = spec

    def __repr__(self) -> str:
        return f"<Calculator {self.spec.id}>"

    id = property(lambda self: self.spec.id)
    title = property(lambda self: self.spec.title)
    summary = property(lambda self: self.spec.summary)
    inputs = property(lambda self: self.spec.inputs)
    outputs = property(lambda self: self.spec.outputs)
    input_names = property(lambda self: self.spec.input_names)
    output_names = property(lambda self: self.spec.output_names)
    solvable = property(lambda self: self.spec.solvable)

    def check_example(self, values: Mapping[str, Any]) -> list[tuple[str, str]]:
        return self.spec.check_example(values)

    @functools.cached_property
    def _code(self) -> Artifact:
        return artifact(self.spec.id)  # from generated.json; SymPy only if it is stale

    @functools.cached_property
    def _function(self) -> Callable[..., dict[str, Any]]:
        return _load(self._code.python, self.spec.id.replace("-", "_"))

    @functools.cached_property
    def _solvers(self) -> dict[str, Callable[..., Any]]:
        """Closed-form solvers (``solve_<input>``), and for numeric solves the checks run first (``bounds_<input>``)."""
        numeric = self._code.numeric_solves
        return {name: _load(text, f"{'bounds' if name in numeric else 'solve'}_{name}")
                for name, text in self._code.python_solvers.items()}

    def compute(self, **values: Any) -> dict[str, float]:
        """Every output by name; ``CalculatorInputError`` for any input the formula cannot take."""
        return self._run(self._inputs(values))

    @functools.cached_property
    def _steps(self) -> Callable[..., dict[str, Any]]:
        return _load(self._code.python_steps, "steps")

    def steps(self, **values: Any) -> dict[str, float]:
        """Every step and output by name, in evaluation order: the numbers "How this was computed" shows.

        Raises what ``compute`` raises for the same inputs (it runs first, with its checks).
        """
        inputs = self._inputs(values)
        self._run(inputs)
        return {name: float(value) + 0.0 for name, value in _call(self._steps, inputs, "these inputs").items()}

    def solve(self, target: str, **values: Any) -> float:
        """The value of input ``target`` that makes the primary output equal the given one."""
        primary = self.spec.outputs[0].name
        problems = []
        if target not in self.solvable:
            can = ", ".join(self.solvable) or "nothing"
            problems.append(InputProblem("", f"{self.spec.id} cannot solve for {quote(target)}; it can solve for {can}"))
        if target in values:
            values.pop(target)
            problems.append(InputProblem(target, f"leave out {target}: it is what solve finds"))
        goal = 0.0
        try:
            if primary not in values:
                raise CalculatorInputError(f"solving for {target} needs the target {primary}=VALUE")
            goal = as_number(primary, values.pop(primary))
        except CalculatorInputError as exc:
            problems.append(InputProblem(primary, str(exc)))
        try:
            inputs = self._inputs(values, skip=target)
        except CalculatorInputError as exc:
            problems += exc.problems
        if problems:
            raise CalculatorInputError(problems=problems)
        solution = self._solve(target, goal, inputs)
        self._run({**inputs, target: solution})  # the guards hold at the solution too
        return solution

    def _solve(self, target: str, goal: float, inputs: dict[str, Any]) -> float:
        primary = self.spec.outputs[0].name
        if target not in self._code.numeric_solves:
            solution = _call(self._solvers[target], {**inputs, primary: goal}, f"solving for {target}")
            return self._in_range(target, solution, primary, goal)
        if target in self._solvers:  # e.g. a price at or below the no-arbitrage floor: NoSolution
            _call(self._solvers[target], {**inputs, primary: goal}, f"solving for {target}")
        low, high = self._code.numeric_solves[target]
        try:
            return solve_monotone(lambda x: self._run({**inputs, target: x})[primary], goal, low, high)
        except OutOfReach as reach:
            raise NoSolution(
                f"no {target} from {low!r} to {high!r} gives {primary} = {goal!r}: for these inputs it lies "
                f"between {reach.lowest!r} and {reach.highest!r}") from None

    def _in_range(self, target: str, solution: Any, primary: str, goal: float) -> float:
        item = self.spec.input(target)
        try:
            return item.coerce(float(solution))
        except (CalculatorInputError, TypeError, ValueError):
            raise CalculatorInputError(f"no {target} in its allowed range ({item.bounds_text}) gives "
                                       f"{primary} = {goal:g}; the formula gives {float(solution):g}") from None

    def _inputs(self, values: Mapping[str, Any], skip: str = "") -> dict[str, Any]:
        """Inputs checked and converted, fallbacks filled in, a tier table parsed.

        Every refused input is collected, so one ``CalculatorInputError`` lists them all.
        """
        known = set(self.spec.input_names) - {skip}
        problems = []
        for name in values:
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                problems.append(InputProblem(name, f"{self.spec.id} has no input {quote(name)}{hint}; "
                                                   f"its inputs are {', '.join(sorted(known))}"))
        table, tiers_given = (), "tiers" in known and bool(values.get("tiers"))
        if "tiers" in known:
            try:
                table = tiers.parse_tiers(values.get("tiers"))
            except CalculatorInputError as exc:
                problems.append(InputProblem("tiers", str(exc)))
        inputs: dict[str, Any] = {}
        for item in self.spec.inputs:
            if item.name == skip:
                continue
            try:
                if item.kind == "tiers":
                    inputs[item.name] = list(table) or None
                elif tiers_given and item.name in tiers.TIER_OUTPUTS:
                    inputs[item.name] = None  # the table supplies it
                    if item.name in values and not any(p.message == BOTH_GIVEN for p in problems):
                        raise CalculatorInputError(BOTH_GIVEN)
                elif item.name in values:
                    inputs[item.name] = item.coerce(values[item.name])
                elif item.optional:
                    inputs[item.name] = item.fallback
                else:
                    raise CalculatorInputError(f"missing input {item.name} ({item.label}; {item.bounds_text})")
            except CalculatorInputError as exc:
                problems.append(InputProblem(item.name, str(exc)))
        if problems:
            raise CalculatorInputError(problems=problems)
        if table and "notional" in inputs:
            tiers.resolve(table, inputs["notional"])  # a notional beyond the last cap fails here, as an input error
        return inputs

    def _run(self, inputs: dict[str, Any]) -> dict[str, float]:
        raw = _call(self._function, inputs, "these inputs")
        outputs = {}
        for name, value in raw.items():
            number = float(value)
            if not math.isfinite(number):
                raise CalculatorInputError(f"these inputs are too extreme: {name} is not a finite number")
            outputs[name] = number + 0.0  # -0.0 becomes 0.0, as JavaScript's String() shows it
        return outputs


def _call(function: Callable[..., Any], inputs: Mapping[str, Any], what: str) -> Any:
    try:
        return function(**inputs)
    except NoSolution:
        raise
    except ZeroDivisionError:
        raise CalculatorInputError(f"{what}: a denominator is zero, so no result exists") from None
    except OverflowError:
        raise CalculatorInputError(f"{what}: the result overflows; use smaller inputs") from None
    except ValueError as exc:
        message = str(exc)
        if message == "math domain error":
            message = f"{what} are outside the formula's domain"
        raise CalculatorInputError(message) from None


def _load(source: str, name: str) -> Callable[..., Any]:
    namespace: dict[str, Any] = {"__name__": "calculators.snippet", "math": math, "tier_lookup": tiers.tier_lookup,
                                 "floor_quotient": floor_quotient, "tier_for": tier_for,
                                 "NoSolution": NoSolution, "check_number": check_number, "check_choice": check_choice,
                                 "check_outputs": check_outputs, "CalculatorInputError": CalculatorInputError}
    exec(compile(source, f"<generated {name}>", "exec"), namespace)  # our own generated code, not user input
    # The snippet defines its own classes; the API raises the public ones.
    namespace.update(NoSolution=NoSolution, CalculatorInputError=CalculatorInputError)
    return namespace[name]
