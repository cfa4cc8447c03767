"""Auto-linking: the first mention of another term's name or alias links to it.

Names are stored in a trie keyed by folded words (case and simple plurals folded), so
finding mentions costs O(length of text × length of the longest name in words),
independent of how many terms exist: no regex per term, no giant alternation.
Short all-caps abbreviations (``MM``, ``IV``) match only in capitals, so the word
"im" in running text never links to Initial Margin. A word with several meanings
(``terms/senses.yml``) links to the sense that shares an area with the page, else to
its disambiguation page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from .markup import escape_plain, sanitize_chunk, split_markdown
from .slugs import fold_word

_TOKEN = re.compile(r"[^\W_]+")
_URL = re.compile(r"\S+://\S*|\bwww\.\S+")
_GAP = re.compile(r"[\s\-–\\'’]+")
_END = ""  # trie key that holds the term id of a complete name


def _plural_forms(folded: str) -> set[str]:
    """Lowercase ASCII words whose fold is ``folded`` (see ``slugs.fold_plural``)."""
    forms = {folded, folded + "s"}
    if folded.endswith("y"):
        forms.add(folded[:-1] + "ies")
    return {form for form in forms if fold_word(form) == folded}


def _is_acronym(name: str) -> bool:
    return name.isupper() and name.isalnum() and len(name) <= 5


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    term_id: str  # a term id, or ``?<page>`` for an ambiguous word (see ``Linker.resolve``)


@dataclass(frozen=True)
class Ambiguous:
    """A word with several senses: its disambiguation page id and (term id, areas) per sense."""

    page: str
    senses: tuple[tuple[str, frozenset[str]], ...]


def _trie_keys(name: str) -> list[str]:
    words = _TOKEN.findall(name)
    return ["=" + name] if _is_acronym(name) else [fold_word(w) for w in words]


def name_key(name: str) -> tuple[str, ...]:
    """What the linker matches a name by: two names with equal keys are one name to it."""
    return tuple(_trie_keys(name))


class Linker:
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

    def resolve(self, target: str, areas: Iterable[str]) -> tuple[str, bool]:
        """The page a mention links to from a page in ``areas``, and whether it is a term.

        An ambiguous word goes to its first sense sharing an area with the page, else to
        its disambiguation page (not a term: no tooltip, no backlink).
        """
        word = self._ambiguous.get(target)
        if word is None:
            return target, True
        here = set(areas)
        for term_id, term_areas in word.senses:
            if term_areas & here:
                return term_id, True
        return word.page, False

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


@dataclass
class PageLinks:
    """Linking state of one page: which terms are linked already, and to what.

    ``areas`` are the page's areas, which pick the sense of an ambiguous word;
    ``pages`` the disambiguation pages linked (not terms, so not in ``linked``).
    """

    href: Callable[[str], str]
    exclude: str = ""
    linked: list[str] = field(default_factory=list)
    areas: tuple[str, ...] = ()
    pages: list[str] = field(default_factory=list)


def link_markdown(markdown: str, linker: Linker, page: PageLinks) -> str:
    """Sanitise Markdown from YAML and link the first mention of each term on the page."""
    out = []
    for chunk in split_markdown(markdown):
        text = sanitize_chunk(chunk)
        out.append(_link_prose(text, linker, page) if chunk.kind == "text" else text)
    return "".join(out)


def link_plain(text: str, linker: Linker, page: PageLinks) -> str:
    """Escape plain text for Markdown, then link mentions in it."""
    return _link_prose(escape_plain(text), linker, page)


def mentioned_ids(text: str, linker: Linker, *, markdown: bool = True, areas: tuple[str, ...] = ()) -> set[str]:
    """The term ids ``link_markdown`` (or ``link_plain``) would link in ``text`` on a page in
    ``areas``, without building the linked text: what ``glossary check`` needs to find orphans."""
    chunks = ([sanitize_chunk(c) for c in split_markdown(text) if c.kind == "text"] if markdown
              else [escape_plain(text)])
    resolved = (linker.resolve(m.term_id, areas) for chunk in chunks for m in linker.mentions(chunk))
    return {target for target, is_term in resolved if is_term}


def _link_prose(text: str, linker: Linker, page: PageLinks) -> str:
    pieces, position = [], 0
    for mention in linker.mentions(text):
        target, is_term = linker.resolve(mention.term_id, page.areas)
        if target == page.exclude or target in page.linked or target in page.pages:
            continue
        (page.linked if is_term else page.pages).append(target)
        label = text[mention.start:mention.end]
        tooltip = f' aria-describedby="glossary-tip-{target}"' if is_term else ""
        pieces += [text[position:mention.start], f'[{label}]({page.href(target)}){{ .glossary-link{tooltip} }}']
        position = mention.end
    pieces.append(text[position:])
    return "".join(pieces)
