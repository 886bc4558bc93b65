"""The desk as an editor meets it in a browser: a caption fixed where it is,
the question on an edit to published text, the queue's conversation marks and
groups, the charts, and the pages of the editor in charge. Each passes axe."""

import pytest

from correction_desk import services
from correction_desk.models import CorrectionNote, Report

from .conftest import DESK_PASSWORD
from .test_trust import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDE = {"width": 1280, "height": 900}


@pytest.fixture
def caption_report(make_desk_editor, make_article, make_picture):
    editor = make_desk_editor()
    picture = make_picture(caption="Wladimir Putin in Kursk, im August.")
    first = make_article(
        title="Putin besucht Kursk", lead_picture=picture,
        body="Putin in Kursk, im August: so stand es in vielen Berichten.",
    )  # fmt: skip
    second = make_article(
        title="Ein Jahr danach", body=f"Rückblick.\n\n![](bild:{picture.pk})"
    )
    report = services.report_submit(
        content=first, passage="Putin in Kursk, im August", part="caption",
        description="Das Bild ist aus dem Juli.", suggestion="Putin in Kursk, im Juli",
    )  # fmt: skip
    return editor, report, picture, first, second


def test_the_desk_fixes_a_caption_in_the_caption(page, caption_report, accessible):
    editor, report, picture, first, second = caption_report
    page.set_viewport_size(WIDE)
    log_in(page, editor.username, f"/admin/correction_desk/report/{report.pk}/change/")
    desk = page.locator("#fix-desk")
    assert "Fundstelle: Bildunterschrift von Bild" in desk.inner_text()
    assert "Das Bild steht in 2 Artikeln" in desk.inner_text()
    assert desk.locator("mark").inner_text() == "Putin in Kursk, im August"
    accessible(page)
    page.get_by_role("button", name="Vorschlag übernehmen").click()
    text = page.locator("#id_new_text")
    assert text.input_value() == "Wladimir Putin in Kursk, im Juli."
    page.locator("#id_text").fill("Das Bild entstand im Juli, nicht im August.")
    shot(page, "25-desk-caption")
    page.get_by_role("button", name="Korrigieren und veröffentlichen").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("an 1 weiteren Artikel mit dem Bild").count()
    picture.refresh_from_db()
    first.refresh_from_db()
    assert picture.caption == "Wladimir Putin in Kursk, im Juli."
    assert "im August: so stand es" in first.body
    assert CorrectionNote.objects.count() == 2
    page.goto(second.get_absolute_url())
    assert page.get_by_text("Das Bild entstand im Juli, nicht im August.").count()


def test_an_edit_to_published_text_asks_minor_or_noted(
    page, make_desk_editor, make_article, accessible
):
    editor = make_desk_editor()
    article = make_article(
        title="Sanierung des Rathauses",
        body="Die Sanierung kostet 180.000 Euro.\n\nDer Rat tagt im Saal.",
    )
    page.set_viewport_size(WIDE)
    log_in(page, editor.username, f"/admin/articles/article/{article.pk}/change/")
    body = page.locator("#id_body")
    body.fill(body.input_value().replace("180.000 Euro", "181.000 Euro"))
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state("networkidle")
    question = page.locator(".published-edit")
    assert "Ist es eine kleine Änderung" in question.inner_text()
    assert "181.000 Euro" in page.locator("#id_body").input_value()  # kept
    page.get_by_label("Kleine Änderung", exact=False).check()
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state("networkidle")
    assert "betrifft eine Zahl" in page.locator(".published-edit").inner_text()
    accessible(page)
    shot(page, "25-minor-or-noted")
    page.get_by_label("Korrektur", exact=True).check()
    page.locator("#id_change_note").fill("Die Sanierung kostet 181.000 Euro.")
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Der Vermerk ist mit der Änderung veröffentlicht.").count()
    page.goto(article.get_absolute_url())
    assert page.get_by_text("Die Sanierung kostet 181.000 Euro.").count() >= 1


def test_the_queue_marks_answers_and_opens_groups(
    page, make_desk_editor, make_article, accessible
):
    editor = make_desk_editor()
    article = make_article(title="Soldaten in Kursk")
    leader = services.report_submit(
        content=article, passage="8000 Soldaten", description="Falsch."
    )
    services.report_submit(
        content=article, passage="rund 8000 Soldaten", description="Stimmt nicht."
    )
    asked = services.report_submit(
        content=article, passage="Kursk liegt", description="Anderes."
    )
    services.report_ask(report=asked, editor=editor, text="Welche Quelle?")
    services.report_answer(report=asked, text="Das Protokoll.")
    page.set_viewport_size(WIDE)
    log_in(page, editor.username, "/admin/correction_desk/report/")
    assert page.locator(".queue-answers li").count() == 1
    assert page.locator(".queue-answered").inner_text() == "Antwort da"
    accessible(page)
    shot(page, "25-queue")
    page.get_by_role("link", name="+1 ähnliche Meldung").click()
    page.wait_for_load_state("networkidle")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 2
    assert Report.objects.filter(similar_to=leader).count() == 1


def a_month_of_reports(article, editor):
    """Reports over the last weeks, each decided some hours after it came in."""
    from datetime import timedelta

    from django.utils import timezone

    from correction_desk.models import Decision

    now = timezone.now()
    for number in range(24):
        came_in = now - timedelta(days=number % 27, hours=number % 5)
        report = services.report_submit(
            content=article, description=f"Meldung Nummer {number} zum Artikel."
        )
        services.report_start_review(report=report, editor=editor)
        services.report_reject(report=report, editor=editor, reason="Stimmt so.")
        Report.objects.filter(pk=report.pk).update(
            created_at=came_in, resolved_at=came_in + timedelta(hours=3 + number % 9)
        )
        decisions = Decision.objects.filter(report=report).order_by("pk")
        for step, decision in enumerate(decisions):
            Decision.objects.filter(pk=decision.pk).update(
                created_at=came_in + timedelta(hours=1 + step * (2 + number % 7))
            )


def test_the_charts_have_axes_and_round_ticks(
    page, make_desk_editor, make_article, accessible
):
    editor = make_desk_editor()
    a_month_of_reports(make_article(), editor)
    page.set_viewport_size(WIDE)
    log_in(page, editor.username, "/admin/correction_desk/report/metrics/")
    for chart in (".desk-chart", ".desk-week-chart"):
        ticks = page.locator(f"{chart} .axis text[dominant-baseline=middle]")
        labels = ticks.all_text_contents()
        assert labels and all(label.isdigit() for label in labels), labels
    accessible(page)
    shot(page, "25-charts")


def test_the_desk_editor_meets_a_german_admin_page_and_the_chief_gets_in(
    page, make_desk_editor, django_user_model, accessible
):
    make_desk_editor()
    page.set_viewport_size(WIDE)
    log_in(page, "redakteurin", "/admin/correction_desk/report/privacy/")
    assert page.get_by_role(
        "heading", name="Diese Seite dürfen Sie nicht öffnen"
    ).count()
    accessible(page)
    shot(page, "25-admin-403")
    from django.contrib.auth.models import Group, Permission

    chief = django_user_model.objects.create_user(
        "cvd", password=DESK_PASSWORD, is_staff=True
    )
    chief.groups.add(Group.objects.get(name="Redaktion"))
    chief.user_permissions.add(Permission.objects.get(codename="view_reporter_email"))
    log_in(page, "cvd", "/admin/correction_desk/report/privacy/")
    assert page.get_by_role("heading", name="Leserdaten auf Anfrage").count() or (
        page.locator("#id_email").count()
    )
