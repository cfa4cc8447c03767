"""How a number is written: JavaScript's ``String(x)`` and the text a reader sees.

Both rules exist twice, here and in ``runtime.js`` (``GlossaryCalculators.display``),
because the page is built in Python with its results filled in and the widget script
then rewrites them. They must give the same text for every number, or a reader would see
a result change when the script loads; ``tests/data/runtime-cases.json`` holds the cases
both implementations are run against.

The display rule: zero is ``0`` (also ``-0``). A magnitude from ``FIXED_FROM`` up to
``FIXED_BELOW`` is written in full with thousands separators, rounded to ``SIGNIFICANT``
significant digits but never losing an integer digit (a 15-digit integer keeps all 15);
trailing fraction zeros are dropped. Anything else is written as ``d.ddde±x`` with at most
``SIGNIFICANT`` significant digits. Rounding is half away from zero on the exact binary
value, which is what JavaScript's ``toFixed`` and ``toExponential`` do, so no
locale-dependent formatter is involved on either side.

A rate (an output whose unit is ``decimal``, or ``decimal per year`` and the like) is shown
as a percentage: the display of ``100·x`` followed by ``%`` (``0.004`` shows ``0.4%``), while
``data-value`` keeps ``String(x)`` of the decimal itself. Inputs stay decimals.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

SIGNIFICANT = 12
FIXED_FROM = 1e-6
FIXED_BELOW = 1e15
_CONTEXT = Context(prec=60, rounding=ROUND_HALF_UP)


def js_string(value: float) -> str:
    """JavaScript's ``String(x)`` for a finite number: shortest round-trip digits, JS layout."""
    value = float(value)
    if value == 0:
        return "0"
    if value < 0:
        return "-" + js_string(-value)
    _, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    text, point = "".join(map(str, digits)), len(digits) + exponent
    if len(text) <= point <= 21:
        return text + "0" * (point - len(text))
    if 0 < point <= 21:
        return f"{text[:point]}.{text[point:]}"
    if -6 < point <= 0:
        return "0." + "0" * -point + text
    power = f"e{'+' if point - 1 >= 0 else '-'}{abs(point - 1)}"
    return (text[0] + ("." + text[1:] if len(text) > 1 else "")) + power


def display(value: float) -> str:
    """The text a reader sees for ``value`` (the rule is in the module docstring)."""
    value = float(value)
    if value == 0:
        return "0"
    sign, size = ("-" if value < 0 else ""), abs(value)
    if FIXED_FROM <= size < FIXED_BELOW:
        return sign + _fixed(size)
    return sign + _exponential(size)


def is_rate(unit: str) -> bool:
    """Whether an output in ``unit`` is a rate, shown as a percentage ("decimal", "decimal per year")."""
    return unit == "decimal" or unit.startswith("decimal ")


def display_percent(value: float) -> str:
    """A rate as a percentage: ``display(100·x) + "%"``; beyond ±1.79e306 (100·x not finite) the decimal."""
    scaled = float(value) * 100
    return f"{display(scaled)}%" if math.isfinite(scaled) else display(value)


def unit_text(unit: str) -> str:
    """The unit written after a result: a rate's "decimal" goes, since the number carries "%"."""
    return unit.removeprefix("decimal").strip() if is_rate(unit) else unit


def _power(size: float) -> int:
    """The e with 10^e ≤ size < 10^(e+1), compared as doubles (exactly as runtime.js does)."""
    power = 14
    while power > -6 and size < float(f"1e{power}"):
        power -= 1
    return power


def _fixed(size: float) -> str:
    decimals = max(0, SIGNIFICANT - 1 - _power(size))
    rounded = Decimal(size).quantize(Decimal(1).scaleb(-decimals), context=_CONTEXT)
    whole, _, fraction = f"{rounded:f}".partition(".")
    fraction = fraction.rstrip("0")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


def _exponential(size: float) -> str:
    rounded = Context(prec=SIGNIFICANT, rounding=ROUND_HALF_UP).plus(Decimal(size))
    digits = "".join(map(str, rounded.as_tuple().digits)).rstrip("0") or "0"
    mantissa = digits[0] + (f".{digits[1:]}" if len(digits) > 1 else "")
    return f"{mantissa}e{rounded.adjusted():+d}"
