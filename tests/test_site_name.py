"""The site's name comes from one setting, wherever it is shown."""

import json
import re

import pytest


@pytest.fixture
def renamed(settings):
    settings.SITE_NAME = "Tagesblatt Nord"


def test_pages_feeds_and_machines_name_the_site_from_its_setting(
    client, renamed, article, editor
):
    from correction_desk import services

    services.correction_publish(
        content=article, editor=editor, kind="update", text="Neu.", reports=[]
    )
    page = client.get(article.get_absolute_url()).text
    assert "<title>" in page and "· Tagesblatt Nord</title>" in page
    assert 'class="site-brand"' in page and ">Tagesblatt Nord</a>" in page
    assert '<meta property="og:site_name" content="Tagesblatt Nord">' in page
    (payload,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)
    assert json.loads(payload)["publisher"]["name"] == "Tagesblatt Nord"
    assert "<title>Tagesblatt Nord – " in client.get("/feed/").text
    assert "<title>Tagesblatt Nord – " in client.get("/korrekturen/feed/").text
    assert client.get("/korrekturen.json").json()["publisher"] == "Tagesblatt Nord"
    manifest = client.get("/manifest.webmanifest").json()
    assert manifest["name"] == "Tagesblatt Nord"
    for text in (page, client.get("/feed/").text, client.get("/korrekturen/").text):
        assert "Newsroom" not in text.replace("Newsroom-Demo", "")


def test_the_editors_pages_and_the_error_pages_name_the_site_too(
    admin_client, client, renamed, settings
):
    admin = admin_client.get("/admin/").text
    assert "Tagesblatt Nord – Redaktion" in admin and "Newsroom" not in admin
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    from newsroom import errors

    request = client.get("/").wsgi_request
    assert "· Tagesblatt Nord</title>" in errors.server_error(request).content.decode()
