import pytest
from django.core.exceptions import ValidationError

from articles.models import Article
from articles.services import article_save
from correction_desk.models import Report
from correction_desk.services import report_submit

pytestmark = pytest.mark.django_db


def test_report_is_stored_with_everything_the_editor_needs(article):
    report = report_submit(
        content=article,
        passage="rund 8000 Soldaten",
        context_before="Nordkorea hat ",
        context_after=" verlegt.",
        article_revision=1,
        description="Es waren 10.000.",
        suggestion="rund 10.000 Soldaten",
        source_url="https://www.state.gov/",
        reporter_name="Erika Muster",
        reporter_email="erika@example.org",
        consent=True,
        language="de",
        client_hash="abc",
    )
    report.refresh_from_db()
    assert report.status == Report.Status.NEW
    assert (report.passage, report.context_before, report.context_after) == (
        "rund 8000 Soldaten",
        "Nordkorea hat ",
        " verlegt.",
    )
    assert report.article_revision == 1
    assert report.consent_at is not None
    assert report.created_at is not None


def test_article_revision_defaults_to_the_current_one(article):
    article.body += "\n\nNeu."
    article_save(article)
    assert report_submit(content=article, description="x").article_revision == 2
    assert (
        report_submit(content=article, description="y", article_revision=99)
    ).article_revision == 2


def test_email_without_consent_is_refused(article):
    with pytest.raises(ValidationError):
        report_submit(content=article, description="x", reporter_email="a@example.org")
    assert not Report.objects.exists()


def test_no_consent_time_is_kept_without_an_email(article):
    report = report_submit(content=article, description="x", consent=True)
    assert report.consent_at is None


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "ftp://a.b/"]
)
def test_only_web_links_are_accepted_as_source(article, url):
    with pytest.raises(ValidationError):
        report_submit(content=article, description="x", source_url=url)


def test_reports_on_unpublished_articles_are_refused(make_article):
    draft = make_article(status=Article.Status.DRAFT)
    with pytest.raises(ValidationError):
        report_submit(content=draft, description="x")


def test_control_characters_are_removed_and_unicode_survives(article):
    text = "Ümlaute ß 😀 \u05e9\u05dc\u05d5\u05dd \u200fRTL\x00\x07\x1b Ende\r\nZeile"
    report = report_submit(content=article, description=text, reporter_name="Jo\x00")
    report.refresh_from_db()
    assert report.description == "Ümlaute ß 😀 שלום \u200fRTL Ende\nZeile"
    assert report.reporter_name == "Jo"


def test_markup_is_stored_as_text(article):
    text = "<script>alert(1)</script> **fett** {{ 7|add:1 }} {% now 'Y' %}"
    report = report_submit(content=article, description=text)
    report.refresh_from_db()
    assert report.description == text


def test_the_same_report_sent_twice_is_stored_once(article):
    first = report_submit(content=article, description="Doppelt", client_hash="c1")
    second = report_submit(content=article, description="Doppelt", client_hash="c1")
    other = report_submit(content=article, description="Doppelt", client_hash="c2")
    assert second == first, "the repeat answers with the report already stored"
    assert other != first
    assert Report.objects.count() == 2


def test_a_report_sent_again_after_the_server_died_is_stored(article, monkeypatch):
    """The first request dies inside its transaction (nothing is committed); the
    reader's browser sends the form again and the report is stored once."""
    from correction_desk.intake import submit

    def die(*args, **kwargs):
        raise SystemExit("worker killed")

    with monkeypatch.context() as patched:
        patched.setattr(submit, "enqueue_on_commit", die)
        with pytest.raises(SystemExit):
            report_submit(content=article, description="Verloren?", client_hash="c1")
    assert not Report.objects.exists()
    again = report_submit(content=article, description="Verloren?", client_hash="c1")
    assert Report.objects.get() == again


def test_the_same_words_on_another_day_are_a_new_report(article):
    first = report_submit(content=article, description="Täglich", client_hash="day1")
    second = report_submit(content=article, description="Täglich", client_hash="day2")
    assert first != second


def test_a_changed_resend_is_a_new_report(article):
    first = report_submit(content=article, description="Zahl", client_hash="c1")
    second = report_submit(
        content=article, description="Zahl", suggestion="10.000", client_hash="c1"
    )
    assert first != second


def test_spam_is_kept_but_marked(article):
    report = report_submit(
        content=article,
        description="Kauf jetzt",
        spam_reason=Report.SpamReason.HONEYPOT,
    )
    assert report.status == Report.Status.SPAM
