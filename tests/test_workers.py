"""in_two: the same result as one process, and a fallback when the child fails."""

from __future__ import annotations

import os
import threading

from site_build import workers
from site_build.extension import registry


def test_halves_computed_in_two_processes_join_to_the_whole(monkeypatch):
    monkeypatch.setattr(workers, "_can_fork", lambda: True)  # other tests' server threads are idle
    items = list(range(1000))
    halves = workers.in_two(lambda chunk: (os.getpid(), [x * x for x in chunk]), items)
    pids = [pid for pid, _ in halves]
    assert [y for _, half in halves for y in half] == [x * x for x in items]
    assert len(set(pids)) == 2 and os.getpid() in pids


def test_small_inputs_and_threads_stay_in_one_process():
    assert workers.in_two(len, list(range(10))) == [10]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert workers.in_two(len, list(range(1000))) == [1000]
    finally:
        stop.set()
        thread.join()


def test_a_failing_child_is_redone_here(monkeypatch):
    monkeypatch.setattr(workers, "_can_fork", lambda: True)
    parent = os.getpid()

    def work(chunk):
        if os.getpid() != parent:
            raise RuntimeError("child fails")
        return sum(chunk)

    assert workers.in_two(work, list(range(1000))) == [sum(range(500)), sum(range(500, 1000))]


def test_check_on_two_cores_equals_check_on_one(monkeypatch, tmp_path):
    """A 450-term synthetic glossary (bench/generate.py) with one broken file: same problems."""
    import sys

    from conftest import ROOT
    from site_build.pipeline import check

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import write_project

    project = write_project(450, tmp_path / "g")
    (project / "terms" / "broken.yml").write_text("name: [Broken\n", encoding="utf-8")
    monkeypatch.setattr(workers, "_can_fork", lambda: True)
    parallel = check(project, calculators=registry())
    monkeypatch.setattr(workers, "_can_fork", lambda: False)
    assert parallel == check(project, calculators=registry()) and parallel[1] == 450
    assert [p.code for p in parallel[0]] == ["yaml-syntax"]
