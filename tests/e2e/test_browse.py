import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_opens_an_article_from_the_front_page(page, make_article):
    article = make_article(
        title="Lindenfeld baut Radwege",
        published_at=datetime(2024, 11, 4, 8, 15, tzinfo=ZoneInfo("Europe/Berlin")),
    )
    page.goto("/")
    assert page.locator("h1").inner_text() == "Aktuelle Nachrichten"
    page.get_by_role("link", name="Lindenfeld baut Radwege").click()
    page.wait_for_url(re.compile(article.get_absolute_url() + "$"))
    assert page.locator("h1").inner_text() == "Lindenfeld baut Radwege"
    assert (
        page.locator("header time").first.inner_text() == "4. November 2024, 08:15 Uhr"
    )


def test_reader_follows_a_byline_to_the_authors_page(
    page, make_article, make_author, accessible
):
    writer = make_author(name="Katrin Albers", bio="Schreibt über Außenpolitik.")
    article = make_article(title="Soldaten in Kursk", authors=[writer])
    make_article(title="Noch ein Text von ihr", authors=[writer])
    page.goto(article.get_absolute_url())
    page.locator(".byline").get_by_role("link", name="Katrin Albers").click()
    page.wait_for_url(re.compile("/autor/katrin-albers/$"))
    assert page.locator("h1").inner_text() == "Katrin Albers"
    teasers = page.locator("main h2 a, main h3 a").all_inner_texts()
    assert {"Soldaten in Kursk", "Noch ein Text von ihr"} <= set(teasers)
    accessible(page)
