"""The pull-request flow: the pre-commit hook really runs `glossary check`, the CI workflow runs
what the README promises, and `glossary new` prints the address `mkdocs serve` answers (the issue
form's areas are the real ones: test_content.py)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from conftest import FIXTURES, ROOT, copy_project
from site_build.cli import main
from site_build.urls import preview_address

BIN = Path(sys.executable).parent


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=test@example.org", "-c", "user.name=test", *args],
                   cwd=repo, check=True, capture_output=True)


def fresh_clone(tmp_path: Path, with_venv: bool = True) -> Path:
    """A repository laid out like a fresh clone after the Quick start (``.venv`` made, not activated)."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "check-base", repo)
    (repo / "terms" / "initial-margin.yml").write_text(
        (repo / "terms" / "initial-margin.yml").read_text(encoding="utf-8").replace(", see-also", ""),
        encoding="utf-8")
    for name in (".pre-commit-config.yaml", ".gitignore", ".ci/in-venv"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, repo / name)
    if with_venv:
        (repo / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    return repo


def pre_commit(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """``pre-commit run`` as a fresh shell runs it: the virtualenv's bin is not on PATH."""
    path = os.pathsep.join(part for part in os.environ["PATH"].split(os.pathsep)
                           if part and Path(part).resolve() != BIN.resolve())
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    env.update(PATH=path, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    assert shutil.which("glossary", path=path) is None, "the test must run without glossary on PATH"
    return subprocess.run([str(BIN / "pre-commit"), "run"], cwd=repo, env=env, capture_output=True, text=True)


def test_pre_commit_hook_reports_the_staged_term(tmp_path):
    repo = fresh_clone(tmp_path)
    shutil.copy(FIXTURES / "broken" / "unknown-area" / "terms" / "typo-area.yml", repo / "terms")
    (repo / "terms" / "mark-price.yml").write_text(
        (repo / "terms" / "mark-price.yml").read_text(encoding="utf-8").replace(
            "related: [initial-margin]", "related: [initial-margin, typo-area]"), encoding="utf-8")
    git(repo, "add", "-A")
    run = pre_commit(repo, tmp_path)
    assert run.returncode == 1, run.stdout
    assert ("terms/typo-area.yml:5:9: error: unknown area 'margn' in 'areas' (did you mean 'margin'?) "
            "[unknown-area]") in run.stdout
    (repo / "terms" / "typo-area.yml").write_text(
        (repo / "terms" / "typo-area.yml").read_text(encoding="utf-8").replace("margn", "margin"), encoding="utf-8")
    git(repo, "add", "-A")
    run = pre_commit(repo, tmp_path)
    assert run.returncode == 0, run.stdout


def test_pre_commit_hook_without_the_quick_start_says_what_to_run(tmp_path):
    repo = fresh_clone(tmp_path, with_venv=False)
    (repo / "terms" / "mark-price.yml").write_text(
        (repo / "terms" / "mark-price.yml").read_text(encoding="utf-8") + "aliases: [MP]\n", encoding="utf-8")
    git(repo, "add", "-A")
    run = pre_commit(repo, tmp_path)
    assert run.returncode == 1
    assert "'glossary' is not installed" in run.stdout
    assert 'python3 -m venv .venv && .venv/bin/pip install -e ".[test]"' in run.stdout


def test_the_hook_definitions_agree():
    """The hook other repositories use runs the very command of the local one."""
    provided = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    local = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    for key in ("id", "files", "pass_filenames", "require_serial"):
        assert provided[key] == local[key], key
    assert provided["language"] == "python" and local["language"] == "script"
    assert local["entry"] == ".ci/in-venv " + provided["entry"]
    assert os.access(ROOT / ".ci" / "in-venv", os.X_OK)


def small_project(tmp_path: Path) -> Path:
    """A copy of the real project around the small valid check-base glossary."""
    terms = tmp_path / "terms"
    shutil.copytree(FIXTURES / "check-base" / "terms", terms)
    initial = terms / "initial-margin.yml"
    initial.write_text(initial.read_text(encoding="utf-8").replace(", see-also", ""), encoding="utf-8")
    return copy_project(tmp_path / "project", terms)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read_log(stream, log: list[str], listening: threading.Event) -> None:
    """Collect ``mkdocs serve``'s output; set ``listening`` at "Serving on" (the socket is
    listening by then) or when the server exits (so the test fails at once, with the log)."""
    for line in stream:
        log.append(line)
        if "Serving on " in line:
            listening.set()
    listening.set()


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_glossary_new_prints_the_address_mkdocs_serve_answers(tmp_path, capsys):
    """The preview URL `glossary new` prints is a 200 from a real `mkdocs serve` (dev_addr honoured)."""
    project = small_project(tmp_path)
    port = free_port()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"dev_addr: 127.0.0.1:{port}\n", encoding="utf-8")
    assert main(["--root", str(project), "new", "Preview Term", "--area", "margin"]) == 0
    printed = re.findall(r"open (http://\S+)", capsys.readouterr().out)
    assert printed == [f"http://127.0.0.1:{port}/glossary/terms/preview-term/"]
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--no-livereload", "-f", str(config)], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    log, listening = [], threading.Event()
    threading.Thread(target=read_log, args=(server.stdout, log, listening), daemon=True).start()
    try:
        assert listening.wait(timeout=60), "".join(log)  # "Serving on": bound and listening, built
        assert status(printed[0]) == 200, "".join(log)
        assert status(f"http://127.0.0.1:{port}/terms/preview-term/") == 404  # the old address
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        server.stdout.close()


def test_every_preview_address_in_the_docs_is_what_mkdocs_serves():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    base = preview_address(config["site_url"], config.get("dev_addr", "127.0.0.1:8000"))
    assert base == "http://127.0.0.1:8000/glossary/"
    for name in ("README.md", "CONTRIBUTING.md", "docs/contribute.md"):
        addresses = re.findall(r"http://(?:127\.0\.0\.1|localhost)[^\s`)]*", (ROOT / name).read_text(encoding="utf-8"))
        assert addresses, name
        assert [a for a in addresses if not a.startswith(base)] == [], name


def test_the_docs_activate_the_virtualenv_before_using_bare_commands():
    """The set-up each document prints puts `glossary` and `mkdocs` on PATH before any step or
    example types them bare."""
    for name in ("README.md", "CONTRIBUTING.md", "docs/contribute.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        setup = text.index("python3 -m venv .venv && . .venv/bin/activate && pip install -e .")
        uses = [m.start() for m in re.finditer(r"^(?:\$ )?(?:glossary|mkdocs) |^\d+\. .*`(?:glossary|mkdocs) ",
                                               text, re.M)]
        assert uses and setup < min(uses), name


def test_next_steps_print_commands_that_run_in_this_shell(tmp_path, capsys, monkeypatch):
    project = small_project(tmp_path)
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("PATH", os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep)
                                               if Path(p).resolve() != BIN.resolve()))
    assert main(["--root", str(project), "new", "Shell Term", "--area", "margin"]) == 0
    prefix = Path(os.path.relpath(BIN)).as_posix() + "/"
    out = capsys.readouterr().out
    assert f"run '{prefix}glossary check terms/shell-term.yml'" in out and f"run '{prefix}mkdocs serve'" in out
    assert os.access(ROOT / f"{prefix}glossary", os.X_OK)
    monkeypatch.setenv("PATH", f"{BIN}{os.pathsep}{os.environ['PATH']}")
    assert main(["--root", str(project), "new", "Path Term", "--area", "margin"]) == 0
    assert "run 'glossary check terms/path-term.yml'" in capsys.readouterr().out


def test_ci_workflow_checks_tests_builds_and_deploys():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as a boolean
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    test_steps = " ".join(step.get("run", "") for step in workflow["jobs"]["test"]["steps"])
    assert "glossary check --strict --format github" in test_steps and "bash .ci/test" in test_steps
    assert "mkdocs build --strict" in (ROOT / ".ci" / "test").read_text(encoding="utf-8")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test" and "refs/heads/main" in deploy["if"]
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])

