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


def change_form_data(client, article) -> dict:
    """What the article's change form sends as it stands (inlines included)."""
    form = (
        client.get(f"/admin/articles/article/{article.pk}/change/")
        .context["adminform"]
        .form
    )
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    data["authors"] = [author.pk for author in article.authors.all()]
    data["published_at_0"], data["published_at_1"] = (
        article.published_at.strftime("%d.%m.%Y"),
        article.published_at.strftime("%H:%M:%S"),
    )
    data.pop("published_at", None)
    data["versions-TOTAL_FORMS"] = data["versions-INITIAL_FORMS"] = "0"
    data["versions-MIN_NUM_FORMS"], data["versions-MAX_NUM_FORMS"] = "0", "1000"
    return data


def test_an_editor_links_a_translation_in_the_admin(admin_client_de, make_article):
    german = make_article(language="de")
    english = make_article(language="en")
    data = change_form_data(admin_client_de, english)
    data["translation"] = german.pk
    response = admin_client_de.post(
        f"/admin/articles/article/{english.pk}/change/", data
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    german.refresh_from_db()
    assert german.translation == english


def test_the_admin_refuses_a_translation_in_the_same_language(
    admin_client_de, make_article
):
    one, other = make_article(language="de"), make_article(language="de")
    data = change_form_data(admin_client_de, one)
    data["translation"] = other.pk
    response = admin_client_de.post(f"/admin/articles/article/{one.pk}/change/", data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["translation"] == [
        "Die Übersetzung muss in einer anderen Sprache sein."
    ]
    other.refresh_from_db()
    assert other.translation is None
