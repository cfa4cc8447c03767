"""Social cards: a 1200×630 PNG per stable term, and one for the site, drawn with Pillow.

A card shows the site name, the term's first area, its name and its summary, in the
vendored DejaVu Sans (``site_build/fonts/``, licence beside it). Drawing one costs about
15 ms, so each PNG is kept in ``.cache/cards/`` under the project, named by the
hash of everything drawn (texts, fonts, layout version): a term whose card text is
unchanged costs one ``stat`` on the next build, and the build copies (or hard-links)
the cached file into ``/cards/<term-id>.png``. A cached card the build does not use and
that was drawn more than ``UNUSED_DAYS`` ago is deleted (``prune``), so the cache does not
keep a card for every summary a term ever had; a branch switched back to soon finds its
cards. Any Unicode is drawn safely: characters
that are not printable are dropped, glyphs the font lacks show as its empty box.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from . import urls
from .model import Glossary

WIDTH, HEIGHT = 1200, 630
CARD_DIR = "cards"
SITE_CARD = f"{CARD_DIR}/index.png"  # "index" is a reserved term id, so no term card can take it
CACHE = Path(".cache") / "cards"
UNUSED_DAYS = 30
VERSION = "2"  # bump when the layout below changes: every cached card is redrawn
FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
MARGIN = 72
PAPER, INK, ACCENT = (48, 63, 159), (255, 255, 255), (100, 255, 218)  # Material indigo, white, teal
TITLE, TEXT, NOTE, BAR = 254, 205, 175, 255  # shades: palette indices (see _palette)


@dataclass(frozen=True)
class Card:
    """One card: where the site serves it and the texts drawn on it."""

    path: str
    name: str
    summary: str
    area: str
    site: str

    @property
    def key(self) -> str:
        """The cache key: a hash of the drawn texts, the fonts and the layout version."""
        drawn = json.dumps([VERSION, _font_digest(), WIDTH, HEIGHT, self.name, self.summary, self.area, self.site])
        return hashlib.sha256(drawn.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def term_card(term_id: str) -> str:
    return f"{CARD_DIR}/{term_id}.png"


def cards_for(glossary: Glossary, site_name: str, description: str) -> list[Card]:
    """The site's card, then one per stable term (its first area named on it)."""
    areas = {area.id: area.name for area in glossary.areas}
    found = [Card(SITE_CARD, site_name, description, "", "")]
    for term in glossary.terms:
        if term.listed:
            area = areas.get(term.areas[0], "") if term.areas else ""
            found.append(Card(term_card(term.id), term.name, term.summary, area, site_name))
    return found


def cached(card: Card, cache: Path) -> Path:
    """The card's PNG in ``cache``, drawn and stored first if no build has drawn it yet."""
    target = cache / f"{card.key}.png"
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        partial.write_bytes(draw(card))
        os.replace(partial, target)  # never a half-written card, even with two builds at once
    return target


def prune(cache: Path, used: Set[Path], now: float) -> None:
    """Delete the cached cards (and drawings left half-done) this build did not use and that
    are older than ``UNUSED_DAYS``; ``now`` is the build's clock, in seconds since the epoch."""
    if not cache.is_dir():
        return
    cutoff = now - UNUSED_DAYS * 86400
    for file in cache.iterdir():
        if file not in used and file.suffix in (".png", ".tmp"):
            with contextlib.suppress(OSError):  # gone already, or not ours to delete
                if file.stat().st_mtime < cutoff:
                    file.unlink()


@functools.cache
def _font_digest() -> str:
    digest = hashlib.sha256()
    for font in (REGULAR, BOLD):
        digest.update(font.read_bytes())
    return digest.hexdigest()


@functools.cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def printable(text: str) -> str:
    """``text`` with every non-printable character dropped and blanks collapsed."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, lines: int) -> list[str]:
    """At most ``lines`` lines no wider than ``width``; a word too long is cut; "…" ends a cut text.

    Wrapping stops once there are more lines than fit (the rest is cut anyway), and a word is
    broken by bisection: an unbroken 600-character text costs a few measurements a line, not
    seconds of them (every prefix measured, for every line of it)."""
    result, line = [], ""
    for word in filter(None, printable(text).split(" ")):
        while len(result) <= lines and font.getlength(word) > width:  # a single word wider than the card: break it
            cut = _fitting(word, font, width)
            result, line = [*result, line] if line else result, ""
            result.append(word[:cut])
            word = word[cut:]
        if len(result) > lines:
            break
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width:
            line = candidate
        else:
            result.append(line)
            line = word
    result = [*result, line] if line else result
    if len(result) > lines:
        result = result[:lines]
        last = result[-1]
        while last and font.getlength(last + " …") > width:
            last = last[:-1]
        result[-1] = last.rstrip() + " …"
    return result


def _fitting(word: str, font: ImageFont.FreeTypeFont, width: int) -> int:
    """The length of ``word``'s longest prefix no wider than ``width`` (at least 1; ``word`` itself is wider)."""
    fits, wider = 0, len(word)
    while wider - fits > 1:
        middle = (fits + wider) // 2
        fits, wider = (middle, wider) if font.getlength(word[:middle]) <= width else (fits, middle)
    return max(1, fits)


@functools.cache
def _palette() -> list[int]:
    """Indices 0–254 run from the paper colour to white, 255 is the accent.

    Text is drawn antialiased as shades of one grey image, so the PNG is a 1-byte-per-pixel
    palette image: a third of the bytes to compress of RGB, the main cost of a card.
    """
    shades = [round(p + (i - p) * step / 254) for step in range(255) for p, i in zip(PAPER, INK, strict=True)]
    return shades + list(ACCENT)


def draw(card: Card) -> bytes:
    """The card as PNG bytes: site name and area on top, the name large, the summary below."""
    shades = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(shades)
    inner = WIDTH - 2 * MARGIN
    pen.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=BAR)
    top, small = " · ".join(filter(None, (printable(card.site), printable(card.area)))), _font(REGULAR, 30)
    y = MARGIN
    if top:
        pen.text((MARGIN, y), wrap(top, small, inner, 1)[0], font=small, fill=NOTE)
        y += 70
    title = _font(BOLD, 68)
    for line in wrap(card.name, title, inner, 2):
        pen.text((MARGIN, y), line, font=title, fill=TITLE)
        y += 84
    body = _font(REGULAR, 34)
    y += 24
    for line in wrap(card.summary, body, inner, max(1, (HEIGHT - 60 - y) // 46)):
        pen.text((MARGIN, y), line, font=body, fill=TEXT)
        y += 46
    image = Image.frombytes("P", shades.size, shades.tobytes())
    image.putpalette(_palette())
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def page_cards(paths: list[str]) -> dict[str, str]:
    """Each term page's source (``terms/<id>.md``) → its card's site path, from the
    paths of the published files (a preview with errors publishes none)."""
    found = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        if folder == CARD_DIR and name.endswith(".png") and path != SITE_CARD:
            found[urls.term_page(name[: -len(".png")])] = path
    return found


def social_tags(*, title: str, description: str, url: str, site_name: str, site_url: str,
                card: str | None, article: bool) -> list[tuple[str, str, str]]:
    """``(attribute, key, content)`` of a page's OpenGraph and Twitter ``<meta>`` tags.

    ``card`` is the image's site path (None when the build drew none: then no image
    tags, and Twitter's plain ``summary`` card).
    """
    tags = [("property", "og:type", "article" if article else "website"), ("property", "og:title", title),
            ("property", "og:description", description), ("property", "og:url", url),
            ("property", "og:site_name", site_name)]
    if card:
        tags += [("property", "og:image", urls.file_url(site_url, card)),
                 ("property", "og:image:type", "image/png"), ("property", "og:image:width", str(WIDTH)),
                 ("property", "og:image:height", str(HEIGHT)), ("property", "og:image:alt", f"{title}: {description}")]
    tags += [("name", "twitter:card", "summary_large_image" if card else "summary"), ("name", "twitter:title", title),
             ("name", "twitter:description", description)]
    return [(attribute, key, printable(content)) for attribute, key, content in tags]
