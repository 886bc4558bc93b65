"""The four-eyes rule: a note goes public only when a second editor approves it."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from corrections import services
from corrections.models import CorrectionNote, Report

pytestmark = pytest.mark.django_db

QUEUE = "/admin/corrections/report/"
NOTES = "/admin/corrections/correctionnote/"


@pytest.fixture
def four_eyes(settings):
    settings.NEWSROOM_NOTES_NEED_APPROVAL = True


def test_without_the_rule_a_note_is_public_at_once(make_report, editor, article):
    report = make_report()
    note = services.correction_publish(
        article=article, editor=editor, kind="correction", text="Sofort.",
        reports=[report],
    )  # fmt: skip
    assert note.published_at is not None and note.approved_by is None


@pytest.mark.usefixtures("four_eyes")
def test_a_note_waits_for_a_second_editor_then_goes_public(
    client, make_report, editor, other_editor, article,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    report = make_report(reporter_email="leser@example.org", consent=True)
    grouped = make_report(passage=report.passage or "", description=report.description)
    with django_capture_on_commit_callbacks(execute=True):
        note = services.correction_publish(
            article=article, editor=editor, kind="correction",
            text="Es waren 11.000.", reports=[report],
        )  # fmt: skip
    report.refresh_from_db()
    assert note.published_at is None
    assert report.status == "in_review" and report.correction_note == note
    assert not any(m.to == ["leser@example.org"] for m in mail.outbox)
    assert "Es waren 11.000." not in client.get(article.get_absolute_url()).text

    client.force_login(editor)
    assert "1 Korrekturvermerk wartet auf die Freigabe" in client.get(QUEUE).text
    page = client.get(f"{NOTES}{note.pk}/change/").text
    assert "Freigeben und veröffentlichen" not in page  # not for its author
    with pytest.raises(ValidationError):
        services.note_approve(note=note, editor=editor)

    with django_capture_on_commit_callbacks(execute=True):
        services.note_approve(note=note, editor=other_editor)
    note.refresh_from_db()
    report.refresh_from_db()
    grouped.refresh_from_db()
    assert note.published_at is not None and note.approved_by == other_editor
    assert report.status == grouped.status == "corrected"
    assert any(m.to == ["leser@example.org"] for m in mail.outbox)
    client.logout()
    assert "Es waren 11.000." in client.get(article.get_absolute_url()).text
    assert list(note.changes.values_list("action", flat=True)) == [
        "submitted",
        "published",
    ]


@pytest.mark.usefixtures("four_eyes")
def test_the_second_editor_approves_in_the_admin(client, editor, other_editor, article):
    from django.contrib.auth.models import Permission

    other_editor.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="articles")
    )
    note = services.correction_publish(
        article=article, editor=editor, kind="update", text="Neu.", reports=[]
    )
    client.force_login(other_editor)
    page = client.get(f"{NOTES}{note.pk}/change/").text
    assert "Freigeben und veröffentlichen" in page
    client.post(f"{NOTES}{note.pk}/approve/")
    note.refresh_from_db()
    assert note.approved_by == other_editor
    assert CorrectionNote.objects.awaiting_approval().count() == 0
    assert not Report.objects.exists()
