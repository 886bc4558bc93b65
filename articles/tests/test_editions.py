"""Two editions: German at /, English at /en/, each with its own articles."""

import re

import feedparser
import pytest
from django.contrib.auth.models import Permission
from django.utils import translation

from articles.models import Article, Section
from articles.services import article_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(make_section):
    return make_section(
        slug="politik",
        name_de="Politik",
        name_en="Politics",
        description_de="Nachrichten aus aller Welt.",
        description_en="News from around the world.",
    )


@pytest.fixture
def pair(make_article, section):
    german = make_article(title="Soldaten in Kursk", section=section, language="de")
    english = make_article(title="Soldiers in Kursk", section=section, language="en")
    english.translation = german
    article_save(english)
    german.refresh_from_db()
    return german, english


def language_switch(response) -> dict[str, str]:
    """Where the header's language switch leads, by language."""
    switch = re.search(r'<ul class="language-switch">(.*?)</ul>', response.text, re.S)
    return {
        code: url
        for url, code in re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', switch[1])
    }


def titles(response) -> list[str]:
    return [article.title for article in response.context["articles"]]


def test_each_front_page_lists_its_own_language(client, pair):
    assert titles(client.get("/")) == ["Soldaten in Kursk"]
    assert titles(client.get("/en/")) == ["Soldiers in Kursk"]


def test_each_section_page_lists_its_language_under_its_name(client, pair):
    german = client.get("/ressort/politik/")
    assert titles(german) == ["Soldaten in Kursk"]
    assert '<h1 class="page-title">Politik</h1>' in german.text
    assert "Nachrichten aus aller Welt." in german.text
    english = client.get("/en/section/politik/")
    assert titles(english) == ["Soldiers in Kursk"]
    assert '<h1 class="page-title">Politics</h1>' in english.text
    assert "News from around the world." in english.text
    assert ">Politics</a>" in english.text  # the navigation too


def test_a_section_without_an_english_name_shows_the_german_one(
    client, make_section, make_article
):
    section = make_section(slug="kultur", name_de="Kultur")
    make_article(section=section, language="en")
    assert (
        '<h1 class="page-title">Kultur</h1>' in client.get("/en/section/kultur/").text
    )


def test_feeds_carry_their_edition(client, pair):
    for path, title in [
        ("/feed/", "Soldaten in Kursk"),
        ("/en/feed/", "Soldiers in Kursk"),
        ("/ressort/politik/feed/", "Soldaten in Kursk"),
        ("/en/section/politik/feed/atom/", "Soldiers in Kursk"),
    ]:
        feed = feedparser.parse(client.get(path).content)
        assert [entry.title for entry in feed.entries] == [title], path


def test_linked_articles_point_to_each_other(client, pair):
    german, english = pair
    assert german.translation == english
    page = client.get(german.get_absolute_url()).text
    english_url = f"http://testserver/en/article/{english.slug}/"
    assert f'<link rel="alternate" hreflang="en" href="{english_url}">' in page
    assert (
        f'<link rel="alternate" hreflang="de" href="http://testserver/artikel/{german.slug}/">'
        in page
    )
    assert '<p class="article-translation" lang="en">Also in English:' in page
    assert f'href="/en/article/{english.slug}/" hreflang="en"' in page
    english_page = client.get(f"/en/article/{english.slug}/").text
    assert '<p class="article-translation" lang="de">Auch auf Deutsch:' in english_page


def test_the_language_switch_goes_to_the_translation(client, pair):
    german, english = pair
    response = client.get(german.get_absolute_url())
    links = language_switch(response)
    assert links == {
        "de": german.get_absolute_url(),
        "en": f"/en/article/{english.slug}/",
    }


def test_without_a_translation_the_switch_goes_to_the_other_front_page(
    client, make_article
):
    article = make_article(language="de")
    response = client.get(article.get_absolute_url())
    links = language_switch(response)
    assert links["en"] == "/en/"
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in response.text


def test_an_unpublished_translation_is_not_linked(client, make_article, pair):
    german, english = pair
    Article.objects.filter(pk=english.pk).update(status=Article.Status.DRAFT)
    page = client.get(german.get_absolute_url())
    assert 'hreflang="en" href="http' not in page.text
    assert "article-translation" not in page.text
    links = language_switch(page)
    assert links["en"] == "/en/"


def test_an_article_asked_for_in_the_other_edition_redirects_to_its_own(
    client, make_article
):
    article = make_article(language="de")
    response = client.get(f"/en/article/{article.slug}/")
    assert response.status_code == 301
    assert response["Location"] == f"/artikel/{article.slug}/"
    versions = client.get(f"/en/article/{article.slug}/versions/?from=1&to=1")
    assert versions["Location"] == f"/artikel/{article.slug}/versionen/?from=1&to=1"


def test_linking_a_new_translation_unlinks_the_old_one(make_article, pair):
    german, english = pair
    other = make_article(title="Troops in Kursk", language="en")
    other.translation = german
    article_save(other)
    german.refresh_from_db()
    english.refresh_from_db()
    assert german.translation == other
    assert english.translation is None


def test_a_translation_must_be_in_the_other_language(make_article):
    from django.core.exceptions import ValidationError

    one, two = make_article(language="de"), make_article(language="de")
    one.translation = two
    with pytest.raises(ValidationError) as error:
        one.full_clean()
    assert error.value.message_dict["translation"] == [
        "Die Übersetzung muss in einer anderen Sprache sein."
    ]


def test_the_sitemap_names_both_editions_of_a_translated_article(client, pair):
    german, english = pair
    xml = client.get("/sitemap.xml").text
    assert (
        f'<xhtml:link rel="alternate" hreflang="en" '
        f'href="http://testserver/en/article/{english.slug}/"/>' in xml
    )
    assert f"<loc>http://testserver/artikel/{german.slug}/</loc>" in xml
    assert f"<loc>http://testserver/en/article/{english.slug}/</loc>" in xml


def test_structured_data_names_the_translation(client, pair):
    import json
    import re

    german, english = pair
    page = client.get(german.get_absolute_url()).text
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    )
    translated = data.get("workTranslation") or data.get("translationOfWork")
    assert translated["@id"] == f"http://testserver/en/article/{english.slug}/"
    assert translated["inLanguage"] == "en"


def test_the_admin_edits_a_section_name_per_language(client, editor, section):
    editor.user_permissions.add(Permission.objects.get(codename="change_section"))
    client.force_login(editor)
    form = client.get(f"/admin/articles/section/{section.pk}/change/").text
    assert 'name="name_de"' in form and 'name="name_en"' in form
    assert 'name="description_en"' in form
    response = client.post(
        f"/admin/articles/section/{section.pk}/change/",
        {
            "name_de": "Politik",
            "name_en": "World politics",
            "slug": "politik",
            "description_de": "",
            "description_en": "",
            "order": 0,
            "desk_email": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    section.refresh_from_db()
    with translation.override("en"):
        assert section.name == "World politics"
    with translation.override("de"):
        assert Section.objects.get(pk=section.pk).name == "Politik"


def test_sections_may_both_lack_an_english_name(client, editor, section):
    editor.user_permissions.add(Permission.objects.get(codename="add_section"))
    client.force_login(editor)
    for name in ("Kultur", "Wissen"):
        response = client.post(
            "/admin/articles/section/add/",
            {
                "name_de": name,
                "name_en": "",
                "slug": name.lower(),
                "description_de": "",
                "description_en": "",
                "order": 1,
                "desk_email": "",
            },
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
    with translation.override("en"):
        assert Section.objects.get(slug="wissen").name == "Wissen"
