"""Django's SQLite backend with the write lock of writelock.py around transactions."""

from django.db.backends.sqlite3 import base

from .writelock import write_lock


class DatabaseWrapper(base.DatabaseWrapper):
    _holds_write_lock = False

    def _write_lock(self):
        if self.is_in_memory_db():
            return None
        return write_lock(self.settings_dict["NAME"])

    def _start_transaction_under_autocommit(self):
        lock = self._write_lock()
        if lock is not None:
            lock.acquire(timeout=self.settings_dict["OPTIONS"].get("timeout", 5))
            self._holds_write_lock = True
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_write_lock()
            raise

    def _release_write_lock(self):
        if self._holds_write_lock:
            self._holds_write_lock = False
            self._write_lock().release()

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._release_write_lock()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._release_write_lock()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._release_write_lock()
