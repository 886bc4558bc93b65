"""Queueing background work so that it happens exactly when the data it is about
is stored: never for a transaction that rolls back, never lost after a commit."""

from functools import partial

from django.db import transaction

try:
    from django_tasks_db import DatabaseBackend
except ImportError:  # the project queues its tasks elsewhere
    DatabaseBackend = ()


def enqueue_on_commit(task, *args) -> None:
    """Queue `task` so that it runs only if the current transaction commits.

    A queue kept in our own database takes the task inside that transaction: the
    change and its task are stored together, in one write transaction instead of
    two (on SQLite, every write transaction waits for all the others), and a
    process that dies after the commit has lost nothing. Any other backend is
    called after the commit, with robust=True: a mail server or an HTTP cache
    that is down is logged, and never costs a reader their report or an editor
    their decision.
    """
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args)
    else:
        transaction.on_commit(partial(task.enqueue, *args), robust=True)
