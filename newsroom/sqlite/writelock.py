"""One writer at a time on a SQLite file, handed over without SQLite's sleeps.

SQLite lets one connection write at a time. A connection that finds the file
locked sleeps and retries with growing pauses (1, 2, 5, 10 ... 100 ms), so under
load the lock often sits free while every waiter sleeps; and the holder itself
may wait for Python's interpreter lock between its statements. Measured with 32
clients sending reports, most of a request's time went to these waits.

Here a writer first takes a lock of its own: threads of one process queue on a
threading.Lock, which wakes the next one as soon as it is free; processes take
turns on an flock() of a file beside the database, which the kernel releases if
a process dies. SQLite's own lock is then always free when a writer asks for it.
"""

import fcntl
import os
import threading
import time
from sqlite3 import OperationalError

# Pauses while another process writes: short, since writes are short.
POLL_FIRST, POLL_MAX = 0.00005, 0.001

_locks: dict[str, "WriteLock"] = {}
_locks_guard = threading.Lock()


def write_lock(database_path: str) -> "WriteLock":
    """The lock for this database file, shared by every connection in the process."""
    path = os.path.abspath(database_path) + ".writelock"
    with _locks_guard:
        if path not in _locks:
            _locks[path] = WriteLock(path)
        return _locks[path]


class WriteLock:
    def __init__(self, path: str):
        self.path = path
        self._thread_lock = threading.Lock()
        self._fd = None
        self._pid = None

    def acquire(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        if not self._thread_lock.acquire(timeout=timeout):
            raise OperationalError("database is locked")
        try:
            fd = self._file()
            pause = POLL_FIRST
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise OperationalError("database is locked") from None
                    time.sleep(pause)
                    pause = min(pause * 2, POLL_MAX)
        except BaseException:
            self._thread_lock.release()
            raise

    def release(self) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._thread_lock.release()

    def _file(self) -> int:
        if self._pid != os.getpid():  # a forked child opens its own
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            self._pid = os.getpid()
        return self._fd

    def _after_fork(self):
        # A lock held by another thread at fork time is never released in the child.
        self._thread_lock = threading.Lock()
        self._pid = None


def _reset_after_fork():
    for lock in _locks.values():
        lock._after_fork()


os.register_at_fork(after_in_child=_reset_after_fork)
