"""in_two: the same result as one process, and a fallback when the child fails."""

from __future__ import annotations

import os
import threading

from site_build import workers


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
