"""glossary_links on sites we do not build: a plain MkDocs site (the ``mkdocs`` theme, no
Material, no glossary plugin) and a Zensical site, each enabling only the extension with a
local glossary.json fixture, built by the engine's own command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES

pytestmark = pytest.mark.site
GLOSSARY = FIXTURES / "glossary-links" / "glossary.json"
PAGES = {
    "index.md": "# Funding Rate\n\nThe funding rates and `funding rate`, then [funding rate](second.md).\n\n"
                "```\nliquidation\n```\n\nA liquidation, and funding rates again.\n",
    "second.md": "# Second page\n\nEach page links its own first mention: funding rate, FR.\n",
}
LINK = re.compile(r'<a class="glossary-link" href="([^"]*)" title="([^"]*)">([^<]*)</a>')


def other_site(root: Path, glossary: str = "glossary.json", theme: str = "theme:\n  name: mkdocs\n") -> Path:
    """A small docs project of two pages whose mkdocs.yml enables only ``glossary_links``."""
    (root / "docs").mkdir(parents=True)
    shutil.copy(GLOSSARY, root / "glossary.json")
    for name, text in PAGES.items():
        (root / "docs" / name).write_text(text)
    (root / "mkdocs.yml").write_text(
        f"site_name: Other Docs\n{theme}markdown_extensions:\n  - fenced_code\n"
        f"  - glossary_links:\n      glossary: {glossary}\n")
    return root


def engine(name: str, project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", name, "build", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


def links(html: str) -> list[tuple[str, str, str]]:
    """(href, title, text) of each glossary link in the page's content."""
    return LINK.findall(html)


def assert_linked_as_the_glossary_says(site: Path) -> None:
    index = (site / "index.html").read_text()
    rate = "https://example.org/glossary/terms/funding-rate/"
    title = "The periodic rate &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; that longs pay shorts."
    assert links(index) == [(rate, title, "funding rates"),
                            ("https://example.org/glossary/terms/liquidation/",
                             "Closing a position wzxhzdk:0 whose margin ran out.", "liquidation")]
    assert "<script>alert(1)" not in index
    assert re.search(r"<code>funding rate</code>", index) and re.search(r"<code>liquidation\s*</code>", index)
    assert re.search(r"<h1[^>]*>Funding Rate", index) and '<a href="second/">funding rate</a>' in index
    assert links((site / "second" / "index.html").read_text()) == [(rate, title, "funding rate")]


def test_a_plain_mkdocs_site_links_first_mentions(tmp_path):
    project = other_site(tmp_path / "project")
    result = engine("mkdocs", project, "--strict", "--site-dir", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Aborted with 3 warnings in strict mode" in output  # the fixture's bad entries
    assert "WARNING -  glossary.json: entry 2 links to 'javascript:alert(document.cookie)'" in output
    result = engine("mkdocs", project, "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert_linked_as_the_glossary_says(tmp_path / "site")


def test_a_missing_glossary_is_one_error_line_without_traceback(tmp_path):
    project = other_site(tmp_path / "project", glossary="nowhere/glossary.json")
    result = engine("mkdocs", project, "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1 and "Aborted with 1 errors in strict mode" in result.stdout + result.stderr
    assert ("ERROR   -  nowhere/glossary.json:1:1: error: cannot be read (No such file or directory); give the path"
            in result.stderr)
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr


def test_a_zensical_site_links_first_mentions(tmp_path):
    if shutil.which("zensical", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("Zensical is not installed: pip install -e '.[test]' installs the pinned version")
    project = other_site(tmp_path / "project", theme="")  # Zensical's own theme: it cannot run mkdocs's templates
    result = engine("zensical", project, "--config-file", "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert "entry 2 links to 'javascript:alert(document.cookie)'" in result.stdout + result.stderr
    assert_linked_as_the_glossary_says(project / "site")
