"""Editors at the desk on a Wagtail site: reached from Wagtail's menu; a fix is
a Wagtail revision, published, or submitted to the page's moderation workflow."""

import os

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Revision,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from correction_desk.models import CorrectionNote, Report
from correction_desk.services import report_submit
from tests.hosts.wagtail_site.stories.models import StoryPage

from .conftest import PASSWORD
from .helpers import QUEUE, fix_post, menu_links

SCREENSHOTS = os.environ.get("NEWSROOM_SCREENSHOTS")


@pytest.fixture
def report(story):
    return report_submit(
        content=story,
        passage="1890",
        context_before="Der Hafen wurde ",
        description="Er wurde 1891 eröffnet.",
        suggestion="1891",
        part="body",
    )


@pytest.fixture
def moderators(home):
    """Wagtail's moderation workflow on every page under home: one approval."""
    moderators = Group.objects.create(name="Chefredaktion")
    task = GroupApprovalTask.objects.create(name="Abnahme")
    task.groups.add(moderators)
    for kind in ("change", "publish"):
        GroupPagePermission.objects.create(
            group=moderators, page=home, permission_type=kind
        )
    workflow = Workflow.objects.create(name="Abnahme durch die Chefredaktion")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=home)
    return moderators


def approve(story, moderator) -> None:
    """The moderator's Approve in Wagtail, through its API."""
    state = StoryPage.objects.get(pk=story.pk).current_workflow_state
    task_state = state.current_task_state
    task_state.task.on_action(task_state, moderator, "approve")


@pytest.fixture
def desk(client, editor):
    """An editor at the desk who publishes through the workflow."""
    client.force_login(editor)
    return client


@pytest.fixture
def publishing_desk(client, publisher):
    """An editor at the desk who may publish the page."""
    client.force_login(publisher)
    return client


def live_body(story) -> str:
    return StoryPage.objects.get(pk=story.pk).body


def refused(desk, story, report, message: str) -> None:
    """The fix desk says why, and Wagtail has no new revision, nor the desk a note."""
    revisions = Revision.objects.for_instance(story).count()
    response = desk.post(f"{QUEUE}{report.pk}/fix/", fix_post(report, story))
    assert response.status_code == 400
    assert message in response.text
    assert Revision.objects.for_instance(story).count() == revisions
    assert "1890" in live_body(story)
    assert not CorrectionNote.objects.exists()


def test_wagtails_menu_leads_editors_to_the_queue(desk, report):
    assert menu_links(desk.get("/admin/").text)["Korrekturen"] == QUEUE
    queue = desk.get(QUEUE).text
    assert f"{QUEUE}{report.pk}/change/" in queue and "Der Hafen" in queue


def test_wagtail_users_without_the_desk_see_no_menu_item(client, home):
    from django.contrib.auth import get_user_model

    writer = get_user_model().objects.create_user("autor", password=PASSWORD)
    writer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(writer)
    links = menu_links(client.get("/admin/").text)
    assert "Benutzerkonto" in links and "Korrekturen" not in links


def test_the_passage_is_marked_in_the_pages_text(desk, report):
    page = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert "<mark>1890</mark>" in page
    # The paragraph to edit, as Wagtail stores it; not the whole body.
    assert "der größte im Land.&lt;/p&gt;" in page
    assert "rund 8000 Schiffe" not in page.split("<mark>")[1].split("</textarea>")[0]
    # And the way back to the page in Wagtail's editor.
    assert f'href="/admin/pages/{report.content.pk}/edit/"' in page


def test_a_fix_is_a_wagtail_revision_by_the_editor_and_the_note_is_public(
    publishing_desk, story, report, publisher, recorded_purges
):
    desk = publishing_desk
    before = Revision.objects.for_instance(story).count()
    response = desk.post(f"{QUEUE}{report.pk}/fix/", fix_post(report, story))
    assert response.status_code == 302, response.text[:2000]
    story = StoryPage.objects.get(pk=story.pk)
    assert "1891 eröffnet" in story.body and "1890" not in story.body
    assert Revision.objects.for_instance(story).count() == before + 1
    assert story.live_revision.user == publisher
    assert not story.has_unpublished_changes
    history = desk.get(f"/admin/pages/{story.pk}/history/").text
    assert publisher.username in history
    note = CorrectionNote.objects.get()
    assert note.published_at and note.revision == story.live_revision_id
    assert note.passage == "1891"  # the deep link's words, from the two revisions
    report.refresh_from_db()
    assert report.status == Report.Status.CORRECTED
    # Wagtail's frontend cache purged the page: once published, once noted.
    assert recorded_purges.count(story.full_url) >= 2


def test_a_fix_under_a_workflow_waits_for_the_moderator(
    desk, story, report, moderators, django_user_model, client
):

    response = desk.post(f"{QUEUE}{report.pk}/fix/", fix_post(report, story))
    assert response.status_code == 302, response.text[:2000]
    message = desk.get(response["Location"]).text
    assert "Arbeitsablauf" in message or "workflow" in message
    # Submitted, not published around the workflow.
    story = StoryPage.objects.get(pk=story.pk)
    assert "1890 eröffnet" in story.body
    assert story.workflow_in_progress
    note = CorrectionNote.objects.get()
    assert note.published_at is None and note.awaits_content
    assert "1891" not in client.get(story.url).text
    report.refresh_from_db()
    assert report.status == Report.Status.IN_REVIEW

    moderator = django_user_model.objects.create_user("chefin", password=PASSWORD)
    moderator.groups.add(moderators)
    approve(story, moderator)
    story = StoryPage.objects.get(pk=story.pk)
    assert "1891 eröffnet" in story.body and not story.workflow_in_progress
    note.refresh_from_db()
    assert note.published_at and not note.awaits_content
    assert note.revision == story.live_revision_id
    report.refresh_from_db()
    assert report.status == Report.Status.CORRECTED
    assert "Der Hafen wurde 1891 eröffnet, nicht 1890." in client.get(story.url).text


def test_a_page_with_a_draft_is_not_fixed_around_it(desk, story, report):
    draft = StoryPage.objects.get(pk=story.pk)
    draft.title = "Der Hafen (Entwurf)"
    draft.save_revision()
    refused(desk, story, report, "noch nicht veröffentlicht")


def test_an_editor_who_may_not_publish_and_has_no_workflow_is_refused(
    desk, story, report
):
    refused(desk, story, report, "Arbeitsablauf")


def test_an_editor_whose_pages_these_are_not_cannot_fix(
    client, story, report, django_user_model, editors
):
    GroupPagePermission.objects.filter(group=editors).delete()
    outsider = django_user_model.objects.create_user(
        "aussen", password=PASSWORD, is_staff=True
    )
    outsider.groups.add(editors)
    client.force_login(outsider)
    response = client.post(f"{QUEUE}{report.pk}/fix/", fix_post(report, story))
    assert response.status_code == 403
    assert "1890" in live_body(story)
    assert not CorrectionNote.objects.exists()


def test_another_edit_in_between_is_not_overwritten(desk, story, report):
    data = fix_post(report, story)
    meanwhile = StoryPage.objects.get(pk=story.pk)
    meanwhile.body = meanwhile.body.replace("größte", "älteste")
    meanwhile.save_revision().publish()
    response = desk.post(f"{QUEUE}{report.pk}/fix/", data)
    assert response.status_code == 400
    assert "älteste" in live_body(story) and "1890" in live_body(story)
    assert not CorrectionNote.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_from_wagtails_menu_to_a_fix_in_the_pages_history(
    page, story, report, publisher, accessible
):
    editor = publisher
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/login/")
    page.locator("#id_username").fill(editor.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    corrections = page.get_by_role("link", name="Korrekturen")
    corrections.wait_for()
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, "wagtail-menu.png"))
    corrections.click()
    page.locator("#result_list").wait_for()
    accessible(page)
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, "wagtail-queue.png"))
    page.locator("#result_list tbody tr").first.locator("th a").click()
    page.get_by_role("heading", name="Korrekturtisch").wait_for()
    assert page.locator(".fix-source mark").inner_text() == "1890"
    accessible(page)
    page.get_by_role("button", name="Vorschlag übernehmen").click()
    page.get_by_role("button", name="Korrigieren und veröffentlichen").click()
    page.get_by_text("Die Korrektur ist veröffentlicht; 1 Meldung erledigt.").wait_for()
    page.goto(f"/admin/pages/{story.pk}/history/")
    history = page.locator("main").inner_text()
    assert editor.username in history
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, "wagtail-history.png"))
    assert "1891 eröffnet" in live_body(story)


def test_a_passage_across_rich_text_tags_is_found_in_its_paragraph(story):
    from correction_desk.fixing.source import find_passage

    spot = find_passage(story, "legten dort rund 8000 Schiffe an")
    assert spot.exact and spot.field == "body"
    assert (
        story.body[spot.start : spot.end] == "legten dort <b>rund 8000 Schiffe</b> an"
    )
    assert spot.block(story.body) == (
        "<p>Im vergangenen Jahr legten dort <b>rund 8000 Schiffe</b> an.</p>"
    )


def test_under_the_four_eyes_rule_a_second_editor_approves_after_the_workflow(
    settings, desk, story, report, moderators, make_editor
):
    from correction_desk.services import note_approve

    settings.CORRECTION_DESK_NOTES_NEED_APPROVAL = True
    desk.post(f"{QUEUE}{report.pk}/fix/", fix_post(report, story))
    note = CorrectionNote.objects.get()
    second = make_editor("zweite")
    with pytest.raises(ValidationError):
        note_approve(note=note, editor=second)  # the page is not published yet
    moderator = make_editor("chefin")
    moderator.groups.add(moderators)
    approve(story, moderator)
    note.refresh_from_db()
    assert note.published_at is None and not note.awaits_content
    note_approve(note=note, editor=second)
    note.refresh_from_db()
    assert note.published_at is not None
    report.refresh_from_db()
    assert report.status == Report.Status.CORRECTED
