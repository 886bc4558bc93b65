"""The fix desk on content whose host changes its own text (no `apply_fix`):
the editor sees the passage, goes to the host's editor, and publishes the note."""

import os

import pytest
from django.contrib.auth.models import Permission

from articles.models import Author
from correction_desk import registry
from correction_desk.models import CorrectionNote, Report
from correction_desk.services import report_submit
from correction_desk.tests.test_any_content import AuthorAdapter

from .conftest import DESK_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("NEWSROOM_SCREENSHOTS")  # a folder, to look at them


@pytest.fixture
def authors():
    registry.register(Author, AuthorAdapter)
    yield
    registry.unregister(Author)


def test_the_desk_without_apply_fix_is_usable_and_publishes_the_note(
    page, authors, make_author, make_desk_editor, accessible
):
    author = make_author(
        name="Jonas Reuter", bio="Jonas Reuter leitet seit 2019 das Ressort Medien."
    )
    report = report_submit(
        content=author,
        passage="seit 2019",
        context_before="leitet ",
        description="Seit 2018.",
        suggestion="seit 2018",
    )
    editor = make_desk_editor()
    editor.user_permissions.add(Permission.objects.get(codename="change_author"))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/admin/correction_desk/report/{report.pk}/change/")
    page.locator("#id_username").fill(editor.username)
    page.locator("#id_password").fill(DESK_PASSWORD)
    page.locator("input[type=submit]").click()
    page.get_by_role("heading", name="Korrekturtisch").wait_for()
    assert page.locator(".fix-source mark").inner_text() == "seit 2019"
    assert "Fundstelle: Text." in page.locator(".fix-where").inner_text()
    editor_link = page.get_by_role("link", name="Artikel in seinem Editor öffnen")
    assert editor_link.get_attribute("href").endswith(
        f"/admin/articles/author/{author.pk}/change/"
    )
    accessible(page)
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, "fix-elsewhere.png"))
    page.get_by_label("Öffentlicher Vermerk").fill("Er leitet das Ressort seit 2018.")
    page.get_by_role(
        "button", name="Die Korrektur ist gespeichert: Vermerk veröffentlichen"
    ).click()
    page.locator(".messagelist").wait_for()
    assert "veröffentlicht" in page.locator(".messagelist").inner_text()
    report.refresh_from_db()
    assert report.status == Report.Status.CORRECTED
    assert CorrectionNote.objects.about(author).get().published_at is not None
