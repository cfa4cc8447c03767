"""OpenGraph/Twitter tags and the PNG social cards, on a built fixture project (never the
real ``terms/``): the tags each page carries, the cards' size, the cache that spares an
unchanged term its redraw, and any Unicode drawn without a crash."""

from __future__ import annotations

import io
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from conftest import SMALL_SITE_URL, small_project
from site_build import cards
from site_build.extension import NO_CALCULATORS
from site_build.plugin import load_project
from site_build.project import generate

SITE = SMALL_SITE_URL


@pytest.fixture
def site(small_site) -> Path:
    return small_site


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = attributes.get("property") or attributes.get("name") or ""
        if tag == "meta" and key.startswith(("og:", "twitter:")):
            assert key not in self.tags, f"{key} given twice"
            self.tags[key] = attributes.get("content") or ""


def meta(site: Path, page: str) -> dict[str, str]:
    parser = _Meta()
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    return parser.tags


def test_a_term_page_carries_its_own_card_and_article_tags(site):
    tags = meta(site, "terms/initial-margin")
    assert tags["og:type"] == "article"
    assert tags["og:title"] == "Initial Margin"
    assert tags["og:description"] == "The collateral an exchange requires before it opens a leveraged position."
    assert tags["og:url"] == SITE + "terms/initial-margin/"
    assert tags["og:site_name"] == "Crypto Derivatives Glossary"
    assert tags["og:image"] == SITE + "cards/initial-margin.png"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["twitter:card"] == "summary_large_image"


@pytest.mark.parametrize("page", ["", "areas/margin", "contribute"])
def test_other_pages_are_websites_with_the_site_card(site, page):
    tags = meta(site, page) if page else _home(site)
    assert tags["og:type"] == "website"
    assert tags["og:image"] == SITE + cards.SITE_CARD
    assert tags["og:url"] == SITE + (page + "/" if page else "")
    assert tags["og:title"] and tags["og:description"] and tags["twitter:card"] == "summary_large_image"


def _home(site: Path) -> dict[str, str]:
    parser = _Meta()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    return parser.tags


def test_every_stable_term_has_a_1200_by_630_png(site):
    drawn = sorted(path.name for path in (site / cards.CARD_DIR).glob("*.png"))
    assert drawn == ["index.png", "initial-margin.png", "mark-price.png", "see-also.png"]
    for name in drawn:
        with Image.open(site / cards.CARD_DIR / name) as image:
            assert image.format == "PNG" and image.size == (cards.WIDTH, cards.HEIGHT)


def test_an_unchanged_term_is_not_redrawn_on_the_next_build(tmp_path, monkeypatch):
    project_dir = small_project(tmp_path / "project")
    project = load_project(project_dir / "mkdocs.yml")
    drawn: list[str] = []
    real_draw = cards.draw
    monkeypatch.setattr(cards, "draw", lambda card: drawn.append(card.path) or real_draw(card))
    generate(project, NO_CALCULATORS)
    assert sorted(drawn) == sorted(["cards/index.png", "cards/initial-margin.png", "cards/mark-price.png",
                                    "cards/see-also.png"])
    cache = project_dir / cards.CACHE
    stamps = {path: path.stat().st_mtime_ns for path in cache.iterdir()}
    drawn.clear()
    generate(project, NO_CALCULATORS)
    assert drawn == []
    assert {path: path.stat().st_mtime_ns for path in cache.iterdir()} == stamps
    term = project_dir / "terms" / "mark-price.yml"
    term.write_text(term.read_text(encoding="utf-8").replace("A venue's", "The venue's", 1), encoding="utf-8")
    assert not generate(project, NO_CALCULATORS).errors
    assert drawn == ["cards/mark-price.png"]


def test_cached_cards_unused_and_over_a_month_old_are_deleted(tmp_path):
    """The cache keeps what this build used and what was drawn lately (for a branch
    switched back to), and loses the rest: old cards of summaries since rewritten, and
    drawings a killed build left half-written."""
    now = 2_000_000_000.0
    month, day = cards.UNUSED_DAYS * 86400, 86400
    files = {"used-old.png": now - 2 * month, "unused-old.png": now - month - day, "unused-new.png": now - day,
             "half-drawn.png.123.tmp": now - 2 * month, "notes.txt": now - 2 * month}
    for name, stamp in files.items():
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, (stamp, stamp))
    cards.prune(tmp_path, {tmp_path / "used-old.png"}, now)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "unused-new.png", "used-old.png"]
    cards.prune(tmp_path / "missing", set(), now)  # no cache yet: nothing to do


def test_the_key_changes_with_every_drawn_text():
    base = cards.Card("cards/x.png", "Name", "Summary.", "Area", "Site")
    variants = [cards.Card("cards/x.png", *texts) for texts in
                (("Name2", "Summary.", "Area", "Site"), ("Name", "Summary!", "Area", "Site"),
                 ("Name", "Summary.", "Other", "Site"), ("Name", "Summary.", "Area", "Site2"),
                 ("Name\0Summary.", "", "Area", "Site"))]
    assert len({base.key, *(card.key for card in variants)}) == len(variants) + 1
    assert cards.Card("cards/y.png", "Name", "Summary.", "Area", "Site").key == base.key  # the path is not drawn


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(max_size=400), summary=st.text(max_size=600), area=st.text(max_size=80))
def test_any_unicode_is_drawn_into_a_valid_card(name, summary, area):
    png = cards.draw(cards.Card("cards/x.png", name, summary, area, "Site \u202e\ud800"))
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (cards.WIDTH, cards.HEIGHT)
        image.verify()


def test_wrapping_keeps_every_line_inside_the_card_and_marks_a_cut():
    """Words past three lines then a word too wide for a line, and that word first (its pieces are the lines)."""
    font = cards._font(cards.REGULAR, 34)
    for text in ("word " * 200 + "x" * 500, "x" * 500 + " word" * 200):
        lines = cards.wrap(text, font, 600, 3)
        assert len(lines) == 3 and lines[-1].endswith("…"), (text[:12], lines)
        assert all(font.getlength(line) <= 600 for line in lines), (text[:12], lines)
    assert cards.wrap("\x00\u200b\u2028", font, 600, 3) == []
