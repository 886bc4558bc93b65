import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Article, Section
from correction_desk.models import CorrectionNote


def login_request():
    """Logins are counted per client (django-axes), so they need a request."""
    return RequestFactory().post("/admin/login/", REMOTE_ADDR="203.0.113.1")


pytestmark = pytest.mark.django_db


def words(article: Article) -> int:
    return len(re.findall(r"\w+", article.body))


def test_load_demo_is_idempotent():
    call_command("load_demo", stdout=None)
    first = Article.objects.count()
    call_command("load_demo")
    assert Article.objects.count() == first
    assert get_user_model().objects.filter(username="redaktion").count() == 1


def test_demo_has_realistic_german_articles_in_several_sections(client):
    call_command("load_demo")
    german = Article.objects.published().filter(language="de")
    assert german.count() >= 8
    assert Section.objects.filter(articles__in=german).distinct().count() >= 3
    for article in german:
        assert 300 <= words(article) <= 900, article.title
        assert client.get(article.get_absolute_url()).status_code == 200
    html = "".join(a.body_html for a in german)
    for element in ("<h2>", "<ul>", "<ol>", "<a href=", "<blockquote>"):
        assert element in html


def test_demo_reports_the_kursk_facts():
    call_command("load_demo")
    article = Article.objects.get(slug__contains="kursk", language="de")
    text = article.lead + article.body
    assert article.published_at.date().isoformat() == "2024-11-01"
    for fact in ("8000", "10.000", "Kursk", "400 Millionen", "21. Oktober",
                 "Luftverteidigung", "gepanzerte Fahrzeuge", "Indopazifik",
                 "euro-atlantischen"):  # fmt: skip
        assert fact in text, fact


def test_demo_kursk_article_has_an_english_translation_linked_both_ways(client):
    call_command("load_demo")
    call_command("load_demo")  # loading again keeps the link
    german = Article.objects.get(slug__contains="kursk", language="de")
    english = german.translation
    assert english.language == "en"
    assert english.translation == german
    assert "8,000" in english.lead + english.body
    page = client.get(german.get_absolute_url()).text
    assert f'hreflang="en" href="http://testserver/en/article/{english.slug}/"' in page
    english_page = client.get(f"/en/article/{english.slug}/").text
    assert "Auch auf Deutsch" in english_page


def test_demo_editor_uses_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSROOM_DEMO_PASSWORD", "redaktion-demo-2024")
    call_command("load_demo")
    user = authenticate(
        login_request(), username="redaktion", password="redaktion-demo-2024"
    )
    assert user is not None and user.is_staff
    assert user.groups.filter(name="Redaktion").exists()


def test_demo_editor_gets_a_random_password_printed_once(monkeypatch, capsys):
    monkeypatch.delenv("NEWSROOM_DEMO_PASSWORD", raising=False)
    call_command("load_demo")
    password = re.search(r"Passwort: (\S+)", capsys.readouterr().out).group(1)
    assert authenticate(login_request(), username="redaktion", password=password)
    call_command("load_demo")
    assert "Passwort" not in capsys.readouterr().out
    assert authenticate(login_request(), username="redaktion", password=password)


def test_load_demo_refuses_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not Article.objects.exists()


def test_demo_fills_the_editors_queue_once():
    from correction_desk.models import Report

    call_command("load_demo")
    call_command("load_demo")
    assert Report.objects.filter(status="new").count() == 4
    assert sum(report.is_overdue for report in Report.objects.all()) == 1


def test_demo_puts_a_counter_statement_demand_at_the_top_of_the_queue_once(client):
    from correction_desk.press_law.deadlines import findings
    from correction_desk.press_law.models import CounterStatementDemand

    call_command("load_demo")
    call_command("load_demo")
    demand = CounterStatementDemand.objects.get()
    assert demand.is_open and demand.part == "body"
    # The demo article went public years before the demand: the desk says so.
    assert [f.ok for f in findings(demand)] == [True, False, True]
    client.force_login(get_user_model().objects.get(username="cvd"))
    queue = client.get(reverse("admin:correction_desk_report_changelist"))
    assert queue.status_code == 200, queue.get("Location")
    queue = queue.content.decode()
    assert "Werbegemeinschaft Lindenfeld e. V." in queue


def test_demo_reader_can_follow_a_correction_from_log_to_diff(client):
    import feedparser

    call_command("load_demo")
    log = client.get("/korrekturen/").text
    assert "Wärmepumpe oder Fernwärme" in log
    feed = feedparser.parse(client.get("/korrekturen/feed/").content)
    assert feed.entries[0].title.startswith("Korrektur: Wärmepumpe")
    article = Article.objects.get(slug__startswith="waermepumpe")
    page = client.get(article.get_absolute_url()).text
    assert "Dieser Artikel wurde am 7. November 2024 korrigiert." in page
    assert "bis Ende 2025" in page  # the note says what was wrong
    versions = client.get(f"/artikel/{article.slug}/versionen/")
    assert versions.context["summary"].startswith("4 Wörter geändert in Absatz")
    diff = versions.context["diff"]
    assert "gestrichen: </span>bis Ende 2025<" in diff
    assert "eingefügt: </span>in den kommenden Jahren<" in diff
    # The note is listed at version 2, the one that carries the correction.
    note = CorrectionNote.objects.about(article).get()
    assert note.get_absolute_url() in versions.text.split('id="version-2"')[1]
