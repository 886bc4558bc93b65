"""Counter-statements (Gegendarstellungen) on the desk: the periods § 20 Abs. 2
MStV fixes, the decisions and their grounds, the counter-statement where its
claim stood, and every public surface it reaches as its own type."""

import datetime
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.urls import reverse
from jsonschema import Draft202012Validator

from articles.services import article_publish, article_unpublish
from correction_desk import services as notes
from correction_desk.models import CorrectionNote, WebhookDelivery
from correction_desk.press_law import deadlines, services
from correction_desk.press_law.models import CounterStatementDemand, PressLawStep
from correction_desk.transparency.models import LogRecord
from tests.press_law.conftest import CLAIMS, NOW, TEXT

pytestmark = pytest.mark.django_db
Demand = CounterStatementDemand
BERLIN = ZoneInfo("Europe/Berlin")  # the newsroom's TIME_ZONE: days end there


def problems(demand) -> list[str]:
    return [finding.text for finding in deadlines.findings(demand) if not finding.ok]


# What the statute fixes.


def test_a_demand_in_time_in_writing_and_signed_meets_every_period(record_demand):
    demand = record_demand()
    assert problems(demand) == []
    assert deadlines.in_time(demand)


def test_three_months_after_the_text_was_first_offered_is_too_late(
    record_demand, clock
):
    # First offered 20 February: the last day is 20 May.
    clock.move_to(datetime.datetime(2026, 5, 22, 9, tzinfo=datetime.UTC))
    on_time = record_demand(
        received_at=datetime.datetime(2026, 5, 20, 23, 0, tzinfo=BERLIN)
    )
    late = record_demand(
        received_at=datetime.datetime(2026, 5, 21, 0, 30, tzinfo=BERLIN)
    )
    assert problems(on_time) == []
    assert problems(late) == [
        "Verspätet: mehr als 3 Monate nach dem ersten Angebot des Textes "
        "eingegangen (20. Mai 2026)."
    ]


def test_six_weeks_after_the_last_day_offered_is_too_late(record_demand, clock):
    last = NOW - datetime.timedelta(days=1)  # 1 March
    clock.move_to(NOW + datetime.timedelta(weeks=7))
    on_time = record_demand(
        last_offered_at=last, received_at=last + datetime.timedelta(weeks=6)
    )
    late = record_demand(
        last_offered_at=last,
        received_at=last + datetime.timedelta(weeks=6, days=1),
    )
    assert problems(on_time) == []
    assert problems(late) == [
        "Verspätet: mehr als 6 Wochen nach dem letzten Tag des Angebots "
        "eingegangen (12. April 2026)."
    ]


def test_the_periods_are_settings(record_demand, settings, clock):
    """Some Landespressegesetze count otherwise: a newsroom sets its own."""
    clock.move_to(NOW + datetime.timedelta(weeks=5))
    demand = record_demand(
        last_offered_at=NOW - datetime.timedelta(days=1),
        received_at=NOW + datetime.timedelta(weeks=4, days=2),
    )
    assert problems(demand) == []
    settings.CORRECTION_DESK_COUNTER_STATEMENT_WEEKS_AFTER_LAST_OFFERED = 4
    assert len(problems(demand)) == 1
    settings.CORRECTION_DESK_COUNTER_STATEMENT_MONTHS_AFTER_FIRST_OFFERED = 1
    assert len(problems(demand)) == 2


def test_a_demand_not_in_writing_or_unsigned_is_flagged(record_demand):
    demand = record_demand(channel="email", written_and_signed=False)
    assert problems(demand) == [
        "Nicht schriftlich oder nicht von der betroffenen Person oder ihrem "
        "gesetzlichen Vertreter unterzeichnet."
    ]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 5, 31), 3, datetime.date(2026, 8, 31)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 11, 30), 3, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 10, 15), 3, datetime.date(2027, 1, 15)),
    ],
)
def test_months_are_counted_as_calendar_months(day, months, expected):
    assert deadlines.add_months(day, months) == expected


def test_the_desk_says_how_long_a_demand_waits_and_when_it_is_overdue(
    record_demand, clock, settings
):
    demand = record_demand(received_at=NOW - datetime.timedelta(hours=2))
    assert deadlines.due_at(demand) == NOW + datetime.timedelta(hours=22)
    assert not deadlines.is_overdue(demand)
    clock.shift(datetime.timedelta(hours=23))
    assert deadlines.is_overdue(demand)
    settings.CORRECTION_DESK_COUNTER_STATEMENT_DUE_HOURS = 48
    assert not deadlines.is_overdue(demand)


def test_a_demand_cannot_arrive_in_the_future(record_demand):
    with pytest.raises(ValidationError):
        record_demand(received_at=NOW + datetime.timedelta(hours=1))


# Decisions, each with its reason, each on record.


def test_publishing_puts_the_text_unedited_where_the_claim_stood(record_demand, chief):
    demand = services.demand_publish(demand=record_demand(part="lead"), editor=chief)
    note = demand.note
    assert note.kind == CorrectionNote.Kind.COUNTER_STATEMENT
    assert note.text == TEXT
    assert note.placement == "lead"
    assert note.published_at == NOW
    assert demand.outcome == Demand.Outcome.PUBLISHED
    assert list(demand.steps.values_list("action", flat=True)) == [
        "recorded",
        "published",
    ]


def test_a_long_counter_statement_is_published_whole(record_demand, chief):
    long_text = "Ich stelle fest: " + "Das ist nicht wahr. " * 300
    demand = services.demand_publish(demand=record_demand(text=long_text), editor=chief)
    assert demand.note.text == long_text.strip()


def test_a_refusal_needs_a_legal_ground_and_the_letter(record_demand, chief):
    demand = record_demand()
    with pytest.raises(ValidationError):
        services.demand_refuse(demand=demand, editor=chief, ground="", letter="Nein.")
    with pytest.raises(ValidationError):
        services.demand_refuse(demand=demand, editor=chief, ground="late", letter="")
    refused = services.demand_refuse(
        demand=demand,
        editor=chief,
        ground="not_factual",
        letter="Ihre Gegendarstellung enthält Wertungen.",
    )
    assert refused.outcome == Demand.Outcome.REFUSED
    assert refused.get_ground_display() == (
        "die Gegendarstellung beschränkt sich nicht auf Tatsachen"
    )
    step = refused.steps.last()
    assert (step.action, step.editor) == ("refused", chief)
    assert "Wertungen" in step.reason
    assert CorrectionNote.objects.count() == 0


def test_a_decided_demand_is_not_decided_again(record_demand, chief):
    published = services.demand_publish(demand=record_demand(), editor=chief)
    with pytest.raises(ValidationError):
        services.demand_publish(demand=published, editor=chief)
    with pytest.raises(ValidationError):
        services.demand_refuse(
            demand=published, editor=chief, ground="late", letter="Zu spät."
        )
    assert CorrectionNote.objects.count() == 1


def test_a_refused_demand_is_published_only_after_a_court_order(record_demand, chief):
    demand = services.demand_refuse(
        demand=record_demand(), editor=chief, ground="late", letter="Zu spät."
    )
    with pytest.raises(ValidationError):
        services.demand_publish(demand=demand, editor=chief)
    published = services.demand_publish(
        demand=demand, editor=chief, court_order="LG Hamburg, 12.03.2026, 324 O 1/26"
    )
    assert published.outcome == Demand.Outcome.COURT_ORDER
    assert published.steps.last().action == PressLawStep.Action.COURT_ORDER
    assert "324 O 1/26" in published.steps.last().reason


# Where it stands on the page.

PARTS = {
    # part: (what comes before it, what comes after it)
    "title": ('class="article-title"', 'class="article-lead"'),
    "lead": ('class="article-lead"', 'class="article-body"'),
    "caption": ("Die Stadträtin im Rat.", 'class="article-body"'),
    "body": ("Das Gutachten fehlte.", 'class="article-footer"'),
}


@pytest.mark.parametrize("part", PARTS)
def test_the_counter_statement_stands_next_to_its_claim(
    client, record_demand, chief, story, part
):
    services.demand_publish(demand=record_demand(part=part), editor=chief)
    page = client.get(story.get_absolute_url()).content.decode()
    before, after = PARTS[part]
    statement = page.index('class="counter-statement')
    assert page.index(before) < statement < page.index(after)
    assert page.count('<aside id="gegendarstellung-') == 1
    aside = page[statement : page.index("</aside>", statement)]
    assert "Gegendarstellung" in aside
    assert "ich hätte das Gutachten verschwiegen" in aside


def test_the_reply_of_the_editors_stands_apart(client, record_demand, chief, story):
    services.demand_publish(
        demand=record_demand(part="title"),
        editor=chief,
        reply="Die Redaktion bleibt bei ihrer Darstellung.",
    )
    page = client.get(story.get_absolute_url()).content.decode()
    statement = page.index('class="counter-statement')
    aside = page[statement : page.index("</aside>", statement)]
    assert "Redaktion bleibt" not in aside
    notes_section = page[page.index('id="korrekturen"') :]
    assert "Redaktion bleibt" in notes_section
    assert "Erwiderung der Redaktion auf eine Gegendarstellung" in notes_section
    assert "ich hätte das Gutachten verschwiegen" not in notes_section
    # Not the newsroom's correction: the notice under the headline says nothing.
    assert 'class="correction-notice"' not in page


def test_it_changes_only_with_a_reason_and_keeps_its_type(record_demand, chief):
    note = services.demand_publish(demand=record_demand(), editor=chief).note
    with pytest.raises(ValidationError):
        notes.note_amend(note=note, editor=chief, text=TEXT + " Ergänzt.")
    with pytest.raises(ValidationError):
        notes.note_amend(
            note=note, editor=chief, text=TEXT, kind="correction", reason="Typ."
        )
    amended = notes.note_amend(
        note=note,
        editor=chief,
        text=TEXT.replace("3. Februar", "4. Februar"),
        reason="Schreibfehler der Betroffenen, von ihr schriftlich berichtigt.",
    )
    assert "4. Februar" in amended.text
    change = amended.changes.last()
    assert change.reason.startswith("Schreibfehler")
    assert change.previous_text == TEXT


def test_editors_cannot_give_their_own_notes_a_legal_type(client, chief, story):
    client.force_login(chief)
    add = reverse("admin:correction_desk_correctionnote_add")
    response = client.post(
        add,
        {
            "content_key": f"articles.article:{story.pk}",
            "kind": "counter_statement",
            "text": "Eine erfundene Gegendarstellung.",
        },
    )
    assert response.status_code == 200
    assert "ist keine gültige Auswahl" in response.content.decode()
    assert not CorrectionNote.objects.exists()


# When the claim is offered no more.


def test_offline_it_stays_in_the_log_as_long_as_the_claim_was_offered(
    client, record_demand, chief, story, clock, django_capture_on_commit_callbacks
):
    demand = services.demand_publish(demand=record_demand(), editor=chief)
    clock.shift(datetime.timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        article_unpublish(article=story, editor=chief)
    demand.refresh_from_db()
    demand.note.refresh_from_db()
    # Offered from 20 February to 4 March: twelve days from then.
    assert demand.last_offered_at == NOW + datetime.timedelta(days=2)
    assert demand.note.shown_until == NOW + datetime.timedelta(days=14)
    log = client.get("/korrekturen/", {"type": "counter_statement"})
    assert "ich hätte das Gutachten verschwiegen" in log.content.decode()
    assert (
        "Der Artikel wird nicht mehr angeboten; seine Gegendarstellung steht hier "
        "bis 16. März 2026." in log.content.decode()
    )
    assert f'href="{story.get_absolute_url()}' not in log.content.decode()
    record = client.get("/korrekturen.json").json()
    assert [c["type"] for c in record["corrections"]] == ["counter_statement"]
    clock.shift(datetime.timedelta(days=12, minutes=1))
    later = client.get("/korrekturen/", {"type": "counter_statement"})
    assert "ich hätte das Gutachten verschwiegen" not in later.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=story, editor=chief)
    demand.refresh_from_db()
    assert demand.last_offered_at is None
    page = client.get(story.get_absolute_url()).content.decode()
    assert 'class="counter-statement' in page


def test_a_demand_for_content_already_offline_goes_straight_to_the_log(
    client, record_demand, chief, story, clock, django_capture_on_commit_callbacks
):
    clock.shift(datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        article_unpublish(article=story, editor=chief)
    demand = record_demand()
    assert demand.last_offered_at == NOW + datetime.timedelta(days=1)
    demand = services.demand_publish(demand=demand, editor=chief)
    assert demand.note.shown_until == NOW + datetime.timedelta(days=12)
    log = client.get("/korrekturen/").content.decode()
    assert "ich hätte das Gutachten verschwiegen" in log


# Every public surface, as its own type.


@pytest.fixture
def published(record_demand, chief, log_key):
    from correction_desk.models import PartnerEndpoint

    PartnerEndpoint.objects.create(name="Agentur", url="https://partner.example/")
    return services.demand_publish(demand=record_demand(), editor=chief)


def test_it_reaches_the_log_and_its_feeds_as_a_counter_statement(client, published):
    log = client.get("/korrekturen/", {"type": "counter_statement"}).content.decode()
    assert "Gegendarstellung" in log and "Gutachten am 3. Februar" in log
    assert (
        "Gutachten am 3. Februar"
        not in client.get("/korrekturen/", {"type": "correction"}).content.decode()
    )
    feed = client.get("/korrekturen/feed/").content.decode()
    assert "<category>Gegendarstellung</category>" in feed
    assert f"#gegendarstellung-{published.note.pk}" in feed


def test_it_reaches_the_json_record_valid_against_the_schema(client, published):
    schema = json.loads(
        Path(finders.find("schema/corrections-record.schema.json")).read_text()
    )
    record = client.get("/korrekturen.json").json()
    Draft202012Validator(schema).validate(record)
    (entry,) = record["corrections"]
    assert (entry["type"], entry["type_label"]) == (
        "counter_statement",
        "Gegendarstellung",
    )
    assert entry["text"] == TEXT
    assert entry["url"].endswith(f"#gegendarstellung-{published.note.pk}")


def test_it_reaches_partners_and_the_transparency_log(published):
    delivery = WebhookDelivery.objects.get()
    assert delivery.payload["correction"]["type"] == "counter_statement"
    record = LogRecord.objects.get(note_id=published.note.pk)
    assert record.kind == LogRecord.Kind.NOTE_PUBLISHED
    assert f"#gegendarstellung-{published.note.pk} " in record.data


def test_structured_data_calls_it_a_comment_not_a_correction(client, published):
    page = client.get(published.content.get_absolute_url()).content.decode()
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', page, re.S
        ).group(1)
    )
    assert data["correction"] == []
    (comment,) = data["comment"]
    assert (comment["@type"], comment["name"]) == ("Comment", "Gegendarstellung")
    assert comment["text"] == TEXT


def test_the_newsml_item_carries_it_in_an_ednote(client, published):
    story = published.content
    xml = client.get(f"/korrekturen/articles.article/{story.pk}/newsml.xml")
    assert xml.status_code == 200
    assert "Gegendarstellung (" in xml.content.decode()


# The person who demanded it.


def test_the_person_affected_follows_the_demand_by_a_private_link(
    client, record_demand, chief
):
    from correction_desk.press_law.status import claimant_status_url

    demand = record_demand()
    url = claimant_status_url(demand)
    page = client.get(url)
    assert page.status_code == 200
    assert "wird geprüft" in page.content.decode()
    assert "no-cache" in page["Cache-Control"] or "private" in page["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in page.content.decode()
    services.demand_refuse(
        demand=demand, editor=chief, ground="no_interest", letter="Sehr geehrte …"
    )
    refused = client.get(url).content.decode()
    assert "abgelehnt" in refused and "kein berechtigtes Interesse" in refused
    assert client.get(url[:-5] + "xxxx/").status_code == 404
    assert CLAIMS not in refused  # the claims are the newsroom's file, not shown


def test_the_private_link_leads_to_the_published_counter_statement(
    client, record_demand, chief
):
    from correction_desk.press_law.status import claimant_status_url

    demand = services.demand_publish(demand=record_demand(), editor=chief)
    page = client.get(claimant_status_url(demand)).content.decode()
    assert "veröffentlicht" in page
    assert f"#gegendarstellung-{demand.note.pk}" in page


def test_nothing_about_the_demand_shows_before_it_is_published(
    client, record_demand, story
):
    record_demand()
    page = client.get(story.get_absolute_url()).content.decode()
    assert "Gegendarstellung" not in page
    assert "Gutachten am 3. Februar" not in client.get("/korrekturen/").content.decode()


def test_publish_from_the_admin_keeps_what_was_typed_on_refusal(
    client, record_demand, chief
):
    demand = services.demand_refuse(
        demand=record_demand(), editor=chief, ground="late", letter="Zu spät."
    )
    client.force_login(chief)
    url = reverse(
        "admin:correction_desk_counterstatementdemand_publish", args=[demand.pk]
    )
    response = client.post(url, {"reply": "Wir bleiben dabei.", "court_order": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Gerichtsentscheidung" in body
    assert "Wir bleiben dabei." in body
    assert not CorrectionNote.objects.exists()


INLINE = {"changes-TOTAL_FORMS": "0", "changes-INITIAL_FORMS": "0"}


def test_the_admin_amends_a_long_counter_statement_only_with_a_reason(
    client, record_demand, chief
):
    long_text = "Ich stelle fest: " + "Das ist nicht wahr. " * 300
    note = services.demand_publish(
        demand=record_demand(text=long_text), editor=chief
    ).note
    client.force_login(chief)
    url = reverse("admin:correction_desk_correctionnote_change", args=[note.pk])
    changed = long_text.strip() + " Hamburg, 25. Februar 2026"
    without = client.post(url, {**INLINE, "text": changed, "reason": ""})
    assert without.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in without.content.decode()
    note.refresh_from_db()
    assert note.text == long_text.strip()
    done = client.post(
        url, {**INLINE, "text": changed, "reason": "Ort und Datum fehlten."}
    )
    assert done.status_code == 302
    note.refresh_from_db()
    assert (note.text, note.kind) == (changed, "counter_statement")
    assert note.changes.last().reason == "Ort und Datum fehlten."


def test_under_the_four_eyes_rule_it_waits_for_a_second_editor(
    client, record_demand, chief, editor, settings, story, clock
):
    from correction_desk.press_law.status import claimant_status_url

    settings.CORRECTION_DESK_NOTES_NEED_APPROVAL = True
    clock.shift(datetime.timedelta(days=1))
    article_unpublish(article=story, editor=chief)
    demand = services.demand_publish(demand=record_demand(), editor=chief)
    assert demand.note.published_at is None
    assert "wird veröffentlicht" in client.get(claimant_status_url(demand)).text
    assert "Gutachten am 3. Februar" not in client.get("/korrekturen/").text
    with pytest.raises(ValidationError):
        notes.note_approve(note=demand.note, editor=chief)  # not its author
    note = notes.note_approve(note=demand.note, editor=editor)
    note.refresh_from_db()
    assert note.shown_until == NOW + datetime.timedelta(days=12)
    assert "Gutachten am 3. Februar" in client.get("/korrekturen/").text


def test_on_a_page_of_an_embedding_site_it_heads_the_frame(client, chief, clock):
    """The desk cannot reach into a host's page: the frame shows it first."""
    from correction_desk.embed.models import EmbedSite, ExternalPage

    site = EmbedSite.objects.create(
        name="Lokalzeitung", origins="https://www.lokalzeitung.example", language="de"
    )
    url = "https://www.lokalzeitung.example/2026/hafen.html"
    assert client.get(f"/embed/{site.key}/", {"url": url}).status_code == 200
    page = ExternalPage.objects.get()
    demand = services.demand_record(
        content=page,
        editor=chief,
        claimant="Erika Beispiel",
        claims=CLAIMS,
        part="body",
        received_at=NOW,
        channel="letter",
        written_and_signed=True,
        text=TEXT,
    )
    services.demand_publish(demand=demand, editor=chief, reply="Wir bleiben dabei.")
    frame = client.get(f"/embed/{site.key}/", {"url": url}).content.decode()
    statement = frame.index('<aside id="gegendarstellung-')
    assert statement < frame.index("Wir bleiben dabei.") < frame.index("<form")
