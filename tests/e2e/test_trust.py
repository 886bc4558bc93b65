"""What this round hardened, as editors and readers meet it in a browser: a
change to an approved note waits for the second editor, and an overlong
address gets the site's own page. Both pass axe."""

import os

import pytest

from correction_desk import services

from .conftest import DESK_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("NEWSROOM_SCREENSHOTS")


def shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def log_in(page, username, next_url):
    page.context.clear_cookies()
    page.goto(f"/admin/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DESK_PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state("networkidle")


@pytest.fixture
def waiting_note(settings, make_desk_editor, make_article):
    """Under the four-eyes rule: a note by "autorin", not yet approved, and
    "kollege", who may approve it."""
    settings.CORRECTION_DESK_NOTES_NEED_APPROVAL = True
    author, second = make_desk_editor("autorin"), make_desk_editor("kollege")
    article = make_article(title="Haushalt beschlossen")
    note = services.correction_publish(
        content=article, editor=author, kind="correction", text="Es waren 11.000.",
        reports=[],
    )  # fmt: skip
    return article, note, second


def test_an_amendment_waits_for_the_second_editor(page, waiting_note, accessible):
    article, note, second = waiting_note
    services.note_approve(note=note, editor=second)
    change_page = f"/admin/correction_desk/correctionnote/{note.pk}/change/"
    page.set_viewport_size({"width": 1280, "height": 900})

    log_in(page, "autorin", change_page)
    page.locator("#id_text").fill("Es waren 12.000.")
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("wartet auf die Freigabe durch eine zweite Person").count()
    assert page.get_by_role("button", name="Änderung freigeben").count() == 0
    page.goto(article.get_absolute_url())
    assert page.get_by_text("Es waren 11.000.").count() == 1

    log_in(page, "kollege", change_page)
    box = page.locator(".note-approval")
    assert "Es waren 12.000." in box.inner_text()
    accessible(page)
    shot(page, "note-change-waiting")
    page.get_by_role("button", name="Änderung freigeben").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Die Änderung ist freigegeben").count()
    page.goto(article.get_absolute_url())
    assert page.get_by_text("Es waren 12.000.").count() == 1


def test_an_overlong_address_gets_the_sites_own_page(page, accessible):
    page.set_viewport_size({"width": 390, "height": 800})
    answer = page.goto("/suche/?q=" + "ä" * 700)
    assert answer.status == 414
    assert page.get_by_role("heading", name="Diese Adresse ist zu lang").count() == 1
    assert page.get_by_role("link", name="Zur Startseite").count() >= 1
    accessible(page)
    shot(page, "address-too-long")


def test_the_second_editor_approves_a_new_note_by_its_button(page, waiting_note):
    """The button sits inside the admin's form: it must post to the approval."""
    _article, note, second = waiting_note
    log_in(page, "kollege", f"/admin/correction_desk/correctionnote/{note.pk}/change/")
    page.get_by_role("button", name="Freigeben und veröffentlichen").click()
    page.wait_for_load_state("networkidle")
    note.refresh_from_db()
    assert note.published_at is not None and note.approved_by == second
