"""A correction to a Wagtail page, where the public and partners read it: the
log, its feeds, the JSON record (against the schema we ship), a partner's
signed webhook."""

import json
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from jsonschema import Draft202012Validator

from correction_desk.models import PartnerEndpoint
from correction_desk.services import correction_apply, report_submit
from correction_desk.tests.test_webhooks import receiver, standard
from tests.hosts.wagtail_site.stories.models import StoryPage

# The schema the app ships, found as the site serves it.
SCHEMA = Path(finders.find("schema/corrections-record.schema.json"))
NOTE = "Der Hafen wurde 1891 eröffnet, nicht 1890."


@pytest.mark.django_db(transaction=True)
def test_the_note_reaches_the_log_feeds_record_and_a_partner(client, story, publisher):
    report = report_submit(content=story, passage="1890", description="1891.")
    with receiver() as (url, received):
        partner = PartnerEndpoint.objects.create(name="Agentur", url=url)
        correction_apply(
            content=story,
            editor=publisher,
            changes={"body": story.body.replace("1890", "1891")},
            seen=None,
            note_text=NOTE,
            reports=[report],
        )
    story = StoryPage.objects.get(pk=story.pk)

    assert NOTE in client.get(story.url).text
    assert NOTE in client.get(reverse("correction_desk:log")).text
    for name in ("feed", "feed-atom"):
        feed = feedparser.parse(client.get(reverse(f"correction_desk:{name}")).content)
        [entry] = feed.entries
        assert NOTE in entry.summary
        assert urlsplit(entry.link).path == story.url

    record = json.loads(client.get(reverse("correction_desk:record")).content)
    validator = Draft202012Validator(
        json.loads(SCHEMA.read_text()),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    assert [error.message for error in validator.iter_errors(record)] == []
    [entry] = record["corrections"]
    assert entry["text"] == NOTE and urlsplit(entry["url"]).path == story.url

    [(headers, body)] = received
    standard(partner, headers, body)  # raises unless the signature is good
    event = json.loads(body)
    assert NOTE in json.dumps(event, ensure_ascii=False)
