"""The privacy text: what the site stores about readers, in both languages."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_privacy_text_says_what_the_browser_remembers(client, settings):
    page = client.get("/datenschutz/")
    assert page.status_code == 200
    assert "kein Cookie" in page.text
    assert "lokalen Speicher" in page.text and "Gelesenes vergessen" in page.text
    assert (
        f"spätestens nach {settings.CORRECTION_DESK_REPORTER_DATA_DAYS} Tagen"
        in page.text
    )
    assert "public" in page["Cache-Control"]


def test_every_page_links_to_it_in_its_language(client, article):
    assert 'href="/datenschutz/">Datenschutz</a>' in client.get("/").text
    english = client.get("/en/").text
    assert 'href="/en/privacy/">Privacy</a>' in english
    assert "no cookie" in client.get("/en/privacy/").text
