"""The site's look, measured in Chromium: its own colours, rings and borders a
reader with low vision can see (WCAG 2.2: 1.4.11 non-text contrast, 2.4.7/2.4.13
focus visible)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACCENT = "rgb(164, 22, 26)"

# Contrast of an element's outline or border against what is behind it.
CONTRAST = """([element, property]) => {
  const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const style = getComputedStyle(element);
  let behind = element.parentElement;
  let background = "rgb(255, 255, 255)";
  for (; behind; behind = behind.parentElement) {
    const colour = getComputedStyle(behind).backgroundColor;
    if (rgb(colour)[3] !== 0) { background = colour; break; }
  }
  const a = luminance(rgb(style[property + "Color"]));
  const b = luminance(rgb(background));
  return {
    contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
    width: parseFloat(style[property + "Width"]),
    style: style[property + "Style"],
    what: element.outerHTML.slice(0, 80),
  };
}"""


@pytest.fixture
def article(make_article):
    return make_article(title="Radwege", body="Ein Absatz mit einem [Link](/).")


def test_every_focus_stop_on_the_article_page_has_a_visible_ring(page, article):
    page.goto(article.get_absolute_url())
    seen = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        element = page.evaluate_handle("document.activeElement")
        if page.evaluate("document.activeElement === document.body"):
            break  # past the last stop
        ring = page.evaluate(CONTRAST, [element, "outline"])
        if ring["what"] in seen:
            continue
        seen.add(ring["what"])
        assert ring["style"] != "none" and ring["width"] >= 2, ring
        assert ring["contrast"] >= 3, ring
    # The walk reached links, the fields, the checkbox and the send button.
    stops = " ".join(seen)
    for kind in ("<a ", "<textarea", "<input", 'type="checkbox"', 'type="submit"'):
        assert kind in stops, f"no {kind} among the focus stops"


def test_form_fields_have_borders_of_at_least_3_to_1(page, article):
    page.goto(article.get_absolute_url())
    fields = page.locator("#report-form :is(input, textarea, select):visible")
    assert fields.count() >= 6
    for index in range(fields.count()):
        border = page.evaluate(CONTRAST, [fields.nth(index).element_handle(), "border"])
        assert border["contrast"] >= 3, border


def test_buttons_and_links_are_in_the_sites_colours(page, article):
    page.goto(article.get_absolute_url())
    send = page.get_by_role("button", name="Meldung senden")
    assert send.evaluate("b => getComputedStyle(b).backgroundColor") == ACCENT
    link = page.locator(".article-body a")
    assert link.evaluate("a => getComputedStyle(a).color") == ACCENT
