"""What every public page tells browsers and search engines about itself."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def public_urls(article):
    return [
        "/",
        "/en/",
        article.section.get_absolute_url(),
        article.get_absolute_url(),
        f"/artikel/{article.slug}/versionen/",
        "/korrekturen/",
        "/korrekturen/grundsaetze/",
        "/gibt-es-nicht/",
    ]


def test_every_public_page_has_a_description_icons_and_a_theme(client, article):
    for url in public_urls(article):
        html = client.get(url).text
        (description,) = re.findall(
            r'<meta name="description" content="([^"]*)">', html
        )
        assert len(description) > 20, url
        assert 'rel="icon" href="/static/icons/favicon.svg"' in html, url
        assert 'rel="apple-touch-icon"' in html and 'rel="manifest"' in html, url
        assert '<meta name="theme-color" content="#a4161a">' in html, url


def test_an_article_is_described_by_its_lead(client, make_article):
    article = make_article(
        lead="Ein Vorspann, der sagt, worum es geht, und zwar genau."
    )
    html = client.get(article.get_absolute_url()).text
    assert f'<meta name="description" content="{article.lead}">' in html
    assert html.count('<meta name="description"') == 1


def test_the_manifest_names_the_site_and_its_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Newsroom" and manifest["theme_color"] == "#a4161a"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL)), icon


def test_the_language_switch_on_a_missing_page_leads_to_the_other_edition(client):
    html = client.get("/gibt-es-nicht/").text
    assert 'href="/en/" hreflang="en"' in html
    english = client.get("/en/no-such-page/").text
    assert 'href="/" hreflang="de"' in english
