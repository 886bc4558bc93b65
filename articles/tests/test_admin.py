import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_de(client, admin_user):
    client.force_login(admin_user)
    return client


def test_article_form_leaves_out_the_rendered_html(admin_client_de, article):
    response = admin_client_de.get(f"/admin/articles/article/{article.pk}/change/")
    assert response.status_code == 200
    assert 'name="body"' in response.text
    assert 'name="body_html"' not in response.text


def test_article_list_filters_by_status_and_section(admin_client_de, make_article):
    make_article(title="Öffentlich")
    make_article(title="Noch geheim", status=Article.Status.DRAFT)
    response = admin_client_de.get("/admin/articles/article/?status__exact=draft")
    assert "Noch geheim" in response.text
    assert "Öffentlich" not in response.text


def test_publish_action_makes_drafts_public(admin_client_de, make_article):
    drafts = make_article.create_batch(
        2, status=Article.Status.DRAFT, published_at=None
    )
    response = admin_client_de.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [a.pk for a in drafts]},
        follow=True,
    )
    assert "2 Artikel wurden veröffentlicht." in response.text
    assert Article.objects.published().count() == 2


def test_unpublish_action_hides_articles_again(admin_client_de, client, article):
    admin_client_de.post(
        "/admin/articles/article/",
        {"action": "unpublish", "_selected_action": [article.pk]},
    )
    admin_client_de.logout()
    assert client.get(article.get_absolute_url()).status_code == 404
