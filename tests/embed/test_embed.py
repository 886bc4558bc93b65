"""The embed on a site that does not run Django, through Django's test client:
what the frame shows and who may frame it, what is refused, and what the desk
reads itself from the site's page."""

import pytest
from django.core.exceptions import ValidationError

from correction_desk import services
from correction_desk.embed import fetch
from correction_desk.embed.models import EmbedSite, ExternalPage
from correction_desk.intake.stamps import make_stamp
from correction_desk.models import Report

PAGE = "https://www.lokalzeitung.example/2026/hafen.html"
HTML = """<!doctype html><html><head><title>Lokalzeitung – Der Hafen</title>
<script>var tracking = "Hafen 1890";</script></head><body><nav>Menü Hafen</nav>
<article id="text"><h1>Der Hafen wird 135</h1><p>Der Hafen wurde
1890 eröffnet.</p><p>Heute legen dort <b>Schiffe</b> an.</p></article>
<footer>Impressum</footer></body></html>"""


@pytest.fixture
def site(db):
    return EmbedSite.objects.create(
        name="Lokalzeitung",
        origins="https://www.lokalzeitung.example",
        language="de",
        desk="lokales",
        text_selector="#text",
    )


def frame(client, site, url=PAGE):
    return client.get(f"/embed/{site.key}/", {"url": url})


def test_the_frame_shows_the_form_and_may_be_framed_only_by_the_site(client, site):
    response = frame(client, site)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Haben Sie einen Fehler oder eine Ungenauigkeit festgestellt?" in body
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors" in policy
    assert "https://www.lokalzeitung.example" in policy
    assert "https://lokalzeitung.example" in policy  # www or not: one site
    assert "X-Frame-Options" not in response
    assert not response.cookies  # nothing set, on our origin or any
    page = ExternalPage.objects.get()
    assert page.url == PAGE  # at the origin as registered


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/2026/hafen.html",
        "https://www.lokalzeitung.example.evil.example/",
        "javascript:alert(1)",
        "",
        "https://www.lokalzeitung.example/" + "x" * 3000,
    ],
)
def test_a_page_of_another_site_gets_no_form(client, site, url):
    response = frame(client, site, url)
    assert response.status_code == 400
    assert "gehört nicht zu Lokalzeitung" in response.content.decode()
    assert not ExternalPage.objects.exists()


def test_an_unregistered_or_paused_site_gets_nothing(client, site):
    assert client.get("/embed/nosuchkey/", {"url": PAGE}).status_code == 404
    site.active = False
    site.save()
    assert frame(client, site).status_code == 404


def test_two_addresses_of_one_page_are_one_page(client, site):
    for url in (PAGE, PAGE + "?utm_source=x", PAGE.replace("https://www.", "http://")):
        frame(client, site, url)
    assert ExternalPage.objects.count() == 1


def test_a_report_from_the_frame_lands_in_the_queue(client, site):
    frame(client, site)
    page = ExternalPage.objects.get()
    response = client.post(
        f"/embed/{site.key}/report/{page.pk}/",
        {
            "passage": "1890",
            "description": "Es war 1891.",
            "stamp": make_stamp(page),
            "context_before": "Der Hafen wurde ",
            "context_after": " eröffnet.",
        },
        headers={"origin": "http://testserver"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(f"/embed/{site.key}/sent/")
    report = Report.objects.get()
    assert (report.content, report.passage, report.desk) == (page, "1890", "lokales")
    sent = client.get(response["Location"])
    body = sent.content.decode()
    assert "Wir werden Ihre Kommentare so schnell wie möglich berücksichtigen." in body
    assert 'href="/meldung/' in body and 'rel="noopener"' in body
    assert "frame-ancestors" in sent["Content-Security-Policy"]


def test_a_post_from_the_host_page_itself_is_refused(client, site):
    """A script on the host page posting in the reader's name: another origin."""
    frame(client, site)
    page = ExternalPage.objects.get()
    response = client.post(
        f"/embed/{site.key}/report/{page.pk}/",
        {"passage": "1890", "description": "Gefälscht.", "stamp": make_stamp(page)},
        headers={"origin": "https://www.lokalzeitung.example"},
    )
    assert response.status_code == 403
    assert not Report.objects.exists()


def test_a_report_with_errors_comes_back_in_the_frame_with_what_was_typed(client, site):
    frame(client, site)
    page = ExternalPage.objects.get()
    response = client.post(
        f"/embed/{site.key}/report/{page.pk}/",
        {"passage": "1890", "description": "", "stamp": make_stamp(page)},
        headers={"origin": "http://testserver"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "1890" in body and "report-errors" in body
    assert "frame-ancestors" in response["Content-Security-Policy"]


def test_another_sites_page_cannot_be_reported_through_this_sites_key(client, site):
    other = EmbedSite.objects.create(name="Andere", origins="https://andere.example")
    page = ExternalPage.objects.create(site=other, url="https://andere.example/a")
    response = client.post(
        f"/embed/{site.key}/report/{page.pk}/",
        {"passage": "x", "description": "y", "stamp": make_stamp(page)},
        headers={"origin": "http://testserver"},
    )
    assert response.status_code == 404


def test_the_desk_reads_the_page_itself_and_only_its_article_text(site, monkeypatch):
    page = ExternalPage.objects.create(site=site, url=PAGE)
    asked = []

    def answer(method, url, **kwargs):
        asked.append(url)
        return fetch.outbound.Answer(status=200, body=HTML.encode())

    monkeypatch.setattr(fetch.outbound, "send", answer)
    fetch.fetch_page.call(page.pk)
    page.refresh_from_db()
    assert asked == [PAGE]
    assert page.title == "Der Hafen wird 135"
    assert page.text.splitlines() == [
        "Der Hafen wird 135",
        "Der Hafen wurde 1890 eröffnet.",
        "Heute legen dort Schiffe an.",
    ]
    assert page.fetched_at is not None


def test_a_page_that_cannot_be_fetched_says_so(site, monkeypatch):
    page = ExternalPage.objects.create(site=site, url=PAGE)

    def refuse(method, url, **kwargs):
        raise fetch.outbound.Refused("private address")

    monkeypatch.setattr(fetch.outbound, "send", refuse)
    fetch.fetch_page.call(page.pk)
    page.refresh_from_db()
    assert page.fetch_error == "private address" and not page.text


def test_origins_must_be_origins(db):
    site = EmbedSite(name="X", origins="https://a.example/pfad\nftp://b.example")
    with pytest.raises(ValidationError):
        site.full_clean()


def test_the_notes_show_in_the_frame(client, site, editor):
    frame(client, site)
    page = ExternalPage.objects.get()
    services.correction_publish(
        content=page, editor=editor, kind="correction",
        text="Der Hafen wurde 1891 eröffnet.", reports=[],
    )  # fmt: skip
    body = frame(client, site).content.decode()
    assert "Der Hafen wurde 1891 eröffnet." in body
    assert 'href="/korrekturen/"' in body  # the log, in a tab of its own
    assert '<base target="_blank">' in body


def test_the_host_script_is_small_and_served_from_a_stable_address(client):
    import gzip

    response = client.get("/embed/v1.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert len(gzip.compress(response.content)) < 3_000


@pytest.mark.parametrize(
    ("passage", "found"), [("1890 eröffnet", True), ("1889 gegründet", False)]
)
def test_the_desk_shows_the_page_as_fetched_and_marks_a_passage_not_on_it(
    admin_client, site, passage, found
):
    page = ExternalPage.objects.create(
        site=site, url=PAGE, title="Der Hafen wird 135",
        text="Der Hafen wird 135\nDer Hafen wurde 1890 eröffnet.",
    )  # fmt: skip
    report = services.report_submit(
        content=page, passage=passage, description="Falsch.", language="de"
    )
    answer = admin_client.get(f"/admin/correction_desk/report/{report.pk}/change/")
    assert answer.status_code == 200
    body = answer.content.decode()
    assert "Der Hafen wird 135" in body
    assert PAGE in body  # a link to the page itself
    # At the fix desk, which editors who may fix see, and on the report alike.
    warnings = (
        "Die Textstelle wurde im Artikeltext nicht gefunden.",
        "Die Textstelle steht nicht mehr im Artikel.",
    )
    assert any(warning in body for warning in warnings) is not found


def test_a_note_on_a_page_of_the_site_is_in_the_log_and_the_record(
    client, site, editor
):
    page = ExternalPage.objects.create(site=site, url=PAGE, title="Der Hafen wird 135")
    services.correction_publish(
        content=page, editor=editor, kind="correction",
        text="Der Hafen wurde 1891 eröffnet.", reports=[],
    )  # fmt: skip
    assert "Der Hafen wurde 1891 eröffnet." in client.get("/korrekturen/").text
    record = client.get("/korrekturen.json").json()
    [entry] = record["corrections"]
    assert entry["article"]["url"] == PAGE
    assert entry["url"].startswith(PAGE + "#korrektur-")


def test_the_admin_gives_the_site_its_snippet(admin_client, site):
    page = admin_client.get(f"/admin/correction_desk/embedsite/{site.pk}/change/")
    import html

    body = page.content.decode()
    assert "&lt;noscript&gt;" in body  # shown as text to copy, not run
    snippet = html.unescape(body)
    assert f'data-newsroom-site="{site.key}"' in snippet
    assert "/embed/v1.js" in snippet and 'data-newsroom-text="#text"' in snippet


def test_one_client_makes_only_so_many_new_pages_a_day(client, site, monkeypatch):
    import datetime

    import time_machine

    from correction_desk.embed import views

    monkeypatch.setattr(views, "NEW_PAGES_PER_DAY", 2)
    # Noon: the day's window does not turn during the test.
    noon = datetime.datetime(2026, 3, 2, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(noon, tick=False):
        for name in ("eins", "zwei"):
            answer = frame(client, site, PAGE.replace("hafen", name))
            assert answer.status_code == 200
        refused = frame(client, site, PAGE.replace("hafen", "drei"))
        assert refused.status_code == 429 and refused["Retry-After"]
        known = frame(client, site, PAGE.replace("hafen", "eins"))
        assert known.status_code == 200  # a page the desk knows costs nothing
    assert ExternalPage.objects.count() == 2


def test_the_desk_reads_the_page_again_when_a_note_on_it_is_published(
    site, editor, monkeypatch, django_capture_on_commit_callbacks
):
    page = ExternalPage.objects.create(
        site=site, url=PAGE, title="Der Hafen wird 135", text="… 1890 …"
    )
    fixed = HTML.replace("1890", "1891")
    monkeypatch.setattr(
        fetch.outbound,
        "send",
        lambda method, url, **kwargs: fetch.outbound.Answer(200, fixed.encode()),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.correction_publish(
            content=page, editor=editor, kind="correction",
            text="Es war 1891.", reports=[],
        )  # fmt: skip
    page.refresh_from_db()
    assert "Der Hafen wurde 1891 eröffnet." in page.text
