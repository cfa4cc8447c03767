"""The contributor's build on a fixture glossary (``small_project``): a new term round-trips as a
draft, a deprecated term redirects, ``mkdocs build`` reports what ``glossary check`` reports, and
a site built for another address under a sub-path links and names its pages by that address.
The real glossary's built-site checks are in ``test_content.py``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import FIXTURES, build_site, small_project
from site_build.cli import main
from sitecheck import broken_links, is_redirect, jsonld_graphs, mkdocs_log, parse, parse_site, types_of

pytestmark = pytest.mark.site


def test_new_term_round_trips_as_a_draft_and_deprecated_terms_redirect(tmp_path, capsys):
    """``glossary new`` → check passes → fill the TODOs → --strict passes → it builds as a draft."""
    project = small_project(tmp_path / "project")
    assert main(["--root", str(project), "new", "Draft Term", "--area", "margin",
                 "--kind", "term"]) == 0
    assert "wrote terms/draft-term.yml (a draft)" in capsys.readouterr().out
    file = project / "terms" / "draft-term.yml"
    assert main(["--root", str(project), "check"]) == 0
    assert main(["--root", str(project), "check", "--strict"]) == 1
    assert "[placeholder-text]" in capsys.readouterr().out
    file.write_text(file.read_text(encoding="utf-8").replace("TODO:", "Written:"), encoding="utf-8")
    (project / "terms" / "index-price.yml").write_text(  # what replaces mark-price, so the area keeps 3 terms
        "name: Index Price\nkind: definition\nsummary: A weighted average of spot prices on several venues.\n"
        "areas: [margin]\nrelated: [initial-margin, see-also]\n", encoding="utf-8")
    hub = project / "terms" / "see-also.yml"
    hub.write_text(hub.read_text(encoding="utf-8").replace("related: [", "related: [index-price, "), encoding="utf-8")
    (project / "terms" / "mark-price.yml").write_text(
        (project / "terms" / "mark-price.yml").read_text(encoding="utf-8")
        + "status: deprecated\nreplaced_by: index-price\n", encoding="utf-8")
    assert main(["--root", str(project), "check", "--strict"]) == 0, capsys.readouterr().out

    site = build_site(project, tmp_path / "site")
    html = (site / "terms" / "draft-term" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/terms/draft-term/" not in sitemap and "/terms/initial-margin/" in sitemap
    assert "<lastmod>" in sitemap
    assert "draft-term" not in (site / "index.html").read_text(encoding="utf-8")
    assert "draft-term" not in (site / "glossary.json").read_text(encoding="utf-8")
    redirect = parse(site / "terms" / "mark-price" / "index.html")
    assert is_redirect(redirect) and redirect.refresh.endswith("../index-price/")
    assert "/terms/mark-price/" not in sitemap


def test_mkdocs_build_reports_the_same_problems_as_check(tmp_path, capsys):
    """Errors stop the build listing every one (``mkdocs build`` itself: exit 1, no traceback);
    warnings are logged where MkDocs prints them and fail only ``--strict`` (built in-process:
    the command line only turns ``Abort`` into exit 1)."""
    project = small_project(tmp_path / "project")
    broken = FIXTURES / "broken"
    for case, name in (("unknown-area", "typo-area.yml"), ("bad-kind", "article-kind.yml")):
        (project / "terms" / name).write_text((broken / case / "terms" / name).read_text(encoding="utf-8"),
                                              encoding="utf-8")
    main(["--root", str(project), "check"])
    expected = capsys.readouterr().out.splitlines()[:-1]
    assert len(expected) == 4  # two errors, and each new term an orphan
    assert sum(": error: " in line for line in expected) == 2, expected

    mkdocs = [str(Path(sys.executable).parent / "mkdocs"), "build", "-f", str(project / "mkdocs.yml"), "-d"]
    run = subprocess.run([*mkdocs, str(tmp_path / "a")], capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert all(line in run.stderr for line in expected if ": error: " in line), run.stderr

    for name in ("typo-area.yml", "article-kind.yml"):
        (project / "terms" / name).unlink()
    (project / "terms" / "lonely.yml").write_text(
        "name: Lonely\nkind: definition\nsummary: Nothing links here.\nareas: [margin]\n",
        encoding="utf-8")
    warning = "terms/lonely.yml:1:7: warning: no other term links to 'lonely'"
    with mkdocs_log() as logged:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "b")))  # not strict: it passes
    assert any(warning in line for line in logged), logged
    assert (tmp_path / "b" / "terms" / "lonely" / "index.html").is_file()
    with mkdocs_log() as logged, pytest.raises(Abort, match="warnings in strict mode"):
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "c"), strict=True))
    assert any(warning in line for line in logged), logged


def test_a_site_built_for_another_address_links_under_its_sub_path(prefixed_server):
    """The fixture site built for ``http://127.0.0.1:PORT/glossary/`` (not mkdocs.yml's
    ``site_url``): every internal link resolves under ``/glossary/``, none under ``/``, and
    the JSON-LD names each page by the address it is built for."""
    site, site_url = prefixed_server
    pages = parse_site(site)
    assert broken_links(site, "/", pages) != [], "the checker must notice a wrong base path"
    assert broken_links(site, "/glossary/", pages) == []
    graph = jsonld_graphs(parse(site / "terms" / "delta" / "index.html"))[0]
    assert "DefinedTerm" in types_of(graph)
    page = next(node for node in graph["@graph"] if node["@type"] == "WebPage")
    assert page["url"] == f"{site_url}terms/delta/" and site_url.startswith("http://127.0.0.1:")
