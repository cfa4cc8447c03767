"""Indentation mistakes, named at the line that is wrong, with how to indent it.

libyaml reports where parsing failed, which is often not where the mistake is: a
``body: |`` line left at column 0 fails at the *next* key ("could not find expected
':'"), and a list item one space off fails with "did not find expected '-' indicator".
After a syntax error, ``diagnose`` looks at the lines themselves for two shapes:

- a block scalar (``key: |`` or ``>``) whose continuation line is dedented out of it;
- a key or list item indented to a column none of the lines it could belong to use.

It returns nothing when neither shape explains the error, so the generic message stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A key as these files write them: one word, maybe quoted ("a b: c" is text, not a key).
_KEY = re.compile(r"""(?:"[^"\s]*"|'[^'\s]*'|[^\s#'"{\[\]},&*!|>%@`-][^\s#]*?|-[^\s#]+?):(?:\s|$)""")
_KEYISH = re.compile(r"\s*[\w\"'-]+:")
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?$")


@dataclass(frozen=True)
class Shape:
    """What one line starts: a list item (its dash column), a key (its column and name)."""

    number: int  # 1-based line number
    indent: int
    dash: int | None
    key_col: int | None
    key: str
    value: str  # the text after "key:" (or after "- " for a bare item), comment included

    @property
    def opens(self) -> bool:
        """True when the next line may be indented deeper (``key:`` or ``-`` with no value)."""
        return not self.value.strip() or self.value.lstrip().startswith("#")

    @property
    def block_scalar(self) -> bool:
        return bool(_BLOCK_SCALAR.match(self.value.strip()))

    def levels(self) -> list[tuple[int, str]]:
        found = [(self.dash, "list item")] if self.dash is not None else []
        return found + ([(self.key_col, f"key '{self.key}'")] if self.key_col is not None else [])


def shape(number: int, line: str) -> Shape | None:
    """The structure a line starts, or None for blank lines, comments and plain text."""
    text = line.lstrip(" ")
    indent = len(line) - len(text)
    if not text or text.startswith("#"):
        return None
    dash = None
    if text == "-" or text.startswith("- "):
        dash, rest = indent, text[1:]
        text = rest.lstrip(" ")
        indent += 1 + len(rest) - len(text)
    match = _KEY.match(text)
    if match:
        key = match.group().rstrip()[:-1].strip().strip("'\"")
        return Shape(number, dash if dash is not None else indent, dash, indent, key, text[match.end():])
    if dash is None:
        return None
    return Shape(number, dash, dash, None, "", text)


def diagnose(text: str, error_line: int) -> tuple[int, int, str] | None:
    """``(line, column, message)`` for an indentation mistake at or before ``error_line``."""
    lines = text.splitlines()
    content, dedented = _block_scalars(lines)
    for number, col, message in dedented:
        if number <= error_line:
            return number, col, message
    if not 1 <= error_line <= len(lines) or error_line in content:
        return None
    return _misaligned(lines, content, error_line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_scalars(lines: list[str]) -> tuple[set[int], list[tuple[int, int, str]]]:
    """The line numbers inside block scalars, and each line that falls out of one."""
    content: set[int] = set()
    problems = []
    number = 0
    while number < len(lines):
        number += 1
        header = shape(number, lines[number - 1])
        if header is None or not header.block_scalar:
            continue
        parent = header.key_col if header.key_col is not None else header.indent
        label = f"{header.key}: {header.value.split('#')[0].strip()}" if header.key else header.value.strip()
        texts: list[int] = []  # the non-blank lines of the block
        while number < len(lines):
            line = lines[number]
            if line.strip() and (_indent(line) <= parent if not texts else _indent(line) < _indent(lines[texts[0] - 1])):
                break
            content.add(number + 1)
            texts += [number + 1] if line.strip() else []
            number += 1
        if number < len(lines):
            problem = _out_of_block(lines, number + 1, parent, texts, f"'{label}' (line {header.number})")
            problems += [problem] if problem else []
    return content, problems


def _out_of_block(lines: list[str], number: int, parent: int, texts: list[int],
                  block: str) -> tuple[int, int, str] | None:
    """The line that ended a block scalar, if it looks like text meant to stay inside it."""
    line = lines[number - 1]
    indent = _indent(line)
    if shape(number, line) is not None or _KEYISH.match(line) or line.lstrip().startswith(("---", "...")):
        return None  # a key (even a damaged one), list item or comment: the block really ended here
    if not texts:
        return (number, indent + 1, f"line {number} is not indented under {block}; indent it by at least "
                f"{_spaces(parent + 2)}")
    inner = _indent(lines[texts[0] - 1])
    if indent <= parent:
        return (number, indent + 1, f"line {number} is not indented under {block}; indent it by at least "
                f"{_spaces(inner)} like the lines above")
    after = [n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()][:1]
    if len(texts) == 1 and after and _indent(lines[after[0] - 1]) == indent and shape(after[0], lines[after[0] - 1]) is None:
        first = texts[0]  # the first line sets a block's indentation: here it is the odd one out
        return (first, inner + 1, f"line {first} is indented {_spaces(inner)}, more than the lines after it in "
                f"{block}; the first line sets the indentation, so indent it by {_spaces(indent)} like them")
    return (number, indent + 1, f"line {number} is indented {_spaces(indent)}, less than the text above it in "
            f"{block}; indent it by at least {_spaces(inner)} like the lines above")


def _misaligned(lines: list[str], content: set[int], number: int) -> tuple[int, int, str] | None:
    """A key or list item on ``number`` whose column no line it could belong to uses."""
    shapes = {n: found for n in range(1, len(lines) + 1) if n not in content
              and (found := shape(n, lines[n - 1])) is not None}
    line = shapes.get(number)
    if line is None:
        return None
    levels: list[tuple[int, str, int]] = []
    lowest = None
    for above in sorted((n for n in shapes if n < number), reverse=True):
        other = shapes[above]
        if lowest is None and other.opens and line.indent > max(col for col, _ in other.levels()):
            return None  # a new, deeper level under "key:" or "-" is allowed
        if lowest is None or other.indent <= lowest:
            levels += [(col, what, above) for col, what in other.levels()]
            lowest = other.indent
    if not levels or line.indent in {col for col, _, _ in levels}:
        return None
    kind = "list item" if line.dash is not None else "key"
    same = [level for level in levels if level[1].startswith(kind)] or levels
    col, what, where = min(same, key=lambda level: abs(level[0] - line.indent))

    def using(column: int, lines_: list[int]) -> int:
        return sum(any(c == column and w.startswith(kind) for c, w in shapes[n].levels()) for n in lines_)

    odd = shapes[where]
    below = using(line.indent, [n for n in shapes if n > number])
    if below and not using(col, [n for n in shapes if n != where]):
        # Only the line above uses its column, and the lines below agree with this one: it is the odd one.
        return _odd_line(odd, odd.indent + line.indent - col, f"line {number} and {below} line(s) below it")
    before = [n for n in shapes if n < where]
    if before and odd.indent < line.indent and using(line.indent, before):
        # The line above fell out of the block that continues on this line.
        previous = shapes[before[-1]]
        if previous.opens and previous.indent == odd.indent:
            return _odd_line(odd, line.indent, f"line {number}, under '{previous.key}:' on line {previous.number}")
        if previous.indent > odd.indent:
            fix = previous.key_col if odd.dash is None and previous.key_col is not None else previous.indent
            return _odd_line(odd, fix, f"lines {previous.number} and {number} around it")
    advice = f"indent it by {_spaces(col)}" if col else "remove its indentation"
    return (number, line.indent + 1, f"line {number} is indented {_spaces(line.indent)}, but the {what} on line "
            f"{where} is at {col}; {advice} to line it up")


def _odd_line(odd: Shape, fix: int, others: str) -> tuple[int, int, str]:
    advice = f"indent it by {_spaces(fix)}" if fix else "remove its indentation"
    return (odd.number, odd.indent + 1, f"line {odd.number} is indented {_spaces(odd.indent)}, out of line with "
            f"{others}; {advice} to line it up")


def _spaces(count: int) -> str:
    return f"{count} space" + ("" if count == 1 else "s")
