"""SQLite writers taking turns on a lock file instead of sleeping on SQLite's lock."""

import multiprocessing
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from sqlite3 import OperationalError

import pytest

from newsroom.sqlite.writelock import write_lock

ROOT = Path(__file__).resolve().parents[1]
# Spawned, not forked: forking the multi-threaded test process may deadlock.
WORKERS = multiprocessing.get_context("spawn")


def _add_one_many_times(database, counter, times, start):
    lock = write_lock(database)
    start.wait()
    for _ in range(times):
        lock.acquire(timeout=30)
        try:
            value = int(counter.read_text())
            time.sleep(0)  # invite another writer in between, if it could get in
            counter.write_text(str(value + 1))
        finally:
            lock.release()


def test_one_writer_at_a_time_across_processes_and_threads(tmp_path):
    counter = tmp_path / "counter"
    counter.write_text("0")
    database = str(tmp_path / "db.sqlite3")
    start = WORKERS.Barrier(3)
    workers = [
        WORKERS.Process(
            target=_add_one_many_times, args=(database, counter, 100, start)
        )
        for _ in range(3)
    ]
    for worker in workers:
        worker.start()
    local_start = threading.Barrier(4)
    threads = [
        threading.Thread(
            target=_add_one_many_times, args=(database, counter, 100, local_start)
        )
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert counter.read_text() == str(7 * 100)


def _hold_and_die(database, held):
    write_lock(database).acquire(timeout=5)
    held.set()
    time.sleep(1)
    os._exit(1)  # dies holding the lock, as a killed worker would


def test_a_busy_lock_times_out_and_a_dead_holder_frees_it(tmp_path):
    database = str(tmp_path / "db.sqlite3")
    held = WORKERS.Event()
    holder = WORKERS.Process(target=_hold_and_die, args=(database, held))
    holder.start()
    assert held.wait(timeout=30)
    lock = write_lock(database)
    with pytest.raises(OperationalError, match="database is locked"):
        lock.acquire(timeout=0.1)
    lock.acquire(timeout=30)  # the kernel released it when the holder died
    lock.release()
    holder.join()


# Django's own transactions, in two fresh interpreters writing to one file at once.
WRITER = """
import threading
import django
django.setup()
from django.db import connection, transaction

def write(failures):
    for number in range(50):
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("UPDATE counter SET n = n + 1")
                    if number % 10 == 0:
                        raise ZeroDivisionError  # rolled back: must free the lock
        except ZeroDivisionError:
            pass
        except Exception as error:
            failures.append(repr(error))
    connection.close()

failures = []
threads = [threading.Thread(target=write, args=(failures,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(failures or "ok")
"""


def test_django_transactions_from_two_servers_all_commit(tmp_path):
    import sqlite3

    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA journal_mode=WAL")  # as `migrate` leaves the file
        db.execute("CREATE TABLE counter (n INTEGER)")
        db.execute("INSERT INTO counter VALUES (0)")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        NEWSROOM_SQLITE_PATH=str(database),
    )
    servers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER],
            cwd=ROOT,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        for _ in range(2)
    ]
    for server in servers:
        out, err = server.communicate(timeout=120)
        assert server.returncode == 0, err
        assert out.strip() == "ok"
    with sqlite3.connect(database) as db:
        (total,) = db.execute("SELECT n FROM counter").fetchone()
    # 2 servers x 4 threads x 50 transactions, of which every tenth rolled back
    assert total == 2 * 4 * 45
