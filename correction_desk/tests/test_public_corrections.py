"""What the public sees of corrections: log, policy, feeds, sitemaps."""

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import feedparser
import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from correction_desk import services
from correction_desk.models import CorrectionNote, PolicyPage
from correction_desk.public import public_notes

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture
def publish(editor):
    def publish_note(article, text="Korrigiert.", kind="correction", when=None):
        note = services.correction_publish(
            content=article, editor=editor, kind=kind, text=text, reports=[]
        )
        if when:
            CorrectionNote.objects.filter(pk=note.pk).update(published_at=when)
            note.refresh_from_db()
        return note

    return publish_note


@pytest.fixture
def hidden_things(make_article, editor, make_report, publish):
    """Everything that must never be public, with a marker word in each."""
    draft = make_article(status=Article.Status.DRAFT, title="GEHEIMENTWURF")
    publish(draft, text="Vermerk zu GEHEIMENTWURF")
    visible = make_article(title="Sichtbar")
    unpublished = CorrectionNote.objects.create(
        content=visible, kind="correction", text="UNVEROEFFENTLICHT", created_by=editor
    )
    services.note_add(report=make_report(content=visible), author=editor, text="INTERN")
    return visible, unpublished


def public_pages(client, article):
    urls = [
        "/",
        "/korrekturen/",
        "/feed/",
        "/feed/atom/",
        "/korrekturen/feed/",
        "/korrekturen/feed/atom/",
        f"{article.section.get_absolute_url()}feed/",
        "/sitemap.xml",
        "/sitemap-news.xml",
        article.get_absolute_url(),
        f"/artikel/{article.slug}/versionen/",
    ]
    return {url: client.get(url) for url in urls}


def test_nothing_unpublished_or_internal_appears_anywhere(client, hidden_things):
    visible, _ = hidden_things
    for url, response in public_pages(client, visible).items():
        assert response.status_code == 200, url
        text = response.content.decode()
        for secret in ("GEHEIMENTWURF", "UNVEROEFFENTLICHT", "INTERN"):
            assert secret not in text, (url, secret)


def test_a_note_dated_later_is_public_from_that_moment(article, publish):
    """What every public page reads of an article's notes (`public_notes`)."""
    moment = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    with time_machine.travel(moment - timedelta(hours=1), tick=False):
        publish(article, text="Ab zehn Uhr", when=moment)
        assert public_notes(Article.objects.get(pk=article.pk)) == []
    with time_machine.travel(moment, tick=False):
        shown = public_notes(Article.objects.get(pk=article.pk))
        assert [note.text for note in shown] == ["Ab zehn Uhr"]


def test_log_lists_published_corrections_newest_first(client, make_article, publish):
    older = publish(make_article(title="Erster"), text="Alte Korrektur",
                    when=timezone.now() - timedelta(days=2))  # fmt: skip
    newer = publish(make_article(title="Zweiter"), text="Neue Klarstellung",
                    kind="clarification")  # fmt: skip
    html = client.get("/korrekturen/").text
    assert html.index("Neue Klarstellung") < html.index("Alte Korrektur")
    assert "Klarstellung" in html and "Zweiter" in html
    assert f'href="{newer.get_absolute_url()}"' in html
    assert older.content.section.name in html


def test_log_filters_by_section_and_type(client, make_article, make_section, publish):
    politik = make_section(name="Politik", slug="politik")
    publish(make_article(section=politik), text="In der Politik")
    publish(make_article(), text="Anderswo", kind="update")
    by_section = client.get("/korrekturen/?section=politik").text
    assert "In der Politik" in by_section and "Anderswo" not in by_section
    by_type = client.get("/korrekturen/?type=update").text
    assert "Anderswo" in by_type and "In der Politik" not in by_type
    # Filters that do not exist are a missing page, not an empty (cacheable) log.
    assert client.get("/korrekturen/?type=unsinn").status_code == 404
    assert client.get("/korrekturen/?section=gibt-es-nicht").status_code == 404
    assert client.get("/korrekturen/?section=&type=").status_code == 200


def test_log_is_paginated_and_keeps_its_filters(client, make_article, publish):
    for number in range(23):
        publish(make_article(), text=f"Vermerk {number}", kind="update")
    first = client.get("/korrekturen/?type=update")
    assert len(first.context["notes"]) == 20
    assert 'href="?type=update&amp;page=2"' in first.text
    assert len(client.get("/korrekturen/?type=update&page=2").context["notes"]) == 3


def test_log_in_english_and_linked_from_footer_and_notes(client, make_article, publish):
    article = make_article()
    publish(article)
    assert client.get("/en/corrections/").status_code == 200
    page = client.get(article.canonical_path()).text
    assert page.count('href="/korrekturen/"') >= 2  # footer and the note


def test_policy_page_is_edited_in_the_admin_without_a_deploy(client, editor):
    page = client.get("/korrekturen/grundsaetze/")
    assert "Wie wir mit Korrekturen umgehen" in page.text
    assert "How we handle corrections" in client.get("/en/corrections/policy/").text
    client.force_login(editor)
    policy = PolicyPage.objects.get(language="de")
    response = client.post(
        f"/admin/correction_desk/policypage/{policy.pk}/change/",
        {
            "language": "de",
            "title": "Unsere Korrekturregeln",
            "body": "## Neu\n\nText.",
        },
    )
    assert response.status_code == 302
    client.logout()
    html = client.get("/korrekturen/grundsaetze/").text
    assert "Unsere Korrekturregeln" in html and "<h2>Neu</h2>" in html


def test_article_feeds_parse_with_ids_dates_and_language(client, make_article):
    article = make_article(title="Feed-Artikel")
    english = make_article(title="English piece", language="en")
    for url in ("/feed/", "/feed/atom/"):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, url
        assert (
            feed.feed.language == "de"
            or feed.feed.get("title_detail", {}).get("language") == "de"
        )
        (entry,) = feed.entries
        assert entry.title == "Feed-Artikel"
        assert entry.id == f"tag:newsroom,2024:article:{article.pk}"
        assert entry.published_parsed
        if url.endswith("atom/"):
            assert "updated" in entry.keys()  # RSS 2.0 has no such element
        assert entry.link.endswith(article.get_absolute_url())
    feed = feedparser.parse(client.get("/en/feed/").content)
    assert [e.title for e in feed.entries] == [english.title]
    assert feed.feed.language == "en"


def test_section_feed_lists_only_its_section(client, make_article, make_section):
    kultur = make_section(name="Kultur", slug="kultur")
    inside = make_article(section=kultur)
    make_article()
    feed = feedparser.parse(client.get("/ressort/kultur/feed/atom/").content)
    assert [entry.title for entry in feed.entries] == [inside.title]
    assert client.get("/ressort/gibt-es-nicht/feed/").status_code == 404


def test_corrections_feed(client, make_article, publish):
    note = publish(make_article(title="Kursk"), text="Es waren 10.000.")
    feed = feedparser.parse(client.get("/korrekturen/feed/").content)
    assert not feed.bozo
    (entry,) = feed.entries
    assert entry.title == "Korrektur: Kursk"
    assert entry.summary == "<p>Es waren 10.000.</p>"  # text, as HTML
    assert entry.id == f"tag:newsroom,2024:correction:{note.pk}"
    assert entry.link.endswith(note.get_absolute_url())


def test_sitemap_lists_articles_in_their_language_sections_and_pages(
    client, make_article
):
    german = make_article()
    english = make_article(language="en")
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = {loc.text for loc in root.iter(f"{SITEMAP}loc")}
    assert f"http://testserver/artikel/{german.slug}/" in locations
    assert f"http://testserver/en/article/{english.slug}/" in locations
    assert f"http://testserver{german.section.get_absolute_url()}" in locations
    assert "http://testserver/korrekturen/" in locations
    assert "http://testserver/en/corrections/" in locations


def test_news_sitemap_has_only_the_last_48_hours(client, make_article):
    fresh = make_article(title="Frisch")
    make_article(title="Alt", published_at=timezone.now() - timedelta(days=3))
    root = ElementTree.fromstring(client.get("/sitemap-news.xml").content)
    titles = [t.text for t in root.iter(f"{NEWS}title")]
    assert titles == ["Frisch"]
    assert root.find(
        f"{SITEMAP}url/{NEWS}news/{NEWS}publication/{NEWS}language"
    ).text == (fresh.language)


def test_robots_txt_points_to_the_sitemaps(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Sitemap: http://testserver/sitemap-news.xml" in response.text
    assert "Disallow: /admin/" in response.text


def test_times_in_the_log_are_valid_html(client, article, editor):
    import re

    services.correction_publish(
        content=article, editor=editor, kind="correction", text="Hinweis.",
        reports=[],
    )  # fmt: skip
    (stamp,) = re.findall(r'datetime="([^"]+)"', client.get("/korrekturen/").text)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", stamp)
