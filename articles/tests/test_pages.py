import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def test_front_page_lists_the_newest_published_articles_first(client, make_article):
    older = make_article(published_at=datetime(2024, 11, 1, 9, 0, tzinfo=BERLIN))
    newer = make_article(published_at=datetime(2024, 11, 2, 9, 0, tzinfo=BERLIN))
    html = client.get("/").text
    assert html.index(newer.title) < html.index(older.title)


def test_front_page_is_paginated(client, make_article, settings):
    make_article.create_batch(12)
    first = client.get("/")
    second = client.get("/?page=2")
    assert len(first.context["articles"]) == settings.NEWSROOM_ARTICLES_PER_PAGE
    assert len(second.context["articles"]) == 2
    assert "Seite 2 von 2" in second.text
    assert client.get("/?page=9").status_code == 404


def test_section_page_lists_only_its_articles(client, make_article, make_section):
    politik = make_section(name="Politik", slug="politik")
    inside = make_article(section=politik)
    outside = make_article()
    response = client.get("/ressort/politik/")
    assert response.status_code == 200
    assert inside.title in response.text
    assert outside.title not in response.text
    assert client.get("/ressort/gibt-es-nicht/").status_code == 404


def test_article_page_shows_everything_a_reader_expects(
    client, make_article, make_author
):
    article = make_article(
        kicker="Krieg gegen die Ukraine",
        title="Soldaten in Kursk",
        lead="Ein Vorspann.",
        published_at=datetime(2024, 11, 1, 14, 5, tzinfo=BERLIN),
        authors=[make_author(name="Anna Berg"), make_author(name="Ben Kurz")],
    )
    html = client.get(article.get_absolute_url()).text
    assert '<html lang="de">' in html
    assert html.count("<h1") == 1
    assert "Krieg gegen die Ukraine" in html
    assert "Ein Vorspann." in html
    byline = re.sub(
        r"<[^>]+>", "", re.search(r'<p class="byline">.*?</p>', html, re.S)[0]
    )
    assert "Von\nAnna Berg und Ben Kurz" in byline
    assert (
        '<time datetime="2024-11-01T14:05:00+01:00">1. November 2024, 14:05 Uhr' in html
    )
    assert f'href="{article.section.get_absolute_url()}"' in html
    assert '<main id="main"' in html and 'href="#main"' in html


def test_article_page_in_english_uses_english_words_and_dates(client, make_article):
    article = make_article(
        published_at=datetime(2024, 11, 1, 14, 5, tzinfo=BERLIN), language="en"
    )
    response = client.get(f"/en/article/{article.slug}/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Skip to content" in response.text
    assert "Nov. 1, 2024, 2:05 p.m." in response.text


def test_anonymous_article_page_sets_no_cookie_and_does_not_vary_on_it(client, article):
    response = client.get(article.get_absolute_url())
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_front_page_queries_do_not_grow_with_articles(
    client, make_article, make_author, make_section, django_assert_num_queries
):
    make_article()
    # the next scheduled article, count, articles, authors, sections
    with django_assert_num_queries(5):
        client.get("/")
    authors = make_author.create_batch(3)
    for _ in range(3):
        make_article.create_batch(3, section=make_section(), authors=authors)
    with django_assert_num_queries(5):
        client.get("/")


def test_article_page_queries_do_not_grow_with_authors_or_sections(
    client, make_article, make_author, make_section, django_assert_num_queries
):
    small = make_article()
    # article with section, its authors, its correction notes, the sections menu
    with django_assert_num_queries(4):
        client.get(small.get_absolute_url())
    make_section.create_batch(6)
    large = make_article(authors=make_author.create_batch(5))
    with django_assert_num_queries(4):
        client.get(large.get_absolute_url())


def test_not_found_page_is_german(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text


def test_server_error_page_is_german():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Bei uns ist etwas schiefgegangen" in response.content.decode()
