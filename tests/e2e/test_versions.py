"""The versions page in a browser: the article's shape, folded unchanged
paragraphs, side by side on a desktop and inline on a phone."""

import os
from pathlib import Path

import pytest

from articles.services import article_save
from articles.tests.factories import ArticleFactory
from correction_desk.services import correction_publish

pytestmark = pytest.mark.django_db(transaction=True)

UNCHANGED = [
    f"Ein unveränderter Absatz Nummer {n} über die Lage." for n in range(1, 13)
]
SHOTS = os.environ.get("NEWSROOM_SCREENSHOTS")


@pytest.fixture
def corrected(editor):
    body = "\n\n".join(
        [
            "## Was Washington weiß",
            "Es waren 8000 Soldaten in der Region Kursk.",
            "- Rund 10.000 in Russland\n- Etwa 8000 in Kursk",
            *UNCHANGED,
        ]
    )
    article = ArticleFactory(body=body, title="Soldaten in Kursk")
    article.body = body.replace("Es waren 8000", "Es waren rund 10.000")
    article_save(article, editor=editor)
    note = correction_publish(
        content=article,
        editor=editor,
        kind="correction",
        text="Es waren rund 10.000 Soldaten, nicht 8000.",
        reports=[],
    )
    return article, note


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def open_versions(page, article):
    page.goto(f"/artikel/{article.slug}/versionen/")
    return page.locator(".version-diff")


def test_desktop_shows_the_versions_side_by_side(page, corrected, accessible):
    article, note = corrected
    page.set_viewport_size({"width": 1280, "height": 900})
    diff = open_versions(page, article)
    assert page.locator(".diff-summary").inner_text() == (
        "2 Wörter geändert in Absatz 1"
    )
    change = diff.locator(".diff-change")
    assert change.count() == 1
    old, new = change.locator(".diff-old"), change.locator(".diff-new")
    assert old.is_visible() and new.is_visible()
    assert not change.locator(".diff-inline").is_visible()
    old_box, new_box = old.bounding_box(), new.bounding_box()
    assert old_box["x"] + old_box["width"] <= new_box["x"]  # beside, not below
    assert abs(old_box["y"] - new_box["y"]) < 2
    assert old.locator("del").text_content() == "gestrichen: 8000 Ende der Streichung"
    assert (
        new.locator("ins").text_content() == "eingefügt: rund 10.000 Ende der Einfügung"
    )
    # Before the change, headline, lead and the subheading fold away; after it
    # the list and twelve paragraphs.
    folds = diff.locator("details.diff-same")
    assert folds.count() == 2
    after = folds.nth(1)
    assert after.locator("summary").inner_text() == "… 14 unveränderte Absätze …"
    assert not after.locator("li").first.is_visible()
    after.locator("summary").click()
    assert after.locator("ul > li").first.is_visible()
    assert after.locator("p").count() == 12
    assert folds.nth(0).locator("h3").text_content() == "Was Washington weiß"
    shot(page, "versions-desktop")
    accessible(page)


def test_phone_shows_the_change_inline(touch_page, corrected, accessible):
    article, _ = corrected
    diff = open_versions(touch_page, article)
    change = diff.locator(".diff-change")
    inline = change.locator(".diff-old")
    assert inline.is_visible()
    assert not change.locator(".diff-new").is_visible()
    assert inline.locator("ins").is_visible() and inline.locator("del").is_visible()
    assert inline.locator("p").last.text_content() == (
        "Es waren gestrichen: 8000 Ende der Streichung "
        "eingefügt: rund 10.000 Ende der Einfügung Soldaten in der Region Kursk."
    )
    width = touch_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing sticks out sideways
    shot(touch_page, "versions-phone")
    accessible(touch_page)


def test_the_note_and_its_version_link_to_each_other(page, corrected):
    article, note = corrected
    page.goto(article.get_absolute_url())
    page.locator(f"#korrektur-{note.pk}").get_by_role(
        "link", name="Was sich geändert hat (Fassung 2)"
    ).click()
    version = page.locator("#version-2")
    assert "Es waren rund 10.000 Soldaten, nicht 8000." in version.inner_text()
    assert page.locator(".diff-summary").is_visible()
    version.get_by_role("link", name="Korrektur").click()
    page.wait_for_url(f"**{article.get_absolute_url()}#korrektur-{note.pk}")
    assert page.locator(f"#korrektur-{note.pk}").is_visible()


def test_the_folded_paragraphs_open_without_javascript(page_without_js, corrected):
    article, _ = corrected
    diff = open_versions(page_without_js, article)
    fold = diff.locator("details.diff-same").nth(1)
    fold.locator("summary").click()
    assert fold.locator("p").first.is_visible()
