"""One document's fields, checked against their declarations: the ``FieldChecker``.

It knows the field types (plain text, Markdown, enums, ids, lists, FAQ, sources,
examples), locates every problem through the document's source map, and returns the
usable values; ``validate`` builds terms, areas and tags from them.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .accessed import as_date
from .example_fields import ExampleFields
from .link_targets import UnsafeTarget, unsafe_targets
from .markup import has_plain_markup, unsafe_spans
from .model import Faq, Source
from .problems import Problem
from .schema import PLACEHOLDER, Field
from .slugs import ID_PATTERN, did_you_mean
from .source import REFUSED, Document, KeyPath
from .urlsafety import is_safe_url

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean (quote it if you meant text)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date (quote it if you meant text)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else "text"


def _target_message(target: UnsafeTarget) -> str:
    shown = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", target.written)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    what = {"href": "link target", "src": "image source"}.get(target.attribute, f"'{target.attribute}' target")
    return (f"{what} '{shown}' is not allowed (it opens as {target.scheme}:); "
            "link only to http(s), mailto or relative URLs")


class FieldChecker(ExampleFields):
    """Collects problems for one document, locating each through its source map."""

    type_name = staticmethod(_type_name)

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def report(self, path: KeyPath, code: str, message: str, *, severity: str = "error",
               at_key: bool = False, text_at: tuple[int, int] | None = None) -> None:
        positions = self.doc.positions
        if text_at is not None:
            line, col = positions.line_in_text(path, *text_at)
        elif at_key:
            line, col = positions.key_at(path)
        else:
            line, col = positions.value_at(path)
        self.problems.append(Problem(self.doc.path, line, col, severity, code, message))

    def fields(self, specs: tuple[Field, ...], stem: str) -> dict[str, Any]:
        """Check every declared field; return the usable values by key."""
        data, known = self.doc.data, {spec.key for spec in specs}
        if "id" in data:
            self.id_key(data["id"], stem)
        for key in data:
            if key not in known and key != "id":
                self.report((key,), "unknown-key",
                            f"unknown key '{key}'{did_you_mean(key, known)}; allowed keys: {', '.join(sorted(known))}",
                            at_key=True)
        values = {}
        for spec in specs:
            if data.get(spec.key) is REFUSED:
                continue
            if spec.key not in data or data[spec.key] is None:
                if spec.required:
                    self.report((), "missing-key", f"required key '{spec.key}' is missing; add it ({spec.description})")
                continue
            value = self.value(spec, data[spec.key], (spec.key,))
            if value is not None:
                values[spec.key] = value
        return values

    def id_key(self, value: Any, stem: str) -> None:
        """An ``id:`` key is redundant at best: the file name is the id."""
        if value == stem:
            self.report(("id",), "unknown-key", f"'id' is not a key: the file name '{stem}' is the id; remove it",
                        at_key=True)
        else:
            self.report(("id",), "id-mismatch",
                        f"'id: {value}' does not match the file name '{stem}', which is the id; "
                        f"remove 'id' or rename the file to '{value}.yml'", at_key=True)

    def value(self, spec: Field, value: Any, path: KeyPath) -> Any:
        checker = getattr(self, "_" + spec.type.replace("-", "_"))
        return checker(spec, value, path)

    def text(self, value: Any, path: KeyPath, what: str, *, plain: bool, url: bool = False) -> str | None:
        if value is REFUSED:
            return None
        if not isinstance(value, str):
            self.report(path, "wrong-type", f"{what} must be text, got {_type_name(value)}")
            return None
        if not value.strip():
            self.report(path, "empty-value", f"{what} is empty; write it or remove the key")
            return None
        control = _CONTROL.search(value)
        if control:
            self.report(path, "control-character",
                        f"{what} holds the control character U+{ord(control.group()):04X}; remove it")
        if not url:  # a URL gets the stricter http(s)-only check instead
            self.safety(value, path, markdown=not plain)
        if value.lstrip().startswith(PLACEHOLDER):
            self.report(path, "placeholder-text",
                        f"{what} still holds the '{PLACEHOLDER}' placeholder from 'glossary new'; write it",
                        severity="warning")
        if plain and has_plain_markup(value):
            self.report(path, "plain-markup", f"{what} is plain text; remove Markdown and HTML from it")
        return value.strip()

    def safety(self, text: str, path: KeyPath, *, markdown: bool = False) -> None:
        """Raw HTML, scripts and unsafe URLs; in Markdown, every link and image target as
        the built page will hold it. A target found both ways is reported once."""
        targets = unsafe_targets(text) if markdown else []  # plain text is escaped: it never links
        for target in targets:
            self._report_in_text(text, path, target.offset, "unsafe-url", _target_message(target))
        for offset, code, message in unsafe_spans(text):
            if code == "unsafe-url" and any(t.offset <= offset < t.offset + max(len(t.written), 1) for t in targets):
                continue
            self._report_in_text(text, path, offset, code, message)

    def _report_in_text(self, text: str, path: KeyPath, offset: int, code: str, message: str) -> None:
        line_start = text.rfind("\n", 0, offset) + 1
        self.report(path, code, message, text_at=(text.count("\n", 0, offset), offset - line_start))

    def _plain(self, spec: Field, value: Any, path: KeyPath) -> str | None:
        text = self.text(value, path, f"'{spec.key}'", plain=True)
        if text and spec.max_length and len(text) > spec.max_length:
            self.report(path, f"{spec.key}-too-long",
                        f"'{spec.key}' has {len(text)} characters, over {spec.max_length}; shorten it")
        return text

    def _markdown(self, spec: Field, value: Any, path: KeyPath) -> str | None:
        return self.text(value, path, f"'{spec.key}'", plain=False)

    def _enum(self, spec: Field, value: Any, path: KeyPath) -> str | None:
        if value in spec.choices:
            return value
        hint = did_you_mean(str(value), spec.choices)
        self.report(path, f"bad-{spec.key}",
                    f"'{spec.key}' must be one of {', '.join(spec.choices)}, not {value!r}{hint}")
        return None

    def _id(self, spec: Field, value: Any, path: KeyPath) -> str | None:
        if isinstance(value, str) and ID_PATTERN.match(value):
            return value
        self.report(path, "bad-reference",
                    f"'{spec.key}' must be a {spec.refers_to} id in kebab-case, got {value!r}")
        return None

    def _list(self, spec: Field, value: Any, path: KeyPath, item_check) -> tuple | None:
        if not isinstance(value, list):
            self.report(path, "wrong-type", f"'{spec.key}' must be a list, got {_type_name(value)}")
            return None
        if len(value) < spec.min_items:
            self.report(path, "empty-value", f"'{spec.key}' needs at least {spec.min_items} item(s)")
        items = []
        for index, item in enumerate(value):
            checked = None if item is REFUSED else item_check(item, path + (index,))
            if checked is None:
                continue
            if checked in items:
                self.report(path + (index,), "duplicate-item", f"{checked!r} is listed twice in '{spec.key}'; remove one")
                continue
            items.append(checked)
        return tuple(items)

    def _id_list(self, spec: Field, value: Any, path: KeyPath) -> tuple | None:
        return self._list(spec, value, path, lambda item, at: self._id(spec, item, at))

    def _plain_list(self, spec: Field, value: Any, path: KeyPath) -> tuple | None:
        return self._list(spec, value, path, lambda item, at: self.text(item, at, f"an item of '{spec.key}'", plain=True))

    def _pairs(self, spec: Field, value: Any, path: KeyPath, keys: tuple[str, str], plain: tuple[bool, bool]):
        return self._list(spec, value, path, lambda item, at: self._pair(spec, item, at, keys, plain))

    def _pair(self, spec: Field, item: Any, at: KeyPath, keys: tuple[str, str], plain: tuple[bool, bool],
              optional: tuple[str, ...] = ()) -> tuple | None:
        """The two text values of a ``{key: text, key: text}`` item (``optional`` keys may also appear)."""
        if not isinstance(item, dict):
            self.report(at, "wrong-type", f"each item of '{spec.key}' must be a mapping with {' and '.join(keys)}")
            return None
        allowed = (*keys, *optional)
        for extra in set(item) - set(allowed):
            self.report(at + (extra,), "unknown-key",
                        f"unknown key '{extra}' in '{spec.key}'{did_you_mean(str(extra), allowed)}", at_key=True)
        got = [self.text(item.get(k), at + (k,), f"'{spec.key}' {k}", plain=p, url=k == "url") if k in item
               else self.report(at, "missing-key", f"'{spec.key}' item has no '{k}'; add it")
               for k, p in zip(keys, plain, strict=True)]
        return tuple(got) if None not in got else None

    def _faq(self, spec: Field, value: Any, path: KeyPath) -> tuple[Faq, ...] | None:
        pairs = self._pairs(spec, value, path, ("question", "answer"), (True, False))
        return None if pairs is None else tuple(Faq(q, a) for q, a in pairs)

    def _sources(self, spec: Field, value: Any, path: KeyPath) -> tuple[Source, ...] | None:
        def check(item: Any, at: KeyPath) -> Source | None:
            pair = self._pair(spec, item, at, ("title", "url"), (True, True), optional=("accessed",))
            if pair is None:
                return None
            title, url = pair
            if not url.startswith(("https://", "http://")) or " " in url:
                self.report(at + ("url",), "bad-source-url", f"source url {url!r} must be an http(s) address")
            accessed = self._date(item["accessed"], at + ("accessed",)) if item.get("accessed") is not None else None
            return Source(title, url, accessed)
        return self._list(spec, value, path, check)

    def _date(self, value: Any, path: KeyPath) -> datetime.date | None:  # unquoted (a YAML date) or quoted
        day = as_date(value)
        if day is None and value is not REFUSED:
            self.report(path, "bad-date", f"'accessed' must be the day the source was read, written YYYY-MM-DD "
                        f"(e.g. 2026-12-01), got {value!r}")
        return day

    def _url_list(self, spec: Field, value: Any, path: KeyPath) -> tuple[str, ...] | None:
        def check(item: Any, at: KeyPath) -> str | None:
            url = self.text(item, at, f"an item of '{spec.key}'", plain=True, url=True)
            if url is not None and not (url.startswith(("https://", "http://")) and " " not in url and is_safe_url(url)):
                self.report(at, "bad-same-as-url", f"'{spec.key}' url {url!r} must be an http(s) address")
                return None
            return url
        return self._list(spec, value, path, check)
