"""Changing the corrections policy: the one way, so that its page is purged."""

from django.db import transaction

from correction_desk.record import purges


def policy_save(page) -> None:
    with transaction.atomic():
        page.save()
        purges.policy_changed()


def policy_delete(page) -> None:
    with transaction.atomic():
        page.delete()
        purges.policy_changed()
