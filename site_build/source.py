"""Read one YAML file into plain data plus a map from key paths to source lines.

This is the pipeline's only YAML reader. It composes the node graph (libyaml's
``CSafeLoader`` when present) and builds the values itself, so it can refuse what
PyYAML would silently accept: duplicate keys, anchors and aliases (billion-laughs),
non-standard tags. Every file-level mistake becomes a ``Problem``; nothing raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .indentation import diagnose
from .problems import Problem

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # libyaml missing: the pure-Python loader is ~10x slower
    _Loader = yaml.SafeLoader

MAX_BYTES = 256 * 1024
KeyPath = tuple[Any, ...]
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_STR = "tag:yaml.org,2002:str"
_scalar_builder = yaml.constructor.SafeConstructor()


class _Refused:
    """Stands in for a value the reader refused (and reported), so no later check repeats it."""

    def __repr__(self) -> str:
        return "<refused>"

    def __reduce__(self) -> str:
        return "REFUSED"  # unpickles (from a reading process) as this module's singleton


REFUSED = _Refused()


@dataclass(frozen=True)
class SourceMap:
    """Where each key and value of a document starts (1-based line and column)."""

    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    text_starts: dict[KeyPath, tuple[int, int | None]] = field(default_factory=dict)

    def value_at(self, path: KeyPath) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest located parent."""
        return self._nearest(self.values, path)

    def key_at(self, path: KeyPath) -> tuple[int, int]:
        """Position of the key that introduces ``path`` (falls back to the value)."""
        if path in self.keys:
            return self.keys[path]
        return self.value_at(path)

    def line_in_text(self, path: KeyPath, line: int, column: int = 0) -> tuple[int, int]:
        """Position of (0-based) ``line`` and ``column`` inside a string value.

        Exact on the first line of a one-line scalar; inside block scalars (``|``, ``>``)
        the indentation is not kept, so the column there is 1.
        """
        if path not in self.text_starts:
            return self.value_at(path)
        start, first_col = self.text_starts[path]
        if first_col is None or line > 0:
            return start + line, 1
        return start, first_col + column

    @staticmethod
    def _nearest(table: dict[KeyPath, tuple[int, int]], path: KeyPath) -> tuple[int, int]:
        while path:
            if path in table:
                return table[path]
            path = path[:-1]
        return table.get((), (1, 1))


@dataclass(frozen=True)
class Document:
    """A parsed file: its data (a mapping) and where everything in it came from."""

    path: str
    data: dict[str, Any]
    positions: SourceMap


def read_document(file: Path, display_path: str) -> tuple[Document | None, list[Problem]]:
    """Read ``file``; return the document (None if unusable) and every problem found."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [_problem(display_path, 1, 1, "unreadable-file", f"cannot read file: {exc.strerror}")]
    return parse_document(raw, display_path)


def parse_document(raw: bytes, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse file bytes; pure, so tests can feed it arbitrary input."""
    text, problems = _decode(raw, path)
    if text is None:
        return None, problems
    problems += _tab_indentation(text, path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if any(p.line == line for p in problems if p.code == "tab-indent"):
            return None, problems  # the tab is the syntax error; say it once, plainly
        indentation = diagnose(text, line)
        if indentation:
            return None, problems + [_problem(path, *indentation[:2], "bad-indent", indentation[2])]
        reason = exc.problem or exc.context or "invalid YAML"
        return None, problems + [_problem(path, line, col, "yaml-syntax",
                                          f"YAML syntax error: {reason}; fix the YAML at this position")]
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control character
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        return None, problems + [_problem(path, line, col, "yaml-syntax",
                                          f"character U+{exc.character:04X} is not allowed in YAML; remove it")]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, problems + [_problem(path, 1, 1, "yaml-syntax", f"YAML syntax error: {exc}")]
    if node is None:
        return None, problems + [_problem(path, 1, 1, "empty-file", "the file has no content; add the term's keys")]
    builder = _Builder(path)
    try:
        data = builder.build(node, ())
    except RecursionError:
        return None, problems + [_problem(path, 1, 1, "yaml-too-deep", "the YAML nests too deeply; flatten it")]
    problems += builder.problems
    if not isinstance(data, dict):
        return None, problems + [_problem(path, 1, 1, "not-a-mapping",
                                          "the top level must be a mapping of keys (name: …, kind: …)")]
    return Document(path, data, builder.positions), problems


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [_problem(path, 1, 1, "file-too-large",
                               f"file is {len(raw) // 1024} KiB, over the 256 KiB limit; split or shorten it")]
    problems = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(_problem(path, 1, 1, "byte-order-mark",
                                 "file starts with a byte-order mark; save it as UTF-8 without BOM"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, problems + [_problem(path, line, col, "not-utf8", "file is not valid UTF-8; re-save it as UTF-8")]
    if not text.strip():
        return None, problems + [_problem(path, 1, 1, "empty-file", "the file is empty; add the term's keys")]
    return text, problems


def _tab_indentation(text: str, path: str) -> list[Problem]:
    if "\t" not in text:
        return []
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(_problem(path, number, indent.index("\t") + 1, "tab-indent",
                                     "tab used for indentation; indent with spaces"))
    return problems


def _problem(path: str, line: int, col: int, code: str, message: str) -> Problem:
    return Problem(path, line, col, "error", code, message)


class _Builder:
    """Turns a composed node graph into plain values, recording positions and problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.positions = SourceMap()
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if path:  # whole-file problems stay at 1:1, wherever the top mapping starts
            self.positions.values[path] = (line, col)
        if id(node) in self._seen:
            self._error(line, col, "yaml-alias", "YAML anchors and aliases are not allowed; write the value out")
            return REFUSED
        self._seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            shown = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            self._error(line, col, "yaml-tag", f"non-standard YAML tag '{shown}'; remove it")
            return REFUSED
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.style in ("|", ">"):
            self.positions.text_starts[path] = (line + 1, None)
        else:
            self.positions.text_starts[path] = (line, col + (1 if node.style in ("'", '"') else 0))
        return node.value if node.tag == _STR else self._scalar(node, line, col)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_pos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == _STR and isinstance(key_node, yaml.ScalarNode) and id(key_node) not in self._seen:
                key = key_node.value  # the usual case, without the bookkeeping below
                self._seen.add(id(key_node))
            else:
                key = self.build(key_node, path + ("<key>",))
            if not isinstance(key, str):
                self._error(*key_pos, "non-string-key", f"key {key!r} is not a string; use a plain name")
                continue
            if key in result:
                first = self.positions.keys[path + (key,)]
                self._error(*key_pos, "duplicate-key",
                            f"key '{key}' appears twice (first at line {first[0]}); keep one")
                continue
            self.positions.keys[path + (key,)] = key_pos
            result[key] = self.build(value_node, path + (key,))
        self.positions.values.pop(path + ("<key>",), None)
        self.positions.text_starts.pop(path + ("<key>",), None)
        return result

    def _scalar(self, node: yaml.ScalarNode, line: int, col: int) -> Any:
        # The tag's constructor directly: construct_object would also keep every node alive.
        try:
            return _scalar_builder.yaml_constructors[node.tag](_scalar_builder, node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            self._error(line, col, "yaml-value", f"cannot read value {node.value!r}: {exc}; quote it")
            return REFUSED

    def _error(self, line: int, col: int, code: str, message: str) -> None:
        self.problems.append(_problem(self.path, line, col, code, message))
