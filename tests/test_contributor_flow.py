"""The pull-request flow: the pre-commit hook really runs `glossary check`, the CI
workflow runs what the README promises, and the issue form offers the real areas."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import FIXTURES, ROOT

BIN = Path(sys.executable).parent


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=test@example.org", "-c", "user.name=test", *args],
                   cwd=repo, check=True, capture_output=True)


def test_pre_commit_hook_reports_the_staged_term(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "check-base", repo)
    (repo / "terms" / "initial-margin.yml").write_text(
        (repo / "terms" / "initial-margin.yml").read_text(encoding="utf-8").replace(", see-also", ""),
        encoding="utf-8")
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    shutil.copy(FIXTURES / "broken" / "unknown-area" / "terms" / "typo-area.yml", repo / "terms")
    (repo / "terms" / "mark-price.yml").write_text(
        (repo / "terms" / "mark-price.yml").read_text(encoding="utf-8").replace(
            "related: [initial-margin]", "related: [initial-margin, typo-area]"), encoding="utf-8")
    git(repo, "add", "-A")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    run = subprocess.run([str(BIN / "pre-commit"), "run"], cwd=repo, env=env, capture_output=True, text=True)
    assert run.returncode == 1
    assert ("terms/typo-area.yml:5:9: error: unknown area 'margn' in 'areas' (did you mean 'margin'?) "
            "[unknown-area]") in run.stdout
    (repo / "terms" / "typo-area.yml").write_text(
        (repo / "terms" / "typo-area.yml").read_text(encoding="utf-8").replace("margn", "margin"), encoding="utf-8")
    git(repo, "add", "-A")
    run = subprocess.run([str(BIN / "pre-commit"), "run"], cwd=repo, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout


def test_the_hook_definitions_agree():
    provided = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    local = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    for key in ("id", "entry", "files", "pass_filenames"):
        assert provided[key] == local[key], key


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


def test_issue_form_offers_exactly_the_real_areas():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "propose-a-term.yml").read_text(encoding="utf-8"))
    dropdown = next(item for item in form["body"] if item.get("id") == "area")
    areas = sorted(p.stem for p in (ROOT / "terms" / "areas").glob("*.yml"))
    assert dropdown["attributes"]["options"] == [*areas, "not sure"]
