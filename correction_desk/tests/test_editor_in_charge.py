"""The demo's editor in charge (Chef vom Dienst), and the admin's error pages."""

import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from correction_desk.tests.test_demo import login_request
from newsroom.errors import server_error

pytestmark = pytest.mark.django_db

CHIEF_PAGES = [
    "/admin/correction_desk/report/privacy/",
    "/admin/correction_desk/partnerendpoint/",
    "/admin/correction_desk/partnerendpoint/add/",
    "/admin/correction_desk/webhookdelivery/",
]


@pytest.fixture
def demo(monkeypatch, capsys):
    monkeypatch.delenv("NEWSROOM_DEMO_PASSWORD", raising=False)
    call_command("load_demo")
    out = capsys.readouterr().out
    return dict(re.findall(r"„(\w+)“.*?Passwort: (\S+)", out, re.S))


def test_make_run_prints_both_accounts_and_the_chief_reaches_every_desk_page(
    demo, client, settings
):
    """One test, as load_demo takes seconds: the accounts, the chief's pages,
    and the chief as the second pair of eyes under the four-eyes rule."""
    from correction_desk.models import CorrectionNote, Report
    from correction_desk.services import correction_publish, note_approve

    assert set(demo) == {"redaktion", "cvd"}
    chief = authenticate(login_request(), username="cvd", password=demo["cvd"])
    assert chief is not None and chief.is_staff
    client.force_login(chief)
    for page in CHIEF_PAGES:
        assert client.get(page).status_code == 200, page
    client.force_login(get_user_model().objects.get(username="redaktion"))
    for page in CHIEF_PAGES:
        assert client.get(page).status_code == 403, page

    settings.CORRECTION_DESK_NOTES_NEED_APPROVAL = True
    users = get_user_model().objects
    report = Report.objects.filter(status="new").first()
    note = correction_publish(
        content=report.content, editor=users.get(username="redaktion"),
        kind="correction", text="Es sind 11.000.", reports=[report],
    )  # fmt: skip
    note_approve(note=note, editor=users.get(username="cvd"))
    assert CorrectionNote.objects.get(pk=note.pk).published_at is not None


def test_the_desk_editor_gets_a_german_admin_page_where_the_chief_works(desk):
    response = desk.get(CHIEF_PAGES[0])
    assert response.status_code == 403
    page = response.text
    assert '<html lang="de"' in page
    assert "Diese Seite dürfen Sie nicht öffnen" in page
    assert "Chef vom Dienst" in page
    assert 'id="site-name"' in page  # the admin's header, not the site's
    assert "Forbidden" not in page


def test_a_missing_admin_page_is_german_and_looks_like_the_admin(desk, settings):
    settings.DEBUG = False
    response = desk.get("/admin/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text
    assert 'id="site-name"' in response.text
    assert "Zurück zum Redaktionstisch" in response.text


def test_a_server_error_in_the_admin_is_german_and_asks_nothing_of_the_database(
    django_assert_num_queries,
):
    request = RequestFactory().get("/admin/correction_desk/report/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert "Bei uns ist etwas schiefgegangen" in response.content.decode()
    assert "admin/css/base.css" in response.content.decode()


def test_error_pages_outside_the_admin_stay_the_sites(client, settings):
    settings.DEBUG = False
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert 'id="site-name"' not in response.text
