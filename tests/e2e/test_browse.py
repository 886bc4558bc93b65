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
