"""The SQLite cache that the workers of one machine share without Redis."""

import multiprocessing
import os
import sqlite3
import threading
import time

import pytest

from newsroom.cache import SQLiteCache

# Spawned, not forked: forking the multi-threaded test process may deadlock.
WORKERS = multiprocessing.get_context("spawn")


def make(path, **options):
    return SQLiteCache(str(path), {"OPTIONS": options})


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves; Django's timeouts and the cache both read it."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


def test_values_come_back_as_they_went_in(tmp_path):
    cache = make(tmp_path)
    values = {
        "number": 42,
        "flag": True,
        "text": "Überprüfung 🙂",
        "page": {"body": b"<html>" * 40_000, "etag": 'W/"abc"'},
        "nothing": None,
        "huge": 2**70,
    }
    for key, value in values.items():
        cache.set(key, value)
    for key, value in values.items():
        assert cache.get(key) == value
        assert type(cache.get(key)) is type(value)
    assert cache.get("missing", "default") == "default"
    assert cache.get_many(["number", "text", "missing"]) == {
        "number": 42,
        "text": "Überprüfung 🙂",
    }
    assert cache.delete("number") and not cache.delete("number")
    assert not cache.has_key("number") and cache.has_key("text")
    cache.clear()
    assert cache.get("text") is None


def test_a_new_server_may_write_before_it_reads(tmp_path):
    cache = make(tmp_path / "not-yet-made")  # the first request may well be a POST
    assert cache.add("guard", 1) and cache.incr("guard") == 2


def test_entries_expire(tmp_path, clock):
    cache = make(tmp_path)
    cache.set("short", 1, timeout=10)
    cache.set("forever", 2, timeout=None)
    cache.set("gone", 3, timeout=0)
    assert cache.get("short") == 1 and cache.get("gone") is None
    clock[0] += 11
    assert cache.get("short") is None and not cache.has_key("short")
    assert cache.get("forever") == 2
    assert cache.touch("forever", timeout=5)
    clock[0] += 6
    assert cache.get("forever") is None


def test_add_only_when_absent_or_expired(tmp_path, clock):
    cache = make(tmp_path)
    assert cache.add("guard", "first", timeout=10)
    assert not cache.add("guard", "second", timeout=10)
    assert cache.get("guard") == "first"
    clock[0] += 11
    assert cache.add("guard", "third", timeout=10)
    assert cache.get("guard") == "third"


def test_a_counter_keeps_its_window_when_it_counts(tmp_path, clock):
    # Django's file cache resets the expiry on incr(): a daily limit would lapse.
    cache = make(tmp_path)
    cache.set("day-counter", 1, timeout=60)
    clock[0] += 50
    assert cache.incr("day-counter") == 2
    assert cache.decr("day-counter", 5) == -3
    clock[0] += 11
    assert cache.get("day-counter") is None
    with pytest.raises(ValueError):
        cache.incr("day-counter")
    cache.set("text", "abc")
    with pytest.raises(TypeError):
        cache.incr("text")


def test_a_counter_another_worker_starts_meanwhile_is_counted_on(tmp_path):
    cache, other_worker = make(tmp_path), make(tmp_path)  # two connections
    execute = cache._write

    def interleaved(sql, parameters=()):
        result = execute(sql, parameters)
        if sql.startswith("UPDATE") and not other_worker.has_key("counter"):
            # Right after this worker found no counter, another one starts it.
            other_worker.add("counter", 1, timeout=60)
        return result

    cache._write = interleaved
    assert cache.incr("counter") == 2


def _count(path, times, start):
    cache = make(path)
    start.wait()
    for _ in range(times):
        cache.incr("hits")


def _start_counters(path, start):
    # What the rate limiter does on the first request of each window.
    cache = make(path)
    start.wait()
    for number in range(50):
        try:
            cache.incr(f"window-{number}")
        except ValueError:
            if not cache.add(f"window-{number}", 1, timeout=60):
                cache.incr(f"window-{number}")


def _try_add(path, start, results):
    cache = make(path)
    start.wait()
    results.put(cache.add("double-click", "mine", timeout=60))


def test_workers_never_lose_an_increment(tmp_path):
    cache = make(tmp_path)
    cache.set("hits", 0)
    start = WORKERS.Barrier(4)
    workers = [
        WORKERS.Process(target=_count, args=(tmp_path, 200, start)) for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert cache.get("hits") == 800


def test_workers_starting_the_same_counters_count_every_request(tmp_path):
    cache = make(tmp_path)
    cache.get("warm")
    start = WORKERS.Barrier(6)
    workers = [
        WORKERS.Process(target=_start_counters, args=(tmp_path, start))
        for _ in range(6)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert cache.get_many([f"window-{n}" for n in range(50)]) == {
        f"window-{n}": 6 for n in range(50)
    }


def test_only_one_worker_adds_the_same_key(tmp_path):
    make(tmp_path).get("warm")  # create the file before the race
    start, results = WORKERS.Barrier(6), WORKERS.Queue()
    workers = [
        WORKERS.Process(target=_try_add, args=(tmp_path, start, results))
        for _ in range(6)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert sorted(outcomes) == [False] * 5 + [True]


def test_a_forked_worker_opens_its_own_connection(tmp_path, monkeypatch):
    # gunicorn forks its workers; a SQLite connection must not cross a fork.
    cache = make(tmp_path)
    cache.set("before-fork", 1)
    parent = cache._db()
    monkeypatch.setattr(os, "getpid", lambda: -1)
    assert cache._db() is not parent
    assert cache.get("before-fork") == 1


def test_threads_share_the_cache_without_losing_counts(tmp_path):
    cache = make(tmp_path)
    cache.set("hits", 0)
    threads = [
        threading.Thread(target=lambda: [cache.incr("hits") for _ in range(100)])
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.get("hits") == 800


def test_the_file_stays_bounded(tmp_path, clock):
    cache = make(tmp_path)
    cache._max_entries = 50
    cache.cull_check_probability = 1.0
    cache.set("expired", 1, timeout=1)
    clock[0] += 2
    for number in range(200):
        clock[0] += 0.001
        cache.set(f"key-{number}", number, timeout=600)
    with sqlite3.connect(tmp_path / "cache.sqlite3") as db:
        (rows,) = db.execute("SELECT count(*) FROM cache").fetchone()
        (expired,) = db.execute(
            "SELECT count(*) FROM cache WHERE key LIKE '%:expired'"
        ).fetchone()
    assert rows <= 50
    assert expired == 0
    assert cache.get("key-199") == 199  # the latest entries are kept
