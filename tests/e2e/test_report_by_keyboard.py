"""A reader without a mouse reports a passage: keys only, in a real Chromium."""

import pytest

from correction_desk.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARAGRAPH = "Rund 8000 Soldaten wurden verlegt. Ein zweiter Satz folgt."
BODY = f"Erster Absatz zur Einordnung.\n\n{PARAGRAPH}\n\n> Ein Zitat am Ende.\n"
PICK = "Textstelle im Artikel wählen"


@pytest.fixture
def article(make_article):
    return make_article(
        title="Soldaten in Kursk", lead="Ein kurzer Vorspann.", body=BODY
    )


def focused(page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


def test_choose_a_paragraph_with_the_arrow_keys_and_send(page, article, accessible):
    page.goto(article.get_absolute_url())
    page.locator("#id_passage").focus()
    page.keyboard.press("Tab")
    assert focused(page) == PICK
    page.keyboard.press("Enter")
    # Headline, lead, then the text's paragraphs, in reading order.
    assert focused(page) == "Soldaten in Kursk"
    assert "Pfeiltasten" in page.locator(".report-hint").inner_text()
    accessible(page)
    page.keyboard.press("ArrowDown")
    assert focused(page) == "Ein kurzer Vorspann."
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert focused(page) == PARAGRAPH
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_passage"
    assert page.locator("#id_passage").input_value() == PARAGRAPH
    assert "Kürzen Sie" in page.locator(".report-status").inner_text()
    # The reader trims the passage to the wrong words, then writes and sends.
    page.locator("#id_passage").press("End")
    for _ in range(len(" Ein zweiter Satz folgt.")):
        page.keyboard.press("Backspace")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_description"
    page.keyboard.type("Es waren 10.000 Soldaten.")
    page.keyboard.press("Control+Enter")  # no selection: an ordinary key press
    page.locator("#id_description").evaluate("field => field.form.requestSubmit()")
    page.locator("#report-sent").wait_for()
    report = Report.objects.get()
    assert report.passage == "Rund 8000 Soldaten wurden verlegt."
    assert report.part == "body"
    assert report.context_before.strip().endswith("Erster Absatz zur Einordnung.")


def test_a_quote_is_chosen_by_its_paragraph_and_end_jumps_there(page, article):
    page.goto(article.get_absolute_url())
    page.get_by_role("button", name=PICK).press("Enter")
    page.keyboard.press("End")
    assert focused(page) == "Ein Zitat am Ende."
    page.keyboard.press("Home")
    assert focused(page) == "Soldaten in Kursk"


def test_escape_goes_back_and_takes_nothing(page, article):
    page.goto(article.get_absolute_url())
    page.get_by_role("button", name=PICK).press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    assert focused(page) == PICK
    assert page.locator("#id_passage").input_value() == ""
    # The paragraphs are plain text again: out of the focus order, unmarked.
    assert page.locator(".report-pickable, [data-report-part] [tabindex]").count() == 0


def test_tab_leaves_the_article_as_usual(page, article):
    page.goto(article.get_absolute_url())
    page.get_by_role("button", name=PICK).press("Enter")
    page.keyboard.press("Tab")
    assert page.locator(".report-pickable").count() == 0
    assert page.locator("#id_passage").input_value() == ""


def test_a_long_paragraph_comes_shortened_and_the_reader_is_told(page, make_article):
    long_paragraph = "Ein sehr langer Satz ohne Ende. " * 50
    article = make_article(title="Lang", body=long_paragraph)
    page.goto(article.get_absolute_url())
    page.get_by_role("button", name=PICK).press("Enter")
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    passage = page.locator("#id_passage").input_value()
    assert 900 < len(passage) <= 1000 and long_paragraph.startswith(passage)
    assert "länger als 1.000 Zeichen" in page.locator(".report-status").inner_text()


def test_touch_screens_do_not_get_the_keyboard_mode(touch_page, article):
    page = touch_page
    page.goto(article.get_absolute_url())
    page.locator("#id_passage_helptext").wait_for()
    assert page.get_by_role("button", name=PICK).count() == 0
