"""Public pages: cacheable for anonymous readers, fresh after every change."""

import pytest

from corrections import services

pytestmark = pytest.mark.django_db


def public_urls(article):
    return ["/", article.section.get_absolute_url(), article.get_absolute_url()]


def test_anonymous_pages_are_shared_cacheable_without_cookies(client, article):
    for url in public_urls(article):
        response = client.get(url)
        control = response["Cache-Control"]
        assert "public" in control and "max-age=60" in control, url
        assert "s-maxage=300" in control, url
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
    article.save()
    assert (
        "Neue Überschrift nach der Korrektur"
        in client.get(article.get_absolute_url()).text
    )
    assert "Neue Überschrift nach der Korrektur" in client.get("/").text


def test_a_published_correction_is_visible_to_the_next_reader(client, article, editor):
    client.get(article.get_absolute_url())
    services.correction_publish(
        article=article, editor=editor, kind="correction",
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
    article.section.save()
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
    response = client.get(f"{article.get_absolute_url()}?report=sent&status=abc")
    assert "private" in response["Cache-Control"]


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
