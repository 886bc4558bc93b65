"""What a reader stumbled over on the pages: what they wrote, the consent error,
the authors' bios in English, /favicon.ico."""

import io
import re

import pytest
from PIL import Image

from correction_desk.intake.status import status_url
from correction_desk.services import report_submit
from correction_desk.tests.helpers import report_post, report_url

pytestmark = pytest.mark.django_db


def test_the_status_page_shows_what_the_reader_wrote(client, article):
    report = report_submit(
        content=article,
        description="Die Zahl <b>8000</b> stimmt nicht.",
        suggestion="Rund 11.000",
        source_url="https://example.org/pentagon",
    )
    page = client.get(status_url(report)).text
    assert "Was Sie geschrieben haben" in page
    assert "Die Zahl &lt;b&gt;8000&lt;/b&gt; stimmt nicht." in page
    assert "Ihr Vorschlag" in page and "Rund 11.000" in page
    assert 'href="https://example.org/pentagon" rel="nofollow' in page


def test_the_consent_error_names_the_field_without_repeating_its_sentence(
    client, article
):
    data = report_post(article, email="erika@example.org")
    page = client.post(report_url(article), data).text
    summary = page[page.index('id="report-errors"') :]
    summary = summary[: summary.index("</div>")]
    assert "<strong>Einwilligung</strong> Bitte willigen Sie ein" in summary
    assert "dass die Redaktion meine E-Mail-Adresse" not in summary
    assert page.count("dass die Redaktion meine E-Mail-Adresse") == 1


def test_english_pages_show_english_bios_and_mark_german_ones(
    client, make_article, make_author
):
    translated = make_author(
        bio_de="Schreibt über Politik.", bio_en="Writes on politics."
    )
    german_only = make_author(bio_de="Schreibt über Sport.", bio_en="")
    article = make_article(language="en", authors=[translated, german_only])
    page = client.get(f"/en/article/{article.slug}/").text
    assert re.search(r'<p class="author-bio" lang="en">.*?Writes on politics\.', page)
    assert re.search(r'<p class="author-bio" lang="de">.*?Schreibt über Sport\.', page)
    assert "Schreibt über Politik." not in page
    german = client.get(f"/autor/{translated.slug}/").text
    assert re.search(r'lang="de">Schreibt über Politik\.', german)


def test_favicon_ico_is_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age" in response["Cache-Control"]
    icon = Image.open(io.BytesIO(b"".join(response)))
    assert icon.format == "ICO"
    assert client.post("/favicon.ico").status_code == 405
