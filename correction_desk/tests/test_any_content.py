"""The desk on content it was not built for: a model with the default adapter.

Authors stand in for a host's own model here: a title (the name), a text (the
bio), `get_absolute_url()`, and nothing the desk knows of. Their adapter has
no `apply_fix`, so the editor fixes the text in the host's own editor.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from articles.models import Author
from correction_desk import registry, services
from correction_desk.adapters import ContentAdapter
from correction_desk.models import CorrectionNote, Report
from correction_desk.tests.helpers import report_post

QUEUE = "/admin/correction_desk/report/"


class AuthorAdapter(ContentAdapter):
    text_fields = {"title": "name", "body": "bio"}

    def is_public(self, author):
        return not author.name.startswith("Entwurf")

    def public(self, queryset):
        return queryset.exclude(name__startswith="Entwurf")


@pytest.fixture
def authors():
    registry.register(Author, AuthorAdapter)
    yield
    registry.unregister(Author)


@pytest.fixture
def author(authors, make_author):
    return make_author(
        name="Jonas Reuter", bio="Jonas Reuter leitet seit 2019 das Ressort Medien."
    )


def report_url(author) -> str:
    return f"/melden/articles.author/{author.pk}/"


def test_a_reader_reports_on_content_of_any_registered_model(client, author):
    data = report_post(author, passage="seit 2019", context_before="leitet ")
    response = client.post(report_url(author), data)
    assert response.status_code == 302
    assert "Wir werden Ihre Kommentare" in client.get(response["Location"]).text
    report = Report.objects.get()
    assert report.content == author and report.passage == "seit 2019"
    assert list(Report.objects.about(author)) == [report]


def test_a_refused_report_comes_back_on_the_desks_own_page_with_everything_typed(
    client, author
):
    data = report_post(author, description="", suggestion="seit 2018")
    response = client.post(report_url(author), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "seit 2018" in html and author.get_absolute_url() in html
    assert 'id="report-errors"' in html
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/melden/auth.user/1/",  # a model nobody registered
        "/melden/articles.author/999999/",  # no such author
        "/melden/articles.author/x/",  # not a key of that model
    ],
)
def test_reports_on_anything_but_registered_content_are_refused(client, author, path):
    assert client.post(path, report_post(author)).status_code == 404
    assert not Report.objects.exists()


def test_content_the_public_cannot_see_takes_no_reports(client, authors, make_author):
    hidden = make_author(name="Entwurf Mustermann", bio="Noch nicht öffentlich.")
    assert client.post(report_url(hidden), report_post(hidden)).status_code == 404
    with pytest.raises(ValidationError):
        services.report_submit(content=hidden, description="Falsch.")
    assert not Report.objects.exists()


def test_without_apply_fix_the_editor_fixes_elsewhere_then_the_note_is_published(
    desk, author
):
    report = services.report_submit(
        content=author,
        passage="seit 2019",
        context_before="leitet ",
        description="Seit 2018.",
        suggestion="seit 2018",
    )
    page = desk.get(f"{QUEUE}{report.pk}/change/").content.decode()
    assert "<mark>seit 2019</mark>" in page
    assert "im eigenen Editor des Artikels" in page
    assert f"/admin/articles/author/{author.pk}/change/" in page
    # The editor fixes the bio in the host's own editor; then publishes here.
    Author.objects.filter(pk=author.pk).update(bio="Leitet seit 2018 das Ressort.")
    fix = desk.post(
        f"{QUEUE}{report.pk}/fix/",
        {
            "field": "bio",
            "block_start": 0,
            "block_end": 10,
            "seen": "unused",
            "new_text": "ignored",
            "kind": "correction",
            "text": "Er leitet das Ressort seit 2018, nicht seit 2019.",
            "action": "publish",
            "reason": "",
        },
    )
    assert fix.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.CORRECTED
    note = CorrectionNote.objects.about(author).get()
    assert note.published_at is not None and note.content == author
    author.refresh_from_db()
    assert author.bio == "Leitet seit 2018 das Ressort."  # the desk wrote nothing


def test_the_public_record_carries_notes_on_any_content(client, editor, author):
    note = services.correction_publish(
        content=author, editor=editor, kind="correction", text="Seit 2018.", reports=[]
    )
    log = client.get("/korrekturen/").content.decode()
    assert "Seit 2018." in log and "Jonas Reuter" in log
    record = client.get("/korrekturen.json").json()
    (entry,) = record["corrections"]
    assert entry["id"] == f"tag:newsroom,2024:correction:{note.pk}"
    assert entry["article"]["id"] == f"tag:newsroom,2024:author:{author.pk}"
    assert entry["url"].endswith(f"{author.get_absolute_url()}#korrektur-{note.pk}")
    assert "Seit 2018." in client.get("/korrekturen/feed/").content.decode()


def test_notes_on_content_the_public_cannot_see_leave_the_log(
    client, editor, authors, make_author
):
    hidden = make_author(name="Entwurf Mustermann", bio="Noch nicht öffentlich.")
    services.correction_publish(
        content=hidden, editor=editor, kind="correction", text="GEHEIM", reports=[]
    )
    assert "GEHEIM" not in client.get("/korrekturen/").content.decode()
    assert "GEHEIM" not in client.get("/korrekturen.json").content.decode()


def test_content_with_reports_or_notes_is_never_deleted(author, admin_client):
    services.report_submit(content=author, description="Falsch.")
    with pytest.raises(ProtectedError), transaction.atomic():
        author.delete()
    assert Author.objects.filter(pk=author.pk).exists()


def test_the_article_admin_refuses_to_delete_an_article_with_reports(
    admin_client, article, make_report
):
    report = make_report()
    url = f"/admin/articles/article/{article.pk}/delete/"
    page = admin_client.get(url).content.decode()
    assert f"/admin/correction_desk/report/{report.pk}/change/" in page
    admin_client.post(url, {"post": "yes"})
    assert type(article).objects.filter(pk=article.pk).exists()
