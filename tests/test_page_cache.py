"""Public pages: cacheable for anonymous readers, fresh after every change."""

import pytest

from articles.services import article_save, section_save
from correction_desk import services

pytestmark = pytest.mark.django_db


def public_urls(article):
    return ["/", article.section.get_absolute_url(), article.get_absolute_url()]


def test_anonymous_pages_are_shared_cacheable_without_cookies(client, article):
    for url in public_urls(article):
        response = client.get(url)
        control = response["Cache-Control"].replace(" ", "").split(",")
        # Shared caches keep it for hours (purged by key when it changes);
        # browsers ask again every time, so a correction reaches them at once.
        assert "public" in control and "max-age=0" in control, url
        assert "s-maxage=21600" in control, url
        assert response["ETag"] and response["Last-Modified"], url
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url


def test_conditional_requests_get_304(client, article):
    url = article.get_absolute_url()
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_cached_page_needs_no_database(client, article, django_assert_num_queries):
    client.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(article.get_absolute_url())
    assert article.title in response.text


def test_an_edit_is_visible_to_the_next_reader(client, article):
    client.get(article.get_absolute_url())
    article.title = "Neue Überschrift nach der Korrektur"
    article_save(article)
    assert (
        "Neue Überschrift nach der Korrektur"
        in client.get(article.get_absolute_url()).text
    )
    assert "Neue Überschrift nach der Korrektur" in client.get("/").text


def test_a_published_correction_is_visible_to_the_next_reader(client, article, editor):
    client.get(article.get_absolute_url())
    services.correction_publish(
        content=article, editor=editor, kind="correction",
        text="Frisch korrigiert.", reports=[],
    )  # fmt: skip
    assert "Frisch korrigiert." in client.get(article.get_absolute_url()).text


def test_new_articles_and_section_names_reach_the_front_page(
    client, article, make_article
):
    client.get("/")
    fresh = make_article(title="Gerade erschienen")
    assert fresh.title in client.get("/").text
    article.section.name = "Umbenannt"
    section_save(article.section)
    assert "Umbenannt" in client.get("/").text


def test_editors_always_get_a_fresh_private_page(client, article, editor):
    client.get(article.get_absolute_url())  # now cached for anonymous readers
    type(article).objects.filter(pk=article.pk).update(title="Ohne Signal geändert")
    client.force_login(editor)
    response = client.get(article.get_absolute_url())
    assert "Ohne Signal geändert" in response.text
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]


def test_a_readers_own_confirmation_is_never_shared(client, article):
    from correction_desk.tests.helpers import report_post, report_url

    sent = client.post(report_url(article), report_post(article))
    assert sent["Location"].startswith("/meldung/")  # not the article's address
    confirmation = client.get(sent["Location"])
    assert "Wir werden Ihre Kommentare" in confirmation.text
    assert "private" in confirmation["Cache-Control"]
    assert "no-store" in confirmation["Cache-Control"]
    article_page = client.get(article.get_absolute_url()).text
    assert "Wir werden Ihre Kommentare" not in article_page


def test_made_up_parameters_share_one_cached_page(
    client, article, django_assert_num_queries
):
    client.get("/?utm_source=a")
    with django_assert_num_queries(0):
        assert client.get("/?utm_source=b&x=1").status_code == 200


def test_missing_pages_are_not_cached_as_pages(client):
    assert client.get("/artikel/gibt-es-nicht/").status_code == 404


def test_pages_go_over_the_wire_compressed_when_the_browser_accepts_it(client, article):
    import gzip

    plain = client.get(article.get_absolute_url())
    packed = client.get(article.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2
    assert packed["ETag"] == f"W/{plain['ETag']}"
    revalidated = client.get(
        article.get_absolute_url(),
        HTTP_ACCEPT_ENCODING="gzip",
        HTTP_IF_NONE_MATCH=packed["ETag"],
    )
    assert revalidated.status_code == 304


def test_pages_served_early_keep_their_security_headers(client, article):
    first = client.get(article.get_absolute_url())
    again = client.get(article.get_absolute_url())  # answered before the view runs
    assert again.content == first.content
    assert again["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in again["Content-Security-Policy"]
    assert again["Referrer-Policy"] == "same-origin"
    assert again["Content-Language"] == "de"
    english = client.get(f"/en/article/{article.slug}/")
    assert client.get(f"/en/article/{article.slug}/")["Content-Language"] == "en"
    assert english.content != first.content


def test_a_page_served_early_carries_the_policy_now_in_force(client, article, settings):
    url = article.get_absolute_url()
    client.get(url)
    assert "report-uri" not in client.get(url)["Content-Security-Policy"]
    settings.SECURE_CSP = {**settings.SECURE_CSP, "report-uri": "/csp-berichte/"}
    early = client.get(url)  # the same page, answered before the view again
    assert "report-uri /csp-berichte/" in early["Content-Security-Policy"]


# A cached answer is the answer Django would give.


def test_a_cached_page_is_not_served_for_a_host_django_refuses(client, article):
    url = article.get_absolute_url()
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # now answered before the view
    assert client.get(url, HTTP_HOST="evil.example").status_code == 400
    assert client.get(url, HTTP_HOST="").status_code == 400


def test_each_host_gets_a_page_that_links_to_itself(client, article, settings):
    settings.ALLOWED_HOSTS = ["news.example.org", "testserver"]
    url = article.get_absolute_url()
    client.get(url)
    other = client.get(url, HTTP_HOST="news.example.org").text
    assert f'href="http://news.example.org{url}"' in other
    assert "http://testserver" not in other


def test_an_encoded_ampersand_cannot_poison_the_corrections_log(client, editor):
    from articles.tests.factories import ArticleFactory, SectionFactory

    politik = SectionFactory(slug="politik")
    services.correction_publish(
        content=ArticleFactory(section=politik), editor=editor,
        kind="correction", text="Die Zahl war falsch.", reports=[],
    )  # fmt: skip
    poisoned = client.get("/korrekturen/?section=politik%26type%3Dupdate")
    assert poisoned.status_code == 404
    real = client.get("/korrekturen/?section=politik&type=correction")
    assert "Die Zahl war falsch." in real.text


def test_parameter_spellings_that_mean_the_same_share_one_page(
    client, make_article, django_assert_num_queries
):
    make_article.create_batch(12)
    client.get("/?page=2")
    with django_assert_num_queries(0):
        assert client.get("/?page=02").status_code == 200
    assert client.get("/?page=2.0").status_code == 404


@pytest.mark.parametrize("where", ["front", "section"])
def test_a_scheduled_article_appears_on_cached_lists_at_its_time(
    client, make_article, article, where
):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    now = timezone.now()
    scheduled = make_article(
        title="Erscheint gleich",
        section=article.section,
        published_at=now + timedelta(minutes=2),
    )
    url = "/" if where == "front" else article.section.get_absolute_url()
    with time_machine.travel(now, tick=False) as clock:
        client.get(url)
        early = client.get(url)
        assert scheduled.title not in early.text
        # Nor may a cache in front keep the list past the article's time.
        control = early["Cache-Control"].replace(" ", "").split(",")
        assert "s-maxage=120" in control
        clock.shift(timedelta(minutes=2, seconds=1))
        assert scheduled.title in client.get(url).text


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_a_page_served_early_has_the_headers_of_a_rendered_one(client, article, path):
    rendered = client.get(path)
    early = client.get(path)
    assert early.content == rendered.content
    ignored = {"Date"}
    assert {k: v for k, v in early.headers.items() if k not in ignored} == {
        k: v for k, v in rendered.headers.items() if k not in ignored
    }


def test_made_up_addresses_do_not_make_a_client_forget_its_rate_limit(
    client, article, settings, mid_minute
):
    from correction_desk.tests.helpers import report_post, report_url

    settings.CORRECTION_DESK_REPORTS_PER_CONTENT_PER_MINUTE = 2
    for number in range(2):
        data = report_post(article, description=f"Meldung {number}")
        assert client.post(report_url(article), data).status_code == 302
    for number in range(1000):
        client.get(f"/korrekturen/?section=erfunden-{number}")
        client.get(f"/?utm_source={number}")
        client.get(f"/artikel/erfunden-{number}/")
    data = report_post(article, description="Meldung 3")
    assert client.post(report_url(article), data).status_code == 429
