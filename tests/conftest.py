"""Shared fixtures: paths, the golden-set update option, site builds and a static server."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
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


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real glossary, built once per test session."""
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


@pytest.fixture(scope="session")
def site_server(real_site: Path):
    """The real site, served on a free loopback port; yields the base URL."""
    with serve(real_site) as url:
        yield url


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


@pytest.fixture
def page(browser):
    """A fresh tab; the test fails if the page raised any JavaScript error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"
