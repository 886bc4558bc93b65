"""A counter-statement on a Wagtail page: where the claim stood, through the
adapter's parts; and when Wagtail unpublishes the page, in the log instead."""

import datetime

import pytest
from django.utils import timezone

from correction_desk.press_law import services
from tests.hosts.wagtail_site.stories.models import StoryPage

TEXT = "Der Hafen gehört nicht mir. Hamburg, 2. März 2026, Hans Muster"


def demand(story, editor, part):
    return services.demand_record(
        content=story,
        editor=editor,
        claimant="Hans Muster",
        claims="Der Hafen gehört Hans Muster.",
        part=part,
        received_at=timezone.now() - datetime.timedelta(hours=1),
        channel="letter",
        written_and_signed=True,
        text=TEXT,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("part", "before", "after"),
    [
        ("title", "</h1>", "<figure>"),
        ("caption", "</figcaption>", 'data-report-part="body"'),
        ("body", 'data-report-part="body"', "</article>"),
    ],
)
def test_the_counter_statement_stands_where_the_claim_stood(
    client, story, publisher, part, before, after
):
    services.demand_publish(demand=demand(story, publisher, part), editor=publisher)
    page = client.get(story.url).content.decode()
    statement = page.index('<aside id="gegendarstellung-')
    assert page.index(before) < statement < page.index(after)
    assert TEXT in page


@pytest.mark.django_db
def test_unpublished_by_wagtail_it_moves_to_the_log(
    client, story, publisher, django_capture_on_commit_callbacks
):
    published = services.demand_publish(
        demand=demand(story, publisher, "title"), editor=publisher
    )
    with django_capture_on_commit_callbacks(execute=True):
        StoryPage.objects.get(pk=story.pk).unpublish()
    published.refresh_from_db()
    assert published.last_offered_at is not None
    log = client.get("/korrekturen/").content.decode()
    assert "Der Hafen gehört nicht mir." in log


@pytest.mark.django_db
def test_a_demand_names_the_page_by_its_public_address(story):
    from django.core.exceptions import ValidationError

    from correction_desk.triage.forms import ContentField

    field = ContentField()
    assert field.clean(f"https://www.stadtanzeiger.example{story.url}") == story
    assert field.clean(story.url.rstrip("/")) == story
    with pytest.raises(ValidationError):
        field.clean("/gibt-es-nicht/")
