"""The "Data and reuse" page (docs/data.md) lists every file the site publishes.

Paths come from ``published.published_files`` run on a fixture glossary, so a new format
added there fails this test until the page says what it is and how to use it.
"""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES
from site_build import published, urls
from site_build.extension import NO_CALCULATORS
from site_build.pipeline import load

PAGE = Path(__file__).resolve().parent.parent / "docs" / "data.md"


def test_every_published_file_is_listed_with_its_path():
    glossary = load(FIXTURES / "check-base", calculators=dict(NO_CALCULATORS.registry)).glossary
    files = published.published_files(glossary, "https://example.org/", "Title", "Description")
    text = PAGE.read_text(encoding="utf-8")
    paths = [item.path for item in files] + [urls.GLOSSARY_JSON, "terms/<id>.md", "areas/<id>.md", "cards/<id>.png"]
    missing = [path for path in paths if f"`/{path}`" not in text]
    assert not missing, f"docs/data.md does not list {missing}; add a row and an example for each"


def test_the_page_states_both_licences_and_the_mcp_command():
    text = PAGE.read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "MIT" in text
    assert '"args": ["--root", "/path/to/glossary", "mcp"]' in text
