"""The README's "How a page is cached", followed as written: the page it adds is
cached for anonymous readers, carries its keys, and a service's purge reaches it."""

import re
import sys
import textwrap
from pathlib import Path

import pytest
from django.urls import clear_url_caches

from articles.services import article_save

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## How a page is cached"

pytestmark = pytest.mark.django_db


def readme_files() -> dict[str, str]:
    """The section's code blocks, by the file each one's first line names."""
    text = (ROOT / "README.md").read_text()
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    files = {}
    for code in re.findall(r"^```python\n(.*?)^```", section, re.M | re.S):
        first, _, rest = textwrap.dedent(code).partition("\n")
        files[first.removeprefix("# ").strip()] = rest
    return files


@pytest.fixture
def newest_page(tmp_path, settings, monkeypatch):
    files = readme_files()
    assert set(files) == {"newest/views.py", "newest/urls.py"}
    for name, code in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(code)
    (tmp_path / "newest" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    site = tmp_path / "site_urls.py"
    site.write_text(
        "from django.urls import include, path\n"
        "from newsroom.urls import urlpatterns as ours\n"
        "urlpatterns = [path('', include('newest.urls')), *ours]\n"
    )
    settings.ROOT_URLCONF = "site_urls"
    clear_url_caches()
    yield
    clear_url_caches()
    for module in ("site_urls", "newest", "newest.urls", "newest.views"):
        sys.modules.pop(module, None)


def test_the_page_the_readme_adds_is_cached_and_purged(
    newest_page, client, make_article, django_assert_num_queries
):
    article = make_article(title="Die erste Meldung")
    first = client.get("/neuester/")
    assert first.text == "Die erste Meldung"
    assert set(first["xkey"].split()) == {"front", "site", "sections"}
    assert "s-maxage" in first["Cache-Control"]
    with django_assert_num_queries(0):  # kept: no query to answer it
        assert client.get("/neuester/").text == "Die erste Meldung"
    article.title = "Die erste Meldung, korrigiert"
    article_save(article)  # the service purges "front"
    assert client.get("/neuester/").text == "Die erste Meldung, korrigiert"
