"""A preview rebuild shows what a fresh preview of the same files shows, byte for byte.

In-process ``mkdocs serve`` builds (the plugin in serving mode, MkDocs' own ``build``) of
the small ``check-base`` glossary plus two terms: each test edits a file, rebuilds the
kept preview (memo, reused pages, kept site folder, kept search entries) and compares
every file of its site folder with a first build of the same files by a new plugin (no
cache at all); after the edit is undone, with the fixture's own first build. Same serve
address and mode for both: a ``mkdocs build`` differs only by ``site_url`` and the
preview's looser script policy.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import mkdocs.utils
import mkdocs.utils.meta
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from conftest import small_project

SERVE_URL = "http://127.0.0.1:8000/glossary/"
NOTE = ("name: Funding Note\nkind: definition\nsummary: A note on Quokka Margin and Mark Price.\n"
        "areas: [margin]\nrelated: [initial-margin]\ntags: [margin]\n")
SPARE = "name: Spare Term\nkind: definition\nsummary: A term only the tests delete.\nareas: [margin]\ntags: [risk]\n"


def _plugins_forgotten() -> None:
    """MkDocs keeps a plugin with ``on_startup`` for the whole process: start afresh."""
    MkDocsConfig.plugins.plugin_cache.clear()


def serve_build(project: Path, site: Path, *, first: bool) -> MkDocsConfig:
    """One build as ``mkdocs serve`` runs it (``first``: a new plugin, as a new server)."""
    if first:
        _plugins_forgotten()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL)
    return config


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory):
    """A project and its preview's site folder, built once; the plugin is kept between tests."""
    root = tmp_path_factory.mktemp("preview")
    project = small_project(root / "project")
    (project / "terms" / "funding-note.yml").write_text(NOTE, encoding="utf-8")
    (project / "terms" / "spare-term.yml").write_text(SPARE, encoding="utf-8")
    site = root / "site"
    config = serve_build(project, site, first=True)
    yield project, site, config.plugins["glossary"], root, files_of(site)
    _plugins_forgotten()  # later in-process builds get a plain build plugin


def rebuild(preview) -> dict[str, bytes]:
    project, site, plugin, _, _ = preview
    config = serve_build(project, site, first=False)
    assert config.plugins["glossary"] is plugin, "the preview's plugin is kept between rebuilds"
    return files_of(site)


def fresh(preview, name: str) -> dict[str, bytes]:
    project, _, plugin, root, _ = preview
    serve_build(project, root / name, first=True)
    files = files_of(root / name)
    MkDocsConfig.plugins.plugin_cache["glossary"] = plugin  # back to the kept preview
    return files


def assert_same_site(rebuilt: dict[str, bytes], first: dict[str, bytes]) -> None:
    assert sorted(rebuilt) == sorted(first)
    differ = [path for path in first if rebuilt[path] != first[path]]
    assert not differ, differ[:10]


@contextlib.contextmanager
def saved(path: Path, old: str | None = None, new: str = "") -> Iterator[None]:
    """``path`` with ``old`` replaced by ``new`` (``old`` None: the file deleted) inside the
    block, as an editor saves it; the original text is written back afterwards."""
    text = path.read_text(encoding="utf-8")
    if old is None:
        path.unlink()
    else:
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    try:
        yield
    finally:
        path.write_text(text, encoding="utf-8")


def test_an_edited_summary_shows_on_its_page_and_the_pages_listing_it(preview):
    project, _, plugin, _, initial = preview
    term = project / "terms" / "initial-margin.yml"
    with saved(term, "before it opens a leveraged position.", "before it opens a position, edited."):
        rebuilt = rebuild(preview)
        for page in ("terms/initial-margin/index.html", "terms/see-also/index.html", "terms/mark-price/index.html"):
            assert b"before it opens a position, edited." in rebuilt[page], page
        assert_same_site(rebuilt, fresh(preview, "fresh-summary"))
        assert plugin.memo.counts.computed["read"] == 1  # only the saved file was parsed again
        assert plugin.search_entries.reused > 0 and plugin.folder.kept > plugin.folder.written
    assert_same_site(rebuild(preview), initial)


def test_a_new_name_relinks_the_pages_that_mention_it(preview):
    project, _, _, _, initial = preview
    term = project / "terms" / "initial-margin.yml"
    link = re.compile(rb'<a [^>]*href="\.\./initial-margin/"[^>]*>Quokka Margin</a>')
    assert not link.search(files_of(preview[1])["terms/funding-note/index.html"])
    with saved(term, "name: Initial Margin", "name: Quokka Margin"):
        rebuilt = rebuild(preview)
        assert link.search(rebuilt["terms/funding-note/index.html"])
        assert_same_site(rebuilt, fresh(preview, "fresh-name"))
    rebuilt = rebuild(preview)
    assert not link.search(rebuilt["terms/funding-note/index.html"])
    assert_same_site(rebuilt, initial)


def test_a_deleted_term_disappears(preview):
    project, _, _, _, initial = preview
    term = project / "terms" / "spare-term.yml"
    assert "terms/spare-term/index.html" in files_of(preview[1])
    with saved(term):
        rebuilt = rebuild(preview)
        assert "terms/spare-term/index.html" not in rebuilt and "terms/spare-term.md" not in rebuilt
        assert not (preview[1] / "terms" / "spare-term").exists()  # no empty folder left either
        assert b"Spare Term" not in rebuilt["search/search_index.json"]
        assert_same_site(rebuilt, fresh(preview, "fresh-deleted"))
    assert_same_site(rebuild(preview), initial)


def test_a_broken_edit_shows_its_problem_and_the_fix_clears_it(preview):
    project, _, _, _, initial = preview
    term = project / "terms" / "mark-price.yml"
    with saved(term, "name: Mark Price", "name: [Mark Price"):
        rebuilt = rebuild(preview)
        for page in ("terms/mark-price/index.html", "terms/initial-margin/index.html", "index.html"):
            assert b"glossary-problems" in rebuilt[page] and b"terms/mark-price.yml:" in rebuilt[page], page
        assert b"[yaml-syntax]" in rebuilt["terms/mark-price/index.html"]
    rebuilt = rebuild(preview)
    assert not any(b"glossary-problems" in content for path, content in rebuilt.items() if path.endswith(".html"))
    assert_same_site(rebuilt, initial)


def test_mkdocs_writes_its_own_way_again_after_a_preview_build(preview):
    """The preview routes MkDocs' writes and front-matter reads only during its own builds."""
    rebuild(preview)
    assert mkdocs.utils.write_file.__module__ == "mkdocs.utils"
    assert mkdocs.utils.copy_file.__module__ == mkdocs.utils.clean_directory.__module__ == "mkdocs.utils"
    assert mkdocs.utils.meta.get_data.__module__ == "mkdocs.utils.meta"
    assert File.copy_file.__module__ == "mkdocs.structure.files"
