"""A reader reports an error in a real Chromium, with and without JavaScript."""

import pytest

from correction_desk.models import Report

from .conftest import select_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCE = "Die Regierung geht davon aus, dass rund 8000 Soldaten verlegt wurden."
BODY = f"Erster Absatz zur Einordnung.\n\n{SENTENCE} Ein zweiter Satz folgt.\n"
CONFIRMATION = "Wir werden Ihre Kommentare so schnell wie möglich berücksichtigen."


@pytest.fixture
def reader_article(make_article):
    return make_article(title="Soldaten in Kursk", body=BODY)


def select(page, text):
    select_text(page, text)


def test_select_a_sentence_press_ctrl_enter_and_send(page, reader_article):
    page.goto(reader_article.get_absolute_url())
    select(page, SENTENCE)
    page.keyboard.press("Control+Enter")
    assert page.locator("#id_passage").input_value() == SENTENCE
    assert page.evaluate("document.activeElement.id") == "id_description"
    page.keyboard.type("Es waren 10.000 Soldaten.")
    page.get_by_role("button", name="Meldung senden").click()
    confirmation = page.locator("#report-sent")
    confirmation.wait_for()
    assert CONFIRMATION in confirmation.inner_text()
    assert page.evaluate("document.activeElement.id") == "report-sent"
    report = Report.objects.get()
    assert (report.passage, report.status) == (SENTENCE, "new")
    assert report.context_before == "Erster Absatz zur Einordnung. "
    assert report.context_after.startswith(" Ein zweiter Satz folgt.")
    assert report.article_revision == reader_article.revision


SELECT_ELEMENT = """(selector) => { const element = document.querySelector(selector);
  const range = document.createRange(); range.selectNodeContents(element);
  getSelection().removeAllRanges(); getSelection().addRange(range); }"""


@pytest.mark.parametrize(
    ("selector", "part"), [(".article-title", "title"), (".article-lead", "lead")]
)
def test_headline_and_lead_are_reportable_and_the_part_is_recorded(
    page, reader_article, selector, part
):
    page.goto(reader_article.get_absolute_url())
    page.evaluate(SELECT_ELEMENT, selector)
    page.keyboard.press("Control+Enter")
    text = page.locator(selector).inner_text()
    assert page.locator("#id_passage").input_value() == text
    page.keyboard.type("Hier stimmt etwas nicht.")
    page.get_by_role("button", name="Meldung senden").click()
    page.locator("#report-sent").wait_for()
    report = Report.objects.get()
    assert (report.passage, report.part) == (text, part)


def test_a_selection_that_cannot_be_reported_says_so_beside_it(page, reader_article):
    page.goto(reader_article.get_absolute_url())
    page.evaluate(SELECT_ELEMENT, ".site-footer")
    page.keyboard.press("Control+Enter")
    assert page.locator("#id_passage").input_value() == ""
    hint = page.locator(".report-hint")
    assert "in einem Teil auf einmal" in hint.inner_text()
    assert hint.get_attribute("role") == "status" and hint.is_visible()
    # Beside the selection, not up at the form.
    footer = page.locator(".site-footer").bounding_box()
    assert hint.bounding_box()["y"] > footer["y"]


def test_selection_over_1000_characters_is_not_taken(page, make_article, settings):
    long_paragraph = "Sehr langer Satz ohne Ende. " * 60
    article = make_article(body=long_paragraph)
    page.goto(article.get_absolute_url())
    select(page, long_paragraph.strip())
    page.keyboard.press("Control+Enter")
    assert page.locator("#id_passage").input_value() == ""
    hint = page.locator(".report-hint")
    assert "höchstens 1000 Zeichen" in hint.inner_text() and hint.is_visible()


def test_touch_screen_reader_gets_a_report_button(touch_page, reader_article):
    page = touch_page
    page.goto(reader_article.get_absolute_url())
    hint = page.locator("#id_passage_helptext").inner_text()
    assert "tippen Sie auf „Fehler melden“" in hint and "Strg" not in hint
    select(page, SENTENCE)
    button = page.get_by_role("button", name="Fehler melden")
    button.wait_for()
    button.tap()
    assert page.locator("#id_passage").input_value() == SENTENCE


def test_report_without_javascript(page_without_js, reader_article):
    page = page_without_js
    page.goto(reader_article.get_absolute_url())
    page.locator("#id_passage").fill("rund 8000 Soldaten")
    page.locator("#id_description").fill("Die Zahl ist veraltet.")
    page.get_by_role("button", name="Meldung senden").click()
    page.locator("#report-sent").wait_for()
    assert CONFIRMATION in page.content()
    assert page.evaluate("document.activeElement.id") == "report-sent"
    assert Report.objects.get().passage == "rund 8000 Soldaten"


def test_invalid_report_keeps_the_text_and_focuses_the_error_summary(
    page_without_js, reader_article
):
    page = page_without_js
    page.goto(reader_article.get_absolute_url())
    page.locator("#id_suggestion").fill("Mein Vorschlag mit Ümlauten 😀")
    page.locator("#id_email").fill("leser@example.org")
    page.get_by_role("button", name="Meldung senden").click()
    summary = page.locator("#report-errors")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "report-errors"
    assert "Bitte schreiben Sie uns, was falsch ist." in summary.inner_text()
    assert "Bitte willigen Sie ein" in summary.inner_text()
    assert (
        page.locator("#id_suggestion").input_value() == "Mein Vorschlag mit Ümlauten 😀"
    )
    assert page.locator("#id_email").input_value() == "leser@example.org"
    assert not Report.objects.exists()


def test_double_click_sends_once(page, reader_article):
    page.goto(reader_article.get_absolute_url())
    page.locator("#id_description").fill("Einmal reicht.")
    page.get_by_role("button", name="Meldung senden").dblclick()
    page.locator("#report-sent").wait_for()
    assert Report.objects.count() == 1


def test_keyboard_readers_are_told_the_shortcut(page, reader_article):
    page.goto(reader_article.get_absolute_url())
    assert "Strg+Enter" in page.locator("#id_passage_helptext").inner_text()


def test_without_javascript_no_shortcut_is_promised(page_without_js, reader_article):
    page_without_js.goto(reader_article.get_absolute_url())
    hint = page_without_js.locator("#id_passage_helptext").inner_text()
    assert hint == "Optional: Fügen Sie hier die betroffenen Worte ein."
