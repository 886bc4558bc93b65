"""An article page, with what it loads, stays under 30 KB over the wire.

Counted the way a first-time reader pays for it: the page as Django sends it
(uncompressed: only static files are compressed, by whitenoise), plus every
stylesheet and script it links, gzipped as whitenoise serves them.
"""

import gzip
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db

BUDGET = 30_000
ASSETS = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')


def asset_bytes(url: str) -> int:
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"{url} is linked but not built (make css)"
    with open(path, "rb") as asset:
        return len(gzip.compress(asset.read(), compresslevel=9))


def test_every_demo_article_with_its_assets_is_under_30_kb(client):
    call_command("load_demo", verbosity=0)
    articles = Article.objects.filter(language="de").order_by("-body")
    assert articles.exists()
    for article in articles:
        html = client.get(article.get_absolute_url()).content
        assets = ASSETS.findall(html.decode())
        assert any(url.endswith(".css") for url in assets)
        total = len(html) + sum(asset_bytes(url) for url in assets)
        assert total < BUDGET, f"{article.slug}: {total} bytes with {assets}"


def test_the_stylesheet_is_trimmed_to_what_the_site_uses():
    """Bootstrap's full build is 30 KB gzipped alone; ours carries only what we use."""
    with open(finders.find("build/newsroom.css"), "rb") as stylesheet:
        css = stylesheet.read().decode()
    for used in (".btn-primary", ".form-control", ".invalid-feedback", ".row"):
        assert used in css
    for unused in (".carousel", ".modal", ".navbar", ".accordion", ".tooltip-inner"):
        assert unused not in css
    assert len(gzip.compress(css.encode())) < 12_000
