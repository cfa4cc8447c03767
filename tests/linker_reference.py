"""The linker's mention scan as it was before the automaton (a trie walk from every word
that may start a name), kept only so ``test_linker_properties`` can prove the automaton
finds exactly the same mentions. Not used by the site."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from site_build.linker import Ambiguous, Mention, _plural_forms, _trie_keys
from site_build.slugs import fold_word

_TOKEN = re.compile(r"[^\W_]+")
_URL = re.compile(r"\S+://\S*|\bwww\.\S+")
_GAP = re.compile(r"[\s\-–\\'’]+")
_END = ""  # trie key that holds the term id of a complete name


class ReferenceLinker:
    """Finds mentions of known names in text; built once per glossary.

    ``ambiguous`` maps each spelling of an ambiguous word to its senses; a mention of it
    carries ``?<page>`` until ``resolve`` picks the sense for the page being linked.
    """

    def __init__(self, names: Iterable[tuple[str, str]], ambiguous: Mapping[str, Ambiguous] | None = None) -> None:
        self._trie: dict = {}
        for name, term_id in sorted(names, key=lambda pair: (pair[1], pair[0])):
            self._add(name, term_id, replace=False)
        self._ambiguous = {}
        for name, word in (ambiguous or {}).items():
            self._add(name, "?" + word.page, replace=True)
            self._ambiguous["?" + word.page] = word
        # Lowercase spellings that fold to a first word (plain and plural), and the
        # acronyms as written: a set lookup per word of text, instead of a fold.
        self._starts = {form for key in self._trie if not key.startswith("=") for form in _plural_forms(key)}
        self._acronyms = {key[1:] for key in self._trie if key.startswith("=")}

    def _add(self, name: str, target: str, *, replace: bool) -> None:
        keys = _trie_keys(name)
        if not keys:
            return
        node = self._trie
        for key in keys:
            node = node.setdefault(key, {})
        if replace:
            node[_END] = target
        else:
            node.setdefault(_END, target)

    def mentions(self, text: str) -> Iterator[Mention]:
        """Leftmost-longest, non-overlapping mentions in one line of prose."""
        # Most words start no name: a pass over plain strings finds the few that may,
        # before any match objects are made.
        starts = [i for i, word in enumerate(_TOKEN.findall(text)) if self._may_start(word)]
        if not starts:
            return
        tokens = list(_TOKEN.finditer(text))
        if "://" in text or "www." in text:
            urls = [m.span() for m in _URL.finditer(text)]
            inside = {i for i, m in enumerate(tokens) if any(a <= m.start() < b for a, b in urls)}
            starts = [i for i in starts if i not in inside]
            tokens = [m if i not in inside else None for i, m in enumerate(tokens)]
        after = 0
        for index in starts:
            if index < after:
                continue
            found = self._longest_at(text, tokens, index)
            if found is not None:
                last, term_id = found
                yield Mention(tokens[index].start(), tokens[last].end(), term_id)
                after = last + 1

    def _may_start(self, word: str) -> bool:
        lower = word.lower()
        if lower in self._starts or word in self._acronyms:
            return True
        return not lower.isascii() and fold_word(word) in self._trie  # accents: fold properly

    def _longest_at(self, text: str, tokens: list[re.Match | None], start: int) -> tuple[int, str] | None:
        best = None
        exact = self._trie.get("=" + tokens[start].group())
        if exact and _END in exact:
            best = (start, exact[_END])
        node, index = self._trie, start
        while index < len(tokens) and tokens[index] is not None:  # None: a token inside a URL
            if index > start and not _GAP.fullmatch(text, tokens[index - 1].end(), tokens[index].start()):
                break
            node = node.get(fold_word(tokens[index].group()))
            if node is None:
                break
            if _END in node:
                best = (index, node[_END])
            index += 1
        return best
