"""Finding mentions: where a text names a term, by its name or an alias.

A mention is a run of words whose folded forms (case and simple plurals folded) spell a
name, joined only by blanks, hyphens, dashes or apostrophes. Each word of text is folded
once, by a dictionary lookup, into one character; an Aho-Corasick automaton over those
characters (``ahocorasick_rs``: BurntSushi's Rust ``aho-corasick``, leftmost-longest) finds
the mentions in one pass that never restarts, so the cost per character depends neither on
the number of terms nor on how many names share a first word ("Margin", "Margin Call",
"Margin Call Price" ...). No regex per term, no giant alternation. Short all-caps
abbreviations (``MM``, ``IV``) match only in capitals, so the word "im" in running text
never links to Initial Margin. A word with several meanings
(``terms/senses.yml``) links to the sense that shares an area with the page, else to
its disambiguation page.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate, repeat

import ahocorasick_rs

from .slugs import fold_word

_TOKEN = re.compile(r"[^\W_]+")
_SPLIT = re.compile(r"([^\W_]+)")  # text -> [blank, word, blank, word, ..., blank]
_URL = re.compile(r"\S+://\S*|\bwww\.\S+")
_GAP = re.compile(r"[\s\-–\\'’]+")
# The automaton reads two characters per word of text: whether the word joins the one before
# (a gap of blanks, hyphens, dashes, apostrophes) or not, then the word's code (OTHER: no name
# holds it). Codes of name words start above these.
_JOIN, _BREAK, _OTHER = "\x01", "\x02", "\x03"
_FIRST_CODE = 0x100


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
        targets: dict[tuple[str, ...], str] = {}  # folded words (or "=ACRONYM") -> term id
        for name, term_id in sorted(names, key=lambda pair: (pair[1], pair[0])):
            if keys := name_key(name):
                targets.setdefault(keys, term_id)
        self._ambiguous = {}
        for name, word in (ambiguous or {}).items():
            if keys := name_key(name):
                targets[keys] = "?" + word.page
            self._ambiguous["?" + word.page] = word
        self._acronyms = {keys[0][1:]: target for keys, target in targets.items() if keys[0].startswith("=")}
        folded = {keys: target for keys, target in targets.items() if not keys[0].startswith("=")}
        vocabulary = sorted({word for keys in folded for word in keys})
        self._code_of = {word: _code(number) for number, word in enumerate(vocabulary)}  # folded word -> code
        # Every lowercase ASCII spelling of a name word (plain and plural), and those that
        # start a name: a set or dict lookup per word of text, instead of a fold.
        self._spelling = {form: self._code_of[word] for word in vocabulary for form in _plural_forms(word)}
        self._starts = {form for keys in folded for form in _plural_forms(keys[0])}
        self._found = list(folded.items())  # pattern index -> (folded words, target)
        self._automaton = _automaton(self._found, self._code_of)

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
        parts = _SPLIT.split(text)
        words = parts[1::2]
        lowered = list(map(str.lower, words))
        if not self._may_start(text, words, lowered):
            return
        ends = list(accumulate(map(len, parts)))  # word i spans ends[2i]:ends[2i + 1]
        for first, last, target in self._found_words(text, parts, words, lowered, ends):
            yield Mention(ends[2 * first], ends[2 * last + 1], target)

    def targets(self, text: str) -> set[str]:
        """What ``mentions`` would find in ``text``, as the set of their targets: no positions,
        no ``Mention`` per match (``glossary check`` needs only which terms a text names)."""
        parts = _SPLIT.split(text)
        words = parts[1::2]
        lowered = list(map(str.lower, words))
        if not self._may_start(text, words, lowered):
            return set()
        if self._acronyms.keys().isdisjoint(words) and "://" not in text and "www." not in text:
            encoded = self._encode(parts, words, lowered, set(), text.isascii())
            matches = self._automaton.find_matches_as_indexes(encoded) if self._automaton else ()
            return {self._found[pattern][1] for pattern, _, _ in matches}
        ends = list(accumulate(map(len, parts)))
        return {target for _, _, target in self._found_words(text, parts, words, lowered, ends)}

    def _may_start(self, text: str, words: list[str], lowered: list[str]) -> bool:
        """Whether a name or abbreviation may start in ``text``: most lines start none, found before any encoding."""
        return not (self._starts.isdisjoint(lowered) and self._acronyms.keys().isdisjoint(words)
                    and (text.isascii() or not any(fold_word(w) in self._starts for w in words if not w.isascii())))

    def _found_words(self, text: str, parts: list[str], words: list[str], lowered: list[str],
                     ends: list[int]) -> list[tuple[int, int, str]]:
        """(first word, last word, target) of each mention, in order."""
        inside = _inside_urls(text, ends, len(words)) if "://" in text or "www." in text else set()
        encoded = self._encode(parts, words, lowered, inside, text.isascii())
        found = [(start // 2, end // 2 - 1, self._found[pattern][1]) for pattern, start, end
                 in self._automaton.find_matches_as_indexes(encoded)] if self._automaton else []
        if not self._acronyms.keys().isdisjoint(words):
            found = _with_acronyms(found, words, self._acronyms, inside)
        return found

    def _encode(self, parts: list[str], words: list[str], lowered: list[str], inside: set[int], ascii_only: bool) -> str:
        """Two characters per word: joined to the previous word or not, then its code."""
        codes = list(map(self._spelling.get, lowered, repeat(_OTHER)))  # dict.get(word, _OTHER), in C
        for index, word in enumerate(words) if inside or not ascii_only else ():
            if index in inside:
                codes[index] = _OTHER
            elif not word.isascii():  # accents: fold properly
                codes[index] = self._code_of.get(fold_word(word), _OTHER)
        joins = [_BREAK, *map(_join, parts[2:-1:2])]
        return "".join(map(operator.add, joins, codes))


def _code(number: int) -> str:
    """The character that stands for the ``number``-th name word (surrogates skipped)."""
    point = _FIRST_CODE + number
    return chr(point if point < 0xD800 else point + 0x800)


def _automaton(found: list[tuple[tuple[str, ...], str]], code_of: Mapping[str, str]) -> ahocorasick_rs.AhoCorasick | None:
    """Leftmost-longest Aho-Corasick over the encoded names: word codes joined by ``_JOIN``."""
    patterns = [_JOIN.join(code_of[word] for word in keys) for keys, _ in found]
    return ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) if patterns else None


def _with_acronyms(found: list[tuple[int, int, str]], words: list[str], acronyms: Mapping[str, str],
                   inside: set[int]) -> list[tuple[int, int, str]]:
    """``found`` plus each abbreviation written in capitals on a word no name covers.

    The leftmost-longest choice made with them is the one made without them, plus them: an
    abbreviation is one word, so where a name starts it loses (a folded name wins a tie),
    and taking it moves the scan on by that word alone, as finding nothing there would."""
    covered = {index for first, last, _ in found for index in range(first, last + 1)} | inside
    extra = [(index, index, acronyms[word]) for index, word in enumerate(words)
             if word in acronyms and index not in covered]
    return sorted(found + extra)


@functools.lru_cache(maxsize=4096)  # the gaps between words are few distinct strings
def _join(gap: str) -> str:
    return _JOIN if _GAP.fullmatch(gap) else _BREAK


def _inside_urls(text: str, ends: list[int], count: int) -> set[int]:
    """The words (by index) that start inside a URL: never part of a mention."""
    urls = [match.span() for match in _URL.finditer(text)]
    return {i for i in range(count) if any(a <= ends[2 * i] < b for a, b in urls)}
