"""Background work, through Django's Tasks framework.

Development and tests run tasks at once (ImmediateBackend); production queues them
in the database and runs them with `manage.py db_worker` (see README).
"""

from django.tasks import task

from correction_desk.triage import mail


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
