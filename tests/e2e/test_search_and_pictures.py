"""A reader searches, opens an article with its lead picture and reports a
wrong caption, in a real Chromium."""

import time

import pytest

from articles.tests.factories import picture_file
from correction_desk.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SELECT_ELEMENT = """(selector) => { const element = document.querySelector(selector);
  const range = document.createRange(); range.selectNodeContents(element);
  getSelection().removeAllRanges(); getSelection().addRange(range); }"""


@pytest.fixture
def pictured(make_article, make_picture):
    picture = make_picture(
        image=picture_file(1600, 900),
        caption="Wladimir Putin bei einem Besuch in Kursk.",
        credit="Foto: Anna Beispiel",
    )
    return make_article(
        title="Soldaten in Kursk",
        lead="Nordkorea hat Truppen verlegt.",
        body="Erster Absatz über die Außenminister.\n\nZweiter Absatz.\n",
        lead_picture=picture,
    )


def test_search_from_the_header_in_german(page, pictured, accessible):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    page.get_by_role("searchbox", name="Artikel durchsuchen").fill("Soldat")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche/?q=Soldat")
    assert page.locator("#search-summary").inner_text() == "1 Treffer"
    result = page.locator(".search-result").first
    assert result.locator("mark").first.inner_text() == "Soldaten"
    accessible(page)
    result.get_by_role("link").click()
    page.wait_for_url(f"**{pictured.get_absolute_url()}")


def test_search_in_english_on_a_phone(touch_page, make_article, accessible):
    make_article(title="How we correct our mistakes", language="en", body="Openly.")
    touch_page.goto("/en/")
    touch_page.get_by_role("link", name="Search", exact=True).click()
    touch_page.get_by_role("searchbox", name="Search for").fill("mistake")
    touch_page.get_by_role("button", name="Search", exact=True).click()
    assert touch_page.locator("#search-summary").inner_text() == "1 result"
    assert touch_page.locator(".search-result mark").inner_text() == "mistakes"
    accessible(touch_page)


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) total += entry.value;
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


# A phone's column (390 px less the margins) at twice the density, and the
# desktop column (46rem less its padding) at one: 732 and 712 pixels, so both
# take the 800.
@pytest.mark.parametrize("width, slot, wanted", [(390, 366, 800), (1280, 712, 800)])
def test_the_lead_picture_comes_in_the_right_size_and_moves_nothing(
    browser, live_server, pictured, width, slot, wanted
):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800},
        device_scale_factor=2 if width < 500 else 1,
    )  # fmt: skip
    page = context.new_page()

    def late(route):
        # As over a real network: the page is laid out before the picture comes.
        time.sleep(0.5)
        route.continue_()

    page.route("**/medien/**", late)
    page.goto(pictured.get_absolute_url())
    image = page.locator(".lead-figure img")
    image.wait_for()
    page.wait_for_function("() => document.querySelector('.lead-figure img').complete")
    chosen = image.evaluate("img => img.currentSrc")
    assert chosen.endswith(f"-{wanted}.avif"), chosen
    assert image.evaluate("img => img.clientWidth") == slot
    # The picture's own shape (to the pixel the layout rounds to).
    assert abs(image.evaluate("img => img.clientHeight") - slot * 900 / 1600) <= 1
    assert page.evaluate(LAYOUT_SHIFT) == 0
    context.close()


def test_a_reader_reports_a_wrong_caption(page, pictured):
    page.goto(pictured.get_absolute_url())
    page.evaluate(SELECT_ELEMENT, ".lead-figure .picture-caption")
    page.keyboard.press("Control+Enter")
    caption = "Wladimir Putin bei einem Besuch in Kursk."
    assert page.locator("#id_passage").input_value() == caption
    page.keyboard.type("Das ist nicht Putin, sondern der Gouverneur.")
    page.get_by_role("button", name="Meldung senden").click()
    page.locator("#report-sent").wait_for()
    report = Report.objects.get()
    assert (report.passage, report.part) == (caption, "caption")
