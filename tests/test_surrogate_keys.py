"""Surrogate keys: each page says what it shows; a save purges only those pages.

"Still cached" is measured as a page answered without one database query.
"""

import pytest
from django.core.cache import caches

from articles.models import Article
from articles.services import article_save, author_save, section_save
from correction_desk import services
from pagecache import purging as surrogate

pytestmark = pytest.mark.django_db


def keys(response) -> set[str]:
    assert response["xkey"] == response["Surrogate-Key"]
    return set(response["xkey"].split())


@pytest.fixture
def two_sections(make_article, make_section, make_author):
    author = make_author(name="Jonas Reuter", bio="Schreibt über Medien.")
    a = make_article(title="Artikel A", section=make_section(name="Politik"))
    a.authors.add(author)
    b = make_article(title="Artikel B", section=make_section(name="Kultur"))
    return a, b, author


def warm(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200


def cached(client, url, django_assert_num_queries) -> bool:
    with django_assert_num_queries(0):
        client.get(url)
    return True


def test_every_public_page_names_what_it_shows(client, two_sections, editor):
    a, b, author = two_sections
    services.correction_publish(
        content=a, editor=editor, kind="correction", text="Korrigiert.", reports=[]
    )
    every = {"site", "sections"}
    authors = {f"author-{writer.pk}" for writer in a.authors.all()}
    assert f"author-{author.pk}" in authors
    assert keys(client.get(a.get_absolute_url())) == every | authors | {
        f"article-{a.pk}"
    }
    assert keys(client.get("/")) == every | {"front"}
    assert keys(client.get(b.section.get_absolute_url())) == every | {
        f"section-{b.section_id}"
    }
    # The log: its notes' articles, and any article entering or leaving the
    # public (the adapter's listing keys), which may bring notes with it.
    assert keys(client.get("/korrekturen/")) == every | {
        "corrections-log",
        "front",
        f"article-{a.pk}",
    }
    assert f"article-{a.pk}" in keys(client.get(f"/artikel/{a.slug}/versionen/"))


def test_saving_one_article_leaves_the_others_cached(
    client, two_sections, django_assert_num_queries
):
    a, b, _ = two_sections
    warm(
        client, a.get_absolute_url(), b.get_absolute_url(), b.section.get_absolute_url()
    )
    a.title = "Artikel A, korrigiert"
    article_save(a)
    assert cached(client, b.get_absolute_url(), django_assert_num_queries)
    assert cached(client, b.section.get_absolute_url(), django_assert_num_queries)
    assert "Artikel A, korrigiert" in client.get(a.get_absolute_url()).text
    assert "Artikel A, korrigiert" in client.get("/").text
    assert "Artikel A, korrigiert" in client.get(a.section.get_absolute_url()).text


def test_an_article_moved_to_another_section_leaves_the_old_list(client, two_sections):
    a, b, _ = two_sections
    old_section = a.section.get_absolute_url()
    warm(client, old_section)
    a.section = b.section
    article_save(a)
    assert "Artikel A" not in client.get(old_section).text
    assert "Artikel A" in client.get(b.section.get_absolute_url()).text


def test_an_authors_new_bio_reaches_only_their_articles(
    client, two_sections, django_assert_num_queries
):
    a, b, author = two_sections
    warm(client, a.get_absolute_url(), b.get_absolute_url())
    author.bio = "Leitet jetzt das Korrekturteam."
    author_save(author)
    assert cached(client, b.get_absolute_url(), django_assert_num_queries)
    assert "Leitet jetzt das Korrekturteam." in client.get(a.get_absolute_url()).text


def test_a_published_note_refreshes_its_article_and_the_log_only(
    client, two_sections, editor, django_assert_num_queries
):
    a, b, _ = two_sections
    warm(client, a.get_absolute_url(), b.get_absolute_url(), "/korrekturen/")
    services.correction_publish(
        content=a, editor=editor, kind="correction", text="Frisch.", reports=[]
    )
    assert cached(client, b.get_absolute_url(), django_assert_num_queries)
    assert "Frisch." in client.get(a.get_absolute_url()).text
    assert "Frisch." in client.get("/korrekturen/").text


def test_an_article_with_notes_returning_to_the_public_returns_to_the_log(
    client, two_sections, editor
):
    a, _, _ = two_sections
    services.correction_publish(
        content=a, editor=editor, kind="correction", text="Ein Vermerk.", reports=[]
    )
    a.status = Article.Status.DRAFT
    article_save(a)
    warm(client, "/korrekturen/")  # the log without it: nothing names it there
    a.status = Article.Status.PUBLISHED
    article_save(a)
    assert "Ein Vermerk." in client.get("/korrekturen/").text


def test_renaming_a_section_refreshes_every_page(client, two_sections):
    a, b, _ = two_sections
    warm(client, a.get_absolute_url(), "/korrekturen/")
    b.section.name = "Feuilleton"
    section_save(b.section)
    assert "Feuilleton" in client.get(a.get_absolute_url()).text
    assert "Feuilleton" in client.get("/korrekturen/").text


def test_the_unpublish_action_purges_the_pages_it_hides(client, two_sections, editor):
    a, _, _ = two_sections
    warm(client, a.get_absolute_url(), "/")
    client.force_login(editor)
    client.post(
        "/admin/articles/article/",
        {"action": "unpublish", "_selected_action": [a.pk]},
    )
    client.logout()
    assert client.get(a.get_absolute_url()).status_code == 404
    assert "Artikel A" not in client.get("/").text


def test_a_purge_during_a_render_makes_that_render_stale():
    """The render began before the purge: it may show the old rows."""
    started = surrogate.render_started()
    surrogate.purge("article-1")
    assert not surrogate.is_current(["site", "article-1"], started)
    assert surrogate.is_current(["site", "article-2"], started)
    assert surrogate.is_current(["site", "article-1"], surrogate.render_started())


def test_a_flushed_cache_makes_every_page_a_process_holds_stale(
    client, article, django_assert_num_queries
):
    """A restarted Redis forgets purges; pages remembered in a process must go."""
    url = article.get_absolute_url()
    warm(client, url)
    assert cached(client, url, django_assert_num_queries)
    caches[surrogate.PAGES].clear()
    article_type = type(article)
    article_type.objects.filter(pk=article.pk).update(title="Nach dem Neustart")
    assert "Nach dem Neustart" in client.get(url).text


def test_editors_pages_carry_no_keys(client, article, editor):
    client.force_login(editor)
    response = client.get(article.get_absolute_url())
    assert "xkey" not in response and "Surrogate-Key" not in response
