"""'Corrected since you read it': remembered in the reader's browser only."""

import re

import pytest

from articles.services import text_fingerprint
from correction_desk import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def requests(page):
    """Every request the browser sends, with its headers as sent."""
    sent = []
    page.on("request", lambda request: sent.append(request))
    return sent


def correct(article, editor):
    return services.correction_apply(
        content=article,
        editor=editor,
        changes={"body": article.body + " Es waren 10.000."},
        seen=text_fingerprint(article),
        note_text="Wir haben die Zahl ergänzt.",
    )


def test_a_correction_since_the_reader_read_it_shows_on_the_front_page(
    page, requests, make_article, editor, accessible
):
    read = make_article(title="Soldaten in Kursk", body="Es sind 8000.")
    make_article(title="Ungelesen", body="Auch hier ein Fehler.")
    page.goto(read.get_absolute_url())
    page.goto("/")
    notice = page.locator("#corrected-since")
    assert notice.is_hidden()  # nothing corrected yet
    note = correct(read, editor)
    correct(type(read).objects.get(title="Ungelesen"), editor)
    page.goto("/")
    notice.wait_for(state="visible")
    assert "Seit Ihrem Besuch korrigiert" in notice.inner_text()
    links = notice.locator("li").get_by_role("link")
    assert links.all_inner_texts() == ["Soldaten in Kursk"]  # not the unread one
    assert links.first.get_attribute("href").endswith(
        f"{read.get_absolute_url()}#korrektur-{note.pk}:~:text=Es%20waren%2010.000."
    )
    assert notice.get_by_role("link", name="Datenschutz").get_attribute("href") == (
        "/datenschutz/"
    )
    accessible(page)
    # Nothing the browser sent names the reader: no cookie, no query, no storage.
    assert requests
    for request in requests:
        assert "cookie" not in request.all_headers(), request.url
        assert "?" not in request.url, request.url
    stored = page.evaluate("() => localStorage.getItem('newsroom.read')")
    assert str(read.pk) in stored
    # Reading the article again marks the correction as seen.
    links.first.click()
    page.wait_for_url(re.compile(read.get_absolute_url()))
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert notice.is_hidden()


def test_the_article_itself_says_it_was_corrected_since(page, article, editor):
    page.goto(article.get_absolute_url())
    correct(article, editor)
    page.reload()
    notice = page.locator("#corrected-since")
    notice.wait_for(state="visible")
    assert "seit Sie ihn gelesen haben" in notice.inner_text()
    page.reload()  # now read with its note
    page.wait_for_load_state("networkidle")
    assert notice.is_hidden()


def test_a_reader_can_make_the_browser_forget(page, article, editor):
    page.goto(article.get_absolute_url())
    correct(article, editor)
    page.goto("/")
    page.get_by_role("button", name="Gelesenes vergessen").click()
    assert page.locator("#corrected-since").is_hidden()
    assert page.evaluate("() => localStorage.getItem('newsroom.read')") is None


def test_without_javascript_nothing_shows(page_without_js, article, editor):
    page_without_js.goto(article.get_absolute_url())
    correct(article, editor)
    page_without_js.goto("/")
    assert page_without_js.locator("#corrected-since").is_hidden()
