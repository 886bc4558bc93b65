"""The desk as editors see it at 1280 px: the queue fits, decisions are real
buttons in the site's colours, and the German admin speaks German throughout."""

from datetime import timedelta

import pytest
from django.utils import timezone

from correction_desk import services
from correction_desk.models import Report

from .conftest import DESK_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACCENT = "rgb(164, 22, 26)"


@pytest.fixture
def desk_editor(make_desk_editor):
    return make_desk_editor("redakteurin.mit.langem.namen")


@pytest.fixture
def busy_queue(make_article, desk_editor):
    """The widest rows a real day brings: long headlines and passages, a group,
    a deadline passed, a high priority, an assignee with a long name."""
    article = make_article(
        title="Lindenfeld baut sein Radwegenetz aus – und streitet über Parkplätze "
        "in der Innenstadt und am Bahnhof"
    )
    long_word = "Donaudampfschifffahrtsgesellschaftskapitänsmütze " * 3
    reports = [
        services.report_submit(
            content=article, passage=long_word, description="Falsch geschrieben."
        ),
        services.report_submit(
            content=article, passage=long_word, description="Tippfehler im Wort."
        ),
        services.report_submit(
            content=article, passage="am Bahnhof", description="Es ist der Busbahnhof."
        ),
        services.report_submit(content=article, description="Das Datum fehlt ganz."),
    ]
    services.report_assign(report=reports[3], editor=desk_editor, assignee=desk_editor)
    Report.objects.filter(pk=reports[2].pk).update(
        due_at=timezone.now() - timedelta(hours=1),
        priority=Report.Priority.HIGH,
        kind=Report.Kind.MISSING_CONTEXT,
        created_at=timezone.now() - timedelta(days=3, hours=5),
    )
    return reports


def log_in(page, next_url):
    page.goto(f"/admin/login/?next={next_url}")
    page.locator("#id_username").fill("redakteurin.mit.langem.namen")
    page.locator("#id_password").fill(DESK_PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state("networkidle")


def test_the_queue_fits_1280_px_without_scrolling_sideways(
    page, busy_queue, accessible
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, "/admin/correction_desk/report/")
    widths = page.evaluate(
        """() => [document.documentElement.scrollWidth,
                  document.documentElement.clientWidth,
                  document.querySelector('#changelist .results').scrollWidth,
                  document.querySelector('#changelist .results').clientWidth]"""
    )
    assert widths[0] <= widths[1] and widths[2] <= widths[3], widths
    # The age reads one way, overdue said beneath it.
    ages = page.locator("#result_list .field-age").all_inner_texts()
    assert len(ages) == 3 and ages.count("gerade eben") == 2, ages
    assert any("vor 3 Tagen" in age and "überfällig" in age for age in ages), ages
    rows = page.locator("#result_list").inner_text()
    assert "Priorität: hoch" in rows and "+1 ähnliche Meldung" in rows
    assert "redakteurin.mit.langem.namen" in rows
    accessible(page)


def test_decisions_are_themed_buttons_of_at_least_24_px(page, busy_queue):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, f"/admin/correction_desk/report/{busy_queue[0].pk}/change/")
    buttons = page.locator(".report-buttons button, .fix-form button")
    assert buttons.count() >= 5
    for index in range(buttons.count()):
        button = buttons.nth(index)
        box = button.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, button.inner_text()
    reject = page.get_by_role("button", name="Ablehnen")
    assert reject.evaluate("b => getComputedStyle(b).backgroundColor") == ACCENT


def test_the_timezone_hint_is_german(browser, live_server, make_article, desk_editor):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", timezone_id="America/New_York"
    )
    page = context.new_page()
    article = make_article()
    log_in(page, f"/admin/articles/article/{article.pk}/change/")
    hint = page.locator(".timezonewarning").first
    hint.wait_for()
    text = hint.inner_text()
    assert text.startswith("Hinweis: Bitte geben Sie Zeiten in der Zeitzone"), text
    assert "Stunden früher" in text and "Note" not in text
    context.close()
