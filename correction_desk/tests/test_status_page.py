import pytest

from correction_desk import services
from correction_desk.intake.status import status_url

pytestmark = pytest.mark.django_db


def test_status_page_shows_the_outcome_and_the_public_reason(
    client, make_report, editor
):
    report = make_report(passage="rund 8000")
    services.report_reject(report=report, editor=editor, reason="Beide Zahlen stimmen.")
    response = client.get(status_url(report))
    assert response.status_code == 200
    assert "abgelehnt" in response.text
    assert "Beide Zahlen stimmen." in response.text
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.text


def test_status_page_does_not_show_internal_notes(client, make_report, editor):
    report = make_report()
    services.note_add(report=report, author=editor, text="Intern: Leser nervt.")
    services.report_assign(report=report, editor=editor, assignee=editor)
    assert "Intern" not in client.get(status_url(report)).text


def test_tampered_status_link_is_404(client, make_report):
    url = status_url(make_report())
    assert client.get(url[:-3] + "xyz/").status_code == 404
    assert client.get("/meldung/1/").status_code == 404


def test_status_link_shows_only_its_own_report(client, make_report, make_article):
    mine = make_report(passage="meine Stelle")
    theirs = make_report(content=make_article(), passage="fremde Stelle")
    html = client.get(status_url(mine)).text
    assert "meine Stelle" in html and "fremde Stelle" not in html
    assert status_url(mine) != status_url(theirs)


def test_spam_is_not_admitted_to_on_the_status_page(client, make_report):
    report = make_report(spam_reason="honeypot")
    html = client.get(status_url(report)).text
    assert "Spam" not in html
    assert "neu" in html
