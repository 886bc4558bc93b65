"""Plain text in every feed reaches feed readers as the same text, never as
markup, read by a real feed parser (feedparser, as aggregators use it)."""

import html
from html.parser import HTMLParser

import feedparser
import pytest

from correction_desk import services

pytestmark = pytest.mark.django_db

ATTACK = 'Tom & "Jerry" <img src=x onerror=alert(1)> <b>fett</b>'
NOTE = f"Es waren 11.000, nicht 10.000.\n\nDer Leser schrieb: {ATTACK}"


class Reader(HTMLParser):
    """What a feed reader shows of an HTML field: its text, and the tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def shown(detail) -> tuple[str, list[str]]:
    if detail["type"] == "text/html":
        reader = Reader()
        reader.feed(detail["value"])
        return " ".join("".join(reader.text).split()), reader.tags
    return " ".join(html.unescape(detail["value"]).split()), []


def plain(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def hostile(make_article, make_section, editor):
    section = make_section(name=f"Kultur {ATTACK}", slug="kultur")
    article = make_article(title=f"Titel {ATTACK}", lead=f"Vorspann {ATTACK}",
                           section=section)  # fmt: skip
    note = services.correction_publish(
        content=article, editor=editor, kind="correction", text=NOTE, reports=[]
    )
    withdrawn = services.correction_publish(
        content=article, editor=editor, kind="clarification", text=f"Zwei {ATTACK}",
        reports=[],
    )  # fmt: skip
    services.note_withdraw(note=withdrawn, editor=editor, reason=f"Grund {ATTACK}")
    return article, note


FEEDS = [
    "/feed/", "/feed/atom/", "/ressort/kultur/feed/", "/ressort/kultur/feed/atom/",
    "/korrekturen/feed/", "/korrekturen/feed/atom/",
]  # fmt: skip


@pytest.mark.parametrize("path", FEEDS)
def test_every_text_field_of_every_feed_is_shown_as_the_text_it_is(
    client, hostile, path
):
    from django.urls import resolve

    resolve(path)  # the addresses are real
    parsed = feedparser.parse(client.get(path).content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries
    for entry in parsed.entries:
        for field in ("title_detail", "summary_detail"):
            _text, tags = shown(entry[field])
            assert set(tags) <= {"p", "br"}, (path, field, tags)
    texts = [shown(entry["summary_detail"])[0] for entry in parsed.entries]
    titles = [shown(entry["title_detail"])[0] for entry in parsed.entries]
    if "korrekturen" in path:
        assert any(plain(NOTE) == text for text in texts)
        assert any(plain(f"Grund {ATTACK}") in text for text in texts)
    else:
        assert plain(f"Vorspann {ATTACK}") in texts
        assert plain(f"Titel {ATTACK}") in titles


def test_a_note_keeps_its_paragraphs_in_feeds(client, hostile):
    entry = feedparser.parse(client.get("/korrekturen/feed/").content).entries
    (value,) = [e["summary_detail"]["value"] for e in entry if "11.000" in e["summary"]]
    assert value.count("<p>") == 2


def test_json_the_site_sends_carries_the_text_and_no_markup(client, hostile):
    """The record (and the webhooks and JSON-LD, through the same encoder)."""
    import json

    raw = client.get("/korrekturen.json").content.decode()
    assert "<" not in raw and ">" not in raw
    texts = [note["text"] for note in json.loads(raw)["corrections"]]
    assert NOTE in texts


def test_a_partners_webhook_body_carries_no_markup(hostile, monkeypatch):
    from correction_desk.models import PartnerEndpoint, WebhookDelivery
    from correction_desk.partners import webhooks

    _article, note = hostile
    endpoint = PartnerEndpoint.objects.create(name="Agentur", url="https://p.example")
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, note=note, event="correction.published",
        payload=webhooks.payload(note, "correction.published"),
    )  # fmt: skip
    sent = {}

    def capture(method, url, *, body, headers, timeout):
        sent["body"] = body
        return type("Answer", (), {"status": 204})()

    monkeypatch.setattr(webhooks.outbound, "send", capture)
    webhooks.send(delivery)
    assert b"<" not in sent["body"]
    import json

    assert json.loads(sent["body"])["correction"]["text"] == NOTE


def test_e_mails_are_plain_text_carrying_the_readers_words_as_typed(
    article, django_capture_on_commit_callbacks
):
    """Plain text in, plain text out: no HTML part for a mail reader to render."""
    from django.core import mail

    from correction_desk.services import report_submit

    with django_capture_on_commit_callbacks(execute=True):
        report_submit(content=article, description=f"Falsch: {ATTACK}")
    (message,) = mail.outbox
    assert message.content_subtype == "plain" and not message.alternatives
    assert f"Falsch: {ATTACK}" in message.body
