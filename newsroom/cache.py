"""The cache that the workers of one machine share when there is no Redis.

It holds the rate limits, the double-submission guard, the pages' purge times and
the rendered pages, so every operation must be atomic across processes. Django's
FileBasedCache is not: its add() and incr() read a file and then write one, so
two workers can both "add" the same key (a double click stored twice) and lose
increments (a flood slips past the limit); its incr() also resets the key's
expiry to the default timeout, so a per-day limit lapsed after five minutes.
diskcache, the library that does this on SQLite, has had no release since 2023
and failed under our benchmark with an open bug.

Here every operation is one SQL statement on a SQLite file of its own, which
SQLite applies atomically across processes; a writer that finds the file busy
waits for SQLite's busy timeout. (A lock file of our own in front of it was
measured against this and did not help: bench/RESULTS.md, section 7. Django's
database cache was measured too: slower, and its incr() is a read and a write.)
"""

import os
import pickle
import random
import sqlite3
import threading
import time
from pathlib import Path

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

SCHEMA = """
CREATE TABLE IF NOT EXISTS cache (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    expires REAL
);
CREATE INDEX IF NOT EXISTS cache_expires ON cache (expires);
"""
# A row is alive when it never expires (NULL) or expires later than now.
ALIVE = "(expires IS NULL OR expires > ?)"


class SQLiteCache(BaseCache):
    """A Django cache in `LOCATION`/cache.sqlite3, shared by every local process."""

    # Expired rows are swept on about one write in a hundred, not on each.
    cull_check_probability = 0.01

    def __init__(self, location, params):
        super().__init__(params)
        self.path = Path(location) / "cache.sqlite3"
        self.busy_timeout = float(params.get("OPTIONS", {}).get("BUSY_TIMEOUT", 10))
        self._local = threading.local()

    # Connections: one per thread, opened again in a forked child.

    def _db(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            local.connection = self._connect()
            local.pid = os.getpid()
        return local.connection

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            self.path,
            timeout=self.busy_timeout,
            isolation_level=None,  # autocommit: each statement is its own transaction
        )
        # NORMAL syncs at checkpoints only: a power cut may lose the last writes
        # to a cache, never corrupt it.
        connection.execute("PRAGMA synchronous=NORMAL")
        # WAL lets readers run beside a writer; the file keeps the setting. Workers
        # starting together on a new file wait for each other (busy timeout).
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(SCHEMA)
        return connection

    def _execute(self, sql: str, parameters=()) -> sqlite3.Cursor:
        return self._db().execute(sql, parameters)

    def _write(self, sql: str, parameters=()):
        """Run a writing statement; return (rows changed, first row returned)."""
        cursor = self._db().execute(sql, parameters)
        rows = cursor.fetchall()  # to the end: the statement's lock ends with it
        return cursor.rowcount, rows[0] if rows else None

    # Values: integers stay integers so that incr() can run in SQL.

    @staticmethod
    def _encode(value):
        if type(value) is int and -(2**63) <= value < 2**63:
            return value
        return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def _decode(stored):
        return stored if isinstance(stored, int) else pickle.loads(stored)

    # The cache API.

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = self._execute(
            f"SELECT value FROM cache WHERE key = ? AND {ALIVE}", (key, time.time())
        ).fetchone()
        return default if row is None else self._decode(row[0])

    def get_many(self, keys, version=None):
        keyed = {self.make_and_validate_key(key, version=version): key for key in keys}
        if not keyed:
            return {}
        marks = ",".join("?" * len(keyed))
        rows = self._execute(
            f"SELECT key, value FROM cache WHERE key IN ({marks}) AND {ALIVE}",
            (*keyed, time.time()),
        )
        return {keyed[key]: self._decode(value) for key, value in rows}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        expires = self.get_backend_timeout(timeout)
        if expires is not None and expires <= time.time():
            self._write("DELETE FROM cache WHERE key = ?", (key,))
            return
        self._write(
            "INSERT INTO cache (key, value, expires) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET "
            "value = excluded.value, expires = excluded.expires",
            (key, self._encode(value), expires),
        )
        self._maybe_cull()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = time.time()
        expires = self.get_backend_timeout(timeout)
        if expires is not None and expires <= now:  # added and gone at once
            return not self._alive(key)
        # Inserts, or takes over a row that has expired; a live row is left alone.
        changed, _ = self._write(
            "INSERT INTO cache (key, value, expires) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET "
            "value = excluded.value, expires = excluded.expires "
            "WHERE cache.expires IS NOT NULL AND cache.expires <= ?",
            (key, self._encode(value), expires, now),
        )
        self._maybe_cull()
        return changed == 1

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        while True:
            # The expiry is kept: a counter's window must not move when it counts.
            _, row = self._write(
                f"UPDATE cache SET value = value + ? WHERE key = ? AND {ALIVE} "
                "AND typeof(value) = 'integer' RETURNING value",
                (delta, key, time.time()),
            )
            if row is not None:
                return row[0]
            kind = self._execute(
                f"SELECT typeof(value) FROM cache WHERE key = ? AND {ALIVE}",
                (key, time.time()),
            ).fetchone()
            if kind is None:
                raise ValueError(f"Key {key!r} not found.")
            if kind[0] != "integer":
                raise TypeError(f"The value of {key!r} is not an integer.")
            # Another worker created the counter just now: count on it.

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = time.time()
        changed, _ = self._write(
            f"UPDATE cache SET expires = ? WHERE key = ? AND {ALIVE}",
            (self.get_backend_timeout(timeout), key, now),
        )
        return changed == 1

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        changed, _ = self._write("DELETE FROM cache WHERE key = ?", (key,))
        return changed == 1

    def has_key(self, key, version=None):
        return self._alive(self.make_and_validate_key(key, version=version))

    def _alive(self, key) -> bool:
        row = self._execute(
            f"SELECT 1 FROM cache WHERE key = ? AND {ALIVE}", (key, time.time())
        ).fetchone()
        return row is not None

    def clear(self):
        self._write("DELETE FROM cache")

    # Keeping the file bounded.

    def _maybe_cull(self):
        if random.random() < self.cull_check_probability:
            self.cull()

    def cull(self):
        """Drop expired rows, then the soonest-expiring ones beyond MAX_ENTRIES."""
        self._write("DELETE FROM cache WHERE expires <= ?", (time.time(),))
        (count,) = self._execute("SELECT count(*) FROM cache").fetchone()
        excess = count - self._max_entries
        if excess > 0:
            # Like Django's caches, cull a fraction at once rather than one by one.
            drop = max(excess, count // self._cull_frequency)
            self._write(
                "DELETE FROM cache WHERE key IN (SELECT key FROM cache "
                "ORDER BY expires IS NULL, expires LIMIT ?)",
                (drop,),
            )
