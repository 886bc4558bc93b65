"""What a reader on a phone stumbled over: a clipped section, a small button, a
selection across two parts."""

import pytest

from .test_trust import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTIONS = ["Politik", "Wirtschaft", "Kultur", "Sport", "Wissen", "Lokales"]
PHONE = {"width": 360, "height": 740}

SELECT_ACROSS = """() => {
  const range = document.createRange();
  range.setStart(document.querySelector(".article-title").firstChild, 3);
  range.setEnd(document.querySelector(".article-lead").firstChild, 5);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


@pytest.fixture
def sections(make_section):
    return [make_section(name=name, slug=name.lower()) for name in SECTIONS]


def test_on_a_phone_every_section_name_is_whole_beside_the_search_link(
    touch_page, sections, make_article, accessible
):
    article = make_article(section=sections[0])
    page = touch_page
    page.set_viewport_size(PHONE)
    page.goto(article.get_absolute_url())
    nav = page.locator(".section-nav")
    assert nav.evaluate("n => n.scrollWidth <= n.clientWidth")
    for name in SECTIONS:
        box = nav.get_by_role("link", name=name, exact=True).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name
    search = page.locator(".header-search-link").bounding_box()
    assert search["x"] + search["width"] <= PHONE["width"]
    accessible(page)
    shot(page, "25-phone-header")


def test_the_touch_report_button_is_big_enough_for_a_finger(touch_page, make_article):
    article = make_article(body="Rund 8000 Soldaten wurden verlegt, heißt es.")
    page = touch_page
    page.goto(article.get_absolute_url())
    page.evaluate(
        """() => {
          const text = document.querySelector("#article-body p").firstChild;
          const range = document.createRange();
          range.setStart(text, 0);
          range.setEnd(text, 17);
          window.getSelection().removeAllRanges();
          window.getSelection().addRange(range);
        }"""
    )
    button = page.get_by_role("button", name="Fehler melden")
    button.wait_for()
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44


def test_a_selection_across_two_parts_is_told_one_part_at_a_time(page, make_article):
    article = make_article(title="Soldaten in Kursk", lead="Ein Vorspann hier.")
    page.goto(article.get_absolute_url())
    page.evaluate(SELECT_ACROSS)
    page.keyboard.press("Control+Enter")
    hint = page.locator(".report-hint")
    assert "in einem Teil auf einmal" in hint.inner_text()
    assert "Bildunterschrift" in hint.inner_text()
    assert page.locator("#id_passage").input_value() == ""
