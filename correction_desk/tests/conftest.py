import itertools

import pytest

from correction_desk.services import report_submit

_numbers = itertools.count(1)


@pytest.fixture
def make_report(db, article):
    """Store a reader's report the way the form does (on `article` unless given)."""

    def make(**fields):
        fields.setdefault("content", article)
        fields.setdefault("description", f"Fehler Nummer {next(_numbers)}")
        return report_submit(**fields)

    return make


@pytest.fixture
def other_editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("kollegin", is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user


@pytest.fixture
def desk(client, editor):
    """The test client, logged in as an editor of the desk."""
    client.force_login(editor)
    return client


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    """Run what is queued after commit (the e-mail tasks), as production would."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run
