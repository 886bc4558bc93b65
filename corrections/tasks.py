"""Background work, through Django's Tasks framework.

Development and tests run tasks at once (ImmediateBackend); production queues them
in the database and runs them with `manage.py db_worker` (see README).
"""

from functools import partial

from django.db import transaction
from django.tasks import task
from django_tasks_db import DatabaseBackend

from . import mail


def enqueue_on_commit(task, *args) -> None:
    """Queue `task` so that it runs only if the current transaction commits.

    A queue kept in our own database takes the task inside that transaction: the
    report and its e-mail are stored together, in one write transaction instead
    of two (on SQLite, every write transaction waits for all the others). Any
    other backend is called after the commit, with
    robust=True: a mail server that is down is logged, and never costs a reader
    their report or an editor their decision.
    """
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args)
    else:
        transaction.on_commit(partial(task.enqueue, *args), robust=True)


@task
def notify_desk_of_report(report_id: int) -> None:
    mail.send_desk_alert(report_id)


@task
def notify_reader_of_outcome(report_id: int) -> None:
    mail.send_reader_outcome(report_id)


@task
def notify_reader_of_question(message_id: int) -> None:
    mail.send_reader_question(message_id)


@task
def notify_desk_of_answer(message_id: int) -> None:
    mail.send_desk_answer(message_id)
