"""Counting with decimals as they were written, so 0.3 ÷ 0.1 gives 3 requests, not 2.

Binary floating point stores 0.3 as slightly less than 0.3, so ``floor(0.3 / 0.1)`` is 2.
``floor_quotient`` divides the shortest decimals that read back as the two numbers
(``repr`` in Python, ``String`` in JavaScript: the same digits) exactly, with fractions.
It is stdlib-only because the Python snippet copies it verbatim; ``runtime.js`` holds the
same rule (``floorQuotient``, with BigInt).
"""

from __future__ import annotations


def floor_quotient(a, b):
    """⌊a ÷ b⌋ for a and b read as the decimals they were written as."""
    from fractions import Fraction

    return (Fraction(repr(float(a))) / Fraction(repr(float(b)))).__floor__()
