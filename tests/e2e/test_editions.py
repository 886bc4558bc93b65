"""The two editions in a browser: the language switch follows the article."""

import pytest

from articles.services import article_save
from articles.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_language_switch_leads_to_the_translation_and_back(page, accessible):
    german = ArticleFactory(title="Soldaten in Kursk", language="de")
    english = ArticleFactory(title="Soldiers in Kursk", language="en")
    english.translation = german
    article_save(english)
    alone = ArticleFactory(title="Nur auf Deutsch", language="de")

    page.goto(german.get_absolute_url())
    page.get_by_role("navigation", name="Sprache").get_by_role(
        "link", name="English"
    ).click()
    page.wait_for_url(f"**/en/article/{english.slug}/")
    assert page.locator("h1").inner_text() == "Soldiers in Kursk"
    assert page.locator("html").get_attribute("lang") == "en"
    accessible(page)
    page.locator(".article-translation").get_by_role(
        "link", name="Soldaten in Kursk"
    ).click()
    page.wait_for_url(f"**/artikel/{german.slug}/")

    page.goto(alone.get_absolute_url())
    page.get_by_role("navigation", name="Sprache").get_by_role(
        "link", name="English"
    ).click()
    page.wait_for_url("**/en/")
    headlines = page.locator("main h2, main h3").all_inner_texts()
    assert "Soldiers in Kursk" in headlines
    assert "Nur auf Deutsch" not in headlines
    assert "Soldaten in Kursk" not in headlines
