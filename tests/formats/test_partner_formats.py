"""Corrections in the formats the news business reads, each checked by what
nobody here wrote: NewsML-G2 against IPTC's XSD (lxml) and read back by IPTC's
`newsmlg2` parser, ninjs against IPTC's JSON Schema, and every webhook and the
list of missed events against the `standardwebhooks` package.

Broken on purpose once each, to see these fail: `pubStatus` written after
`edNote` (the XSD: element not expected), `version` as a number in ninjs (the
schema: not of type string), and the signature over "<timestamp>.<body>"
without the id (standardwebhooks: no matching signature found).
"""

import datetime
import json
from pathlib import Path

import jsonschema
import NewsMLG2
import pytest
import time_machine
from lxml import etree
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from articles.services import article_unpublish
from correction_desk import services
from correction_desk.models import PartnerEndpoint, WebhookDelivery
from correction_desk.partners import webhooks
from correction_desk.tests.test_webhooks import receiver, standard, verify

pytestmark = pytest.mark.django_db(transaction=True)
IPTC = Path(__file__).parent / "iptc"
MOMENT = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def newsml_schema():
    return etree.XMLSchema(etree.parse(str(IPTC / "NewsML-G2_2.35-spec-All-Power.xsd")))


@pytest.fixture(scope="module")
def ninjs_schema():
    schema = json.loads((IPTC / "ninjs-schema_3.1.json").read_text())
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def newsml_errors(schema, body: bytes) -> list[str]:
    schema.validate(etree.fromstring(body))
    return [str(error) for error in schema.error_log]


@pytest.fixture
def corrected(make_article, editor):
    """An article with a correction, amended, and a clarification withdrawn."""
    with time_machine.travel(MOMENT, tick=False) as clock:
        article = make_article(
            title="Der Hafen <von> Lindenfeld", body="Der Hafen wurde 1891 eröffnet."
        )
        clock.shift(datetime.timedelta(hours=1))
        note = services.correction_publish(
            content=article, editor=editor, kind="correction",
            text="Der Hafen wurde 1891 eröffnet, nicht 1890.", reports=[],
        )  # fmt: skip
        clock.shift(datetime.timedelta(hours=1))
        services.note_amend(
            note=note, editor=editor, text="Der Hafen wurde 1891 eröffnet & nicht 1890."
        )
        clarification = services.correction_publish(
            content=article, editor=editor, kind="clarification",
            text="Gemeint ist der Binnenhafen.", reports=[],
        )  # fmt: skip
        clock.shift(datetime.timedelta(hours=1))
        services.note_withdraw(note=clarification, editor=editor, reason="Unnötig.")
    return article


def newsml_url(article) -> str:
    return f"/korrekturen/articles.article/{article.pk}/newsml.xml"


def ninjs_url(article) -> str:
    return f"/korrekturen/articles.article/{article.pk}/ninjs.json"


def test_the_article_as_a_newsml_g2_item_valid_against_iptcs_xsd(
    client, corrected, newsml_schema
):
    response = client.get(newsml_url(corrected))
    assert response["Content-Type"].startswith("application/vnd.iptc.g2.newsitem+xml")
    assert newsml_errors(newsml_schema, response.content) == []
    # Read back by IPTC's own parser, with IPTC's catalog of codes.
    item = NewsMLG2.NewsMLG2Document(response.content).get_item()
    assert item.guid == f"tag:newsroom,2024:article:{corrected.pk}"
    assert item.version == "5"  # published, amended, published, withdrawn: four steps
    meta = item.itemmeta
    assert meta.pubstatus.qcode == "stat:usable"
    assert str(meta.itemclass.qcode) == "ninat:text"
    # The latest step withdrew a note: no signal; the notes stay in edNote.
    assert "sig:correction" not in response.content.decode()
    assert "Unnötig." in response.content.decode()
    root = etree.fromstring(response.content)
    namespace = {"g2": "http://iptc.org/std/nar/2006-10-01/"}
    headline = root.findtext(".//g2:headline", namespaces=namespace)
    assert headline == "Der Hafen <von> Lindenfeld"  # escaped, read back as typed


def test_a_correction_is_signalled_as_iptcs_sig_correction(
    client, make_article, editor, newsml_schema
):
    article = make_article()
    services.correction_publish(
        content=article, editor=editor, kind="correction", text="Es war 1891.",
        reports=[],
    )  # fmt: skip
    body = client.get(newsml_url(article)).content
    item = NewsMLG2.NewsMLG2Document(body).get_item()
    assert item.version == "2"
    assert NewsMLG2.qcode_to_uri(item.itemmeta.signal.qcode) == (
        "http://cv.iptc.org/newscodes/signal/correction"
    )
    assert "Es war 1891." in str(item.itemmeta.ednote)
    assert newsml_errors(newsml_schema, body) == []


def test_the_article_as_ninjs_valid_against_iptcs_schema(
    client, corrected, ninjs_schema
):
    data = client.get(ninjs_url(corrected)).json()
    assert [error.message for error in ninjs_schema.iter_errors(data)] == []
    assert data["uri"] == f"tag:newsroom,2024:article:{corrected.pk}"
    assert data["version"] == "5"
    assert data["pubStatus"] == "usable"
    assert "1891 eröffnet & nicht 1890" in data["edNote"]
    assert "descriptions" not in data  # the latest step withdrew a note


def test_content_taken_offline_is_a_canceled_item_that_says_nothing_more(
    client, corrected, editor, newsml_schema, ninjs_schema
):
    article_unpublish(article=corrected, editor=editor)
    body = client.get(newsml_url(corrected)).content
    assert newsml_errors(newsml_schema, body) == []
    item = NewsMLG2.NewsMLG2Document(body).get_item()
    assert item.itemmeta.pubstatus.qcode == "stat:canceled"
    assert b"Lindenfeld" not in body and b"1891" not in body
    data = client.get(ninjs_url(corrected)).json()
    assert data["pubStatus"] == "canceled" and "headlines" not in data
    assert [error.message for error in ninjs_schema.iter_errors(data)] == []


@pytest.mark.parametrize(
    "path",
    [
        "/korrekturen/articles.article/424242/ninjs.json",
        "/korrekturen/auth.user/1/newsml.xml",
        "/korrekturen/articles.article/x/newsml.xml",
        "/korrekturen/articles.article/99999999999999999999/ninjs.json",
    ],
)
def test_what_is_not_content_is_a_404(client, path):
    assert client.get(path).status_code == 404


def test_a_draft_never_reported_on_is_a_404_not_a_canceled_item(client, make_article):
    draft = make_article(status="draft", published_at=None)
    assert client.get(newsml_url(draft)).status_code == 404


@pytest.mark.parametrize("body_format", ["record", "ninjs", "newsml"])
def test_each_partner_gets_its_format_signed_as_standard_webhooks_says(
    article, editor, body_format, newsml_schema, ninjs_schema
):
    with receiver() as (url, received):
        endpoint = PartnerEndpoint.objects.create(
            name="Agentur", url=url, body_format=body_format
        )
        services.correction_publish(
            content=article, editor=editor, kind="correction", text="Es war 1891.",
            reports=[],
        )  # fmt: skip
    ((headers, body),) = received
    standard(endpoint, headers, body)  # raises unless signed with the whsec_ secret
    assert endpoint.standard_secret.startswith("whsec_")
    assert headers["webhook-id"] == f"msg_{WebhookDelivery.objects.get().pk}"
    if body_format == "newsml":
        assert headers["Content-Type"].startswith(
            "application/vnd.iptc.g2.newsitem+xml"
        )
        assert newsml_errors(newsml_schema, body) == []
    elif body_format == "ninjs":
        data = json.loads(body)
        assert [error.message for error in ninjs_schema.iter_errors(data)] == []
        assert data["descriptions"][0]["role"] == (
            "http://cv.iptc.org/newscodes/signal/correction"
        )
    else:
        assert json.loads(body)["correction"]["text"] == "Es war 1891."


def test_a_stale_or_replayed_delivery_is_refused_by_the_receivers_library(
    article, editor
):
    with receiver() as (url, received):
        endpoint = PartnerEndpoint.objects.create(name="Agentur", url=url)
        # Sent ten minutes before the clock the receiver's library reads.
        sent = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=10)
        with time_machine.travel(sent, tick=False):
            services.correction_publish(
                content=article, editor=editor, kind="correction", text="Alt.",
                reports=[],
            )  # fmt: skip
        delivery = WebhookDelivery.objects.get()
        webhooks.resend(delivery)
    first, again = received
    with pytest.raises(WebhookVerificationError, match="too old"):
        standard(endpoint, *first)
    standard(endpoint, *again)  # the same event, sent now: good
    # Sent again: the same id, which is how a receiver knows it has it already.
    assert again[0]["webhook-id"] == first[0]["webhook-id"]


def test_a_partner_moving_over_gets_both_signatures_with_one_secret(article, editor):
    with receiver() as (url, received):
        endpoint = PartnerEndpoint.objects.create(
            name="Alt", url=url, legacy_signature=True
        )
        services.correction_publish(
            content=article, editor=editor, kind="correction", text="Es war 1891.",
            reports=[],
        )  # fmt: skip
    ((headers, body),) = received
    assert verify(endpoint.secret, headers["Newsroom-Signature"], body)
    standard(endpoint, headers, body)


def test_a_partner_catches_up_on_missed_events_signed_and_in_pages(
    client, article, editor, monkeypatch
):
    from correction_desk.partners import missed

    monkeypatch.setattr(missed, "PAGE", 2)
    with receiver(status=500) as (url, _):
        endpoint = PartnerEndpoint.objects.create(
            name="Agentur", url=url, body_format="ninjs"
        )
        note = services.correction_publish(
            content=article, editor=editor, kind="correction", text="Eins.", reports=[]
        )
        note = services.note_amend(note=note, editor=editor, text="Zwei.")
        services.note_withdraw(note=note, editor=editor, reason="Drei.")
    ids = [
        f"msg_{pk}"
        for pk in WebhookDelivery.objects.order_by("pk").values_list("pk", flat=True)
    ]
    path = f"/partner/{endpoint.key}/ereignisse/"
    seen = []
    page = client.get(path, {"after": ids[0]})
    while True:
        assert page["Cache-Control"] == "no-store"
        headers = {
            name: page[name]
            for name in ("webhook-id", "webhook-timestamp", "webhook-signature")
        }
        Webhook(endpoint.standard_secret).verify(page.content, headers)
        data = json.loads(page.content)
        seen += [event["id"] for event in data["events"]]
        for event in data["events"]:
            assert (
                json.loads(event["body"])["uri"]
                == f"tag:newsroom,2024:article:{article.pk}"
            )
        if not data["next"]:
            break
        page = client.get(data["next"])
    assert seen == ids[1:]


@pytest.mark.parametrize("after", ["12", "msg_x", "msg_99999999999", "msg_-1"])
def test_a_bad_event_id_gets_a_400_that_says_why(client, after):
    endpoint = PartnerEndpoint.objects.create(
        name="Agentur", url="https://example.org/"
    )
    page = client.get(f"/partner/{endpoint.key}/ereignisse/", {"after": after})
    assert page.status_code == 400
    assert "msg_12" in page.json()["error"]


def test_an_unknown_or_paused_endpoint_has_no_missed_events(client):
    paused = PartnerEndpoint.objects.create(
        name="Ruht", url="https://example.org/", active=False
    )
    for key in (paused.key, "0" * 32, "x"):
        assert client.get(f"/partner/{key}/ereignisse/").status_code == 404
