"""The transparency log and Memento on Wagtail pages: every version Wagtail
publishes is logged through the adapter's hook, with the text readers read,
and a page taken offline leaves its records behind with a removal."""

import datetime
import hashlib

import pytest
import time_machine
from django.utils.http import http_date

from correction_desk.transparency.models import Checkpoint, LogRecord
from correction_desk.transparency.signed_note import (
    Signer,
    open_note,
    parse_checkpoint,
)
from tests.hosts.wagtail_site.stories.models import StoryPage

FIRST = datetime.datetime(2026, 3, 2, 9, 0, 0, 600000, tzinfo=datetime.UTC)
SECOND = FIRST + datetime.timedelta(hours=2)


@pytest.fixture
def signer(settings):
    key = Signer.generate("localhost/transparency")
    settings.CORRECTION_DESK_LOG_KEY = key.private_text()
    return key


@pytest.fixture
def two_versions(signer, make_story, django_capture_on_commit_callbacks):
    """Published at FIRST, revised at SECOND; the clock stays at SECOND for the
    rest of the scenario, so that no second boundary falls inside it."""
    with time_machine.travel(FIRST, tick=False) as clock:
        with django_capture_on_commit_callbacks(execute=True):
            story = make_story()
        clock.move_to(SECOND)
        with django_capture_on_commit_callbacks(execute=True):
            story.body = story.body.replace("1890", "1891")
            story.save_revision().publish()
        yield StoryPage.objects.get(pk=story.pk)


def test_each_version_wagtail_publishes_is_logged_with_its_text(client, two_versions):
    story = two_versions
    records = list(LogRecord.objects.all())
    assert [r.kind for r in records] == ["version", "version"]
    assert records[1].number == story.live_revision_id
    assert records[0].url == "http://localhost/der-hafen/"
    for record in records:
        text = client.get(f"/transparency/text/{record.index}").content
        assert hashlib.sha256(text).hexdigest() == record.text_sha256
    assert b"1890" in client.get(f"/transparency/text/{records[0].index}").content


def test_the_checkpoint_is_signed_for_both(client, two_versions, signer):
    note = client.get("/transparency/checkpoint").content.decode()
    origin, size, _ = parse_checkpoint(open_note(note, signer.verifier_text()))
    assert (origin, size) == ("localhost/transparency", 2)
    assert Checkpoint.objects.count() == 2


def test_a_page_taken_offline_leaves_its_records_and_a_removal(
    client, two_versions, django_capture_on_commit_callbacks
):
    story = two_versions
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    records = list(LogRecord.objects.values_list("kind", "reason"))
    assert records == [("version", ""), ("version", ""), ("removed", "unpublished")]
    assert client.get("/transparency/text/0").status_code == 410


def test_the_timegate_answers_with_the_version_in_force(client, two_versions):
    story = two_versions
    first = LogRecord.objects.first()
    gate = f"/transparency/memento/timegate/stories.storypage/{story.pk}"
    an_hour_later = FIRST + datetime.timedelta(hours=1)
    answer = client.get(
        gate, headers={"accept-datetime": http_date(an_hour_later.timestamp())}
    )
    assert answer.status_code == 302
    assert answer["Location"].endswith(f"/{first.number}")
    assert answer["Vary"] == "accept-datetime"
    memento = client.get(answer["Location"])
    assert memento.status_code == 200
    assert "1890" in memento.text
    assert memento["Memento-Datetime"] == http_date(FIRST.timestamp())
    latest = client.get(
        gate, headers={"accept-datetime": http_date(SECOND.timestamp() + 60)}
    )
    assert latest["Location"].endswith(f"/{story.live_revision_id}")
    refused = client.get(gate, headers={"accept-datetime": "gestern"})
    assert refused.status_code == 400
