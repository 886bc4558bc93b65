"""Two gunicorn app servers sharing one PostgreSQL and one Redis, as in production."""

import os
import urllib.parse

import pytest
from django.conf import global_settings
from django.contrib.auth.models import Group, Permission
from django.db import connection

from correction_desk.services import report_submit
from correction_desk.tests.helpers import report_post, report_url

from .servers import (
    Browser,
    app_servers,
    in_a_fresh_minute,
    manage,
    publish_correction,
    server_env,
)

SCALE_OUT = os.environ.get("DATABASE_URL", "").startswith(
    "postgres"
) and os.environ.get("REDIS_URL")
pytestmark = [
    pytest.mark.skipif(
        not SCALE_OUT,
        reason="needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL); "
        ".ci/run starts both and runs this test",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def servers(tmp_path):
    """Start two app servers on the test database; yield their base URLs."""
    database = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    env = server_env(
        tmp_path / "static",
        DATABASE_URL=database._replace(
            path=f"/{connection.settings_dict['NAME']}"
        ).geturl(),
    )
    manage("collectstatic", "--noinput", "-v0", env=env)
    with app_servers(env) as urls:
        yield urls


def test_a_readers_rate_limit_holds_across_both_servers(servers, article):
    first, second = servers
    reader = Browser()
    in_a_fresh_minute()
    statuses = [
        reader.request(
            server + report_url(article), report_post(article, description=f"Nr. {n}")
        )[0]
        for n, server in enumerate([first, second, first, second])
    ]
    assert statuses == [302, 302, 429, 429]


def test_a_correction_published_on_one_server_shows_on_the_other(
    servers, article, django_user_model, settings
):
    # The servers check passwords with the production hashers, not the tests' one.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    first, second = servers
    reader = Browser()
    assert (
        "Auf dem ersten Server"
        not in reader.request(second + article.get_absolute_url())[1]
    )

    editor = django_user_model.objects.create_user(
        "skalierung", password="ein-langes-passwort-2024", is_staff=True
    )
    editor.groups.add(Group.objects.get_or_create(name="Redaktion")[0])
    editor.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="correction_desk")
    )
    report = report_submit(content=article, description="Falsche Zahl.")

    publish_correction(
        first, "skalierung", "ein-langes-passwort-2024", report.pk,
        "Auf dem ersten Server korrigiert.",
    )  # fmt: skip

    status, page = reader.request(second + article.get_absolute_url())
    assert status == 200
    assert "Auf dem ersten Server korrigiert." in page
