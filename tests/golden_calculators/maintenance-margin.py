import math
import re
from decimal import Decimal


class CalculatorInputError(ValueError):
    """An input the calculator refuses; the message names it, the value and the allowed range."""


QUOTE_LIMIT = 40
NUMBER = re.compile('\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?\\s*\\Z')


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


def quote(value: object) -> str:
    """A refused value as a message repeats it: text in quotes, a float as JavaScript's ``String(x)``.

    JavaScript writes values the same way (runtime.js ``quote`` and ``quoteValue``), so one
    mistake reads the same in every language. The text is cut to about ``QUOTE_LIMIT``
    characters with "…": a pasted 100,000-digit number must not become a huge message.
    """
    if isinstance(value, float):
        if math.isfinite(value):
            text = js_string(value)
        else:
            text = "NaN" if math.isnan(value) else "-Infinity" if value < 0 else "Infinity"
    else:
        text = value if isinstance(value, str) else repr(value)
    text = text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "…"
    return f"'{text}'" if isinstance(value, str) else text


def as_number(name: str, value: object) -> float:
    """``value`` as a finite float, or ``CalculatorInputError`` naming the input."""
    if isinstance(value, bool):
        raise CalculatorInputError(f"{name} must be a number, got {quote(value)}")
    if isinstance(value, str):  # text is read as runtime.js reads it (tests/data/runtime-cases.json)
        if not value.strip():
            raise CalculatorInputError(f"{name} is required")
        if not NUMBER.match(value):
            raise CalculatorInputError(f"{name} must be a number, got {quote(value)}")
    try:
        number = float(value)
    except OverflowError:  # an int beyond the largest double
        raise CalculatorInputError(f"{name} must be a finite number, got {quote(value)}") from None
    except (TypeError, ValueError):
        raise CalculatorInputError(f"{name} must be a number, got {quote(value)}") from None
    if not math.isfinite(number):
        raise CalculatorInputError(f"{name} must be a finite number, got {quote(value)}")
    return number


def check_number(name: str, value: object, low=None, high=None, low_open=False, bounds="any finite number") -> float:
    """``value`` as a finite float within ``low``/``high`` (``bounds`` says them in words), or ``CalculatorInputError``."""
    number = as_number(name, value)
    too_low = low is not None and (number <= low if low_open else number < low)
    if too_low or (high is not None and number > high):
        raise CalculatorInputError(f"{name} = {js_string(number)} is out of range; it must be {bounds}")
    return number


def check_outputs(outputs: dict) -> dict:
    """``outputs`` unchanged when every one is a finite number; a NaN or an infinity means the inputs were too extreme."""
    for name, value in outputs.items():
        if not math.isfinite(value):
            raise CalculatorInputError(f"these inputs are too extreme: {name} is not a finite number")
    return outputs


def tier_lookup(tiers, notional):
    """Rate, maintenance amount and 1-based number of the tier that holds ``notional``."""
    amount, previous_rate = 0.0, None
    for number, tier in enumerate(tiers, start=1):
        rate = tier["maintenance_margin_rate"]
        if previous_rate is not None:
            amount = tier["floor"] * (rate - previous_rate) + amount
        previous_rate = rate
        if notional <= tier["cap"]:
            return rate, amount, number
    raise ValueError(f"notional {notional} is above the last tier's cap {tiers[-1]['cap']}")


def maintenance_margin(*, notional, maintenance_margin_rate=None, maintenance_amount=None, tiers=None):
    """Maintenance margin: Maintenance margin of a position from a rate and amount, or from a tier table.

    notional: Position notional (USDT); ≥ 0.
    maintenance_margin_rate: Maintenance margin rate (decimal); ≥ 0 and ≤ 1.
    maintenance_amount: Maintenance amount (USDT); ≥ 0.
    tiers: Tier table (JSON, optional); a JSON list of {floor, cap, maintenance_margin_rate} tiers.
    Returns every output by name: maintenance_margin, applied_rate, applied_amount, tier.
    """
    notional = check_number('notional', notional, low=0.0, bounds='≥ 0')
    if maintenance_margin_rate is not None:
        maintenance_margin_rate = check_number('maintenance_margin_rate', maintenance_margin_rate, low=0.0, high=1.0, bounds='≥ 0 and ≤ 1')
    if maintenance_amount is not None:
        maintenance_amount = check_number('maintenance_amount', maintenance_amount, low=0.0, bounds='≥ 0')
    tier = 0
    if tiers:
        if maintenance_margin_rate is not None or maintenance_amount is not None:
            raise ValueError('give either tiers or maintenance_margin_rate and maintenance_amount, not both: a tier table supplies the rate and the amount')
        maintenance_margin_rate, maintenance_amount, tier = tier_lookup(tiers, notional)
    elif maintenance_margin_rate is None:
        raise ValueError('give maintenance_margin_rate or tiers')
    if maintenance_amount is None:
        maintenance_amount = 0.0
    if not (maintenance_amount <= maintenance_margin_rate*notional):
        raise ValueError('maintenance_amount must not exceed notional × maintenance_margin_rate (the margin would be negative)')
    maintenance_margin = -maintenance_amount + maintenance_margin_rate*notional
    applied_rate = maintenance_margin_rate
    applied_amount = maintenance_amount
    return check_outputs({"maintenance_margin": maintenance_margin, "applied_rate": applied_rate, "applied_amount": applied_amount, "tier": tier})
