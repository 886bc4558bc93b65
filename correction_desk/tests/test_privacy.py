"""A reader's data on request: export (Art. 15) and erasure (Art. 17) by address."""

import json

import pytest
from django.contrib.auth.models import Permission

from correction_desk import services
from correction_desk.models import Decision, Report, ReportMessage

pytestmark = pytest.mark.django_db

PAGE = "/admin/correction_desk/report/privacy/"
EMAIL = "Leserin@Example.org"


@pytest.fixture
def desk(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="view_reporter_email"))
    client.force_login(editor)
    return client


@pytest.fixture
def hers(make_report, editor):
    first = make_report(
        description="Zahl falsch.",
        reporter_name="Erika",
        reporter_email="leserin@example.org",
        consent=True,
        client_hash="h1",
    )
    second = make_report(
        description="Name falsch.",
        reporter_email="LESERIN@example.org",
        consent=True,
        client_hash="h2",
    )
    services.report_ask(report=first, editor=editor, text="Quelle?")
    services.report_answer(report=first, text="Mein Nachbar, Herr Meier.")
    return first, second


@pytest.fixture
def someone_elses(make_report):
    return make_report(
        description="Anderes.", reporter_email="leser@example.org", consent=True
    )


def request(desk, action, email=EMAIL, checked=True):
    data = {"email": email, "action": action}
    if checked:
        data["identity_checked"] = "on"
    return desk.post(PAGE, data)


@pytest.mark.usefixtures("someone_elses")
def test_export_gives_every_report_of_that_address_and_nothing_else(desk, hers):
    response = request(desk, "export")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert sorted(r["description"] for r in data["reports"]) == [
        "Name falsch.",
        "Zahl falsch.",
    ]
    first = next(r for r in data["reports"] if r["description"] == "Zahl falsch.")
    assert first["name"] == "Erika"
    assert [m["text"] for m in first["messages"]] == [
        "Quelle?",
        "Mein Nachbar, Herr Meier.",
    ]
    records = Decision.objects.filter(action="privacy")
    assert records.count() == 2
    assert all("leserin" not in d.reason.lower() for d in records)


def test_erasure_forgets_who_the_reader_is_and_keeps_the_record(
    desk, hers, someone_elses
):
    response = request(desk, "erase")
    assert response.status_code == 302
    assert "aus 2 Meldungen gelöscht" in desk.get(response["Location"]).text
    for report in Report.objects.filter(pk__in=[r.pk for r in hers]):
        assert (report.reporter_name, report.reporter_email, report.client_hash) == (
            "",
            "",
            "",
        )
        assert report.consent_at is None and report.submission_key == ""
        assert report.description in ("Zahl falsch.", "Name falsch.")
        decision = report.decisions.get(action="privacy")
        assert "Art. 17" in decision.reason and "@" not in decision.reason
    answer = ReportMessage.objects.get(sender="reader")
    assert "Meier" not in answer.text
    someone_elses.refresh_from_db()
    assert someone_elses.reporter_email == "leser@example.org"


def test_a_request_needs_the_identity_check_and_a_valid_address(desk, hers):
    assert request(desk, "erase", checked=False).status_code == 400
    assert request(desk, "erase", email="keine-adresse").status_code == 400
    assert Report.objects.filter(reporter_email__iexact=EMAIL).count() == 2


def test_only_editors_who_may_see_addresses_handle_requests(client, editor):
    client.force_login(editor)
    assert client.get(PAGE).status_code == 403
