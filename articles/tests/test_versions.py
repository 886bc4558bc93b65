import pytest
from django.utils import timezone

from articles.models import Article, ArticleVersion
from articles.services import article_save
from newsroom.diff import word_diff

pytestmark = pytest.mark.django_db


def test_changing_published_text_keeps_the_previous_version(make_article, editor):
    article = make_article(title="Alt", body="Es waren 8000 Soldaten.")
    article.body = "Es waren 10.000 Soldaten."
    article_save(article, editor=editor)
    (version,) = article.versions.all()
    assert (version.revision, version.title, version.body) == (
        1,
        "Alt",
        "Es waren 8000 Soldaten.",
    )
    assert version.replaced_by == editor
    assert version.valid_from == article.published_at
    assert article.revision == 2
    assert article.revised_at == version.replaced_at


@pytest.mark.parametrize(
    "edit",
    [
        lambda a: setattr(a, "body", a.body.replace(" ", "  ") + "\n\n"),
        lambda a: setattr(a, "body", a.body.replace("Absatz", "*Absatz*")),
        lambda a: setattr(a, "kicker", "Neue Dachzeile"),
    ],
    ids=["whitespace", "formatting", "kicker"],
)
def test_changes_readers_would_not_notice_make_no_version(make_article, edit):
    article = make_article(body="Erster Absatz.\n\nZweiter Absatz.")
    edit(article)
    article_save(article)
    assert not article.versions.exists()
    assert article.revision == 1


def test_editing_a_draft_makes_no_version(make_article):
    draft = make_article(status=Article.Status.DRAFT)
    draft.body = "Völlig neu."
    article_save(draft)
    assert not draft.versions.exists()


def test_version_and_change_are_stored_together_or_not_at_all(
    make_article, monkeypatch
):
    article = make_article(body="Vorher.")

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ArticleVersion, "save", fail)
    article.body = "Nachher."
    with pytest.raises(RuntimeError):
        article_save(article)
    article.refresh_from_db()
    assert (article.body, article.revision) == ("Vorher.", 1)


def test_word_diff_marks_replaced_phrases_and_escapes_text():
    html = word_diff(
        "Frist bis Ende 2025 <script>", "Frist in den kommenden Jahren <script>"
    )
    assert html == (
        "Frist <del>bis Ende 2025</del> <ins>in den kommenden Jahren</ins> "
        "&lt;script&gt;"
    )
    assert word_diff("eins zwei", "eins") == "eins <del>zwei</del> "


def test_versions_page_shows_the_diff(client, make_article):
    article = make_article(body="Es waren 8000 Soldaten in Kursk.")
    article.body = "Es waren 10.000 Soldaten in Kursk."
    article_save(article)
    response = client.get(f"/artikel/{article.slug}/versionen/")
    assert response.status_code == 200
    diff = response.context["diff"]
    assert "gestrichen: </span>8000<" in diff
    assert "eingefügt: </span>10.000<" in diff
    older = client.get(f"/artikel/{article.slug}/versionen/?from=2&to=1")
    assert "gestrichen: </span>10.000<" in older.context["diff"]
    assert "eingefügt: </span>8000<" in older.context["diff"]


@pytest.mark.parametrize(
    "query", ["?from=99&to=1", "?from=x&to=-1", "?from=²", "?to=①", f"?from={'9' * 23}"]
)
def test_versions_that_do_not_exist_are_a_missing_page(client, article, query):
    assert client.get(f"/artikel/{article.slug}/versionen/{query}").status_code == 404


def test_empty_version_parameters_mean_the_newest_two(client, article):
    assert (
        client.get(f"/artikel/{article.slug}/versionen/?from=&to=").status_code == 200
    )


def test_versions_of_drafts_are_not_public(client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert client.get(f"/artikel/{draft.slug}/versionen/").status_code == 404


def test_long_history_lists_in_a_fixed_number_of_queries(
    client, make_article, django_assert_num_queries
):
    article = make_article()
    now = timezone.now()
    ArticleVersion.objects.bulk_create(
        ArticleVersion(
            article=article,
            revision=number,
            title=f"Fassung {number}",
            lead="Vorspann",
            body=f"Text {number}",
            valid_from=now,
            replaced_at=now,
        )
        for number in range(1, 201)
    )
    Article.objects.filter(pk=article.pk).update(revision=201)
    # article with section, the versions, their notes, their log records, the
    # two compared, the menu
    with django_assert_num_queries(6):
        response = client.get(f"/artikel/{article.slug}/versionen/")
    assert len(response.context["rows"]) == 201
    assert 'id="version-200"' in response.text
    assert "Fassung 200" in response.context["diff"]
