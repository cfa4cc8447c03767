"""URL safety: which scheme a browser sees in a link target, decoded exactly as it decodes it.

A target reaches the browser as an HTML attribute value, so character references are
decoded first (``&#58;``, ``&#x3A;``, ``&colon;``, ``&#0000058``: with or without ``;``,
by the HTML standard's rules for attributes); then the WHATWG URL parser strips leading
and trailing C0 controls and spaces, removes every tab, LF and CR, and reads the scheme
as a leading ``[A-Za-z][A-Za-z0-9+.-]*:``. ``is_safe_url`` is the one place that decides;
the Markdown escaper, the HTML sanitizer and ``glossary check`` all ask it.
"""

from __future__ import annotations

import re
from html.entities import html5

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_REFERENCE = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*;?))")
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*(?=:)")
# The HTML standard maps these numeric references (C1 range) through windows-1252.
_WINDOWS_1252 = dict(zip(
    [0x80, *range(0x82, 0x8D), 0x8E, *range(0x91, 0x9D), 0x9E, 0x9F],
    "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", strict=True))


def _numeric(digits: str, base: int) -> str:
    digits = digits.lstrip("0") or "0"
    number = int(digits, base) if len(digits) <= 8 else 0x110000  # longer overflows, as in the browser
    if number == 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return "\ufffd"
    return _WINDOWS_1252.get(number) or chr(number)


def _reference(match: re.Match[str], text: str) -> str:
    hexadecimal, decimal, name = match.groups()
    if hexadecimal is not None:
        return _numeric(hexadecimal, 16)
    if decimal is not None:
        return _numeric(decimal, 10)
    # Named: the longest name in the table wins; in an attribute, a match without ';'
    # followed by '=' or a letter or digit is left as written (the standard's legacy rule).
    for end in range(len(name), 1, -1):
        if name[:end] in html5:
            following = name[end:end + 1] or text[match.end():match.end() + 1]
            if not name[:end].endswith(";") and (following == "=" or (following.isascii() and following.isalnum())):
                return match.group(0)
            return html5[name[:end]] + name[end:]
    return match.group(0)


def decode_attribute(value: str) -> str:
    """An attribute value as the browser's DOM holds it (character references decoded)."""
    if "&" not in value and "\0" not in value:
        return value
    value = value.replace("\0", "\ufffd")
    return _REFERENCE.sub(lambda match: _reference(match, value), value)


def url_scheme(value: str) -> str | None:
    """The scheme a browser reads in the attribute value ``value`` (lowercase), or None
    when the target has none (relative, protocol-relative, fragment or query)."""
    return decoded_url_scheme(decode_attribute(value))


def decoded_url_scheme(url: str) -> str | None:
    """``url_scheme`` of a value already decoded (as the DOM holds it)."""
    match = _SCHEME.match(_TAB_OR_NEWLINE.sub("", url.strip(_C0_OR_SPACE)))
    return match.group(0).lower() if match else None


def is_safe_url(value: str) -> bool:
    """True for http(s), mailto and scheme-less targets; false for every other scheme
    (javascript, vbscript, data, file, blob, unknown ones)."""
    if value and value[0] in "#/.?":  # the common relative cases, without decoding
        return True
    scheme = url_scheme(value)
    return scheme is None or scheme in SAFE_SCHEMES
