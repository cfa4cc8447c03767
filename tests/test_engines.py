"""ProperDocs, the MkDocs 1.x fork, builds the very site MkDocs builds.

ProperDocs reads ``mkdocs.yml`` when it is named with ``-f``, loads ``mkdocs.plugins``
entry points (our ``glossary`` plugin) and ``mkdocs.themes`` (Material), and maps every
``import mkdocs.*`` to its own ``properdocs.*`` modules, so the plugin runs unchanged.
Both engines build one small fixture project (never the real ``terms/``); the trees must be
byte-identical except for one line that is the engine's own version stamp: Material writes
``<meta name="generator" content="mkdocs-{{ mkdocs_version }}, mkdocs-material-…">`` and
ProperDocs reports its version as ``ProperDocs 1.6.7``. That content, and nothing else, is
normalised before the digests are compared.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_faithful_build import small_project, tree_digest

pytestmark = pytest.mark.site

GENERATOR = re.compile(rb'<meta name="generator" content="mkdocs-[^",]+, ')
STAMP = b'<meta name="generator" content="mkdocs-ENGINE, '


def engine_build(engine: str, project: Path, site: Path) -> subprocess.CompletedProcess:
    """``mkdocs build`` or ``properdocs build`` of ``project``, strict, from this environment."""
    command = [sys.executable, "-m", engine, "build", "--strict", "--quiet", "--site-dir", str(site)]
    if engine == "properdocs":
        command[4:4] = ["--config-file", "mkdocs.yml"]  # ProperDocs looks for properdocs.yml first
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


def without_engine_stamp(site: Path) -> dict[str, str]:
    """``tree_digest`` with the generator meta's engine name and version replaced."""
    digests = tree_digest(site)
    for path in digests:
        if path.endswith(".html"):
            data = GENERATOR.sub(STAMP, (site / path).read_bytes(), count=1)
            digests[path] = hashlib.sha256(data).hexdigest()
    return digests


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory) -> tuple[Path, Path]:
    if shutil.which("properdocs", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("ProperDocs is not installed: pip install -e '.[test]' installs it")
    root = tmp_path_factory.mktemp("engines")
    project = small_project(root / "project")
    sites = []
    for engine in ("mkdocs", "properdocs"):
        result = engine_build(engine, project, root / engine)
        assert result.returncode == 0, f"{engine} build failed:\n{result.stderr}"
        sites.append(root / engine)
    return sites[0], sites[1]


def test_properdocs_builds_the_mkdocs_site_byte_for_byte(both_sites):
    mkdocs_site, properdocs_site = both_sites
    raw_mkdocs, raw_properdocs = tree_digest(mkdocs_site), tree_digest(properdocs_site)
    assert raw_mkdocs.keys() == raw_properdocs.keys()
    assert {"sitemap.xml.gz", "search/search_index.json", "glossary.json", "objects.inv",
            "terms/mark-price/index.html", "calculators/liquidation-price/index.html"} <= raw_mkdocs.keys()
    differing = {path for path in raw_mkdocs if raw_mkdocs[path] != raw_properdocs[path]}
    assert differing and all(path.endswith(".html") for path in differing)  # the stamp only, never data files
    normal_mkdocs, normal_properdocs = without_engine_stamp(mkdocs_site), without_engine_stamp(properdocs_site)
    assert normal_mkdocs == normal_properdocs, sorted(p for p in normal_mkdocs if normal_mkdocs[p] != normal_properdocs[p])


def test_the_only_difference_is_the_engine_stamp(both_sites):
    mkdocs_site, properdocs_site = both_sites
    page = "terms/mark-price/index.html"
    mkdocs_html = (mkdocs_site / page).read_text(encoding="utf-8")
    properdocs_html = (properdocs_site / page).read_text(encoding="utf-8")
    assert re.search(r'content="mkdocs-1\.\d+\.\d+, mkdocs-material-', mkdocs_html)
    assert 'content="mkdocs-ProperDocs ' in properdocs_html  # ProperDocs really ran this build
    assert '<script type="application/ld+json">' in properdocs_html  # our theme override ran under it
    assert 'http-equiv="Content-Security-Policy"' in properdocs_html  # and our post-page step
