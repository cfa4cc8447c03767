"""Faithful builds: the same commit gives the same bytes, export gives what MkDocs is fed,
and configuration, template and page-path mistakes are reported, never crash or vanish.

Projects are copies of the real configuration, templates and theme with the small
``check-base`` glossary (code tests never read the real ``terms/``).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from conftest import small_project
from site_build.cli import main
from site_build.extension import NO_CALCULATORS
from site_build.plugin import load_project
from site_build.project import Project, generate
from site_build.render import Settings
from sitecheck import mkdocs_log


def set_config(project: Path, old: str, new: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


def tree_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def failed_build(project: Path, site: Path) -> str:
    """``mkdocs build`` of ``project``, in-process, which must fail as a build error does: MkDocs
    logs the error and raises ``Abort`` (its command line then exits 1 and prints no traceback;
    any other exception would give one). The error lines logged, as the command line prints them."""
    with mkdocs_log(logging.ERROR) as logged, pytest.raises(Abort, match="Aborted with a BuildError!"):
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    return "\n".join(logged)


def git(repo: Path, *args: str, env: dict | None = None) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@contextlib.contextmanager
def time_zone(zone: str):
    """This process's local time in ``zone`` (``TZ`` and ``tzset``), restored afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.mark.site
def test_two_clones_built_at_other_times_and_zones_are_byte_identical(tmp_path, monkeypatch):
    """One clone built here, now, in UTC (in-process, as ``mkdocs build --strict`` builds);
    the other by the command line in a process of its own, in 2031 and at UTC+14."""
    origin = small_project(tmp_path / "origin")
    stamp = {"GIT_AUTHOR_DATE": "2025-03-04T05:06:07Z", "GIT_COMMITTER_DATE": "2025-03-04T05:06:07Z",
             "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
             "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    git(origin, "init", "-q")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "fixture", env={**os.environ, **stamp})
    clones = {}
    for name in ("one", "two"):
        clones[name] = tmp_path / name / "deeper" / "clone"
        clones[name].parent.mkdir(parents=True)
        subprocess.run(["git", "clone", "-q", str(origin), str(clones[name])], check=True)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.chdir(clones["one"])
    with time_zone("UTC"):
        build(load_config(str(clones["one"] / "mkdocs.yml"), site_dir=str(tmp_path / "one" / "site"), strict=True))
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(TZ="Pacific/Kiritimati", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(["faketime", "2031-07-04 23:30:00", sys.executable, "-m", "mkdocs", "build", "--strict",
                             "--quiet", "--site-dir", str(tmp_path / "two" / "site")],
                            cwd=clones["two"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    sites = [tree_digest(tmp_path / name / "site") for name in ("one", "two")]
    assert "sitemap.xml.gz" in sites[0]
    assert sites[0] == sites[1], sorted(k for k in sites[0] if sites[0][k] != sites[1].get(k))


@pytest.mark.site
def test_export_writes_exactly_what_mkdocs_is_fed(tmp_path):
    project = small_project(tmp_path / "project")
    set_config(project, "site_name: Crypto Derivatives Glossary", "site_name: A Renamed Glossary")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)
    generated = config.plugins["glossary"].generated
    fed = {f.src: f.content.encode("utf-8") for f in generated.files}
    fed |= {f"published/{f.path}": f.data for f in generated.published}
    assert main(["--root", str(project), "export", str(tmp_path / "export")]) == 0
    exported = {p.relative_to(tmp_path / "export").as_posix(): p.read_bytes()
                for p in (tmp_path / "export").rglob("*") if p.is_file() and p.name != "jsonld.json"}
    assert exported == fed
    assert b"A Renamed Glossary" in exported["index.md"]
    for item in generated.published:  # what the site publishes beside its pages, byte for byte
        assert (tmp_path / "site" / item.path).read_bytes() == exported[f"published/{item.path}"]


def test_per_page_below_one_is_a_configuration_error(tmp_path, capsys):
    project = small_project(tmp_path / "project")
    set_config(project, "  - glossary:\n", "  - glossary:\n      per_page: 0\n")
    with pytest.raises(ConfigurationError, match=r"per_page.*at least 1"):
        load_project(project / "mkdocs.yml")
    assert main(["--root", str(project), "export", str(tmp_path / "export")]) == 1
    err = capsys.readouterr().err
    assert "per_page" in err and "at least 1" in err and err.rstrip().endswith("[config-error]")
    assert "Traceback" not in err


def test_a_hand_written_page_at_a_generated_path_is_an_error(tmp_path):
    project = small_project(tmp_path / "project")
    (project / "docs" / "terms").mkdir()
    (project / "docs" / "terms" / "mark-price.md").write_text("# Mine\n", encoding="utf-8")
    assert ("docs/terms/mark-price.md:1:1: error: this hand-written page has the path of the page generated "
            "from terms/mark-price.yml; move or delete one of them [page-conflict]"
            ) in failed_build(project, tmp_path / "site")


@pytest.mark.parametrize(("line", "expected"), [
    ("{% if %}\n", "Expected an expression"),
    ("{{ no_such_variable }}\n", "UndefinedError: 'no_such_variable' is undefined"),
])
def test_template_mistakes_are_problems_at_their_line(tmp_path, line, expected):
    project = small_project(tmp_path / "project")
    template = project / "templates" / "term.md.j2"
    lines = template.read_text(encoding="utf-8").splitlines(keepends=True)
    template.write_text("".join([*lines[:3], line, *lines[3:]]), encoding="utf-8")
    generated = generate(Project(project, Settings(site_url="https://example.org/")), NO_CALCULATORS)
    assert [(p.path, p.line, p.code) for p in generated.errors] == [("templates/term.md.j2", 4, "template-error")]
    assert expected in generated.errors[0].message


def test_a_plain_build_with_a_template_error_fails_with_the_line_and_no_traceback(tmp_path):
    project = small_project(tmp_path / "project")
    (project / "templates" / "term.md.j2").write_text("{% for %}\n", encoding="utf-8")
    logged = failed_build(project, tmp_path / "site")
    assert "templates/term.md.j2:1:1: error:" in logged and "[template-error]" in logged
