"""Every new public version of an article reaches the desk through its one
hook (`services.version_published`), once it is stored: an editor's own save
and a fix at the desk alike; drafts and stale revisions are refused."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from articles.models import Article
from articles.services import article_save, text_fingerprint
from correction_desk import services
from correction_desk.signals import new_public_version


@pytest.fixture
def heard():
    received = []

    def listen(sender, content, revision, **kwargs):
        received.append((sender, content.pk, revision))

    new_public_version.connect(listen)
    yield received
    new_public_version.disconnect(listen)


def test_an_editors_change_to_a_published_article_is_a_new_public_version(
    heard, make_article, editor, django_capture_on_commit_callbacks
):
    article = make_article(body="Der Hafen wurde 1890 eröffnet.")
    with django_capture_on_commit_callbacks(execute=True):
        article.body = "Der Hafen wurde 1891 eröffnet."
        article_save(article, editor=editor)
    assert heard == [(Article, article.pk, 2)]


def test_a_fix_at_the_desk_is_heard_once(
    heard, make_article, editor, django_capture_on_commit_callbacks
):
    article = make_article(body="Rund 8000 Soldaten.")
    with django_capture_on_commit_callbacks(execute=True):
        services.correction_apply(
            content=article,
            editor=editor,
            changes={"body": "Rund 11.000 Soldaten."},
            seen=text_fingerprint(article),
            note_text="Es sind 11.000.",
            reports=[],
        )
    assert heard == [(Article, article.pk, 2)]


def test_a_draft_has_no_public_versions(
    heard, make_article, editor, django_capture_on_commit_callbacks
):
    draft = make_article(status=Article.Status.DRAFT, body="Entwurf.")
    with django_capture_on_commit_callbacks(execute=True):
        draft.body = "Ein anderer Entwurf."
        article_save(draft, editor=editor)
    assert heard == []
    with pytest.raises(ValueError):
        services.version_published(draft, revision=draft.revision)
    assert heard == []


def test_only_the_current_version_of_registered_content_is_announced(
    heard, make_article, make_author
):
    article = make_article()
    with pytest.raises(ValueError):
        services.version_published(article, revision=article.revision + 1)
    with pytest.raises(ImproperlyConfigured):
        services.version_published(make_author(), revision=1)
    assert heard == []
    services.version_published(article, revision=article.revision)
    assert heard == [(Article, article.pk, 1)]
