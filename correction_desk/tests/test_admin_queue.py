from datetime import timedelta

import pytest
from django.utils import timezone

from articles.services import article_save
from correction_desk import services
from correction_desk.models import Report

pytestmark = pytest.mark.django_db

QUEUE = "/admin/correction_desk/report/"


def shown(response) -> list[int]:
    return [report.pk for report in response.context["cl"].result_list]


def test_queue_opens_on_open_reports_oldest_first(desk, make_report, editor):
    first, second, done = make_report(), make_report(), make_report()
    services.report_mark_spam(report=done, editor=editor)
    Report.objects.filter(pk=second.pk).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    response = desk.get(QUEUE)
    assert shown(response) == [second.pk, first.pk]
    assert "vor 2 Tagen" in response.text
    assert shown(desk.get(QUEUE + "?status=all")) == [second.pk, first.pk, done.pk]


def test_queue_shows_counts_per_status_and_my_open_reports(desk, make_report, editor):
    reports = [make_report() for _ in range(3)]
    services.report_mark_spam(report=reports[0], editor=editor)
    services.report_assign(report=reports[1], editor=editor, assignee=editor)
    html = desk.get(QUEUE).text
    assert "Meine offenen Meldungen (1)" in html
    assert 'href="?status=spam">Spam: 1</a>' in html
    assert 'href="?status=new">neu: 2</a>' in html


def test_assignee_filter_knows_me_and_nobody(desk, make_report, editor, other_editor):
    mine, theirs, nobodys = make_report(), make_report(), make_report()
    services.report_assign(report=mine, editor=editor, assignee=editor)
    services.report_assign(report=theirs, editor=editor, assignee=other_editor)
    assert shown(desk.get(QUEUE + "?assignee=me")) == [mine.pk]
    assert shown(desk.get(QUEUE + "?assignee=nobody")) == [nobodys.pk]
    assert shown(desk.get(f"{QUEUE}?assignee={other_editor.pk}")) == [theirs.pk]


def test_overdue_reports_are_marked_and_filterable(desk, make_report):
    late, fine = make_report(), make_report()
    Report.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(hours=1))
    response = desk.get(QUEUE + "?overdue=yes")
    assert shown(response) == [late.pk]
    assert "überfällig" in response.text
    assert shown(desk.get(QUEUE + "?overdue=no")) == [fine.pk]


def test_search_covers_description_passage_and_headline(
    desk, make_report, make_article
):
    by_text = make_report(description="Falscher Ortsname Lindenfeld")
    by_passage = make_report(passage="Lindenfeld im Norden")
    by_title = make_report(content=make_article(title="Wahl in Lindenfeld"))
    make_report(description="Etwas anderes")
    found = shown(desk.get(QUEUE + "?q=Lindenfeld"))
    assert sorted(found) == sorted([by_text.pk, by_passage.pk, by_title.pk])


def test_bulk_actions_report_how_many_they_changed(desk, make_report, editor):
    reports = [make_report() for _ in range(3)]
    services.report_start_review(report=reports[2], editor=editor)
    ids = [r.pk for r in reports]
    response = desk.post(
        QUEUE,
        {"action": "mark_in_review", "_selected_action": ids},
        follow=True,
    )
    assert "2 Meldungen sind jetzt in Prüfung." in response.text
    assert "1 Meldung blieb unverändert" in response.text
    response = desk.post(
        QUEUE, {"action": "assign_to_me", "_selected_action": ids[:2]}, follow=True
    )
    assert "2 Meldungen wurden Ihnen zugewiesen." in response.text


def test_bulk_reject_asks_for_the_public_reason_first(desk, make_report):
    reports = [make_report(), make_report()]
    ids = [r.pk for r in reports]
    ask = desk.post(QUEUE, {"action": "reject_with_reason", "_selected_action": ids})
    assert ask.status_code == 200
    assert "Begründung (der Leser sieht sie)" in ask.text
    assert Report.objects.filter(status="rejected").count() == 0
    done = desk.post(
        QUEUE,
        {
            "action": "reject_with_reason",
            "_selected_action": ids,
            "apply": "1",
            "reason": "Die Angaben stimmen.",
        },
        follow=True,
    )
    assert "2 Meldungen wurden abgelehnt." in done.text
    assert set(Report.objects.values_list("status", flat=True)) == {"rejected"}


def test_bulk_spam(desk, make_report):
    report = make_report()
    response = desk.post(
        QUEUE, {"action": "mark_spam", "_selected_action": [report.pk]}, follow=True
    )
    assert "1 Meldung wurde als Spam markiert." in response.text


def test_queue_queries_do_not_grow_with_the_reports_shown(
    desk, make_report, make_article, make_section, editor, django_assert_num_queries
):
    make_report()
    desk.get(QUEUE)  # warm up sessions and content types
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        desk.get(QUEUE)
    for _ in range(5):
        article = make_article(section=make_section())
        for _ in range(60):
            report = make_report(content=article)
            Report.objects.filter(pk=report.pk).update(assignee=editor)
    with django_assert_num_queries(len(few)):
        response = desk.get(QUEUE)
    assert len(shown(response)) == 50


def test_report_page_shows_reader_input_escaped(desk, make_report):
    report = make_report(description="<script>alert(1)</script> {{ secret }}")
    html = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ secret }}" in html


def test_report_page_highlights_the_passage_and_notices_article_changes(
    desk, make_report, make_article
):
    article = make_article(body="Vorher. Es waren rund 8000 Soldaten in Kursk. Danach.")
    report = make_report(
        content=article,
        passage="rund 8000 Soldaten",
        context_before="Es waren ",
        context_after=" in Kursk.",
    )
    url = f"{QUEUE}{report.pk}/change/"
    html = desk.get(url).text
    assert "Es waren <mark>rund 8000 Soldaten</mark> in Kursk." in html
    assert "hat sich geändert" not in html
    article.body = "Vorher. Es waren rund 10.000 Soldaten in Kursk. Danach."
    article_save(article)
    html = desk.get(url).text
    assert "Fassung 1, jetzt 2" in html
    assert "Die Textstelle steht nicht mehr im Artikel." in html
    # The closest match in the text as it reads now, to edit there.
    assert "<mark>rund 10.000 Soldaten</mark>" in html


def test_report_page_links_the_article_and_lists_possible_duplicates(
    desk, make_report, article
):
    report = make_report(passage="rund 8000 Soldaten")
    same = make_report(passage="8000 Soldaten")
    other = make_report(passage="Lindenfeld")
    html = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert f'href="{article.get_absolute_url()}"' in html
    assert f'href="/admin/articles/article/{article.pk}/change/"' in html
    assert html.index(f"#{same.pk}</a>") < html.index(f"#{other.pk}</a>")
    desk.post(f"{QUEUE}{report.pk}/duplicates/", {"duplicate": [same.pk]})
    same.refresh_from_db()
    assert (same.status, same.duplicate_of_id) == ("duplicate", report.pk)


def test_decisions_from_the_report_page(desk, make_report):
    report = make_report()
    url = f"{QUEUE}{report.pk}/decide/"
    desk.post(url, {"decision": "rejected", "reason": ""})
    report.refresh_from_db()
    assert report.status == "new", "a rejection without a reason is refused"
    desk.post(url, {"decision": "rejected", "reason": "Kein Fehler."})
    report.refresh_from_db()
    assert report.status == "rejected"


def test_triage_fields_are_saved_through_the_services(desk, make_report, editor):
    report = make_report()
    response = desk.post(
        f"{QUEUE}{report.pk}/change/",
        {
            "kind": "factual",
            "priority": "3",
            "due_at_0": "",
            "due_at_1": "",
            "assignee": str(editor.pk),
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "0",
            "notes-0-text": "Bitte Quelle prüfen.",
            "decisions-TOTAL_FORMS": "0",
            "decisions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    report.refresh_from_db()
    assert (report.kind, report.priority, report.assignee) == ("factual", 3, editor)
    assert report.due_at == report.created_at + timedelta(hours=24)
    assert report.notes.get().author == editor
    assert set(report.decisions.values_list("action", flat=True)) == {
        "assign",
        "classify",
    }


def test_publishing_a_correction_from_the_report_page(
    client, desk, make_report, article
):
    report = make_report(passage="rund 8000")
    form = desk.get(f"{QUEUE}{report.pk}/publish-correction/")
    assert form.status_code == 200
    response = desk.post(
        f"{QUEUE}{report.pk}/publish-correction/",
        {"kind": "correction", "text": "Es waren 10.000 Soldaten, nicht 8000."},
        follow=True,
    )
    assert "Die Korrektur ist am Artikel veröffentlicht." in response.text
    report.refresh_from_db()
    assert report.status == "corrected"
    client.logout()
    page = client.get(article.get_absolute_url()).text
    assert "Es waren 10.000 Soldaten, nicht 8000." in page
    assert "Dieser Artikel wurde am" in page and "korrigiert." in page
    assert 'href="#korrekturen"' in page


def test_metrics_page_shows_the_desk_figures(desk, make_report, editor):
    report = make_report()
    make_report()
    services.report_reject(report=report, editor=editor, reason="Nein.")
    response = desk.get(QUEUE + "metrics/")
    assert response.status_code == 200
    assert response.context["overdue_count"] == 0
    assert response.context["median_resolution"] is not None
    assert sum(bar["count"] for bar in response.context["per_day"]) == 2
    assert "<svg" in response.text and "<rect" in response.text
    assert "Median bis zur Erledigung" in response.text


def test_searching_by_the_articles_headline_keeps_the_queues_filter(
    desk, make_article, make_report, editor
):
    article = make_article(title="Haushaltsstreit im Landtag")
    waiting = make_report(content=article, description="Noch offen.")
    done = make_report(content=article, description="Schon abgelehnt.")
    services.report_reject(report=done, editor=editor, reason="Stimmt so.")
    page = desk.get(QUEUE, {"q": "Haushaltsstreit"}).text
    assert f"/admin/correction_desk/report/{waiting.pk}/change/" in page
    assert f"/admin/correction_desk/report/{done.pk}/change/" not in page
