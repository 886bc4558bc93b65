"""The editor's day in a real browser: three reports, one fix desk, the keyboard.

A report with a passage and a suggestion, a duplicate of it, and junk. The
editor fixes the article and publishes the note from the report's page, the
duplicate is resolved with it, the junk is rejected by keyboard, and both
readers see their outcome. Clicks and page loads on the fix-and-note path are
counted (the target: at most 4 clicks and 2 page loads after opening the report).
"""

import os
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from correction_desk.intake.status import status_token
from correction_desk.models import Report
from correction_desk.services import report_submit

from .conftest import DESK_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "Der Gemeinderat hat entschieden.\n\n"
    "Mit **27 zu 14** Stimmen beschloss er den Ausbau der Radwege.\n\n"
    "Die Arbeiten beginnen im Frühjahr."
)
SCREENSHOTS = os.environ.get("NEWSROOM_SCREENSHOTS")  # a folder, to look at them


@pytest.fixture
def desk_editor(make_desk_editor):
    return make_desk_editor()


@pytest.fixture
def day(make_article):
    """Three reports, oldest first: the real one, its duplicate, junk."""
    article = make_article(title="Radwege in Lindenfeld", body=BODY)
    reports = [
        report_submit(
            content=article,
            passage="27 zu 14",
            context_before="Mit ",
            description="Es waren 27 zu 13 Stimmen, siehe Protokoll.",
            suggestion="27 zu 13",
            reporter_email="leserin@example.org",
            consent=True,
        ),
        report_submit(
            content=article,
            passage="27 zu 14",
            description="Das Ergebnis stimmt nicht.",
            reporter_email="leser@example.org",
            consent=True,
        ),
        report_submit(content=article, description="Billige Uhren hier kaufen!!!"),
    ]
    for age, report in zip((3, 2, 1), reports, strict=True):
        Report.objects.filter(pk=report.pk).update(
            created_at=timezone.now() - timedelta(hours=age)
        )
    return article, reports


def shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def test_the_editors_day(page, browser, live_server, desk_editor, day, accessible):
    article, (real, duplicate, junk) = day
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/correction_desk/report/")
    page.locator("#id_username").fill("redakteurin")
    page.locator("#id_password").fill(DESK_PASSWORD)
    page.locator("input[type=submit]").click()
    accessible(page)
    page.locator("#result_list tbody tr").first.locator("th a").click()
    page.get_by_role("heading", name="Korrekturtisch").wait_for()
    assert page.locator(".fix-source mark").inner_text() == "27 zu 14"
    accessible(page)
    shot(page, "report-page")

    # From here on, the fix-and-note path: count what the editor does.
    clicks, loads = 0, 0

    def count_load(frame):
        nonlocal loads
        if frame == page.main_frame:
            loads += 1

    page.on("framenavigated", count_load)

    def click(locator):
        nonlocal clicks
        clicks += 1
        locator.click()

    click(page.get_by_role("button", name="Vorschlag übernehmen"))
    assert "Mit **27 zu 13** Stimmen" in page.locator("#id_new_text").input_value()
    # The duplicate joined the report's group when it came in: resolved with it.
    assert page.get_by_role("region", name="Meldungen zur selben Sache").is_visible()
    note = page.locator("#id_text").input_value()
    assert "27 zu 13" in note  # drafted from the report; the editor may rewrite it
    click(page.get_by_role("button", name="Korrigieren und veröffentlichen"))
    done = "Die Korrektur ist veröffentlicht; 2 Meldungen erledigt."
    page.get_by_text(done).wait_for()
    page.remove_listener("framenavigated", count_load)
    print(f"fix-and-note path: {clicks} clicks, {loads} page loads")
    assert clicks <= 4 and loads <= 2
    shot(page, "next-report")

    # The next report is the junk: rejected by keyboard.
    assert page.url.endswith(f"/admin/correction_desk/report/{junk.pk}/change/")
    # The shortcuts listen once the deferred scripts ran: before that a key is lost.
    page.wait_for_load_state("load")
    page.keyboard.press("?")
    page.get_by_role("dialog", name="Tastenkürzel").wait_for()
    accessible(page)
    page.keyboard.press("Escape")
    page.keyboard.press("x")
    assert page.evaluate("document.activeElement.id") == "decision-reason"
    page.keyboard.type("Kein Hinweis auf einen Fehler.")
    page.keyboard.press("Control+Enter")
    page.get_by_text("Keine offenen Meldungen mehr.").wait_for()

    for report in (real, duplicate, junk):
        report.refresh_from_db()
    assert (real.status, duplicate.status, junk.status) == (
        "corrected",
        "corrected",
        "rejected",
    )
    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto(article.get_absolute_url())
    assert "Mit 27 zu 13 Stimmen" in reader.locator("main").inner_text()
    assert "27 zu 13" in reader.locator("#korrekturen").inner_text()
    for report in (real, duplicate):
        reader.goto(f"/meldung/{status_token(report)}/")
        assert "korrigiert" in reader.locator("main").inner_text().lower()
    reader.context.close()
    told = {address for message in mail.outbox for address in message.to}
    assert {"leserin@example.org", "leser@example.org"} <= told


def test_the_desk_figures_read_well_and_pass_axe(page, desk_editor, day, accessible):
    _, (real, _, junk) = day
    from correction_desk import services

    services.report_reject(report=junk, editor=desk_editor, reason="Werbung.")
    services.report_start_review(report=real, editor=desk_editor)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/correction_desk/report/metrics/")
    page.locator("#id_username").fill("redakteurin")
    page.locator("#id_password").fill(DESK_PASSWORD)
    page.locator("input[type=submit]").click()
    chart = page.get_by_role(
        "img", name="Median der Stunden bis zur ersten Entscheidung", exact=False
    )
    chart.wait_for()
    assert page.locator(".desk-week-chart circle").count() >= 1
    accessible(page)
    shot(page, "metrics")


def test_the_queue_by_keyboard(page, desk_editor, make_article, accessible):
    article = make_article(title="Tastatur")
    first = report_submit(content=article, description="Erste Meldung, älter.")
    second = report_submit(content=article, description="Zweite Meldung, anders.")
    Report.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    page.goto("/admin/correction_desk/report/")
    page.locator("#id_username").fill("redakteurin")
    page.locator("#id_password").fill(DESK_PASSWORD)
    page.locator("input[type=submit]").click()

    search = page.locator("#searchbar")
    search.focus()
    page.keyboard.type("jj?")  # typed into the field, not taken as keys
    assert search.input_value() == "jj?"
    assert not page.get_by_role("dialog").is_visible()

    page.locator("body").focus()
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Tastenkürzel")
    assert "nächste / vorige Meldung der Liste" in dialog.inner_text()
    accessible(page)
    page.keyboard.press("Escape")

    page.keyboard.press("j")
    page.keyboard.press("j")
    rows = page.locator("#result_list tbody tr")
    assert "queue-current" in rows.nth(1).get_attribute("class")
    page.keyboard.press("a")
    page.get_by_text("1 Meldung wurde Ihnen zugewiesen.").wait_for()
    second.refresh_from_db()
    first.refresh_from_db()
    assert (second.assignee, first.assignee) == (desk_editor, None)
