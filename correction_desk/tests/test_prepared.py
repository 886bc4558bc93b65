"""Prepared querysets: SQL built once, the ORM's answers every time."""

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import Article, Section
from articles.services import article_save
from correction_desk.support import prepared
from correction_desk.support.prepared import Prepared, prefetched

pytestmark = pytest.mark.django_db

by_slug = Prepared(
    lambda slug: Article.objects.select_related("section", "translation").filter(
        slug=slug
    )
)


def test_it_answers_as_the_orm_does_with_joined_rows_in_one_query(
    make_article, django_assert_num_queries
):
    first, second = make_article(), make_article()
    with django_assert_num_queries(2):
        found_first = by_slug(first.slug)
        found_second = by_slug(second.slug)
        # The joined rows came with it: no further query.
        assert found_second[0].section.name == second.section.name
    assert found_first == [first] and found_second == [second]
    assert found_first[0].title == first.title
    assert found_first[0].published_at == first.published_at  # read as the ORM does
    assert by_slug("gibt-es-nicht") == []


def test_it_builds_the_sql_once_and_reads_the_rows_anew_each_time(make_article):
    article = make_article(title="Vorher")
    ours = Prepared(lambda slug: Article.objects.filter(slug=slug))
    assert ours(article.slug)[0].title == "Vorher"
    built = dict(ours.shapes)
    article.title = "Nachher"
    article_save(article)
    assert ours(article.slug)[0].title == "Nachher"
    assert ours.shapes == built  # no new statement for the same shape


def test_a_list_of_another_length_is_another_statement(make_article):
    articles = make_article.create_batch(3)
    ours = Prepared(lambda keys: Article.objects.filter(pk__in=keys).order_by("pk"))
    assert ours([articles[0].pk]) == [articles[0]]
    assert ours([a.pk for a in articles]) == articles
    assert ours([articles[2].pk, articles[1].pk]) == [articles[1], articles[2]]
    assert len(ours.shapes) == 3


def test_lists_of_ever_new_lengths_do_not_grow_the_process(make_article, monkeypatch):
    monkeypatch.setattr(prepared, "MAX_SHAPES", 2)
    articles = make_article.create_batch(4)
    ours = Prepared(lambda keys: Article.objects.filter(pk__in=keys).order_by("pk"))
    for length in range(1, 5):
        assert ours([a.pk for a in articles[:length]]) == articles[:length]
    assert len(ours.shapes) == 2


def test_the_language_is_part_of_the_statement(make_section):
    """A translated field is another column in another language."""
    section = make_section(name_de="Wirtschaft", name_en="Business")
    ours = Prepared(lambda name: Section.objects.filter(name=name))
    with translation.override("de"):
        assert ours("Wirtschaft") == [section] and ours("Business") == []
    with translation.override("en"):
        assert ours("Business") == [section] and ours("Wirtschaft") == []


@pytest.mark.django_db(transaction=True)
def test_each_thread_asks_through_its_own_connection(make_article):
    article = make_article()
    assert by_slug(article.slug) == [article]  # built in this thread
    seen = {}

    def elsewhere():
        with CaptureQueriesContext(connection) as queries:
            seen["found"] = by_slug(article.slug)
        seen["queries"] = len(queries)
        seen["connection"] = connection.connection
        connection.close()

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    assert seen["found"] == [article] and seen["queries"] == 1
    assert seen["connection"] is not connection.connection


def test_a_value_of_a_small_integer_column_and_a_constant_that_looks_like_one(
    make_article,
):
    article = make_article()
    # The revision is a positive integer column, and 10,000 is what a value's
    # stand-in may be: the constant stays the constant.
    ours = Prepared(
        lambda revision: Article.objects.filter(revision__lt=10_000).filter(
            revision=revision, pk=article.pk
        )
    )
    assert ours(article.revision) == [article]
    assert ours(article.revision + 1) == []


def test_values_come_as_the_orm_gives_them_translated_fields_with_fallbacks(
    make_section,
):
    """A section without an English name shows its German one in English, as
    django-modeltranslation's own values_list() gives it."""
    named = make_section(name_de="Wirtschaft", name_en="Business")
    unnamed = make_section(name_de="Kultur", name_en="")
    rows = Prepared(lambda: Section.objects.values_list("pk", "name").order_by("pk"))
    dicts = Prepared(lambda pk: Section.objects.filter(pk=pk).values("slug", "name"))
    for language in ("de", "en"):
        with translation.override(language):
            expected = list(Section.objects.values_list("pk", "name").order_by("pk"))
            assert rows() == expected
            assert dicts(unnamed.pk) == list(
                Section.objects.filter(pk=unnamed.pk).values("slug", "name")
            )
    with translation.override("en"):
        assert rows() == [(named.pk, "Business"), (unnamed.pk, "Kultur")]


def test_what_it_cannot_prepare_is_refused(make_article):
    article = make_article()
    with pytest.raises(TypeError):
        Prepared(lambda moment: Article.objects.filter(published_at__lte=moment))(
            article.published_at
        )
    with pytest.raises(ValueError, match="prefetch"):
        Prepared(
            lambda slug: Article.objects.prefetch_related("authors").filter(slug=slug)
        )(article.slug)
    with pytest.raises(ValueError, match="not in its SQL"):
        Prepared(lambda slug: Article.objects.all())(article.slug)
    with pytest.raises(ValueError, match="must not depend on its values"):
        Prepared(lambda count: Article.objects.all()[:count])(3)


def test_prefetched_rows_are_what_the_page_reads(
    make_article, make_author, django_assert_num_queries
):
    article = make_article(authors=make_author.create_batch(2))
    fresh = Article.objects.get(pk=article.pk)
    first = fresh.authors.all()[0]
    prefetched(fresh, "authors", [first])
    with django_assert_num_queries(0):
        assert list(fresh.authors.all()) == [first]
