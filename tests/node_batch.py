"""Many JavaScript scripts in one Node process: the parity tests' way to run Node once per file.

Starting Node costs a few hundred milliseconds on a busy machine, a script a few; so a test
file hands every script it needs to ``run_scripts`` once (a module fixture) and each test
reads its own answer. Each script runs in a context of its own (``vm.runInNewContext``: its
own globals and built-ins, as a classic script in a fresh page would), prints through
``out(...values)`` (one line, ``JSON.stringify(values)``), and a throw at its top level is reported as that script's
answer, never as another's.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

DRIVER = r"""
const vm = require("vm");
const scripts = JSON.parse(require("fs").readFileSync(0, "utf8"));
const answers = {};
for (const [key, source] of Object.entries(scripts)) {
  const printed = [];
  try {
    vm.runInNewContext(source, {out: (...values) => printed.push(JSON.stringify(values))}, {filename: key});
    answers[key] = {printed};
  } catch (error) {
    answers[key] = {printed, thrown: `${error && error.constructor ? error.constructor.name : typeof error}: ${error}`};
  }
}
process.stdout.write(JSON.stringify(answers));
"""


def node() -> str:
    found = shutil.which("node") or ("/usr/bin/node" if Path("/usr/bin/node").exists() else None)
    if found is None:
        pytest.fail("node is not installed: the JavaScript cannot be checked (install nodejs)")
    return found


def run_scripts(scripts: dict[str, str], timeout: int = 120) -> dict[str, dict]:
    """Each script's ``{"printed": [one JSON array per out() call], "thrown"?: "Name: message"}``."""
    done = subprocess.run([node(), "-e", DRIVER], input=json.dumps(scripts), capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"node failed:\n{done.stderr}"
    return json.loads(done.stdout)


SYNTAX = r"""
const vm = require("vm");
const scripts = JSON.parse(require("fs").readFileSync(0, "utf8"));
const errors = {};
for (const [key, source] of Object.entries(scripts)) {
  try { new vm.Script(source, {filename: key}); } catch (error) { errors[key] = String(error.stack || error); }
}
process.stdout.write(JSON.stringify(errors));
"""


def syntax_errors(scripts: dict[str, str], timeout: int = 120) -> dict[str, str]:
    """Each script that does not parse (compiled, never run, as ``node --check`` does), with Node's error."""
    done = subprocess.run([node(), "-e", SYNTAX], input=json.dumps(scripts), capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"node failed:\n{done.stderr}"
    return json.loads(done.stdout)


def printed(answers: dict[str, dict], key: str) -> str:
    """What script ``key`` printed, one line per ``out`` call; fails if it threw."""
    answer = answers[key]
    assert "thrown" not in answer, f"{key}: {answer['thrown']}"
    return "".join(line + "\n" for line in answer["printed"])
