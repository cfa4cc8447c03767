"""Shared fixtures: paths, the golden-set update option, site builds and a static server."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tabs import RECORD_VIOLATIONS, VIEWPORT, Tab

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITE_TERMS = FIXTURES / "site-glossary" / "terms"  # the browser tests' glossary (``site_project``)
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


# The golden sets ``--update-golden[=SET]`` refreshes; bare, it refreshes them all. Shipped
# files (calculators/generated.json, schema/*.json) are never rewritten by a test run:
# ``glossary regenerate calculators|schemas`` does that.
GOLDEN_SETS = {"pages": "tests/golden/ (tests/test_golden.py)",
               "problems": "tests/fixtures/broken/*/expected.txt (tests/test_check_fixtures.py)"}
ALL_GOLDEN = "all"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="append", nargs="?", const=ALL_GOLDEN, metavar="SET",
                     help="rewrite a golden set from current output, then review the diff: "
                          + "; ".join(f"{name}: {what}" for name, what in GOLDEN_SETS.items())
                          + "; bare (after the test paths), every set. Repeatable.")


def pytest_configure(config: pytest.Config) -> None:
    unknown = [name for name in config.getoption("--update-golden") or () if name not in {*GOLDEN_SETS, ALL_GOLDEN}]
    if unknown:
        raise pytest.UsageError(
            f"--update-golden={unknown[0]}: no such golden set; choose {', '.join(GOLDEN_SETS)}, or give "
            f"--update-golden bare after the test paths for all of them. Shipped files have their own command: "
            f"glossary regenerate calculators|schemas")


@pytest.fixture(scope="session", autouse=True)
def check_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where the ``glossary check`` a test runs keeps its cache (``site_build.disk_cache``):
    a folder of this run's, never the user's."""
    folder = tmp_path_factory.mktemp("check-cache")
    before = os.environ.get("GLOSSARY_CACHE_DIR")
    os.environ["GLOSSARY_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("GLOSSARY_CACHE_DIR", None)
    else:
        os.environ["GLOSSARY_CACHE_DIR"] = before


# Session builds that cost seconds: under pytest-xdist (``--dist loadgroup``, as .ci/test runs
# it) every test that reads one runs on the same worker, so each is built once per run.
COSTLY_BUILDS = ("real_site", "zensical_site")


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        build = next((name for name in COSTLY_BUILDS if name in getattr(item, "fixturenames", ())), None)
        if build is not None:
            item.add_marker(pytest.mark.xdist_group(build))


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> frozenset[str]:
    """The golden sets this run rewrites (empty: the tests only compare)."""
    chosen = request.config.getoption("--update-golden") or []
    return frozenset(GOLDEN_SETS) if ALL_GOLDEN in chosen else frozenset(chosen)


def build_site(project: Path, site_dir: Path, site_url: str | None = None) -> Path:
    """Build ``project``'s mkdocs.yml into ``site_dir`` with MkDocs, in strict mode."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    overrides = {"site_dir": str(site_dir), "strict": True}
    if site_url:
        overrides["site_url"] = site_url
    config = load_config(str(project / "mkdocs.yml"), **overrides)
    build(config)
    return site_dir


def copy_project(target: Path, terms: Path | None = None) -> Path:
    """A copy of the real project (config, templates, theme, docs) with ``terms`` swapped in."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "templates", "overrides", "docs", "calculators"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    shutil.copytree(terms or ROOT / "terms", target / "terms")
    return target


SMALL_SITE_URL = "https://example.org/glossary/"
_HUB = ("name: See Also\nkind: definition\nsummary: Links the other terms.\nareas: [margin]\n"
        "related: [initial-margin, mark-price]\n")


def small_project(target: Path) -> Path:
    """The real configuration, templates and theme with the small clean ``check-base``
    glossary and one hub term linking its two terms (code tests never read the real ``terms/``)."""
    project = copy_project(target, FIXTURES / "check-base" / "terms")
    (project / "terms" / "see-also.yml").write_text(_HUB, encoding="utf-8")
    return project


def site_project(target: Path) -> Path:
    """The real configuration, templates and theme with ``tests/fixtures/site-glossary``: a frozen
    40-term glossary with a term for every calculator, both senses of delta, and the pages
    the browser tests visit (maintenance-margin, mark-price, impermanent-loss, the MM alias…).
    Browser and built-site tests run on it, so a content pull request cannot break them."""
    return copy_project(target, SITE_TERMS)


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``small_project`` built once per session for ``SMALL_SITE_URL``; tests only read it."""
    project = small_project(tmp_path_factory.mktemp("small") / "project")
    return build_site(project, project / "site", SMALL_SITE_URL)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real glossary, built once per test session (only ``test_content.py`` reads it)."""
    return build_site(ROOT, tmp_path_factory.mktemp("site") / "site")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()  # the port refuses at once afterwards (tests of an unreachable server rely on it)


PREFIX = "/glossary/"  # site_url's path in mkdocs.yml


class _PrefixHandler(_QuietHandler):
    """The site under PREFIX, with 404.html for missing pages (as GitHub Pages serves it)."""

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(PREFIX):] if path.startswith(PREFIX) else "/__missing__")

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_built(build: Callable[[str], Path]) -> Iterator[tuple[Path, str]]:
    """Serve under PREFIX, on a free loopback port, the site ``build(url)`` makes for that very
    address as its ``site_url`` (Material's instant navigation only takes over links its
    sitemap lists); yields the site folder and the URL."""
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), _QuietHandler) as server:
        url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
        site = build(url)
        server.RequestHandlerClass = functools.partial(_PrefixHandler, directory=str(site))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield site, url
        finally:
            server.shutdown()


@pytest.fixture(scope="session")
def prefixed_server(tmp_path_factory: pytest.TempPathFactory):
    """The fixture site (``site_project``) built by MkDocs for the address it is served at,
    ``http://127.0.0.1:PORT/glossary/`` (``serve_built``); yields the site folder and that URL.
    The one built site every browser test of this session reads."""
    project = site_project(tmp_path_factory.mktemp("prefixed") / "project")
    with serve_built(lambda url: build_site(project, project / "site", site_url=url)) as served:
        yield served


@pytest.fixture(scope="session")
def prefixed_site(prefixed_server) -> str:
    """The URL of the fixture site served under its own ``site_url`` (see ``prefixed_server``)."""
    return prefixed_server[1]


@pytest.fixture(scope="session")
def built_site(prefixed_server) -> Path:
    """The folder of the fixture site the browser tests visit (see ``prefixed_server``)."""
    return prefixed_server[0]


@pytest.fixture(scope="session")
def site_server(prefixed_server) -> str:
    """The base URL the browser tests visit: the fixture site under ``/glossary/``."""
    return prefixed_server[1]


def with_site_url(project: Path, url: str) -> Path:
    """``project`` with ``site_url: url`` written into its mkdocs.yml, for the builds that read
    the file themselves (``glossary export``, the engines' command lines)."""
    config = project / "mkdocs.yml"
    text, count = re.subn(r"(?m)^site_url: .*$", f"site_url: {url}", config.read_text(encoding="utf-8"), count=1)
    assert count == 1, f"{config} has no site_url line to set"
    config.write_text(text, encoding="utf-8")
    return project


def zensical_build(project: Path, export: Path) -> Path:
    """Export ``project`` for Zensical, build it with Zensical, finish it; the site folder."""
    from site_build.cli import main

    assert main(["--root", str(project), "export", str(export), "--engine", "zensical"]) == 0
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict"], cwd=export,
                            capture_output=True, text=True)
    assert result.returncode == 0, f"zensical build failed:\n{result.stdout}\n{result.stderr}"
    assert main(["finish", str(export / "site")]) == 0
    return export / "site"


@dataclass(frozen=True)
class ZensicalSite:
    """The fixture glossary's site as Zensical builds it: ``project`` (``site_project`` with
    ``site_url`` set to ``url``), the finished site ``folder``, and ``url``, where it is served."""

    project: Path
    folder: Path
    url: str


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ZensicalSite]:
    """The fixture site exported, built by Zensical and finished once per session, served under
    ``/glossary/`` for its own ``site_url`` (``serve_built``): ``test_zensical_browser.py``
    visits it, ``test_engines.py`` holds it against MkDocs' build of the same project."""
    root = tmp_path_factory.mktemp("zensical")
    project = site_project(root / "project")
    with serve_built(lambda url: zensical_build(with_site_url(project, url), root / "export")) as (folder, url):
        yield ZensicalSite(project, folder, url)


@pytest.fixture(scope="session")
def zensical_twin(prefixed_server, zensical_site: ZensicalSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """MkDocs' build of the project Zensical built, for the Zensical site's address: the session's
    MkDocs build of the fixture site (``prefixed_server``, no second MkDocs build) copied with its
    ``site_url`` (the one thing the two builds were given differently) replaced by the Zensical
    site's in every file; only the gzipped sitemap, which no comparison reads, keeps it."""
    mkdocs_site, mkdocs_url = prefixed_server
    twin = tmp_path_factory.mktemp("zensical-twin") / "site"
    twin.mkdir()
    for source in sorted(mkdocs_site.rglob("*")):
        target = twin / source.relative_to(mkdocs_site)
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif source.suffix == ".gz":
            shutil.copy2(source, target)
        else:
            target.write_bytes(source.read_bytes().replace(mkdocs_url.encode(), zensical_site.url.encode()))
    return twin


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Debian's, through Playwright)."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium (bash .ci/run does)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def shared_tab(browser) -> Tab:
    context = browser.new_context(viewport=VIEWPORT)
    yield Tab(context)
    context.close()


@pytest.fixture
def page(shared_tab):
    """The session's tab, reset for this test; the test fails if the page raised any JavaScript error."""
    with shared_tab.lend() as tab:
        yield tab


@pytest.fixture(scope="session")
def watched_tab(browser) -> Tab:
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(RECORD_VIOLATIONS)
    yield Tab(context)
    context.close()


@pytest.fixture
def watched(watched_tab):
    """A reused tab whose every document records its policy violations (``window.__violations``)."""
    with watched_tab.lend() as tab:
        yield tab


@pytest.fixture
def fresh_page(browser):
    """A tab in a context of its own (empty cache, no listeners): for tests that watch every
    request or dialog; fails on any JavaScript error like ``page``."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        with Tab(context).lend() as tab:
            yield tab
    finally:
        context.close()
