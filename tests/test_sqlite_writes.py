"""Django's SQLite backend as configured (WAL, IMMEDIATE, busy timeout): writers in
several processes and threads all commit, and none sees "database is locked"."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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
