import pytest

from articles.services import article_save
from articles.slugs import slugify_german


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Außenminister über Kursk", "aussenminister-ueber-kursk"),
        ("Ärger in Öhringen: Übergabe", "aerger-in-oehringen-uebergabe"),
        ("  „Zitat“ – mit Satzzeichen!  ", "zitat-mit-satzzeichen"),
        ("8000 Soldaten, 10.000 insgesamt", "8000-soldaten-10000-insgesamt"),
    ],
)
def test_slug_transliterates_german_letters(title, slug):
    assert slugify_german(title) == slug


def test_article_slug_is_made_from_the_headline(make_article):
    article = make_article(title="Außenminister über Kursk", slug="")
    assert article.slug == "aussenminister-ueber-kursk"
    assert article.get_absolute_url() == "/artikel/aussenminister-ueber-kursk/"


def test_articles_with_the_same_headline_get_distinct_slugs(make_article):
    first = make_article(title="Wahl in Thüringen", slug="")
    second = make_article(title="Wahl in Thüringen", slug="")
    assert first.slug == "wahl-in-thueringen"
    assert second.slug == "wahl-in-thueringen-2"


def test_slug_stays_when_the_headline_is_edited(make_article):
    article = make_article(title="Erste Fassung", slug="")
    article.title = "Zweite Fassung"
    article_save(article)
    article.refresh_from_db()
    assert article.slug == "erste-fassung"
