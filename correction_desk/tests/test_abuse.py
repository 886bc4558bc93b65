"""Bots, floods and other sites: refused or neutralised, never a normal report."""

import time

import pytest
from django.core import signing

from correction_desk.intake.stamps import SALT, make_stamp
from correction_desk.models import Report
from correction_desk.registry import content_key

from .helpers import report_post, report_url

pytestmark = pytest.mark.django_db

CONFIRMATION = "Wir werden Ihre Kommentare so schnell wie möglich berücksichtigen."


def post_and_follow(client, article, data):
    response = client.post(report_url(article), data)
    assert response.status_code == 302, "the sender must see the usual confirmation"
    assert CONFIRMATION in client.get(response["Location"]).text


def test_filled_honeypot_is_kept_as_spam(client, article):
    post_and_follow(
        client, article, report_post(article, website="http://spam.example")
    )
    report = Report.objects.get()
    assert (report.status, report.spam_reason) == ("spam", "honeypot")


def test_honeypot_is_hidden_by_a_css_class_not_inline_style(client, article):
    html = client.get(article.get_absolute_url()).text
    assert 'class="report-trap"' in html
    assert "style=" not in html
    # Our stylesheet has the rule: the desk's own is not fetched besides.
    assert "correction_desk/css/report.css" not in html


def test_a_form_from_a_cached_page_sent_at_once_is_a_report(client, article):
    """The stamp is as old as the cached page, so its age says nothing of the
    reader: a report sent straight after the page was rendered is a report."""
    client.get(article.get_absolute_url())
    post_and_follow(client, article, report_post(article, seconds_ago=0))
    assert Report.objects.get().status == "new"


def test_a_stamp_dated_in_the_future_is_forged(client, article):
    post_and_follow(client, article, report_post(article, seconds_ago=-3600))
    assert Report.objects.get().spam_reason == "bad_stamp"


@pytest.mark.parametrize(
    "stamp",
    [
        "",
        "eyJhIjoxLCJ0IjoxfQ:forged:signature",
        signing.dumps({"a": 1, "t": time.time() - 60}, salt="another-salt"),
    ],
    ids=["missing", "forged", "wrong-key"],
)
def test_forged_stamp_is_spam(client, article, stamp):
    post_and_follow(client, article, report_post(article, stamp=stamp))
    assert Report.objects.get().spam_reason == "bad_stamp"


def test_expired_stamp_is_spam(client, article, settings):
    settings.CORRECTION_DESK_REPORT_STAMP_MAX_AGE = 60
    post_and_follow(client, article, report_post(article, seconds_ago=120))
    assert Report.objects.get().spam_reason == "bad_stamp"


def test_stamp_from_another_article_is_spam(client, make_article):
    article, other = make_article(), make_article()
    stamp = make_stamp(other, issued_at=time.time() - 60)
    post_and_follow(client, article, report_post(article, stamp=stamp))
    assert Report.objects.get().spam_reason == "bad_stamp"
    assert signing.loads(stamp, salt=SALT)["a"] == content_key(other)


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
    ],
    ids=["fetch-cross-site", "fetch-same-site", "foreign-origin", "opaque-origin"],
)
def test_reports_posted_by_other_sites_are_refused(client, article, headers):
    response = client.post(report_url(article), report_post(article), **headers)
    assert response.status_code == 403
    assert "von einer anderen Website" in response.text
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://testserver"},
        {},
    ],
    ids=["fetch-same-origin", "own-origin", "no-browser-headers"],
)
def test_reports_from_our_own_pages_are_accepted(client, article, headers):
    response = client.post(report_url(article), report_post(article), **headers)
    assert response.status_code == 302
    assert Report.objects.filter(status="new").count() == 1


@pytest.mark.usefixtures("mid_minute")
def test_rate_limit_per_article_answers_429_and_keeps_the_text(
    client, article, settings
):
    settings.CORRECTION_DESK_REPORTS_PER_CONTENT_PER_MINUTE = 2
    for number in range(2):
        data = report_post(article, description=f"Meldung {number}")
        assert client.post(report_url(article), data).status_code == 302
    typed = "Meine dritte Meldung mit Ümlauten 😀"
    response = client.post(report_url(article), report_post(article, description=typed))
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Zu viele Meldungen in kurzer Zeit" in response.text
    assert "Ihr Text ist nicht verloren" in response.text
    assert f"{typed}</textarea>" in response.text
    assert Report.objects.count() == 2


@pytest.mark.usefixtures("mid_minute")
def test_daily_limit_counts_across_articles(client, make_article, settings):
    settings.CORRECTION_DESK_REPORTS_PER_DAY = 3
    articles = make_article.create_batch(4)
    codes = [
        client.post(report_url(a), report_post(a, description=a.title)).status_code
        for a in articles
    ]
    assert codes == [302, 302, 302, 429]


@pytest.mark.usefixtures("mid_minute")
def test_rate_limit_is_per_reader(client, article, settings):
    settings.CORRECTION_DESK_REPORTS_PER_CONTENT_PER_MINUTE = 1
    first = client.post(
        report_url(article), report_post(article), REMOTE_ADDR="10.0.0.1"
    )
    other = client.post(
        report_url(article),
        report_post(article, description="Andere Leserin"),
        REMOTE_ADDR="10.0.0.2",
    )
    assert (first.status_code, other.status_code) == (302, 302)


def test_article_page_stays_cacheable_for_anonymous_readers(client, article):
    for url in (
        article.get_absolute_url(),
        f"{article.get_absolute_url()}?report=sent",
    ):
        response = client.get(url)
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url
