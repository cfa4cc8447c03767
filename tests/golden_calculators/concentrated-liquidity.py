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


def concentrated_liquidity(*, price, price_lower, price_upper, liquidity):
    """Concentrated liquidity position (Uniswap v3): Token amounts and value of a Uniswap v3 liquidity position over a price range.

    price: Current price (token1 per token0); > 0.
    price_lower: Lower price of the range (token1 per token0); > 0.
    price_upper: Upper price of the range (token1 per token0); > 0.
    liquidity: Liquidity L (√(token0·token1)); > 0.
    Returns every output by name: value, amount0, amount1.
    """
    price = check_number('price', price, low=0.0, low_open=True, bounds='> 0')
    price_lower = check_number('price_lower', price_lower, low=0.0, low_open=True, bounds='> 0')
    price_upper = check_number('price_upper', price_upper, low=0.0, low_open=True, bounds='> 0')
    liquidity = check_number('liquidity', liquidity, low=0.0, low_open=True, bounds='> 0')
    if not (price_lower < price_upper):
        raise ValueError('price_lower must be below price_upper: a range needs two distinct ends')
    clamped_price = min(price_upper, max(price, price_lower))
    value = liquidity*(math.sqrt(clamped_price) - math.sqrt(price_lower) + price*(-math.sqrt(clamped_price) + math.sqrt(price_upper))/(math.sqrt(clamped_price)*math.sqrt(price_upper)))
    amount0 = liquidity*(-math.sqrt(clamped_price) + math.sqrt(price_upper))/(math.sqrt(clamped_price)*math.sqrt(price_upper))
    amount1 = liquidity*(math.sqrt(clamped_price) - math.sqrt(price_lower))
    return check_outputs({"value": value, "amount0": amount0, "amount1": amount1})
