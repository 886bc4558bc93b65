"""The addresses kept per process (newsroom/kept_urls.py) are the ones
`reverse()` gives for the request at hand: in its language and under the
address the site is mounted at, whatever an earlier request asked for."""

import re

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from newsroom.kept_urls import absolute
from newsroom.kept_urls import reverse as kept


@pytest.fixture
def mounted(settings):
    """Ends each test with the site at the root again, as other tests expect."""
    # Django takes the script prefix into a relative STATIC_URL once per
    # process, at its first use: let that be at the root, as for the others.
    assert settings.STATIC_URL
    yield
    set_script_prefix("/")


def get_at(client, prefix: str, path: str) -> str:
    """The page asked for with the site mounted at `prefix`. Django's WSGI
    handler sets the prefix from SCRIPT_NAME for each request; the test
    client's handler does not, so it is set here as that handler would."""
    set_script_prefix(prefix)
    return client.get(path, SCRIPT_NAME=prefix.rstrip("/")).text


def canonical(html: str) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]


def form_action(html: str) -> str:
    return re.search(r'<form [^>]*action="([^"]+)"[^>]*id="report-form"', html)[1]


def footer_links(html: str) -> list[str]:
    footer = re.search(r'<footer class="site-footer".*?</footer>', html, re.S)[0]
    return re.findall(r'href="([^"]+)"', footer)


def menu_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="section-nav".*?</nav>', html, re.S)[0]
    return re.findall(r'href="([^"]+)"', nav)


def test_each_language_has_its_own_address():
    addresses = {}
    for language in ("de", "en", "de"):
        with translation.override(language):
            address = kept("articles:section", kwargs={"slug": "politik"})
            assert address == reverse("articles:section", kwargs={"slug": "politik"})
            addresses[language] = address
    assert addresses["de"] != addresses["en"]


def test_an_address_in_another_language_is_the_one_reverse_gives_there():
    with translation.override("en"):
        english = reverse("articles:section", kwargs={"slug": "politik"})
    with translation.override("de"):
        kept_english = kept(
            "articles:section", kwargs={"slug": "politik"}, language="en"
        )
        assert (
            kept_english
            == english
            != kept("articles:section", kwargs={"slug": "politik"})
        )
        assert translation.get_language() == "de"


@pytest.mark.parametrize("secure", [False, True])
@pytest.mark.parametrize(
    "location",
    [
        "/",
        "/artikel/usa-rund-8000/",
        "/en/article/x/?page=2&q=a+b#notes",
        "/%C3%BCber/",
        "/a[1]/(b)/~c;d=e:f@g!h$i'j*k,l/",
        # What Django escapes, resolves or takes as another host or scheme:
        "/über uns/",
        "/a/./b/",
        "/a/../b/",
        "//cdn.example/bild.jpg",
        "https://cdn.example/bild.jpg",
        "relativ/pfad",
        '/"zitat"/<b>/',
    ],
)
def test_an_absolute_address_is_the_one_django_makes(rf, settings, location, secure):
    settings.ALLOWED_HOSTS = ["zeitung.example"]
    request = rf.get("/artikel/x/", HTTP_HOST="zeitung.example", secure=secure)
    django = rf.get("/artikel/x/", HTTP_HOST="zeitung.example", secure=secure)
    assert absolute(request, location) == django.build_absolute_uri(location)
    # The origin is the request's own, also when asked again.
    assert absolute(request, location) == django.build_absolute_uri(location)


def test_each_mounting_point_has_its_own_address(mounted):
    set_script_prefix("/zeitung/")
    assert kept("articles:front") == reverse("articles:front") == "/zeitung/"
    set_script_prefix("/")
    assert kept("articles:front") == "/"


def test_a_name_that_does_not_exist_is_refused_every_time():
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            kept("articles:nowhere")


@pytest.mark.django_db
def test_the_article_page_links_under_the_address_it_was_asked_at(
    client, editor, article, mounted
):
    # An editor gets every page rendered for them, never a cached copy.
    client.force_login(editor)
    path = article.get_absolute_url()
    mounted_page = get_at(client, "/zeitung/", path)
    root_page = get_at(client, "/", path)

    assert canonical(mounted_page) == f"http://testserver/zeitung{path}"
    assert all(link.startswith("/zeitung/") for link in menu_links(mounted_page))
    # The footer, the same on every page, is kept per mounting point too, and
    # so is the blank report form, which is kept per article.
    assert all(link.startswith("/zeitung/") for link in footer_links(mounted_page))
    assert form_action(mounted_page).startswith("/zeitung/")
    assert not form_action(root_page).startswith("/zeitung/")
    assert canonical(root_page) == f"http://testserver{path}"
    assert not any(link.startswith("/zeitung/") for link in menu_links(root_page))
    assert footer_links(root_page)
    assert not any(link.startswith("/zeitung/") for link in footer_links(root_page))
