"""Author pages: bylines lead to them; each lists the author's published articles."""

import json
import re

import pytest

from articles.models import Article
from articles.services import article_save, article_set_authors, author_save

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    (payload,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return json.loads(payload)


@pytest.fixture
def writer(make_author):
    return make_author(name="Jörg Weiß", bio="Schreibt über Außenpolitik.")


def test_an_author_gets_a_german_slug_of_their_own(make_author, writer):
    assert writer.slug == "joerg-weiss"
    assert make_author(name="Jörg Weiß").slug == "joerg-weiss-2"


def test_the_byline_leads_to_the_authors_page(client, make_article, writer):
    article = make_article(authors=[writer])
    html = client.get(article.get_absolute_url()).text
    assert '<a href="/autor/joerg-weiss/">Jörg Weiß</a>' in html


def test_the_authors_page_lists_only_their_published_articles(
    client, make_article, make_author, writer, settings
):
    theirs = make_article(title="Seins", authors=[writer])
    make_article(title="Entwurf", authors=[writer], status=Article.Status.DRAFT)
    make_article(title="Fremd", authors=[make_author(name="Ina Roth")])
    page = client.get("/autor/joerg-weiss/")
    assert page.status_code == 200
    assert "<h1" in page.text and "Jörg Weiß" in page.text
    assert "Schreibt über Außenpolitik." in page.text
    assert theirs.title in page.text
    assert "Entwurf" not in page.text and "Fremd" not in page.text
    assert client.get("/autor/niemand/").status_code == 404
    assert client.get("/en/author/joerg-weiss/").status_code == 200


def test_the_authors_page_is_paginated(client, make_article, writer, settings):
    make_article.create_batch(settings.NEWSROOM_ARTICLES_PER_PAGE + 1, authors=[writer])
    assert "Seite 1 von 2" in client.get("/autor/joerg-weiss/").text
    assert client.get("/autor/joerg-weiss/?page=2").status_code == 200
    assert client.get("/autor/joerg-weiss/?page=3").status_code == 404


def test_the_authors_page_describes_a_person(client, make_article, writer):
    make_article(authors=[writer])
    data = json_ld(client.get("/autor/joerg-weiss/").text)
    assert data["@type"] == "Person"
    assert data["name"] == "Jörg Weiß"
    assert data["description"] == "Schreibt über Außenpolitik."
    assert data["url"] == "http://testserver/autor/joerg-weiss/"


def test_the_authors_page_follows_their_articles_and_bio(client, make_article, writer):
    article = make_article(title="Alt", authors=[writer])
    client.get("/autor/joerg-weiss/")  # cached now
    article.title = "Neu betitelt"
    article_save(article)
    assert "Neu betitelt" in client.get("/autor/joerg-weiss/").text
    other = make_article(title="Dazugekommen")
    client.get("/autor/joerg-weiss/")
    article_set_authors(other, [*other.authors.all(), writer])
    assert "Dazugekommen" in client.get("/autor/joerg-weiss/").text
    writer.bio = "Leitet jetzt das Ressort."
    author_save(writer)
    assert "Leitet jetzt das Ressort." in client.get("/autor/joerg-weiss/").text


def test_author_pages_are_in_the_sitemap(client, make_article, make_author, writer):
    make_article(authors=[writer])
    make_author(name="Ohne Artikel")
    sitemap = client.get("/sitemap.xml").text
    assert "http://testserver/autor/joerg-weiss/" in sitemap
    assert "ohne-artikel" not in sitemap
