from datetime import datetime, timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article
from articles.services import article_save

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_scheduled_articles(make_article):
    live = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(published_at=timezone.now() + timedelta(hours=2))
    assert list(Article.objects.published()) == [live]


def test_publishing_without_a_date_stamps_the_current_time(make_article):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    article.status = Article.Status.PUBLISHED
    article_save(article)
    assert article.published_at is not None
    assert article.is_public


def test_database_refuses_a_published_article_without_a_date(make_article):
    article = make_article()
    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=article.pk).update(published_at=None)


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Article.Status.DRAFT},
        {"published_at": datetime(2099, 1, 1, tzinfo=timezone.get_current_timezone())},
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_article_is_404_for_the_public(client, make_article, hidden):
    article = make_article(**hidden)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text


def test_unpublished_article_is_listed_nowhere(client, make_article):
    draft = make_article(status=Article.Status.DRAFT, title="Geheimer Entwurf")
    for url in ["/", draft.section.get_absolute_url()]:
        assert "Geheimer Entwurf" not in client.get(url).text


def test_staff_can_preview_a_draft(client, make_article, editor):
    draft = make_article(status=Article.Status.DRAFT, title="Entwurf zur Ansicht")
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Entwurf zur Ansicht" in response.text
    assert "Vorschau" in response.text


def test_staff_without_article_permission_cannot_preview(
    client, make_article, django_user_model
):
    draft = make_article(status=Article.Status.DRAFT)
    user = django_user_model.objects.create_user("praktikant", is_staff=True)
    client.force_login(user)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_editing_a_published_text_counts_a_revision(make_article):
    article = make_article()
    assert (article.revision, article.revised_at) == (1, None)
    article.body += "\n\nEin neuer Absatz."
    article_save(article)
    assert article.revision == 2
    assert article.revised_at is not None


def test_saving_without_text_changes_or_before_publication_is_no_revision(
    make_article,
):
    article = make_article()
    article.kicker = "Neue Dachzeile"
    article_save(article)
    draft = make_article(status=Article.Status.DRAFT)
    draft.body = "Ganz neu geschrieben."
    article_save(draft)
    assert (article.revision, draft.revision) == (1, 1)


def test_article_page_shows_updated_only_after_a_revision(client, make_article):
    article = make_article()
    assert "Aktualisiert" not in client.get(article.get_absolute_url()).text
    article.title = "Neue Überschrift"
    article_save(article)
    assert "Aktualisiert" in client.get(article.get_absolute_url()).text
