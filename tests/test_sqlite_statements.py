"""The site's SQLite backend (newsroom/sqlite_backend/) runs each statement as Django's
does, converting its placeholders once per statement, not on every run."""

import uuid

import pytest
from django.db import connection
from django.db.backends.sqlite3 import base

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite",
        reason="PostgreSQL's driver takes Django's placeholders as they are",
    ),
]


def test_a_statement_runs_as_written_and_is_converted_once(monkeypatch):
    conversions = []
    regex = base.FORMAT_QMARK_REGEX

    class Counting:
        def sub(self, *args):
            conversions.append(args)
            return regex.sub(*args)

    monkeypatch.setattr(base, "FORMAT_QMARK_REGEX", Counting())
    # New to this process: no earlier run has converted it.
    statement = f"SELECT '100%%', %s, '{uuid.uuid4()}'"
    with connection.cursor() as cursor:
        for value in ("eins", "zwei"):
            cursor.execute(statement, [value])
            assert cursor.fetchone()[:2] == ("100%", value)
    assert len(conversions) == 1


def test_named_values_are_djangos_too():
    with connection.cursor() as cursor:
        cursor.execute("SELECT %(first)s, %(second)s", {"first": 1, "second": "b"})
        assert cursor.fetchone() == (1, "b")
