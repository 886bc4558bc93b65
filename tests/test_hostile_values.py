"""No 500 from anything a client can send: every page, every parameter, every form
field and the headers we read, with values that have broken parsers before.

Django's test client raises the view's exception instead of answering 500, so a
failure here names the line that could not take the value.
"""

import pytest

from correction_desk.tests.helpers import report_post, report_url

pytestmark = pytest.mark.django_db

HOSTILE = [
    "²",  # passes str.isdigit(), refused by int()
    "①",
    "١٢",  # Arabic-Indic digits: int() takes them, other code may not
    "9" * 23,  # larger than any database integer
    "-1",
    "0",
    "1e3",
    "1.5",
    " 7 ",
    "",
    "x&type=correction",
    "%00",
    "\x00",
    "'; DROP TABLE correction_desk_report; --",
    "<script>alert(1)</script>",
    "ä" * 5000,
]
PUBLIC_PARAMETERS = ["page", "section", "type", "from", "to", "report", "status"]


def public_pages(article):
    return [
        "/",
        "/en/",
        article.section.get_absolute_url(),
        article.get_absolute_url(),
        f"/artikel/{article.slug}/versionen/",
        "/korrekturen/",
        "/en/corrections/",
        "/korrekturen/grundsaetze/",
        "/feed/",
        "/korrekturen/feed/",
        f"{article.section.get_absolute_url()}feed/",
        "/sitemap.xml",
    ]


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_public_pages_take_any_parameter_value(client, article, value):
    for url in public_pages(article):
        for name in PUBLIC_PARAMETERS:
            response = client.get(url, {name: value})
            assert response.status_code < 500, (url, name, value)


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_status_links_take_any_token(client, value):
    assert client.get(f"/meldung/{value or 'x'}/").status_code < 500


FORM_FIELDS = [
    "passage",
    "description",
    "suggestion",
    "source_url",
    "name",
    "email",
    "consent",
    "website",
    "stamp",
    "context_before",
    "context_after",
    "article_revision",
    "part",
]


@pytest.fixture
def no_rate_limit(settings):
    settings.CORRECTION_DESK_REPORTS_PER_CONTENT_PER_MINUTE = 10_000
    settings.CORRECTION_DESK_REPORTS_PER_DAY = 10_000


@pytest.mark.usefixtures("no_rate_limit")
@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_the_report_form_takes_any_value_in_any_field(client, article, value):
    for name in FORM_FIELDS:
        data = report_post(article, **{name: value})
        response = client.post(report_url(article), data)
        assert response.status_code in (302, 400), (name, value)


@pytest.mark.parametrize(
    "length", ["²", "①", "9" * 23, "-5", "abc", " 12", "1e9", "0x10"]
)
def test_a_made_up_content_length_is_refused_not_a_crash(client, article, length):
    response = client.post(
        report_url(article), report_post(article), CONTENT_LENGTH=length
    )
    assert response.status_code in (302, 400, 413)


@pytest.mark.usefixtures("no_rate_limit")
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_X_FORWARDED_FOR": "², ①, " + "9" * 40},
        {"HTTP_SEC_FETCH_SITE": "\x00"},
        {"HTTP_ORIGIN": "http://[::1"},
        {"HTTP_ACCEPT_ENCODING": "gzip;q=²"},
        {"HTTP_IF_NONE_MATCH": "W/" + '"' * 500},
        {"HTTP_IF_MODIFIED_SINCE": "Mon, 99 Foo 99999 99:99:99 GMT"},
        {"HTTP_ACCEPT_LANGUAGE": "²;q=①," * 200},
        {"HTTP_COOKIE": "sessionid=²; csrftoken=" + "x" * 5000},
    ],
    ids=range(8),
)
def test_hostile_headers_are_never_a_crash(client, article, headers):
    for url in public_pages(article):
        assert client.get(url, **headers).status_code < 500, url
    response = client.post(report_url(article), report_post(article), **headers)
    assert response.status_code < 500


@pytest.fixture
def make_report(article):
    from correction_desk.services import report_submit

    return lambda: report_submit(content=article, description="Zahl falsch")


@pytest.fixture
def desk(client, editor):
    from django.contrib.auth.models import Permission

    # Also the privacy requests, which need the right to see addresses.
    editor.user_permissions.add(Permission.objects.get(codename="view_reporter_email"))
    client.force_login(editor)
    return client


QUEUE = "/admin/correction_desk/report/"
QUEUE_PARAMETERS = [
    "assignee",
    "status",
    "kind",
    "overdue",
    "article__section__id__exact",
    "o",
    "p",
    "q",
    "e",
]


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_the_queue_takes_any_filter_value(desk, make_report, value):
    make_report()
    for name in QUEUE_PARAMETERS:
        response = desk.get(QUEUE, {name: value})
        assert response.status_code < 500, (name, value)


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_report_pages_take_any_value(desk, make_report, value):
    report = make_report()
    other = make_report()
    base = f"{QUEUE}{report.pk}/"
    assert desk.get(f"{QUEUE}{value or 'x'}/change/").status_code < 500
    posts = {
        "decide/": {"decision": value, "reason": value},
        "duplicates/": {"duplicate": [value, str(other.pk)]},
        "publish-correction/": {"kind": value, "text": value, "also_resolves": value},
        "ask/": {"question-text": value},
        "ungroup/": {"member": value},
        "fix/": {
            "field": value, "block_start": value, "block_end": value,
            "seen": value, "new_text": value, "kind": value, "text": value,
            "also_resolves": value, "reason": value, "action": value,
        },
    }  # fmt: skip
    for path, data in posts.items():
        response = desk.post(base + path, data)
        assert response.status_code < 500, (path, value)
    response = desk.post(
        QUEUE, {"action": "reject_with_reason", "_selected_action": value}
    )
    assert response.status_code < 500
    for url, data in [
        (f"{QUEUE}metrics/", None),
        (f"{QUEUE}privacy/", {"email": value, "action": value}),
        ("/admin/correction_desk/correctionnote/add/", {"article": value}),
        ("/admin/articles/article/add/", {"authors": value, "section": value}),
    ]:
        assert desk.get(url, {"kind": value, "section": value}).status_code < 500
        if data is not None:
            assert desk.post(url, data).status_code < 500


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/korrekturen/?type=%00", "Diese Adresse ist ungültig"),
        ("/en/corrections/?section=a%00b", "This address is not valid"),
    ],
)
def test_a_nul_in_an_address_is_refused_in_the_readers_language(client, url, heading):
    client.get(url.split("?")[0])  # the page without it is cached and served early
    response = client.get(url)
    assert response.status_code == 400
    assert heading in response.text


def test_a_nul_in_a_queue_filter_is_refused(desk, make_report):
    """PostgreSQL cannot compare text with a NUL: the admin's filters would fail."""
    make_report()
    for name in ("status", "kind", "q"):
        assert desk.get(QUEUE, {name: "\x00"}).status_code == 400
