"""The Atom feed and each term page's History, against the git history of a fixture
repository this module creates (fixed author and committer dates), read by feedparser
and from the built HTML. Never the real ``terms/``."""

from __future__ import annotations

import os
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from conftest import FIXTURES, copy_project
from site_build import extension, feed
from site_build.dates import DateBook
from site_build.pipeline import load

SITE = "https://example.org/glossary/"
HOSTILE = "Initial margin: <b>tier</b> & *table* [x](javascript:alert(1)) `code` \u202e\u0001 ok"
HUB = ("name: See Also\nkind: definition\nsummary: Links the other terms.\nareas: [margin]\n"
       "related: [initial-margin, mark-price]\n")
# (file, committer time, subject), oldest first. Commit 4 is 12:00 UTC but commit 3,
# written 08:30 at UTC−5, is 13:30 UTC: the feed must order by instant, not by text.
COMMITS = [
    (None, "2024-01-10T09:00:00+00:00", "Add the first terms"),
    ("initial-margin.yml", "2024-03-05T12:00:00+02:00", HOSTILE),
    ("initial-margin.yml", "2024-06-01T08:30:00-05:00", "Initial margin: clearer summary"),
    ("mark-price.yml", "2024-06-01T12:00:00+00:00", "Mark price: add a source"),
]


def _git(root: Path, *args: str, when: str = "2024-01-01T00:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Fixture", "GIT_AUTHOR_EMAIL": "fixture@example.org",
           "GIT_COMMITTER_NAME": "Fixture", "GIT_COMMITTER_EMAIL": "fixture@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def make_repository(root: Path) -> Path:
    """The check-base fixture project as a git repository holding ``COMMITS``."""
    copy_project(root, FIXTURES / "check-base" / "terms")
    (root / "terms" / "see-also.yml").write_text(HUB, encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    for number, (name, when, subject) in enumerate(COMMITS):
        if name:
            path = root / "terms" / name
            path.write_text(path.read_text(encoding="utf-8") + f"# revision {number}\n", encoding="utf-8")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", subject, when=when)
    return root


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    return make_repository(tmp_path_factory.mktemp("feed") / "project")


@pytest.fixture(scope="module")
def site(repository, tmp_path_factory) -> Path:
    """The repository built by MkDocs (strict) without its calculators, which neither the feed nor a
    term's History reads: their pages were two thirds of the build (the nav loses their index)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("feed-site") / "site"
    config = load_config(str(repository / "mkdocs.yml"), site_dir=str(site_dir), strict=True, site_url=SITE)
    config.nav = [entry for entry in config.nav if "Calculators" not in entry]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extension, "installed", lambda: extension.NO_CALCULATORS)
        build(config)
    return site_dir


def _shown(subject: str) -> str:
    """A subject as the history keeps it: control characters dropped, blanks collapsed."""
    return " ".join("".join(ch for ch in subject if ch.isprintable() or ch == " ").split())


def _expected(path: str) -> list[tuple[str, str]]:
    """(time, subject) of the fixture commits that touched ``terms/<path>``, newest first."""
    return [(when, subject) for name, when, subject in reversed(COMMITS) if name in (None, path)]


def test_date_book_reads_each_files_changes_from_one_log(repository):
    book = DateBook(repository)
    changes = [(c.when, c.subject) for c in book.changes("terms/initial-margin.yml")]
    assert changes == [(when, _shown(subject)) for when, subject in _expected("initial-margin.yml")]
    dates = book.of("terms/initial-margin.yml")
    assert (dates.published, dates.modified) == ("2024-01-10", "2024-06-01")
    assert book.changes("terms/unknown.yml") == ()


def test_feed_is_valid_atom_with_entries_in_the_order_of_the_git_history(site):
    parsed = feedparser.parse((site / feed.FEED).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.id == SITE and parsed.feed.title == "Crypto Derivatives Glossary"
    assert any(link.rel == "self" and link.href == SITE + "feed.xml" for link in parsed.feed.links)
    assert parsed.feed.author
    ids = [entry.id for entry in parsed.entries]
    assert ids == [SITE + "terms/initial-margin/", SITE + "terms/mark-price/", SITE + "terms/see-also/"]
    first, second, third = parsed.entries
    assert first.updated == "2024-06-01T08:30:00-05:00" and first.published == "2024-01-10T09:00:00+00:00"
    assert second.updated == "2024-06-01T12:00:00+00:00"
    assert third.updated == third.published == "2024-01-10T09:00:00+00:00"
    assert third.content[0].value == "Add the first terms"
    assert parsed.feed.updated == first.updated
    assert first.content[0].value == "Initial margin: clearer summary"
    assert first.title == "Initial Margin" and first.link == SITE + "terms/initial-margin/"
    assert first.summary.startswith("The collateral")


class _History(HTMLParser):
    """The (datetime, text) of each item of the list after the page's History heading."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str]] = []
        self._state = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "h2":
            self._state = "heading" if attributes.get("id") == "history" else ""
        elif tag == "ul" and self._state == "heading":
            self._state = "list"
        elif tag == "li" and self._state == "list":
            self.items.append(("", ""))
        elif tag == "time" and self._state == "list":
            self.items[-1] = (attributes.get("datetime") or "", self.items[-1][1])

    def handle_endtag(self, tag):
        if tag == "ul" and self._state == "list":
            self._state = "done"

    def handle_data(self, data):
        if self._state == "list" and self.items:
            self.items[-1] = (self.items[-1][0], self.items[-1][1] + data)


def _history(site: Path, term_id: str) -> list[tuple[str, str]]:
    parser = _History()
    parser.feed((site / "terms" / term_id / "index.html").read_text(encoding="utf-8"))
    return parser.items


def test_term_page_history_lists_its_changes_newest_first_as_plain_text(site):
    shown = _history(site, "initial-margin")
    expected = [(when, f"{when[:10]}: {_shown(subject)}") for when, subject in _expected("initial-margin.yml")]
    assert [(when, text.strip()) for when, text in shown] == expected
    page = (site / "terms" / "initial-margin" / "index.html").read_text(encoding="utf-8")
    assert "<b>tier</b>" not in page and 'href="javascript' not in page
    assert '<li><time datetime="2024-06-01T08:30:00-05:00">' in page  # a tight list: no paragraph per item
    assert _history(site, "mark-price")[0][0] == "2024-06-01T12:00:00+00:00"


def test_feed_without_history_falls_back_to_one_date_and_still_validates(repository, tmp_path, monkeypatch):
    """A shallow clone knows no history: every entry carries the fallback date."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repository.as_uri(), str(clone)], check=True)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    book = DateBook(clone)
    assert book.changes("terms/initial-margin.yml") == () and book.fallback == "2026-01-01"
    glossary = load(clone, calculators={}).glossary
    parsed = feedparser.parse(feed.atom(glossary, book, SITE, "Test", "").encode())
    assert not parsed.bozo
    assert [e.updated for e in parsed.entries] == ["2026-01-01T00:00:00Z"] * 3
    assert [e.id for e in parsed.entries] == [SITE + f"terms/{name}/" for name in ("initial-margin", "mark-price", "see-also")]
    assert all("content" not in e for e in parsed.entries)


def test_feed_keeps_the_fifty_newest_stable_terms(repository):
    assert feed.LIMIT == 50
    glossary = load(repository, calculators={}).glossary
    assert [t.id for t, _ in feed.recent(glossary, DateBook(repository), limit=1)] == ["initial-margin"]
