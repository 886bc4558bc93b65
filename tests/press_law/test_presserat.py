"""Press Council complaints: each decision on record, a public reprimand
published on the article's page and in the log with a due time the desk
reminds of, and every other decision on no public surface at all."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from correction_desk.models import CorrectionNote, PartnerEndpoint, WebhookDelivery
from correction_desk.press_law import services
from correction_desk.press_law.models import PresseratComplaint
from correction_desk.transparency.models import LogRecord
from tests.press_law.conftest import NOW

pytestmark = pytest.mark.django_db
Outcome = PresseratComplaint.Outcome

# Words that appear only in what the complaint and its decision say.
MARKER = "Zebrastreifenaffäre"
DECISION = (
    f"Der Beschwerdeausschuss rügt die Berichterstattung zur {MARKER}: Der Artikel "
    "verletzt die Sorgfaltspflicht nach Ziffer 2 des Pressekodex."
)


@pytest.fixture
def complaint(story, chief):
    return services.complaint_record(
        content=story,
        editor=chief,
        reference="0123/26/2",
        received_at=NOW - datetime.timedelta(days=1),
        subject=f"Ein Leser beschwert sich über die {MARKER}.",
    )


def decide(complaint, chief, outcome, text=DECISION):
    return services.complaint_decide(
        complaint=complaint,
        editor=chief,
        outcome=outcome,
        decided_on=datetime.date(2026, 2, 27),
        text=text,
    )


def test_a_public_reprimand_gets_a_due_time_and_the_desk_reminds_of_it(
    client, complaint, chief, clock, settings
):
    decided = decide(complaint, chief, Outcome.PUBLIC_REPRIMAND)
    assert decided.publish_due_at == NOW + datetime.timedelta(days=14)
    assert decided.awaits_publication
    client.force_login(chief)
    for page in ("admin:index", "admin:correction_desk_report_changelist"):
        body = client.get(reverse(page)).content.decode()
        assert "Öffentliche Rüge des Presserats zu „Gutachten verschwiegen“" in body
    clock.shift(datetime.timedelta(days=15))
    client.force_login(chief)  # the session has expired meanwhile
    body = client.get(reverse("admin:index")).content.decode()
    assert "<strong>überfällig</strong>" in body
    services.reprimand_publish(complaint=decided, editor=chief)
    body = client.get(reverse("admin:index")).content.decode()
    assert "Öffentliche Rüge des Presserats zu" not in body


def test_a_published_reprimand_is_on_the_page_and_in_the_log_as_its_own_type(
    client, complaint, chief, story, log_key
):
    PartnerEndpoint.objects.create(name="Agentur", url="https://partner.example/")
    published = services.reprimand_publish(
        complaint=decide(complaint, chief, Outcome.PUBLIC_REPRIMAND), editor=chief
    )
    note = published.note
    assert (note.kind, note.text) == (CorrectionNote.Kind.REPRIMAND, DECISION)
    page = client.get(story.get_absolute_url()).content.decode()
    notes = page[page.index('id="korrekturen"') :]
    assert "Öffentliche Rüge des Deutschen Presserats" in notes and MARKER in notes
    assert "Der Deutsche Presserat hat diesen Artikel öffentlich gerügt" in page
    log = client.get("/korrekturen/", {"type": "reprimand"}).content.decode()
    assert MARKER in log
    record = client.get("/korrekturen.json").json()
    assert record["corrections"][0]["type"] == "reprimand"
    assert WebhookDelivery.objects.get().payload["correction"]["type"] == "reprimand"
    assert LogRecord.objects.filter(note_id=note.pk).exists()
    assert "Presserat" in client.get("/korrekturen/feed/").content.decode()


def test_a_reprimand_is_published_once(complaint, chief):
    decided = decide(complaint, chief, Outcome.PUBLIC_REPRIMAND)
    services.reprimand_publish(complaint=decided, editor=chief)
    with pytest.raises(ValidationError):
        services.reprimand_publish(complaint=decided, editor=chief)
    with pytest.raises(ValidationError):
        decide(decided, chief, Outcome.HINWEIS)
    assert CorrectionNote.objects.count() == 1


@pytest.mark.parametrize(
    ("outcome", "decided_on", "text"),
    [
        ("", datetime.date(2026, 2, 27), DECISION),  # no decision
        ("gibt-es-nicht", datetime.date(2026, 2, 27), DECISION),
        (Outcome.HINWEIS, datetime.date(2026, 3, 5), DECISION),  # a day to come
        (Outcome.HINWEIS, None, DECISION),
        (Outcome.PUBLIC_REPRIMAND, datetime.date(2026, 2, 27), ""),  # nothing to show
    ],
)
def test_a_decision_the_desk_cannot_record_is_refused(
    complaint, chief, outcome, decided_on, text
):
    with pytest.raises(ValidationError):
        services.complaint_decide(
            complaint=complaint,
            editor=chief,
            outcome=outcome,
            decided_on=decided_on,
            text=text,
        )
    complaint.refresh_from_db()
    assert complaint.outcome == Outcome.PENDING


def test_every_decision_and_step_is_on_record(complaint, chief):
    decide(complaint, chief, Outcome.MISSBILLIGUNG)
    steps = list(complaint.steps.values_list("action", "reason"))
    assert steps == [("recorded", ""), ("decided", "Missbilligung")]


NOT_PUBLIC = [
    Outcome.PENDING,
    Outcome.UNFOUNDED,
    Outcome.HINWEIS,
    Outcome.MISSBILLIGUNG,
    Outcome.PRIVATE_REPRIMAND,
]


def public_surfaces(client, story) -> dict[str, str]:
    """Every public answer about the article and the record, by address."""
    pk = story.pk
    addresses = [
        story.get_absolute_url(),
        f"{story.get_absolute_url()}korrekturen.json",
        reverse("articles:versions", kwargs={"slug": story.slug}),
        "/",
        "/korrekturen/",
        "/korrekturen/?type=reprimand",
        "/korrekturen.json",
        "/korrekturen/feed/",
        "/korrekturen/feed/atom/",
        "/feed/",
        f"/korrekturen/articles.article/{pk}/newsml.xml",
        f"/korrekturen/articles.article/{pk}/ninjs.json",
        "/suche/?q=" + MARKER,
        "/suche/?q=Rüge",
        "/transparency/get-entries?start=0&end=50",
        "/sitemap.xml",
        "/sitemap-news.xml",
    ]
    answers = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        text = response.content.decode()
        if address.startswith("/suche/"):
            # The page repeats what was searched for: only its results count.
            text = "".join(re.findall(r'class="search-result".*?</li>', text, re.S))
        answers[address] = text
    return answers


@pytest.mark.parametrize("outcome", NOT_PUBLIC)
def test_a_decision_that_is_not_public_appears_on_no_public_surface(
    client, complaint, chief, story, outcome, log_key
):
    PartnerEndpoint.objects.create(name="Agentur", url="https://partner.example/")
    logged = LogRecord.objects.count()
    if outcome:
        decide(complaint, chief, outcome)
    with pytest.raises(ValidationError):
        services.reprimand_publish(complaint=complaint, editor=chief)
    surfaces = public_surfaces(client, story)
    leaks = [address for address, text in surfaces.items() if MARKER in text]
    assert leaks == []
    article = surfaces[story.get_absolute_url()]
    assert "gerügt" not in article and "Presserat" not in article
    assert not CorrectionNote.objects.exists()
    assert not WebhookDelivery.objects.exists()
    assert LogRecord.objects.count() == logged


def test_the_surfaces_checked_would_show_a_published_reprimand(
    client, complaint, chief, story, log_key
):
    """The check above looks where a public reprimand does appear."""
    services.reprimand_publish(
        complaint=decide(complaint, chief, Outcome.PUBLIC_REPRIMAND), editor=chief
    )
    surfaces = public_surfaces(client, story)
    showing = {address for address, text in surfaces.items() if MARKER in text}
    assert {
        story.get_absolute_url(),
        "/korrekturen/",
        "/korrekturen.json",
        "/korrekturen/feed/",
        f"/korrekturen/articles.article/{story.pk}/newsml.xml",
        f"/korrekturen/articles.article/{story.pk}/ninjs.json",
    } <= showing


def test_the_admin_decides_and_publishes_from_the_complaints_page(
    client, complaint, chief, story
):
    client.force_login(chief)
    decide_url = reverse(
        "admin:correction_desk_presseratcomplaint_decide", args=[complaint.pk]
    )
    refused = client.post(
        decide_url,
        {"outcome": "public_reprimand", "decided_on": "27.02.2026", "text": ""},
    )
    assert refused.status_code == 400
    assert "Geben Sie den Text der Entscheidung an" in refused.content.decode()
    client.post(
        decide_url,
        {"outcome": "public_reprimand", "decided_on": "27.02.2026", "text": DECISION},
    )
    change = reverse(
        "admin:correction_desk_presseratcomplaint_change", args=[complaint.pk]
    )
    assert "Pressekodex, Ziffer 16" in client.get(change).content.decode()
    client.post(
        reverse("admin:correction_desk_presseratcomplaint_publish", args=[complaint.pk])
    )
    complaint.refresh_from_db()
    assert complaint.note.kind == "reprimand"
    assert MARKER in client.get(story.get_absolute_url()).content.decode()
