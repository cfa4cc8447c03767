"""The shape of a term's ``examples:`` (each entry a calculator id, inputs and quoted outputs)
and of ``example:``, the widget's starting inputs.

A mixin of ``FieldChecker`` (it reports through the checker's source map); whether the
figures are right is ``examples.check_examples``'s job, once the glossary is whole.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from .model import Example
from .schema import Field
from .slugs import did_you_mean
from .source import REFUSED, KeyPath

_CALCULATOR = Field("calculator", "id", "", refers_to="calculator")


class ExampleFields:
    """``FieldChecker._examples``, ``_example`` and their helpers (the checker supplies report,
    text, _id, _list)."""

    def _examples(self, spec: Field, value: Any, path: KeyPath) -> tuple[Example, ...] | None:
        """The examples' shape only; ``examples.check_examples`` recomputes them."""
        def check(item: Any, at: KeyPath) -> Example | None:
            if not self._mapping(item, at, "an example", ("calculator", "inputs", "outputs")):
                return None
            calculator = self._id(_CALCULATOR, item.get("calculator"),
                                  at + ("calculator",)) if "calculator" in item else None
            inputs = self._values(item.get("inputs"), at + ("inputs",), "inputs", self._input_ok)
            outputs = self._values(item.get("outputs"), at + ("outputs",), "outputs", self._quote_ok)
            if calculator is None or inputs is None or outputs is None:
                return None
            if not outputs:
                self.report(at + ("outputs",), "empty-value", "'outputs' names no output; quote at least one")
                return None
            return Example(calculator, inputs, outputs, at[-1])
        return self._list(spec, value, path, check)

    def _mapping(self, item: Any, at: KeyPath, what: str, keys: tuple[str, ...]) -> bool:
        if not isinstance(item, dict):
            self.report(at, "wrong-type", f"{what} must be a mapping with {', '.join(keys)}")
            return False
        for extra in set(item) - set(keys):
            self.report(at + (extra,), "unknown-key", f"unknown key '{extra}' in {what}"
                        f"{did_you_mean(str(extra), keys)}", at_key=True)
        for key in keys:
            if key not in item:
                self.report(at, "missing-key", f"{what} has no '{key}'; add it")
        return all(key in item for key in keys)

    def _values(self, value: Any, at: KeyPath, key: str, ok) -> MappingProxyType | None:
        if value is REFUSED:
            return None
        if not isinstance(value, dict):
            self.report(at, "wrong-type", f"'{key}' must be a mapping of name: value, got {self.type_name(value)}")
            return None
        good = {name: item for name, item in value.items() if item is not REFUSED and ok(name, item, at)}
        return MappingProxyType(good) if len(good) == len(value) else None

    def _input_ok(self, name: str, item: Any, at: KeyPath) -> bool:
        if isinstance(item, bool) or not isinstance(item, (int, float, str, list)):
            self.report(at + (name,), "wrong-type", f"input '{name}' must be a number or text, got {self.type_name(item)}")
            return False
        return True

    def _quote_ok(self, name: str, item: Any, at: KeyPath) -> bool:
        if not isinstance(item, str):
            self.report(at + (name,), "wrong-type", f"output '{name}' must be quoted as the text writes it "
                        f"(e.g. \"47,690.76\"), got {self.type_name(item)}")
            return False
        return self.text(item, at + (name,), f"output '{name}'", plain=True) is not None

    def _example(self, spec: Field, value: Any, path: KeyPath) -> Any:
        """``example:``, the widget's starting inputs: a read-only mapping of input names to values."""
        if not isinstance(value, dict):
            self.report(path, "wrong-type", f"'example' must be a mapping of input: value, got {self.type_name(value)}")
            return None
        for key, item in value.items():
            if item is not REFUSED and (isinstance(item, bool) or not isinstance(item, (int, float, str))):
                self.report(path + (key,), "wrong-type", f"example value for '{key}' must be a number or text")
        return MappingProxyType(dict(value))
