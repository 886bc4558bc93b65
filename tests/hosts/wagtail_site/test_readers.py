"""Readers on a Wagtail page: the form under the story, with and without
JavaScript, and what cannot be reported."""

import os
from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from correction_desk import services
from correction_desk.models import Report
from tests.e2e.conftest import select_text

from .helpers import CONFIRMATION, public_addresses, report_post, report_url

SCREENSHOTS = os.environ.get("NEWSROOM_SCREENSHOTS")


@pytest.mark.django_db(transaction=True)
def test_a_reader_selects_a_passage_presses_ctrl_enter_and_sends(
    page, story, accessible
):
    page.goto(story.url)
    form = page.get_by_role(
        "heading", name="Haben Sie einen Fehler oder eine Ungenauigkeit festgestellt?"
    )
    form.wait_for()
    accessible(page)
    if SCREENSHOTS:
        page.screenshot(
            path=os.path.join(SCREENSHOTS, "wagtail-page.png"), full_page=True
        )
    select_text(page, "1890 eröffnet", '[data-report-part="body"]')
    page.keyboard.press("Control+Enter")
    assert page.locator("#id_passage").input_value() == "1890 eröffnet"
    page.keyboard.type("Er wurde 1891 eröffnet.")
    page.get_by_role("button", name="Meldung senden").click()
    page.locator("#report-sent").wait_for()
    assert CONFIRMATION in page.locator("#report-sent").inner_text()
    report = Report.objects.get()
    assert report.content == story
    assert (report.passage, report.part) == ("1890 eröffnet", "body")
    assert report.context_before == "Der Hafen wurde "


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_reader_lands_on_the_status_page(
    page_without_js, page, story, accessible
):
    reader = page_without_js
    reader.goto(story.url)
    reader.get_by_label("Betroffene Textstelle").fill("rund 8000 Schiffe")
    reader.get_by_label("Was ist falsch?").fill("Es waren 9000 Schiffe.")
    reader.get_by_role("button", name="Meldung senden").click()
    reader.get_by_text(CONFIRMATION).wait_for()
    assert urlsplit(reader.url).path != story.url  # the status page
    # axe-core is a script: it checks the same page in a browser that runs it.
    page.goto(reader.url)
    accessible(page)
    report = Report.objects.get()
    assert (report.content, report.passage) == (story, "rund 8000 Schiffe")


def test_a_page_that_is_not_live_cannot_be_reported(client, story):
    story.unpublish()
    response = client.post(report_url(story), report_post(story))
    assert response.status_code == 404
    assert not Report.objects.exists()


def test_a_private_page_cannot_be_reported(client, story):
    subscribers_only(story)
    response = client.post(report_url(story), report_post(story))
    assert response.status_code == 404
    assert not Report.objects.exists()


def test_a_live_public_page_takes_the_report(client, story):
    page = client.get(story.url).text
    assert "Haben Sie einen Fehler oder eine Ungenauigkeit festgestellt?" in page
    assert "{#" not in page and "#}" not in page  # no template comment shows
    response = client.post(report_url(story), report_post(story))
    assert response.status_code == 302
    assert CONFIRMATION in client.get(response["Location"]).text
    assert Report.objects.get().content == story


def subscribers_only(story) -> None:
    PageViewRestriction.objects.create(
        page=story,
        restriction_type=PageViewRestriction.PASSWORD,
        password="nur-fuer-abonnenten",
    )


@pytest.mark.parametrize(
    "take_away", [lambda story: story.unpublish(), subscribers_only]
)
def test_notes_of_a_page_taken_offline_or_private_leave_the_log(
    client, story, editor, take_away
):
    services.correction_publish(
        content=story, editor=editor, kind="correction",
        text="Der Hafen wurde 1891 eröffnet.", reports=[],
    )  # fmt: skip
    for address in public_addresses():
        assert "1891" in client.get(address).text, address
    take_away(story)
    for address in public_addresses():
        assert "1891" not in client.get(address).text, address
