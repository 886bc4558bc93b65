"""Search answers only what the public may see at the moment of the query,
whichever way an article left the public: the admin's bulk action, or a write
that the index never heard of."""

import pytest

from articles.models import Article
from correction_desk import services
from search.tests.test_search import found

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/article/"


def pages_expire():
    """The result pages cached before the write have expired (the write sent no
    purge): what is answered now is the search's own answer."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def bulk(client, action, *articles):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [article.pk for article in articles]},
        follow=True,
    )


def test_the_bulk_unpublish_takes_articles_out_of_search_and_pages(
    client, admin_client, make_article
):
    leaving = make_article(title="Der Bürgermeister tritt zurück")
    staying = make_article(title="Der Bürgermeister bleibt")
    assert len(found(client, "Bürgermeister")[0]) == 2
    assert leaving.title in client.get("/").text  # cached now
    answer = bulk(admin_client, "unpublish", leaving)
    assert "1 Artikel wurde zurück in die Entwürfe verschoben" in answer.text
    assert found(client, "Bürgermeister")[0] == [staying.title]
    assert leaving.title not in client.get("/").text  # the cached page was purged
    assert client.get(leaving.get_absolute_url()).status_code == 404

    bulk(admin_client, "publish", leaving)
    assert len(found(client, "Bürgermeister")[0]) == 2


def test_an_article_unpublished_behind_the_index_is_not_answered(client, make_article):
    article = make_article(title="Geheime Sitzung im Rathaus")
    assert found(client, "Rathaus")[0] == [article.title]
    # A write no receiver hears of (a script, a shell, a raw update()):
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    pages_expire()
    titles, page = found(client, "Rathaus")
    assert titles == [] and "Geheime Sitzung" not in page


def test_a_note_withdrawn_behind_the_index_is_not_answered(
    client, make_article, editor
):
    from correction_desk.models import CorrectionNote

    article = make_article(title="Haushalt")
    note = services.correction_publish(
        content=article, editor=editor, kind="correction",
        text="Der Zuschuss betrug Millionen.", reports=[],
    )  # fmt: skip
    assert "Korrekturhinweis" in found(client, "Zuschuss")[1]
    CorrectionNote.objects.filter(pk=note.pk).update(withdrawn_at=note.published_at)
    pages_expire()
    assert "Korrekturhinweis" not in found(client, "Zuschuss")[1]
