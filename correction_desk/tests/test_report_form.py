"""The report form under an article, as a reader's browser uses it."""

from html.parser import HTMLParser

import pytest

from articles.models import Article
from correction_desk.models import Report

from .helpers import report_post, report_url

pytestmark = pytest.mark.django_db

HEADING = "Haben Sie einen Fehler oder eine Ungenauigkeit festgestellt?"
CONFIRMATION = "Wir werden Ihre Kommentare so schnell wie möglich berücksichtigen."


def test_article_page_offers_the_report_form(client, article):
    html = client.get(article.get_absolute_url()).text
    assert f'<h2 id="report-heading">{HEADING}</h2>' in html
    assert f'action="{report_url(article)}"' in html
    for label in ("Was ist falsch?", "Betroffene Textstelle", "Quelle oder Beleg"):
        assert label in html
    assert "csrfmiddlewaretoken" not in html


def test_policy_page_linked_from_the_form_exists(client, article):
    html = client.get(article.get_absolute_url()).text
    assert 'href="/korrekturen/grundsaetze/"' in html
    response = client.get("/korrekturen/grundsaetze/")
    assert response.status_code == 200
    assert "Wie wir mit Korrekturen umgehen" in response.text


def test_report_is_stored_and_reader_sees_the_confirmation(client, article):
    response = client.post(report_url(article), report_post(article))
    assert response.status_code == 302
    # The reader's own private page, first of all the confirmation.
    assert response["Location"].startswith("/meldung/")
    page = client.get(response["Location"])
    assert CONFIRMATION in page.text
    html = page.text
    assert html.index(CONFIRMATION) < html.index("Ihre Meldung</h2>")
    assert 'id="fehler-melden"' not in html  # no second empty form competing
    assert f'href="{article.get_absolute_url()}#fehler-melden"' in html
    assert "neu" in html
    report = Report.objects.get()
    assert report.status == Report.Status.NEW
    assert report.passage == "rund 8000 Soldaten"
    assert report.context_before == "Nordkorea inzwischen "
    assert report.context_after == " in die russische Grenzregion"
    assert report.article_revision == article.revision
    assert report.language == "de"
    assert len(report.client_hash) == 64


def test_report_from_the_english_page_records_english(client, article):
    response = client.post(
        f"/en/report/articles.article/{article.pk}/", report_post(article)
    )
    assert response["Location"].startswith("/en/report/")
    assert "We will consider your comments" in client.get(response["Location"]).text
    assert Report.objects.get().language == "en"


def test_resending_the_same_form_stores_one_report(client, article):
    data = report_post(article)
    client.post(report_url(article), data)
    second = client.post(report_url(article), data)
    assert second.status_code == 302
    assert Report.objects.count() == 1


def field_values(html: str) -> dict[str, str]:
    """What the page's form fields hold, as a browser reads them."""

    class Fields(HTMLParser):
        values: dict[str, str] = {}
        textarea = None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "input" and "name" in attrs:
                self.values[attrs["name"]] = attrs.get("value") or ""
            elif tag == "textarea":
                self.textarea = attrs["name"]
                self.values[self.textarea] = ""

        def handle_endtag(self, tag):
            if tag == "textarea":
                self.textarea = None

        def handle_data(self, data):
            if self.textarea:
                self.values[self.textarea] += data.removeprefix("\n")

    fields = Fields(convert_charrefs=True)
    fields.values = {}
    fields.feed(html)
    return fields.values


def test_invalid_report_keeps_every_typed_character_and_explains_in_german(
    client, article
):
    typed = {
        "passage": "Stelle mit „Zitat“ & <b>Markup</b> 😀",
        "suggestion": "Vorschlag: ß ä ö ü \u05e9\u05dc\u05d5\u05dd",
        "name": "Jörg O'Neil",
        "email": "kein-at-zeichen",
    }
    response = client.post(
        report_url(article), report_post(article, description="", **typed)
    )
    assert response.status_code == 400
    values = field_values(response.text)
    for name, value in typed.items():
        assert values[name] == value
    html = response.text
    assert 'id="report-errors"' in html and "autofocus" in html
    assert "Bitte schreiben Sie uns, was falsch ist." in html
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an." in html
    assert "&lt;b&gt;Markup&lt;/b&gt;" in html
    assert not Report.objects.exists()


def test_errors_are_english_on_the_english_page(client, article):
    response = client.post(
        f"/en/report/articles.article/{article.pk}/",
        report_post(article, description=""),
    )
    assert response.status_code == 400
    assert "Please tell us what is wrong." in response.text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("description", "x" * 5001, "höchstens 5000 Zeichen"),
        ("passage", "x" * 1001, "höchstens 1000 Zeichen"),
        ("source_url", "javascript:alert(1)", "mit http:// oder https:// beginnt"),
        ("source_url", "data:text/html,<script>", "mit http:// oder https:// beginnt"),
        ("email", "erika@", "gültige E-Mail-Adresse"),
    ],
)
def test_bad_input_gets_a_clear_message(client, article, field, value, message):
    response = client.post(report_url(article), report_post(article, **{field: value}))
    assert response.status_code == 400
    assert message in response.text
    assert not Report.objects.exists()


def test_email_needs_consent(client, article):
    data = report_post(article, email="erika@example.org")
    response = client.post(report_url(article), data)
    assert response.status_code == 400
    assert "Bitte willigen Sie ein" in response.text
    client.post(report_url(article), {**data, "consent": "on"})
    assert Report.objects.get().consent_at is not None


def test_get_on_the_submit_address_is_405_with_a_way_back(client, article):
    response = client.get(report_url(article))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert f'href="{article.get_absolute_url()}#fehler-melden"' in response.text
    assert "Diese Adresse nimmt nur Meldungen entgegen" in response.text


def test_reports_for_drafts_and_unknown_articles_are_404(client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert client.post(report_url(draft), report_post(draft)).status_code == 404
    assert client.post("/melden/articles.article/999999/", {}).status_code == 404


def test_oversized_body_is_refused_before_it_is_read(client, article):
    data = report_post(article, description="x" * 200_000)
    response = client.post(report_url(article), data)
    assert response.status_code == 413
    assert "Diese Meldung ist zu lang" in response.text
    assert "bis zu 5.000 Zeichen" in response.text
    assert "Zurück-Taste" in response.text
    assert not Report.objects.exists()


def test_every_field_at_its_limit_in_the_widest_characters_is_accepted(client, article):
    """1,000 + 5,000 + 5,000 umlauts and emoji: the body cap follows the fields."""
    data = report_post(
        article,
        passage="ä" * 1000,
        description="ü" * 4999 + "😀",
        suggestion="ß" * 5000,
        source_url="https://example.org/" + "ö" * 470,
        name="Ö" * 100,
        email="leserin@example.org",
        consent="on",
    )
    response = client.post(report_url(article), data)
    assert response.status_code == 302, response.content[:500]
    report = Report.objects.get()
    assert len(report.description) == 5000 and report.description.endswith("😀")
    assert report.suggestion == "ß" * 5000


def test_text_with_line_breaks_up_to_the_limit_is_accepted(client, article):
    """Browsers send each line break as two characters, but count it as one."""
    typed = ("Zeile\n" * 834)[:5000]
    data = report_post(article, description=typed.replace("\n", "\r\n"))
    assert client.post(report_url(article), data).status_code == 302
    assert Report.objects.get().description == typed.strip()


def test_garbage_in_hidden_fields_never_breaks_the_form(client, article):
    data = report_post(
        article,
        article_revision="abc",
        context_before="\x00" * 500,
        context_after="y" * 500,
        stamp="kaputt",
    )
    assert client.post(report_url(article), data).status_code == 302
    report = Report.objects.get()
    assert report.article_revision == article.revision
    assert len(report.context_after) == 100


def test_invalid_utf8_is_not_a_server_error(client, article):
    response = client.post(
        report_url(article),
        data=b"description=%FF%FE%00&stamp=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in {302, 400}


def test_script_in_a_report_is_shown_escaped_in_the_admin(client, admin_user, article):
    hostile = "<script>alert('x')</script>{{ 7|add:1 }}"
    client.post(report_url(article), report_post(article, description=hostile))
    client.force_login(admin_user)
    report = Report.objects.get()
    html = client.get(f"/admin/correction_desk/report/{report.pk}/change/").text
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;{{ 7|add:1 }}" in html


def test_the_page_title_says_when_the_form_has_errors(client, article):
    page = client.post(report_url(article), report_post(article, description=""))
    assert page.status_code == 400
    assert "<title>Fehler: " in page.text
    assert "<title>Fehler" not in client.get(article.get_absolute_url()).text


@pytest.mark.parametrize(
    ("sent", "stored"), [("lead", "lead"), ("kicker", ""), ("", "")]
)
def test_the_part_the_reader_selected_in_is_recorded(client, article, sent, stored):
    client.post(report_url(article), report_post(article, part=sent))
    assert Report.objects.get().part == stored
