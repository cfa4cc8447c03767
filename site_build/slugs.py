"""Slugs, folding and near-name matching: the one place names are normalised.

Ids, alias URLs, collision checks, near-duplicate detection and the auto-linker all
compare names through these functions, so they always agree.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_IDS = frozenset({"index", "page", "tags", "areas"})


def slugify(name: str) -> str:
    """NFKD → ASCII, lowercase, runs of non-alphanumerics → ``-``, trimmed."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")


def fold_plural(word: str) -> str:
    """Fold a simple English plural to its singular: ``tiers`` → ``tier``, ``strategies`` → ``strategy``."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def collision_key(name: str) -> str:
    """Two names collide when these keys are equal (slug with a trailing plural folded)."""
    slug = slugify(name)
    head, _, last = slug.rpartition("-")
    return f"{head}-{fold_plural(last)}" if head else fold_plural(last)


@functools.lru_cache(maxsize=65536)  # the linker folds every word of every text; vocabularies are small
def fold_word(word: str) -> str:
    """Case- and plural-fold one word, the unit of near-duplicate and link matching."""
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")
    return fold_plural((ascii_word or word).lower())


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits), in order."""
    return _WORD.findall(text)


def word_set(name: str) -> frozenset[str]:
    """The folded word set that defines a near-duplicate name."""
    return frozenset(fold_word(w) for w in words(name))


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
