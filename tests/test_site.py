"""The contributor's build on a fixture glossary (``small_project``): a new term round-trips as a
draft, a deprecated term redirects, and ``mkdocs build`` reports what ``glossary check`` reports.
The real glossary's built-site checks are in ``test_content.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site
from sitecheck import is_redirect, parse

pytestmark = pytest.mark.site


def test_new_term_round_trips_as_a_draft_and_deprecated_terms_redirect(tmp_path, capsys):
    """``glossary new`` → check passes → fill the TODOs → --strict passes → it builds as a draft."""
    from conftest import small_project
    from site_build.cli import main

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
    """Errors stop the build listing every one; warnings fail only ``--strict``."""
    import os
    import subprocess
    import sys

    from conftest import FIXTURES, small_project
    from site_build.cli import main

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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([*mkdocs, str(tmp_path / "a")], capture_output=True, text=True, env=env)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert all(line in run.stderr for line in expected if ": error: " in line), run.stderr

    for name in ("typo-area.yml", "article-kind.yml"):
        (project / "terms" / name).unlink()
    (project / "terms" / "lonely.yml").write_text(
        "name: Lonely\nkind: definition\nsummary: Nothing links here.\nareas: [margin]\n",
        encoding="utf-8")
    warning = "terms/lonely.yml:1:7: warning: no other term links to 'lonely'"
    run = subprocess.run([*mkdocs, str(tmp_path / "b")], capture_output=True, text=True, env=env)
    assert run.returncode == 0 and warning in run.stderr
    run = subprocess.run([*mkdocs, str(tmp_path / "c"), "--strict"], capture_output=True, text=True, env=env)
    assert run.returncode == 1 and warning in run.stderr and "Traceback" not in run.stderr
