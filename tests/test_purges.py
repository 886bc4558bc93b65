"""Every service that changes what public pages show says what went stale, and
every public page says what it shows: otherwise a page stays stale for an hour.

(conftest.py also fails any test whose request changes such a thing without a
purge, in whatever view or admin page it went through.)
"""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import RequestFactory

import pagecache
from articles import services as articles
from articles.models import Article
from correction_desk import services as desk
from correction_desk.models import PolicyPage
from correction_desk.record.policy import policy_delete, policy_save
from pagecache import keys

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged(monkeypatch):
    found = []
    real = pagecache.purge

    def purge(*keys):
        found.extend(keys)
        real(*keys)

    monkeypatch.setattr(pagecache, "purge", purge)
    return found


def publish_note(article, editor):
    return desk.correction_publish(
        content=article, editor=editor, kind="correction", text="Korrigiert.",
        reports=[],
    )  # fmt: skip


def test_storing_an_article_purges_its_page_lists_and_authors(purged, article):
    article.title = "Neu"
    articles.article_save(article)
    author = article.authors.get()
    assert {
        keys.article(article.pk),
        keys.section(article.section_id),
        keys.front(),
        keys.author_list(author.pk),
    } <= set(purged)


def test_moving_an_article_purges_the_section_it_left(purged, article, make_section):
    left = article.section_id
    article.section = make_section()
    articles.article_save(article)
    assert {keys.section(left), keys.section(article.section_id)} <= set(purged)


@pytest.mark.parametrize("change", ["publish", "unpublish", "revise", "delete"])
def test_each_article_service_purges_the_article(purged, make_article, editor, change):
    status = Article.Status.DRAFT if change == "publish" else Article.Status.PUBLISHED
    article = make_article(status=status, published_at=None)
    purged.clear()
    if change == "publish":
        articles.article_publish(article=article, editor=editor)
    elif change == "unpublish":
        articles.article_unpublish(article=article, editor=editor)
    elif change == "revise":
        articles.article_revise(article=article, editor=editor, changes={"lead": "X"})
    else:
        pk = article.pk
        articles.article_delete(article)
        article.pk = pk
    assert {keys.article(article.pk), keys.front()} <= set(purged)


def test_new_authors_purge_the_lists_they_join_and_leave(purged, article, make_author):
    before = article.authors.get()
    after = make_author()
    purged.clear()
    articles.article_set_authors(article, [after])
    assert set(purged) == {
        keys.article(article.pk),
        keys.author_list(before.pk),
        keys.author_list(after.pk),
    }


def test_sections_and_authors_purge_what_shows_them(purged, article):
    section, author = article.section, article.authors.get()
    articles.section_save(section)
    assert {keys.sections(), keys.section(section.pk)} <= set(purged)
    articles.author_save(author)
    assert keys.author(author.pk) in purged
    purged.clear()
    pk = author.pk
    articles.author_delete(author)
    assert {keys.author(pk), keys.article(article.pk)} <= set(purged)


def test_a_picture_purges_the_articles_that_show_it(purged, make_article, make_picture):
    picture = make_picture()
    article = make_article(lead_picture=picture)
    purged.clear()
    articles.picture_revise(picture=picture, editor=None, changes={"caption": "Neu"})
    assert keys.article(article.pk) in purged


def test_each_note_service_purges_the_article_and_the_log(purged, article, editor):
    note = publish_note(article, editor)
    assert {keys.article(article.pk), "corrections-log"} <= set(purged)
    purged.clear()
    desk.note_amend(note=note, editor=editor, text="Korrigiert, genauer.")
    assert {keys.article(article.pk), "corrections-log"} <= set(purged)
    purged.clear()
    desk.note_withdraw(note=note, editor=editor, reason="Ein Irrtum.")
    assert {keys.article(article.pk), "corrections-log"} <= set(purged)


def test_a_note_waiting_for_approval_purges_nothing_until_approved(
    purged, article, editor, django_user_model, settings
):
    settings.CORRECTION_DESK_NOTES_NEED_APPROVAL = True
    purged.clear()
    note = publish_note(article, editor)
    assert purged == []  # nothing public changed
    second = django_user_model.objects.create_user("zweite", is_staff=True)
    desk.note_approve(note=note, editor=second)
    assert {keys.article(article.pk), "corrections-log"} <= set(purged)


def test_the_policy_purges_its_page(purged):
    page = PolicyPage.objects.first()
    policy_save(page)
    assert purged == ["policy"]
    purged.clear()
    policy_delete(page)
    assert purged == ["policy"]


def test_a_public_page_that_says_nothing_of_what_it_shows_is_refused():
    def view(request):
        return HttpResponse("Eine Seite, die niemand purgen könnte.")

    request = RequestFactory().get("/neu/")
    with pytest.raises(ImproperlyConfigured, match="pagecache.tag"):
        pagecache.public_page(view, pagecache.NoParameters)(request)


def test_a_public_page_that_says_what_it_shows_is_served_with_its_keys():
    def view(request):
        pagecache.tag(request, keys.front())
        return HttpResponse("Eine Liste.")

    request = RequestFactory().get("/neu/")
    response = pagecache.public_page(view, pagecache.NoParameters)(request)
    assert set(response["xkey"].split()) == {"front", "site", "sections"}
