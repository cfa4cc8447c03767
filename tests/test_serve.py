"""The contributor's preview: a real ``mkdocs serve`` keeps answering through every mistake.

One server process, on a copy of the project with the small ``check-base`` glossary: break
a term, then a template, then edit the calculators' notes, fetching pages after each save.
Every fetch must answer within 2 s; a broken glossary shows its problems on the page (the
lines ``glossary check`` prints), and the real page returns once the file is fixed.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import FIXTURES, copy_project

ANSWER_WITHIN = 2.0   # seconds for any one request after a term or template edit
RELOAD_WITHIN = 5.0   # after an edit under calculators/: the package is imported afresh first
SETTLE_WITHIN = 30.0  # seconds for the watcher to notice a save and rebuild


def fetch(url: str) -> tuple[int, str, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=RELOAD_WITHIN + 8) as response:
            status, body = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode("utf-8")
    return status, body, time.perf_counter() - started


def wait_for(url: str, predicate, what: str, within: float = ANSWER_WITHIN) -> str:
    """Fetch ``url`` until ``predicate(status, body)``; every answer must come ``within`` seconds."""
    deadline = time.monotonic() + SETTLE_WITHIN
    while True:
        status, body, seconds = fetch(url)
        assert seconds < within, f"{url} took {seconds:.1f} s to answer"
        if predicate(status, body):
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: last answer {status}:\n{body[:2000]}")
        time.sleep(0.3)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("serve") / "project", FIXTURES / "check-base" / "terms")
    (project / "terms" / "see-also.yml").write_text(  # the base's hub term, as tests/test_check_fixtures.py adds it
        "name: See Also\nkind: definition\nsummary: Links the other terms.\nareas: [margin]\n"
        "related: [initial-margin, mark-price]\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (project / "serve.log").open("w")
    # PYTHONPATH: the copy's calculators package is the one imported, so editing it counts.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/glossary/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch(base)[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, (project / "serve.log").read_text()
            time.sleep(0.3)
        yield project, base
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_a_broken_term_shows_its_problem_and_recovers(server):
    project, base = server
    term = project / "terms" / "mark-price.yml"
    good = term.read_text(encoding="utf-8")
    page = base + "terms/mark-price/"
    assert "glossary-problems" not in wait_for(page, lambda s, b: s == 200, "the term page")
    term.write_text(good.replace("name: Mark Price", "name: [Mark Price"), encoding="utf-8")
    shown = wait_for(page, lambda s, b: "glossary-problems" in b, "the problem on the page")
    assert "terms/mark-price.yml:" in shown and "[yaml-syntax]" in shown
    other = wait_for(base + "terms/initial-margin/", lambda s, b: s == 200, "another page")
    assert "terms/mark-price.yml:" in other  # every page shows the problems
    missing = wait_for(base + "no/such/page/", lambda s, b: s == 404, "the 404 page")
    assert "terms/mark-price.yml:" in missing
    term.write_text(good, encoding="utf-8")
    back = wait_for(page, lambda s, b: s == 200 and "glossary-problems" not in b, "the fixed page")
    assert "Mark Price" in back


def test_a_template_error_names_the_template_line(server):
    project, base = server
    template = project / "templates" / "term.md.j2"
    good = template.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    template.write_text("".join([*lines[:3], "{% if %}\n", *lines[3:]]), encoding="utf-8")
    shown = wait_for(base + "terms/mark-price/", lambda s, b: "template-error" in b, "the template error")
    assert "templates/term.md.j2:4:1: error:" in shown
    template.write_text(good, encoding="utf-8")
    wait_for(base + "terms/mark-price/", lambda s, b: s == 200 and "glossary-problems" not in b, "the fixed template")


def test_calculator_notes_take_effect_on_the_next_rebuild(server):
    project, base = server
    notes = project / "calculators" / "notes.yml"
    good = notes.read_text(encoding="utf-8")
    marker = "Edited while serving: this sentence is new."
    notes.write_text(good.replace("  provenance: |\n", f"  provenance: |\n    {marker}\n", 1), encoding="utf-8")
    try:
        wait_for(base + "calculators/constant-product-swap/", lambda s, b: marker in b, "the edited notes",
                 RELOAD_WITHIN)
    finally:
        notes.write_text(good, encoding="utf-8")
    wait_for(base + "calculators/constant-product-swap/", lambda s, b: marker not in b, "the notes restored",
             RELOAD_WITHIN)


def test_a_broken_calculators_package_is_a_problem_not_a_hang(server):
    project, base = server
    catalog = project / "calculators" / "inputs.py"
    good = catalog.read_text(encoding="utf-8")
    catalog.write_text(good + "\ndef broken(:\n", encoding="utf-8")
    try:
        shown = wait_for(base + "terms/mark-price/", lambda s, b: "calculators-error" in b, "the package's error",
                         RELOAD_WITHIN)
        assert "calculators/inputs.py:" in shown and "SyntaxError" in shown
    finally:
        catalog.write_text(good, encoding="utf-8")
    wait_for(base + "terms/mark-price/", lambda s, b: s == 200 and "glossary-problems" not in b, "the fixed package",
             RELOAD_WITHIN)


def test_the_server_log_has_no_traceback_and_no_root_warning(server):
    project, base = server
    fetch(base.replace("/glossary/", "/"))
    time.sleep(0.5)
    log = (project / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in log
    assert '"GET / HTTP/1.1" code 302' not in log
    assert "previewing" in log and base in log


PREVIEW_LINE = re.compile(r"preview: (\d+) of (\d+) pages re-rendered.*?(?: \((.*)\))?$", re.MULTILINE)


def test_an_edit_re_renders_only_the_pages_it_changes(server):
    """Renaming a term changes its page and the pages that list it; the rest is reused."""
    project, base = server
    term = project / "terms" / "initial-margin.yml"
    good = term.read_text(encoding="utf-8")
    wait_for(base + "terms/initial-margin/", lambda s, b: s == 200 and "glossary-problems" not in b, "the term")
    term.write_text(good.replace("name: Initial Margin", "name: Opening Quokka Margin")
                    .replace("aliases: [IM]", "aliases: [IM, Initial Margin]"), encoding="utf-8")
    try:
        for page in ("terms/initial-margin/", "terms/mark-price/", "terms/see-also/"):  # the term, two that list it
            wait_for(base + page, lambda s, b: "Opening Quokka Margin" in b, f"the new name on {page}")
        rendered, total, changed = PREVIEW_LINE.findall((project / "serve.log").read_text(encoding="utf-8"))[-1]
        changed = changed.split(", ")
        assert {"terms/initial-margin.md", "terms/mark-price.md", "terms/see-also.md"} <= set(changed)
        assert 3 <= int(rendered) <= 12 < int(total), (rendered, total, changed)
        assert not {"contribute.md", "data.md", "calculators/constant-product-swap.md"} & set(changed)
        calculator = wait_for(base + "calculators/constant-product-swap/", lambda s, b: s == 200, "a reused page")
        assert "script-src 'self' 'unsafe-inline'" in calculator  # the preview's policy, on a reused page too
        index = json.loads(wait_for(base + "search/search_index.json", lambda s, b: s == 200, "the index"))
        entries = [doc for doc in index["docs"] if doc["location"] == "terms/initial-margin/"]
        assert [doc["title"] for doc in entries] == ["Opening Quokka Margin"]
        assert any(doc["location"] == "calculators/constant-product-swap/" for doc in index["docs"])
    finally:
        term.write_text(good, encoding="utf-8")
    wait_for(base + "terms/mark-price/", lambda s, b: "Opening Quokka Margin" not in b, "the name restored")
