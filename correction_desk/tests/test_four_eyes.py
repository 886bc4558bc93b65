"""The four-eyes rule: a note goes public only when a second editor approves it."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from correction_desk import services
from correction_desk.models import CorrectionNote, Report

pytestmark = pytest.mark.django_db

QUEUE = "/admin/correction_desk/report/"
NOTES = "/admin/correction_desk/correctionnote/"


@pytest.fixture
def four_eyes(settings):
    settings.CORRECTION_DESK_NOTES_NEED_APPROVAL = True


def test_without_the_rule_a_note_is_public_at_once(make_report, editor, article):
    report = make_report()
    note = services.correction_publish(
        content=article, editor=editor, kind="correction", text="Sofort.",
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
            content=article, editor=editor, kind="correction",
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
        content=article, editor=editor, kind="update", text="Neu.", reports=[]
    )
    client.force_login(other_editor)
    page = client.get(f"{NOTES}{note.pk}/change/").text
    assert "Freigeben und veröffentlichen" in page
    client.post(f"{NOTES}{note.pk}/approve/")
    note.refresh_from_db()
    assert note.approved_by == other_editor
    assert CorrectionNote.objects.awaiting_approval().count() == 0
    assert not Report.objects.exists()


@pytest.fixture
def approved_note(four_eyes, editor, other_editor, article):
    note = services.correction_publish(
        content=article, editor=editor, kind="correction", text="Es waren 11.000.",
        reports=[],
    )  # fmt: skip
    return services.note_approve(note=note, editor=other_editor)


def public_texts(client, article):
    page = client.get(article.get_absolute_url()).text
    record = client.get("/korrekturen.json").json()
    return page, [note["text"] for note in record["corrections"]]


def test_an_approved_note_amended_by_its_author_waits_for_the_second_editor(
    client, approved_note, editor, other_editor, article
):
    """The bypass: after approval, the author posts a new text to the admin."""
    from correction_desk.models import CorrectionNoteChange, WebhookDelivery

    client.force_login(editor)
    answer = client.post(
        f"{NOTES}{approved_note.pk}/change/",
        amended(
            {"kind": "correction", "text": "Es waren 99.000.", "reason": "Tippfehler"}
        ),
        follow=True,
    )
    assert "wartet auf die Freigabe" in answer.text
    page, record = public_texts(client, article)
    assert "Es waren 11.000." in page and "99.000" not in page
    assert record == ["Es waren 11.000."]
    approved_note.refresh_from_db()
    assert approved_note.amended_at is None
    assert not WebhookDelivery.objects.filter(event="correction.amended").exists()

    # Its author cannot approve it, by the button or by a crafted POST.
    assert "Änderung freigeben" not in answer.text
    client.post(f"{NOTES}{approved_note.pk}/approve-change/")
    assert "99.000" not in client.get(article.get_absolute_url()).text
    # Nor can a second change slip in beside the waiting one.
    client.post(
        f"{NOTES}{approved_note.pk}/change/",
        amended({"kind": "correction", "text": "Es waren 5.", "reason": ""}),
    )
    assert approved_note.pending_changes.get().text == "Es waren 99.000."

    client.force_login(other_editor)
    assert "Änderung freigeben" in client.get(f"{NOTES}{approved_note.pk}/change/").text
    approval = client.post(f"{NOTES}{approved_note.pk}/approve-change/", follow=True)
    assert "Die Änderung ist freigegeben" in approval.text
    page, record = public_texts(client, article)
    assert "Es waren 99.000." in page and record == ["Es waren 99.000."]
    change = CorrectionNoteChange.objects.get(action="amended")
    assert (change.editor, change.approved_by) == (editor, other_editor)
    assert change.previous_text == "Es waren 11.000."
    assert not approved_note.pending_changes.exists()


def test_a_withdrawal_waits_for_the_second_editor_too(
    client, approved_note, editor, other_editor, article
):
    client.force_login(editor)
    client.post(
        f"{NOTES}{approved_note.pk}/withdraw/", {"reason": "Der Hinweis war falsch."}
    )
    approved_note.refresh_from_db()
    assert approved_note.withdrawn_at is None
    assert "Es waren 11.000." in client.get(article.get_absolute_url()).text
    with pytest.raises(ValidationError):
        services_fixes().note_change_approve(
            change=approved_note.pending_changes.get(), editor=editor
        )
    services_fixes().note_change_approve(
        change=approved_note.pending_changes.get(), editor=other_editor
    )
    approved_note.refresh_from_db()
    assert approved_note.withdrawn_at is not None
    assert approved_note.withdrawal_reason == "Der Hinweis war falsch."


def test_a_discarded_change_never_reaches_readers(
    client, approved_note, editor, other_editor, article
):
    client.force_login(editor)
    client.post(
        f"{NOTES}{approved_note.pk}/change/",
        amended({"kind": "clarification", "text": "Anders.", "reason": ""}),
    )
    client.force_login(other_editor)
    client.post(f"{NOTES}{approved_note.pk}/discard-change/")
    client.post(f"{NOTES}{approved_note.pk}/approve-change/")  # nothing to approve
    approved_note.refresh_from_db()
    assert (approved_note.text, approved_note.kind) == (
        "Es waren 11.000.",
        "correction",
    )


def test_without_the_rule_an_amendment_is_public_at_once(
    client, editor, other_editor, article
):
    note = services.correction_publish(
        content=article, editor=editor, kind="correction", text="Alt.", reports=[]
    )
    client.force_login(editor)
    client.post(
        f"{NOTES}{note.pk}/change/",
        amended({"kind": "correction", "text": "Neu.", "reason": ""}),
    )
    note.refresh_from_db()
    assert note.text == "Neu." and not note.pending_changes.exists()


def services_fixes():
    from correction_desk import services as fixes

    return fixes


def amended(fields: dict) -> dict:
    """The note's change form as the browser sends it (with the history inline)."""
    return {"changes-TOTAL_FORMS": "0", "changes-INITIAL_FORMS": "0", **fields}
